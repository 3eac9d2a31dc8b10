// The next call after this one: when nobody answered, after the back-off
// (settings.callBackoffDays, counted over the unanswered calls in a row); or on
// the follow-up day the collector chose. Planned first (no write), so the call's
// own timeline entry can say when; written after it, as a call task and its
// `call_scheduled` entry.
import { and, desc, eq } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { activities, tasks } from '../db/schema.ts';
import { UNANSWERED_OUTCOMES, type CallOutcome } from '../domain/call-outcomes.ts';
import type { BusinessCalendar, IsoDate } from '../domain/dates.ts';
import { backoffDays, nextCallTime } from '../domain/next-call.ts';
import type { Settings } from '../domain/settings.ts';

export interface NextCallPlan {
  on: IsoDate;
  dueAt: Date;
  /** The debtor's zone the time was chosen in. */
  timeZone: string;
  /** The unanswered attempt this follows (1 = the first in a row); absent for a chosen day. */
  attempt?: number;
}

/** How far back the unanswered run is counted: past the longest back-off list, the last value repeats anyway. */
const RUN_LOOKBACK = 50;

async function unansweredInARow(tx: Tx, workspaceId: string, caseId: number): Promise<number> {
  const recent = await tx.select({ data: activities.data }).from(activities)
    .where(and(eq(activities.workspaceId, workspaceId), eq(activities.caseId, caseId), eq(activities.kind, 'call_logged')))
    .orderBy(desc(activities.occurredAt), desc(activities.id)).limit(RUN_LOOKBACK);
  let run = 0;
  for (const { data } of recent) {
    const outcome = (data as { outcome?: unknown }).outcome;
    if (typeof outcome !== 'string' || !(UNANSWERED_OUTCOMES as readonly string[]).includes(outcome)) break;
    run++;
  }
  return run;
}

/** Null when this call needs no next one (an answered call without a follow-up day, or a dispute, which pauses instead). */
export async function planNextCall(tx: Tx, input: {
  workspaceId: string; caseId: number; outcome: CallOutcome; followUpOn: IsoDate | null;
  now: Date; timeZone: string; country: BusinessCalendar; settings: Settings;
}): Promise<NextCallPlan | null> {
  if (input.outcome === 'disputed') return null;
  const base = { now: input.now, timeZone: input.timeZone, country: input.country, window: input.settings.callingWindow };
  if (input.followUpOn) return { ...nextCallTime({ ...base, on: input.followUpOn }), timeZone: input.timeZone };
  if (!UNANSWERED_OUTCOMES.includes(input.outcome)) return null;
  // Counted before this call is written: this one is the next in the run.
  const attempt = (await unansweredInARow(tx, input.workspaceId, input.caseId)) + 1;
  const after = backoffDays(input.settings.callBackoffDays, attempt);
  return { ...nextCallTime({ ...base, afterBusinessDays: after }), timeZone: input.timeZone, attempt };
}

export async function writeNextCall(tx: Tx, input: {
  workspaceId: string; caseId: number; customerId: number; assigneeId: string; userId: string; now: Date; plan: NextCallPlan;
}): Promise<number> {
  const [task] = await tx.insert(tasks).values({
    workspaceId: input.workspaceId, caseId: input.caseId, kind: 'call', assigneeId: input.assigneeId, dueAt: input.plan.dueAt, createdBy: input.userId,
  }).returning({ id: tasks.id });
  const taskId = task!.id;
  await tx.insert(activities).values({
    workspaceId: input.workspaceId, caseId: input.caseId, customerId: input.customerId, kind: 'call_scheduled',
    actorId: input.userId, occurredAt: input.now,
    data: { task_id: taskId, next_on: input.plan.on, ...(input.plan.attempt !== undefined ? { attempt: input.plan.attempt } : {}) },
  });
  return taskId;
}
