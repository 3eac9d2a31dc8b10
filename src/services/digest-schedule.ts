// The digest use cases a person asks for: preview today's, post it now,
// schedule a channel, stop it. Schedules live in PostgreSQL; the queue only
// mirrors them (jobs/scheduler.ts).
import type { Queue } from 'bullmq';
import type { Db } from '../db/client.ts';
import { deleteSchedule, digestPosted, saveSchedule, type DigestScheduleRow } from '../db/digest-schedules.ts';
import type { Workspace } from '../db/workspaces.ts';
import type { IsoDate } from '../domain/dates.ts';
import { DIGEST_JOB_OPTIONS, digestJobId, type DigestJobData } from '../../jobs/digest.ts';
import { scheduleChannel, unscheduleChannel } from '../../jobs/scheduler.ts';

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

/** Queues today's digest for a worker, unless today's is already in the channel. */
export async function requestDigestNow(db: Db, queue: Queue | null, target: { workspaceId: string; channelId: string; today: IsoDate }):
  Promise<'already_posted' | 'queued'> {
  if (await digestPosted(db, target.workspaceId, target.channelId, target.today)) return 'already_posted';
  const data: DigestJobData = { workspaceId: target.workspaceId, channelId: target.channelId, businessDate: target.today, manual: true };
  await queue?.add('digest', data, { ...DIGEST_JOB_OPTIONS, jobId: digestJobId(data) });
  return 'queued';
}
