// The channel posters: one BullMQ job per channel (or DM), under a stable id,
// drains that channel's outbox in order at Slack's pace, a batch at a time,
// and puts itself back (same id) while there is more. Adding a job whose id is
// waiting, delayed or running is a no-op, so kicks never double a poster, and
// each finished job is removed so the next kick can start it again.
//
// Nobody has to tell the posters about new activities: every worker polls the
// outbox every few seconds (an index scan over pending rows) and kicks the
// channels that have work. A Slack request that wrote something kicks its
// workspace at once (`kickCasePosts`), so threads follow within a second or so.
import { DelayedError, Worker, type Job, type Queue } from 'bullmq';
import type { Queryable } from '../src/db/client.ts';
import type { PosterKey } from '../src/db/poster-lease.ts';
import type { Logger } from '../src/log.ts';
import { drainChannel, type ChannelPosterDeps, type DrainResult } from '../src/services/threads/drain.ts';
import { postersWithWork } from '../src/services/threads/route.ts';
import { channelPostsQueue, CHANNEL_POSTS_QUEUE, connection, type QueueConfig } from './queues.ts';

export const DRAIN_JOB = 'drain';
export const ROUTE_JOB = 'route';
export const POLL_POSTS_EVERY_MS = 3_000;

export type RouteJobData = { workspaceId: string };
export type ChannelPostsJobData = PosterKey | RouteJobData;

// BullMQ refuses ':' in ids; team, channel and user ids are letters and digits.
export const drainJobId = (key: PosterKey) => `drain.${key.workspaceId}.${key.channelId}`;
export const routeJobId = (workspaceId: string) => `route.${workspaceId}`;

const JOB_OPTIONS = {
  removeOnComplete: true,
  removeOnFail: true,
  attempts: 5,
  backoff: { type: 'exponential', delay: 5_000 },
} as const;

/** Starts the poster of one channel (or DM), unless it is already queued or running. */
export async function kickChannelPoster(queue: Queue, key: PosterKey): Promise<void> {
  await queue.add(DRAIN_JOB, key, { ...JOB_OPTIONS, jobId: drainJobId(key) });
}

/** After a write: route the workspace's new posts and start their posters now rather than at the next poll. */
export async function kickCasePosts(queue: Queue, workspaceId: string): Promise<void> {
  await queue.add(ROUTE_JOB, { workspaceId }, { ...JOB_OPTIONS, jobId: routeJobId(workspaceId) });
}

/** The worker's poll: whatever waits and can go is routed, and every channel with work gets its poster. */
export async function pollChannelPosts(queue: Queue, db: Queryable, now: Date): Promise<PosterKey[]> {
  const keys = await postersWithWork(db, now);
  for (const key of keys) await kickChannelPoster(queue, key);
  return keys;
}

export function channelPostsProcessor(deps: ChannelPosterDeps, queue: Queue) {
  return async (job: Job<ChannelPostsJobData>, token?: string): Promise<DrainResult | { kind: 'routed'; posters: number }> => {
    if (job.name === ROUTE_JOB) {
      const keys = await postersWithWork(deps.db, deps.clock(), job.data.workspaceId);
      for (const key of keys) await kickChannelPoster(queue, key);
      return { kind: 'routed', posters: keys.length };
    }
    const result = await drainChannel(deps, job.data as PosterKey);
    const comeBackIn = async (ms: number) => {
      // The same job, later: nothing else can start this channel's poster meanwhile.
      await job.moveToDelayed(Date.now() + Math.max(0, ms), token);
      throw new DelayedError();
    };
    if (result.kind === 'more') return comeBackIn(0);
    if (result.kind === 'busy' || result.kind === 'wait') return comeBackIn(result.until.getTime() - deps.clock().getTime());
    return result;
  };
}

export interface ChannelPostersOptions {
  config: QueueConfig;
  deps: ChannelPosterDeps;
  log: Logger;
  /** How often this worker looks for new posts (default every 3 s). */
  pollMs?: number;
  name?: string;
  lockDurationMs?: number;
  stalledIntervalMs?: number;
}

/** The posters' BullMQ worker and this worker's poll of the outbox. */
export function startChannelPosters(opts: ChannelPostersOptions): { queue: Queue; poll: () => Promise<void>; stop: () => Promise<void> } {
  const { config, deps, log } = opts;
  const queue = channelPostsQueue(config);
  const worker = new Worker(CHANNEL_POSTS_QUEUE, channelPostsProcessor(deps, queue), {
    connection: connection(config),
    prefix: config.prefix,
    // Posters mostly wait for Slack's pace: many channels and DMs at once cost little.
    concurrency: 8,
    ...(opts.name ? { name: opts.name } : {}),
    ...(opts.lockDurationMs ? { lockDuration: opts.lockDurationMs } : {}),
    ...(opts.stalledIntervalMs ? { stalledInterval: opts.stalledIntervalMs } : {}),
  });
  worker.on('failed', (job, error) => log.warn({ job: job?.id, attempt: job?.attemptsMade, err: error }, 'channel poster failed; it is tried again'));
  // E.g. a job whose lock ran out while this worker was slow: another worker has it, and the lease keeps them apart.
  worker.on('error', (error) => log.warn({ err: error }, 'channel poster worker error'));
  let polling: Promise<unknown> | null = null;
  const poll = async () => {
    // A slow poll is not stacked on by the next tick.
    polling ??= pollChannelPosts(queue, deps.db, deps.clock()).finally(() => { polling = null; });
    await polling;
  };
  const timer = setInterval(() => poll().catch((e: Error) => log.warn({ err: e }, 'could not look for posts to send')), opts.pollMs ?? POLL_POSTS_EVERY_MS);
  timer.unref();
  return {
    queue,
    poll,
    async stop() {
      clearInterval(timer);
      await polling?.catch(() => {});
      await worker.close();
      await queue.close();
    },
  };
}
