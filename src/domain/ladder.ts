// The dunning ladder (SPEC §1): days relative to the oldest unpaid due date.
// Per workspace it is a setting (`ladder`, src/domain/ladder-setting.ts); this
// is the default a new workspace gets, and what each step does.

/** The steps a ladder may have, in the only order they can come. */
export const STEP_ORDER = ['pre_due', 'reminder_1', 'reminder_2', 'call', 'reminder_3', 'formal_notice', 'agency_or_legal'] as const;
export type LadderStepKey = (typeof STEP_ORDER)[number];

/**
 * What `cases.stage` may hold: a step, or the route a manager picked at the
 * last step (`agency`, `legal`), which ranks with that step.
 */
export type LadderStage = LadderStepKey | 'agency' | 'legal';

export type Approval = 'none' | 'manager';

export interface LadderStep {
  stage: LadderStepKey;
  day: number;
  approval: Approval;
}

export const DEFAULT_LADDER: readonly LadderStep[] = [
  { stage: 'pre_due', day: -7, approval: 'none' },
  { stage: 'reminder_1', day: 1, approval: 'none' },
  { stage: 'reminder_2', day: 10, approval: 'none' },
  { stage: 'call', day: 15, approval: 'none' },
  { stage: 'reminder_3', day: 30, approval: 'none' },
  { stage: 'formal_notice', day: 45, approval: 'manager' },
  // One step with two routes: the manager who approves picks the agency or the court.
  { stage: 'agency_or_legal', day: 60, approval: 'manager' },
];

/** What reaching a step does: a reminder drafted, a call to make, or an escalation for a manager to approve. */
export type LadderAction = 'draft' | 'call' | 'escalation';

export const STEP_ACTION: Readonly<Record<LadderStepKey, LadderAction>> = {
  pre_due: 'draft',
  reminder_1: 'draft',
  reminder_2: 'draft',
  call: 'call',
  reminder_3: 'draft',
  formal_notice: 'escalation',
  agency_or_legal: 'escalation',
};

/** Fixed per step: a formal notice and a hand-off always wait for a manager; the rest never do. */
export const STEP_APPROVAL: Readonly<Record<LadderStepKey, Approval>> = {
  pre_due: 'none',
  reminder_1: 'none',
  reminder_2: 'none',
  call: 'none',
  reminder_3: 'none',
  formal_notice: 'manager',
  agency_or_legal: 'manager',
};

/**
 * The escalation a manager step proposes. The last step proposes both routes
 * in one request: it is filed as `agency` and flagged with its stage
 * (escalations.proposed_stage), and the approving manager picks the route.
 */
export const STEP_ESCALATION: Readonly<Partial<Record<LadderStepKey, 'notice' | 'agency'>>> = {
  formal_notice: 'notice',
  agency_or_legal: 'agency',
};

/** The steps a case climbs; `pre_due` comes before any case exists. */
export const isCaseStep = (stage: LadderStepKey): boolean => stage !== 'pre_due';

/** A stage's place on the ladder; -1 for a case on no stage yet. */
export function stageRank(stage: LadderStage | null): number {
  if (stage === null) return -1;
  return STEP_ORDER.indexOf(stage === 'agency' || stage === 'legal' ? 'agency_or_legal' : stage);
}

/** From this many days overdue a case needs a phone call. */
export const callFromDay = (ladder: readonly LadderStep[] = DEFAULT_LADDER): number =>
  ladder.find((s) => s.stage === 'call')?.day ?? 15;
