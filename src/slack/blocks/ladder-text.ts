// The ladder in words, the same in `/collect ladder` and `/collect settings`.
import { STEP_ORDER, type LadderStep } from '../../domain/ladder.ts';
import type { Translator } from '../../i18n/messages.ts';

export const stageLabel = (t: Translator, stage: string): string => t(`stage.${stage}` as 'stage.reminder_1');

export const ladderDay = (t: Translator, day: number): string => t('ladder.day', { day });

/** "courtesy reminder day −7 · reminder 1 day +1 · …", one line. */
export const ladderLine = (t: Translator, steps: readonly LadderStep[]): string =>
  steps.map((s) => t('settings.value.ladderStep', { stage: stageLabel(t, s.stage), day: ladderDay(t, s.day) })).join(' · ');

/** The steps a ladder has turned off, in ladder order. */
export const stepsOff = (steps: readonly LadderStep[]): string[] => STEP_ORDER.filter((key) => !steps.some((s) => s.stage === key));
