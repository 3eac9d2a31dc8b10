// The default dunning ladder (SPEC §1): days relative to the oldest unpaid due
// date. Per workspace it is a setting; this is what a new workspace gets.

export type LadderStage = 'pre_due' | 'reminder_1' | 'reminder_2' | 'call' | 'reminder_3' | 'formal_notice' | 'agency' | 'legal';

export interface LadderStep {
  stage: LadderStage;
  day: number;
  approval: 'none' | 'manager';
}

export const DEFAULT_LADDER: readonly LadderStep[] = [
  { stage: 'pre_due', day: -7, approval: 'none' },
  { stage: 'reminder_1', day: 1, approval: 'none' },
  { stage: 'reminder_2', day: 10, approval: 'none' },
  { stage: 'call', day: 15, approval: 'none' },
  { stage: 'reminder_3', day: 30, approval: 'none' },
  { stage: 'formal_notice', day: 45, approval: 'manager' },
  { stage: 'agency', day: 60, approval: 'manager' },
];

/** From this many days overdue a case needs a phone call. */
export const callFromDay = (ladder: readonly LadderStep[] = DEFAULT_LADDER): number =>
  ladder.find((s) => s.stage === 'call')?.day ?? 15;
