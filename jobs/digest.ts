// The "digest" job: post one channel's digest for one business day, then
// queue the channel's next one. Idempotent: the job id names the day, and the
// database refuses a second digest for the same channel and day anyway.
import type { Job } from 'bullmq';
import { findSchedule } from '../src/db/digest-schedules.ts';
import { DigestBusyError, postDigest, type PostDigestDeps, type PostDigestResult } from '../src/services/post-digest.ts';

export interface DigestJobData {
  workspaceId: string;
  channelId: string;
  businessDate: string;
  /** The schedule this run was computed from; a changed schedule makes the run stale. */
  localTime?: string;
  timezone?: string;
  /** Asked for with `/collect digest now`: runs whatever the schedule. */
  manual?: boolean;
}

/**
 * One id per channel, day and schedule: re-adding it is a no-op, and a changed
 * time or zone gives a new id, so the old run can be told apart and removed.
 */
export function digestJobId(d: Pick<DigestJobData, 'workspaceId' | 'channelId' | 'businessDate' | 'manual' | 'localTime' | 'timezone'>): string {
  const base = `${d.workspaceId}.${d.channelId}.${d.businessDate}`;
  if (d.manual) return `digest-now.${base}`;
  return `digest.${base}.${(d.localTime ?? '').replace(':', '')}.${(d.timezone ?? '').replace(/[^A-Za-z0-9_+-]/g, '_')}`;
}

const KEEP_DONE_SECONDS = 8 * 24 * 3600;

/** Retries with backoff (a busy or failed attempt comes back); finished jobs are kept a week, then dropped. */
export const DIGEST_JOB_OPTIONS = {
  attempts: 10,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: { age: KEEP_DONE_SECONDS },
  removeOnFail: { age: KEEP_DONE_SECONDS },
} as const;

export type DigestJobResult = PostDigestResult | { kind: 'stale' };

export async function runDigestJob(deps: PostDigestDeps, data: DigestJobData, afterRun?: (data: DigestJobData) => Promise<void>): Promise<DigestJobResult> {
  if (!data.manual) {
    const schedule = await findSchedule(deps.db, data.workspaceId, data.channelId);
    if (!schedule || schedule.localTime !== data.localTime || schedule.timezone !== data.timezone) return { kind: 'stale' };
  }
  const result = await postDigest(deps, data);
  // Another worker holds the digest (or took it over from this one): let BullMQ retry later rather than finish.
  if (result.kind === 'busy' || result.kind === 'lease_lost') throw new DigestBusyError(`digest ${result.digestId} is being posted by another worker`);
  if (afterRun) await afterRun(data);
  return result;
}

export function digestProcessor(deps: PostDigestDeps, afterRun: (data: DigestJobData) => Promise<void>) {
  return (job: Job<DigestJobData>) => runDigestJob(deps, job.data, afterRun);
}
