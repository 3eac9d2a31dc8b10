// Where the ladder takes a case on a given day, and what happens when it gets
// there. The daily pass does this set-based in SQL (src/db/ladder-pass.ts);
// this is the rule in one place, which that SQL follows (a test holds them equal).
import { addDays, type IsoDate } from './dates.ts';
import { isCaseStep, stageRank, STEP_ACTION, STEP_ESCALATION, type LadderAction, type LadderStage, type LadderStep, type LadderStepKey } from './ladder.ts';

/** Only open cases move: promised, paused, escalated and closed cases stay where they are. */
export const MOVING_STATUS = 'open';

export interface CaseOnLadder {
  stage: LadderStage | null;
  status: string;
  /** Today minus the oldest unpaid due date of the customer (any currency). */
  daysOverdue: number;
}

export interface LadderMove {
  from: LadderStage | null;
  to: LadderStepKey;
  /** The day of the step it lands on. */
  day: number;
  /** How many steps of the ladder it passes, the landing one included. */
  steps: number;
  /**
   * The landing step was crossed longer ago than the catch-up window, past
   * other steps (a ledger imported late, a case back from a long pause): it
   * lands without drafting or calling anything stale.
   */
  catchUp: boolean;
  action: LadderAction;
  /** The step's action runs (a draft, a call task); false for a catch-up landing. */
  acts: boolean;
  /** A manager step files its escalation proposal even on a catch-up landing: the case would otherwise wait there forever. */
  proposes: 'notice' | 'agency' | null;
}

/**
 * The last step after the case's stage whose day has come; null when none has.
 * Several steps at once act only at the landing step, and only when its day
 * is at most `catchUpDays` ago; one step at a time always acts (a pass the
 * workers missed still owes that reminder).
 */
export function planCaseMove(c: CaseOnLadder, ladder: readonly LadderStep[], catchUpDays: number): LadderMove | null {
  if (c.status !== MOVING_STATUS) return null;
  const rank = stageRank(c.stage);
  const due = ladder.filter((s) => isCaseStep(s.stage) && stageRank(s.stage) > rank && s.day <= c.daysOverdue);
  const target = due.at(-1);
  if (!target) return null;
  const catchUp = due.length > 1 && c.daysOverdue - target.day > catchUpDays;
  const action = STEP_ACTION[target.stage];
  return {
    from: c.stage, to: target.stage, day: target.day, steps: due.length, catchUp, action,
    acts: !catchUp,
    proposes: STEP_ESCALATION[target.stage] ?? null,
  };
}

/**
 * The due dates whose courtesy reminder is owed today: the `pre_due` day has
 * come (due date ≤ today − day), at most `catchUpDays` ago, and the invoice is
 * not due yet. Null when the ladder has no `pre_due` step.
 */
export function preDueRange(ladder: readonly LadderStep[], catchUpDays: number, today: IsoDate): { from: IsoDate; to: IsoDate } | null {
  const step = ladder.find((s) => s.stage === 'pre_due');
  if (!step) return null;
  const to = addDays(today, -step.day);
  const earliest = addDays(today, -step.day - catchUpDays);
  const tomorrow = addDays(today, 1);
  const from = earliest > tomorrow ? earliest : tomorrow;
  return from <= to ? { from, to } : null;
}
