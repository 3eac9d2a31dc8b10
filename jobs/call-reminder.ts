// Call reminders: one delayed job per call task and due time, which DMs the
// assignee when the call falls due. The job id carries the due time, so a
// rescheduled task gets a new job, and the old one finds, when it fires, that
// the task no longer has that due time and sends nothing. The DM goes through
// the outbox under the same key: a job run twice queues one message.
import type { Job, Queue } from 'bullmq';
import { and, eq, gte, lte, ne } from 'drizzle-orm';
import type { Db, Queryable } from '../src/db/client.ts';
import { enqueueChannelPost } from '../src/db/channel-posts.ts';
import { cases, customers, tasks, workspaces } from '../src/db/schema.ts';
import { isTimeZone, localParts } from '../src/domain/dates.ts';
import { formatWeekdayDate } from '../src/i18n/format.ts';
import { translator } from '../src/i18n/messages.ts';

export const CALL_REMINDER_JOB = 'call-reminder';
/** The worker's reconcile re-adds the reminders of calls due within this span (a flushed Redis loses none). */
export const REMINDER_HORIZON_MS = 24 * 60 * 60_000;

export interface CallReminderJobData {
  workspaceId: string;
  taskId: number;
  dueAtMs: number;
}

// BullMQ refuses ':' in ids.
export const reminderKey = (taskId: number, dueAtMs: number) => `reminder.${taskId}.${dueAtMs}`;

const JOB_OPTIONS = {
  // Kept a while so the reconcile's re-adding of a done reminder is a no-op rather than a second run.
  removeOnComplete: { age: 2 * 24 * 3600 },
  removeOnFail: { age: 7 * 24 * 3600 },
  attempts: 5,
  backoff: { type: 'exponential', delay: 10_000 },
} as const;

export async function scheduleCallReminder(queue: Queue, data: CallReminderJobData, now: Date): Promise<void> {
  await queue.add(CALL_REMINDER_JOB, data, { ...JOB_OPTIONS, jobId: reminderKey(data.taskId, data.dueAtMs), delay: Math.max(0, data.dueAtMs - now.getTime()) });
}

/**
 * Queues a reminder from a request handler. Redis being away must not fail
 * the user's action: the worker's reconcile rebuilds the reminder from the task.
 */
export async function queueCallReminder(
  queue: Queue | null, data: CallReminderJobData, now: Date, logger: { warn(obj: object, msg: string): void },
): Promise<void> {
  if (!queue) return;
  try {
    await scheduleCallReminder(queue, data, now);
  } catch (e) {
    logger.warn({ err: (e as Error).message, taskId: data.taskId }, 'could not queue the call reminder');
  }
}

export type CallReminderResult = { kind: 'sent'; postId: number } | { kind: 'stale' };

/** When the job fires: the DM, only if the task is still open with that due time. */
export async function runCallReminder(db: Db, data: CallReminderJobData, now: Date): Promise<CallReminderResult> {
  return db.transaction(async (tx) => {
    const [task] = await tx.select({
      assigneeId: tasks.assigneeId, dueAt: tasks.dueAt, name: customers.name, ref: customers.customerRef,
      debtorZone: customers.timezone, zone: workspaces.timezone, locale: workspaces.locale,
    }).from(tasks)
      .innerJoin(cases, eq(cases.id, tasks.caseId))
      .innerJoin(customers, eq(customers.id, cases.customerId))
      .innerJoin(workspaces, eq(workspaces.id, tasks.workspaceId))
      .where(and(eq(tasks.workspaceId, data.workspaceId), eq(tasks.id, data.taskId), eq(tasks.kind, 'call'), eq(tasks.status, 'open')));
    if (!task?.assigneeId || task.dueAt.getTime() !== data.dueAtMs) return { kind: 'stale' };
    const t = translator(task.locale);
    const zone = task.debtorZone && isTimeZone(task.debtorZone) ? task.debtorZone : task.zone;
    const at = localParts(task.dueAt, zone);
    const text = t('callReminder.due', { name: task.name, ref: task.ref, date: formatWeekdayDate(at.date, task.locale, t), time: at.time, zone });
    const postId = await enqueueChannelPost(tx, {
      workspaceId: data.workspaceId, target: { to: 'user', userId: task.assigneeId }, text, key: reminderKey(data.taskId, data.dueAtMs), now,
    });
    return { kind: 'sent', postId };
  });
}

export function callReminderProcessor(db: Db, clock: () => Date) {
  return (job: Job<CallReminderJobData>) => runCallReminder(db, job.data, clock());
}

/**
 * Rebuilds the reminders of open calls due soon (or recently, unsent) from
 * PostgreSQL; stable ids make it a no-op when they exist. Calls relance gave
 * out itself (created by 'system') are announced in one DM per person instead
 * (src/services/auto-assign.ts): a reminder each would all ring at once.
 */
export async function reconcileCallReminders(queue: Queue, db: Queryable, now: Date): Promise<number> {
  const due = await db.select({ workspaceId: tasks.workspaceId, taskId: tasks.id, dueAt: tasks.dueAt }).from(tasks)
    .where(and(eq(tasks.kind, 'call'), eq(tasks.status, 'open'), ne(tasks.createdBy, 'system'),
      gte(tasks.dueAt, new Date(now.getTime() - REMINDER_HORIZON_MS)), lte(tasks.dueAt, new Date(now.getTime() + REMINDER_HORIZON_MS))));
  for (const d of due) await scheduleCallReminder(queue, { workspaceId: d.workspaceId, taskId: d.taskId, dueAtMs: d.dueAt.getTime() }, now);
  return due.length;
}
