// Text people type or paste into Slack, before it is read or stored.
import { stripControlsKeepingLines } from './control-characters.ts';

/**
 * Characters nobody means to type (control-characters.ts: NUL, BEL, ESC, the
 * bidirectional overrides…) removed; line breaks, which a note may really
 * hold, kept as "\n", and tabs kept.
 */
export const stripControls = (text: string): string => stripControlsKeepingLines(text);
