// The digest use cases a person asks for: preview today's, post it now,
// schedule a channel, stop it. Schedules live in PostgreSQL; the queue only
// mirrors them (jobs/scheduler.ts).
import type { Queue } from 'bullmq';
import { TransactionRollbackError } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { digestForDay, type DigestData } from '../db/digest.ts';
import { deleteSchedule, digestStatus, saveSchedule, type DigestScheduleRow } from '../db/digest-schedules.ts';
import type { Workspace } from '../db/workspaces.ts';
import { isBusinessDay, nextBusinessDay, type IsoDate } from '../domain/dates.ts';
import type { DigestJobData } from '../../jobs/digest.ts';
import { queueDigestRun, scheduleChannel, unscheduleChannel } from '../../jobs/scheduler.ts';
import { recentUnconfirmed } from './digest-recovery.ts';
import { businessCalendar } from './post-digest.ts';

/**
 * The digest as it would be posted, for a person to look at: it writes nothing.
 * Reading can rebuild the day's balances (and open cases) when nobody has read
 * today yet; here that happens in a transaction that is rolled back, so a preview
 * never leaves case_opened entries on the append-only timeline.
 */
export async function previewDigest(db: Db, workspace: { id: string; timezone: string }, channelId: string, date: IsoDate, now: Date): Promise<DigestData> {
  let data: DigestData | undefined;
  try {
    await db.transaction(async (tx) => {
      data = await digestForDay(tx, workspace, channelId, date, now);
      tx.rollback();
    });
  } catch (error) {
    if (!(error instanceof TransactionRollbackError)) throw error;
  }
  if (!data) throw new Error('previewDigest: the digest was not computed');
  return data;
}

export async function scheduleDigest(db: Db, queue: Queue | null, input: {
  workspace: Workspace; channelId: string; localTime: string; timezone?: string; weekdays?: number[]; by: string; now: Date;
}): Promise<DigestScheduleRow> {
  const schedule = await saveSchedule(db, {
    workspaceId: input.workspace.id, channelId: input.channelId, localTime: input.localTime,
    timezone: input.timezone ?? input.workspace.timezone, weekdays: input.weekdays ?? [1, 2, 3, 4, 5], enabledBy: input.by,
  }, input.now);
  if (queue) await scheduleChannel(queue, db, { ...schedule, country: input.workspace.country }, input.now);
  return schedule;
}

/** True when the channel had a schedule. */
export async function stopDigest(db: Db, queue: Queue | null, workspaceId: string, channelId: string): Promise<boolean> {
  const removed = await deleteSchedule(db, workspaceId, channelId);
  if (queue) await unscheduleChannel(queue, workspaceId, channelId);
  return removed;
}

export type DigestNowOutcome =
  | { kind: 'queued' }
  | { kind: 'already_posted' }
  | { kind: 'not_business_day'; next: IsoDate }
  /** relance stopped on that day's digest, unsure what is in the channel: a manager must look, then confirm or show it. */
  | { kind: 'unconfirmed'; day: IsoDate };

/**
 * Queues today's digest for a worker, unless today's is already in the
 * channel; a run of the day that failed or finished without posting is run
 * again. While a recent day waits for a manager ('unconfirmed'), nothing is
 * queued: the answer names that day, whose messages come first.
 */
export async function requestDigestNow(db: Db, queue: Queue | null, target: { workspace: Workspace; channelId: string; today: IsoDate }):
  Promise<DigestNowOutcome> {
  const { workspace, channelId, today } = target;
  const waiting = await recentUnconfirmed(db, workspace.id, channelId, today);
  if (waiting) return { kind: 'unconfirmed', day: waiting.businessDate };
  const calendar = businessCalendar(workspace);
  if (!isBusinessDay(today, calendar)) return { kind: 'not_business_day', next: nextBusinessDay(today, calendar) };
  const status = await digestStatus(db, workspace.id, channelId, today);
  if (status === 'posted') return { kind: 'already_posted' };
  const data: DigestJobData = { workspaceId: workspace.id, channelId, businessDate: today, manual: true };
  if (queue) await queueDigestRun(queue, db, data, 0);
  return { kind: 'queued' };
}
