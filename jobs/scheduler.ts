// Mirrors the digest schedules kept in PostgreSQL into delayed BullMQ jobs:
// one pending job per scheduled channel, for its next run. Run at start-up
// and every few minutes, so a flushed or restarted Redis loses nothing.
import type { Queue } from 'bullmq';
import { allSchedules, digestStatus, type DigestScheduleRow } from '../src/db/digest-schedules.ts';
import type { Queryable } from '../src/db/client.ts';
import { dueTodayRun, nextDigestRun, type DigestRun } from '../src/domain/digest-schedule.ts';
import { isBusinessCalendar } from '../src/domain/dates.ts';
import { DIGEST_JOB_OPTIONS, digestJobId, type DigestJobData } from './digest.ts';

export interface ScheduledRun extends DigestRun {
  jobId: string;
  channelId: string;
  workspaceId: string;
}

type Schedule = DigestScheduleRow & { country: string };

async function runFor(db: Queryable, schedule: Schedule, now: Date): Promise<DigestRun | null> {
  const calendar = isBusinessCalendar(schedule.country) ? schedule.country : 'none';
  const spec = { localTime: schedule.localTime, timezone: schedule.timezone, weekdays: schedule.weekdays };
  // Today's slot has passed: catch up if the schedule already stood then (Redis lost the job,
  // workers were down), not when someone just set a time that is already behind us.
  const today = dueTodayRun(spec, now, calendar);
  if (today && schedule.updatedAt <= today.at && (await dayNeedsRun(db, { ...schedule, businessDate: today.businessDate }))) return today;
  return nextDigestRun(spec, now, calendar);
}

/** Not posted, and not waiting for a person to say what is in the channel ('unconfirmed'). */
async function dayNeedsRun(db: Queryable, day: Pick<DigestJobData, 'workspaceId' | 'channelId' | 'businessDate'>): Promise<boolean> {
  const status = await digestStatus(db, day.workspaceId, day.channelId, day.businessDate);
  return status === null || status === 'posting';
}

/**
 * Queues a run under its id. BullMQ ignores an add whose id it still keeps, so
 * a run that failed for good, or finished without posting (the bot was not in
 * the channel yet), is removed first when its day still needs a run.
 */
export async function queueDigestRun(queue: Queue, db: Queryable, data: DigestJobData, delayMs: number): Promise<string> {
  const jobId = digestJobId(data);
  const existing = await queue.getJob(jobId);
  const state = existing ? await existing.getState() : null;
  if ((state === 'failed' || state === 'completed') && (await dayNeedsRun(db, data))) {
    // Another worker's reconcile may revive it at the same moment: one of the two removes wins.
    await existing!.remove().catch(() => {});
  }
  // An existing job with this id (waiting, delayed, active) makes this a no-op.
  await queue.add('digest', data, { ...DIGEST_JOB_OPTIONS, jobId, delay: delayMs });
  return jobId;
}

export async function scheduleChannel(queue: Queue, db: Queryable, schedule: Schedule, now: Date): Promise<ScheduledRun | null> {
  const run = await runFor(db, schedule, now);
  const data: DigestJobData | null = run && {
    workspaceId: schedule.workspaceId, channelId: schedule.channelId, businessDate: run.businessDate,
    localTime: schedule.localTime, timezone: schedule.timezone,
  };
  const jobId = data && digestJobId(data);
  await removeStale(queue, schedule.workspaceId, schedule.channelId, jobId);
  if (!run || !data || !jobId) return null;
  await queueDigestRun(queue, db, data, Math.max(0, run.at.getTime() - now.getTime()));
  return { ...run, jobId, channelId: schedule.channelId, workspaceId: schedule.workspaceId };
}

/** Pending runs of this channel other than `keepId` (an old time, a channel turned off). */
async function removeStale(queue: Queue, workspaceId: string, channelId: string, keepId: string | null): Promise<void> {
  const pending = await queue.getJobs(['delayed', 'waiting']);
  for (const job of pending) {
    const d = job.data as DigestJobData;
    if (d.workspaceId === workspaceId && d.channelId === channelId && !d.manual && job.id !== keepId) await job.remove().catch(() => {});
  }
}

export async function unscheduleChannel(queue: Queue, workspaceId: string, channelId: string): Promise<void> {
  await removeStale(queue, workspaceId, channelId, null);
}

/** Brings Redis in line with PostgreSQL for every schedule. */
export async function reconcileSchedules(queue: Queue, db: Queryable, now: Date): Promise<ScheduledRun[]> {
  const runs: ScheduledRun[] = [];
  for (const schedule of await allSchedules(db)) {
    const run = await scheduleChannel(queue, db, schedule, now);
    if (run) runs.push(run);
  }
  return runs;
}
