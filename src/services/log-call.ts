// Logging a call's outcome, and what the outcome sets in motion, in one
// transaction with the `call_logged` entry: a promise (recordPromise), the next
// attempt after no answer or a voicemail (the back-off) or on the follow-up day
// chosen, the phone flagged wrong, the case paused for a dispute (pauseCase), a
// payment the debtor claims (finance confirms it: the balance moves only when
// the payment is imported or recorded), an escalation suggested after a
// refusal. A refused promise or pause rolls the whole call back: the collector
// corrects it and logs the call once.
import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { readSettings } from '../db/settings.ts';
import { activities, cases, customers, slackEvents, tasks, workspaces } from '../db/schema.ts';
import type { CallOutcome, DisputeReason } from '../domain/call-outcomes.ts';
import { addDays, isBusinessCalendar, isTimeZone, todayIn, WEEKENDS_ONLY, type IsoDate } from '../domain/dates.ts';
import { pauseCase, type PauseCaseResult } from './pause-case.ts';
import { recordPromise, type RecordPromiseResult } from './record-promise.ts';
import { planNextCall, writeNextCall, type NextCallPlan } from './schedule-next-call.ts';

export { CALL_OUTCOMES, isCallOutcome, type CallOutcome } from '../domain/call-outcomes.ts';

/** A dispute logged without a follow-up day pauses the case this long: time for the dispute to be looked into. */
export const DISPUTE_PAUSE_DAYS = 30;

export interface LogCallInput {
  workspaceId: string;
  caseId: number;
  userId: string;
  outcome: CallOutcome;
  note: string | null;
  now: Date;
  via?: 'command' | 'modal';
  /**
   * Names this submission (Slack's view id). The timeline is
   * append-only, so a replayed submission must not write again: the key is
   * recorded with the entry, in the same transaction, and a second one is a no-op.
   */
  submissionKey?: string;
  /** Required for `promised`. `currency` null: the case's only overdue currency. */
  promise?: { amountCents: number; currency: string | null; dueOn: IsoDate };
  /** For `paid`: what the debtor says they paid, if the collector noted it. */
  claimed?: { amountCents: number; currency: string } | null;
  /** For `disputed` (default `other`). */
  dispute?: DisputeReason;
  /** The next follow-up: a call that day (instead of the back-off), or the end of a dispute's pause. */
  followUpOn?: IsoDate | null;
}

export type PromiseRefusal = Exclude<RecordPromiseResult, { kind: 'recorded' }>;
export type PauseRefusal = Exclude<PauseCaseResult, { kind: 'paused' }>;

export interface LoggedCall {
  kind: 'logged';
  name: string;
  ref: string;
  outcome: CallOutcome;
  nextCall: NextCallPlan | null;
  /** The task of the next call, for its reminder. */
  nextTaskId?: number;
  promise?: { amountCents: number; currency: string; dueOn: IsoDate };
  paused?: { until: IsoDate; dispute: DisputeReason };
  claimed?: { amountCents: number; currency: string } | null;
}

export type LogCallResult =
  | LoggedCall
  | { kind: 'no_case' }
  | { kind: 'closed'; name: string }
  | { kind: 'duplicate' }
  | { kind: 'promise_refused'; refusal: PromiseRefusal }
  | { kind: 'pause_refused'; refusal: PauseRefusal };

/** Thrown inside the transaction to roll back everything written so far, and caught outside it. */
class Refused extends Error {
  readonly result: LogCallResult;
  constructor(result: LogCallResult) {
    super(`call not logged: ${result.kind}`);
    this.result = result;
  }
}

const CLOSED = ['resolved', 'written_off'];

async function lockCase(tx: Tx, workspaceId: string, caseId: number) {
  const [row] = await tx.select({
    id: cases.id, status: cases.status, customerId: cases.customerId, name: customers.name, ref: customers.customerRef,
    debtorZone: customers.timezone, zone: workspaces.timezone, country: workspaces.country,
  }).from(cases)
    .innerJoin(customers, eq(customers.id, cases.customerId))
    .innerJoin(workspaces, eq(workspaces.id, cases.workspaceId))
    .where(and(eq(cases.workspaceId, workspaceId), eq(cases.id, caseId)))
    .for('update', { of: cases });
  return row;
}

export async function logCall(db: Db, input: LogCallInput): Promise<LogCallResult> {
  try {
    return await db.transaction((tx) => logIn(tx, input));
  } catch (error) {
    if (error instanceof Refused) return error.result;
    throw error;
  }
}

async function logIn(tx: Tx, input: LogCallInput): Promise<LogCallResult> {
  const kase = await lockCase(tx, input.workspaceId, input.caseId);
  if (!kase) return { kind: 'no_case' };
  if (CLOSED.includes(kase.status)) return { kind: 'closed', name: kase.name };
  if (input.submissionKey) {
    // slack_events holds Slack's event ids (Ev…); these keys never collide with them.
    const first = await tx.insert(slackEvents).values({ eventId: input.submissionKey, workspaceId: input.workspaceId })
      .onConflictDoNothing().returning({ key: slackEvents.eventId });
    if (first.length === 0) return { kind: 'duplicate' };
  }
  const today = todayIn(kase.zone, input.now);
  const timeZone = kase.debtorZone && isTimeZone(kase.debtorZone) ? kase.debtorZone : kase.zone;
  const country = isBusinessCalendar(kase.country) ? kase.country : WEEKENDS_ONLY;
  const settings = await readSettings(tx, input.workspaceId);
  const { outcome } = input;
  const followUpOn = input.followUpOn ?? null;
  const nextCall = await planNextCall(tx, { workspaceId: input.workspaceId, caseId: kase.id, outcome, followUpOn, now: input.now, timeZone, country, settings });
  const entry = { workspaceId: input.workspaceId, caseId: kase.id, customerId: kase.customerId, actorId: input.userId, occurredAt: input.now };

  // The caller's call is made; any next one is a new task, written below.
  await tx.update(tasks).set({ status: 'done', closedAt: input.now }).where(and(
    eq(tasks.workspaceId, input.workspaceId), eq(tasks.caseId, kase.id), eq(tasks.kind, 'call'), eq(tasks.status, 'open'), eq(tasks.assigneeId, input.userId),
  ));
  await tx.insert(activities).values({ ...entry, kind: 'call_logged', note: input.note, data: { outcome, ...(nextCall ? { next_on: nextCall.on } : {}) } });

  const logged: LoggedCall = { kind: 'logged', name: kase.name, ref: kase.ref, outcome, nextCall };
  switch (outcome) {
    case 'promised': {
      if (!input.promise) throw new Error('a promised call needs the promise');
      // The promise's own transaction nests in this one (a savepoint): its refusal undoes the call too.
      const promised = await recordPromise(tx, {
        workspaceId: input.workspaceId, caseId: kase.id, userId: input.userId, ...input.promise,
        note: input.note, now: input.now, today, via: input.via ?? 'command',
      });
      if (promised.kind !== 'recorded') throw new Refused({ kind: 'promise_refused', refusal: promised });
      logged.promise = { amountCents: promised.amountCents, currency: promised.currency, dueOn: promised.dueOn };
      break;
    }
    case 'disputed': {
      const dispute = input.dispute ?? 'other';
      const paused = await pauseCase(tx, {
        workspaceId: input.workspaceId, caseId: kase.id, userId: input.userId, until: followUpOn ?? addDays(today, DISPUTE_PAUSE_DAYS),
        reason: 'dispute', dispute, note: input.note, now: input.now, today,
      });
      if (paused.kind !== 'paused') throw new Refused({ kind: 'pause_refused', refusal: paused });
      logged.paused = { until: paused.until, dispute };
      break;
    }
    case 'wrong_number':
      await tx.update(customers).set({ phoneWrongAt: input.now, updatedAt: input.now }).where(eq(customers.id, kase.customerId));
      await tx.insert(activities).values({ ...entry, kind: 'phone_flagged_wrong', data: {} });
      break;
    case 'paid': {
      const claimed = input.claimed ?? null;
      await tx.insert(activities).values({
        ...entry, kind: 'payment_claimed', note: input.note,
        data: claimed ? { amount_cents: claimed.amountCents, currency: claimed.currency } : {},
      });
      logged.claimed = claimed;
      break;
    }
    case 'refused':
      await tx.insert(activities).values({ ...entry, kind: 'escalation_suggested', data: {} });
      break;
    default:
      break;
  }
  if (nextCall) {
    logged.nextTaskId = await writeNextCall(tx, { workspaceId: input.workspaceId, caseId: kase.id, customerId: kase.customerId, assigneeId: input.userId, userId: input.userId, now: input.now, plan: nextCall });
  }
  return logged;
}

