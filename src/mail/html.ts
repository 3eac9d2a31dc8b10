// CONTRACT STUB (helper "mail-content" replaces the body; keep the signature).
import type { Locale } from '../i18n/messages.ts';

/** The HTML part of a reminder: the approved plain text, escaped, its paragraphs, invoice lines and links laid out. */
export function reminderHtml(input: { subject: string; text: string; locale: Locale }): string {
  void input;
  throw new Error('not built yet');
}
