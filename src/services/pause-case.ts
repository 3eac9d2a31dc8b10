// Pausing a case (a dispute, a payment plan, anything else that means "do not
// chase until…") and resuming it. A paused case scores 0 on the worklist and
// its open calls are cancelled: a pause means nobody calls until it ends.
// Pausing a paused case moves its date (and reason); the timeline keeps both.
import { and, desc, eq, sql } from 'drizzle-orm';
import { updatePriorities } from '../db/balances.ts';
import { rows, type Db, type Tx } from '../db/client.ts';
import { resumePaused } from '../db/pauses.ts';
import { activities, cases, customers, tasks } from '../db/schema.ts';
import { todayIn, type IsoDate } from '../domain/dates.ts';
import type { DisputeReason, PauseReason } from '../domain/pause-args.ts';

// The words live with their parser; exported here too, where callers of pauseCase look.
export { DISPUTE_REASONS, PAUSE_REASONS, type DisputeReason, type PauseReason } from '../domain/pause-args.ts';

export interface PauseCaseInput {
  workspaceId: string;
  caseId: number;
  userId: string;
  until: IsoDate;
  reason: PauseReason;
  /** Only kept when `reason` is 'dispute'. */
  dispute?: DisputeReason;
  note: string | null;
  now: Date;
  today: IsoDate;
}

export type PauseCaseResult =
  | {
    kind: 'paused'; name: string; until: IsoDate;
    /** The date the pause had before, when the case was already paused. */
    previousUntil: IsoDate | null;
    /** Open calls of the case this pause cancelled. */
    cancelledCalls: number;
  }
  | { kind: 'no_case' }
  | { kind: 'past_date'; today: IsoDate }
  | { kind: 'closed' };

/** `status`: what the case is now (after a resume: open, promised, or the escalation the pause interrupted). */
export type ResumeCaseResult = { kind: 'resumed'; name: string; status: string } | { kind: 'not_paused'; name: string; status: string } | { kind: 'no_case' };

const CLOSED = ['resolved', 'written_off'];

async function lockCase(tx: Tx, workspaceId: string, caseId: number) {
  const [row] = await tx.select({
    id: cases.id, status: cases.status, customerId: cases.customerId, pausedUntil: cases.pausedUntil, name: customers.name,
  }).from(cases).innerJoin(customers, eq(customers.id, cases.customerId))
    .where(and(eq(cases.workspaceId, workspaceId), eq(cases.id, caseId)))
    .for('update', { of: cases });
  return row;
}

/** The status the pause interrupted: for a case already paused, the one its first pause recorded. */
async function statusBeforePause(tx: Tx, workspaceId: string, caseId: number, status: string): Promise<string> {
  if (status !== 'paused') return status;
  const [last] = await tx.select({ data: activities.data }).from(activities)
    .where(and(eq(activities.workspaceId, workspaceId), eq(activities.caseId, caseId), eq(activities.kind, 'case_paused')))
    .orderBy(desc(activities.occurredAt), desc(activities.id)).limit(1);
  const previous = (last?.data as { previous_status?: unknown } | undefined)?.previous_status;
  return typeof previous === 'string' ? previous : 'open';
}

export async function pauseCase(db: Db, input: PauseCaseInput): Promise<PauseCaseResult> {
  return db.transaction(async (tx) => {
    const kase = await lockCase(tx, input.workspaceId, input.caseId);
    if (!kase) return { kind: 'no_case' };
    if (CLOSED.includes(kase.status)) return { kind: 'closed' };
    if (input.until <= input.today) return { kind: 'past_date', today: input.today };
    const previousStatus = await statusBeforePause(tx, input.workspaceId, kase.id, kase.status);
    const previousUntil = kase.status === 'paused' ? kase.pausedUntil : null;
    const cancelled = await tx.update(tasks).set({ status: 'cancelled', closedAt: input.now })
      .where(and(eq(tasks.workspaceId, input.workspaceId), eq(tasks.caseId, kase.id), eq(tasks.kind, 'call'), eq(tasks.status, 'open')))
      .returning({ id: tasks.id });
    await tx.update(cases).set({ status: 'paused', pausedUntil: input.until, pauseReason: input.reason, updatedAt: input.now })
      .where(eq(cases.id, kase.id));
    const dispute = input.reason === 'dispute' && input.dispute ? { dispute: input.dispute } : {};
    await tx.insert(activities).values({
      workspaceId: input.workspaceId, caseId: kase.id, customerId: kase.customerId, kind: 'case_paused',
      actorId: input.userId, occurredAt: input.now, note: input.note,
      data: {
        until: input.until, reason: input.reason, ...dispute,
        previous_status: previousStatus,
        ...(previousUntil ? { previous_until: previousUntil } : {}),
        ...(cancelled.length > 0 ? { cancelled_calls: cancelled.length } : {}),
      },
    });
    await updatePriorities(tx, { workspaceId: input.workspaceId, today: input.today, customerIds: [kase.customerId] });
    return { kind: 'paused', name: kase.name, until: input.until, previousUntil, cancelledCalls: cancelled.length };
  });
}

/** The day the workspace's balance rows were computed for, so a rescore ages them as they are. */
async function balancesDay(tx: Tx, workspaceId: string, now: Date): Promise<IsoDate> {
  const [ws] = await rows<{ as_of: string | null; timezone: string }>(tx, sql`
    select to_char(balances_as_of, 'YYYY-MM-DD') as as_of, timezone from workspaces where id = ${workspaceId}`);
  return ws?.as_of ?? todayIn(ws?.timezone ?? 'UTC', now);
}

export async function resumeCase(db: Db, input: { workspaceId: string; caseId: number; userId: string; now: Date }): Promise<ResumeCaseResult> {
  return db.transaction(async (tx) => {
    const kase = await lockCase(tx, input.workspaceId, input.caseId);
    if (!kase) return { kind: 'no_case' };
    if (kase.status !== 'paused') return { kind: 'not_paused', name: kase.name, status: kase.status };
    const [resumed] = await resumePaused(tx, { workspaceId: input.workspaceId, which: { caseId: kase.id }, actorId: input.userId, now: input.now });
    await updatePriorities(tx, { workspaceId: input.workspaceId, today: await balancesDay(tx, input.workspaceId, input.now), customerIds: [kase.customerId] });
    return { kind: 'resumed', name: kase.name, status: resumed?.status ?? 'open' };
  });
}

/**
 * Resumes every case of the workspace whose pause ends on or before `today`
 * (the workspace's day): one statement, one `case_resumed` per case, actor
 * 'system'; then rescores those customers. Run by the balances job.
 */
export async function resumeEndedPauses(db: Db, input: { workspaceId: string; today: IsoDate; now: Date }): Promise<number> {
  return db.transaction(async (tx) => {
    const resumed = await resumePaused(tx, { workspaceId: input.workspaceId, which: { endedBy: input.today }, actorId: 'system', now: input.now });
    if (resumed.length > 0) {
      await updatePriorities(tx, { workspaceId: input.workspaceId, today: input.today, customerIds: resumed.map((r) => r.customerId) });
    }
    return resumed.length;
  });
}
