// `relance start`: preflight, migrate, then serve Slack (web role) and/or run
// background jobs (worker role). Every problem found is reported together.
import { Redis } from 'ioredis';
import { sql } from 'drizzle-orm';
import { ConfigError, requireSlack, type Env } from '../config/env.ts';
import { migrateDatabase } from '../db/migrate.ts';
import type { Logger } from '../log.ts';
import { createSlackApp } from '../slack/app.ts';
import type { AppDeps, ReadinessReport } from '../slack/deps.ts';
import { checkRedis, connectDatabase, PreflightError } from './preflight.ts';
import { callRemindersQueue, channelPostsQueue, digestQueue } from '../../jobs/queues.ts';
import { queueConfig, startWorkers, type WorkerOptions } from '../../jobs/workers.ts';

export type Role = 'all' | 'web' | 'worker';

export interface StartOptions {
  role: Role;
  migrate: boolean;
}

/**
 * Last resort for a long-running server: an error that escaped every handler is
 * logged and the process keeps serving, so no request can end it. Node advises
 * against resuming after an uncaught exception; here a dead bot is the worse outcome,
 * and each request, job and transaction already runs in its own scope.
 */
export function keepServingOnUncaughtErrors(logger: Logger): () => void {
  const onException = (error: unknown) => logger.error({ err: error }, 'uncaught exception; relance keeps running');
  const onRejection = (reason: unknown) => logger.error({ err: reason }, 'unhandled promise rejection; relance keeps running');
  process.on('uncaughtException', onException);
  process.on('unhandledRejection', onRejection);
  return () => {
    process.off('uncaughtException', onException);
    process.off('unhandledRejection', onRejection);
  };
}

/** The timing hooks of the worker that RELANCE_TEST_WORKER_TIMINGS may set. */
const TEST_WORKER_TIMINGS = ['lockDurationMs', 'stalledIntervalMs', 'leaseMs', 'pacingMs', 'callTimeoutMs', 'postPollMs'] as const;

/**
 * Test hooks for the processes a test spawns with `relance start` (test/scale-out), read only
 * when NODE_ENV=test, never in production. RELANCE_TEST_CLOCK_OFFSET_MS shifts the clock of the
 * jobs and handlers (processes on the real clock meet 09:00 now, not tomorrow);
 * RELANCE_TEST_WORKER_TIMINGS, JSON such as {"leaseMs":3000,"lockDurationMs":2000}, shortens the
 * leases and locks so a killed worker's jobs are taken over in seconds rather than minutes;
 * WORKER_NAME names the worker.
 */
export function testHooks(source: NodeJS.ProcessEnv): { clock: () => Date; worker: Partial<WorkerOptions> } {
  if (source.NODE_ENV !== 'test') return { clock: () => new Date(), worker: {} };
  const offsetMs = Number(source.RELANCE_TEST_CLOCK_OFFSET_MS ?? 0);
  if (!Number.isFinite(offsetMs)) throw new ConfigError([`RELANCE_TEST_CLOCK_OFFSET_MS: must be milliseconds such as -3600000 (got "${source.RELANCE_TEST_CLOCK_OFFSET_MS}")`]);
  const timings = JSON.parse(source.RELANCE_TEST_WORKER_TIMINGS ?? '{}') as Record<string, unknown>;
  const worker: Partial<WorkerOptions> = {};
  for (const name of TEST_WORKER_TIMINGS) if (typeof timings[name] === 'number') worker[name] = timings[name];
  // Which process took a job (BullMQ's processedBy), for the test to kill the right one.
  if (source.WORKER_NAME) worker.name = source.WORKER_NAME;
  return { clock: offsetMs ? () => new Date(Date.now() + offsetMs) : () => new Date(), worker };
}

export async function start(env: Env, logger: Logger, opts: StartOptions): Promise<() => Promise<void>> {
  const serveSlack = opts.role !== 'worker';
  const credentials = serveSlack ? requireSlack(env) : undefined;
  if (!env.SLACK_BOT_TOKEN) {
    throw new ConfigError(['SLACK_BOT_TOKEN: missing; the worker posts digests to Slack and needs the bot token (xoxb-…) from OAuth & Permissions']);
  }
  const [db, cache] = await Promise.allSettled([connectDatabase(env), checkRedis(env)]);
  if (db.status === 'rejected' || cache.status === 'rejected') {
    if (db.status === 'fulfilled') await db.value.close();
    const problems = [db, cache].flatMap((r) => (r.status === 'rejected' ? [(r.reason as Error).message] : []));
    throw new PreflightError(problems.join('\n\n'));
  }
  const database = db.value;
  if (opts.migrate) await migrateDatabase(database);

  const redis = new Redis(env.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 2000 });
  redis.on('error', (error) => logger.warn({ err: error.message }, 'redis connection problem'));
  await redis.connect();

  const readiness = async (): Promise<ReadinessReport> => {
    const [db, cache] = await Promise.all([
      database.db.execute(sql`select 1`).then(() => ({ ok: true }), (e: Error) => ({ ok: false, detail: e.message })),
      redis.ping().then(() => ({ ok: true }), (e: Error) => ({ ok: false, detail: e.message })),
    ]);
    return { ok: db.ok && cache.ok, checks: { database: db, redis: cache } };
  };
  const queue = serveSlack ? digestQueue(queueConfig(env)) : null;
  const postQueue = serveSlack ? channelPostsQueue(queueConfig(env)) : null;
  const reminderQueue = serveSlack ? callRemindersQueue(queueConfig(env)) : null;
  const hooks = testHooks(process.env);
  const deps: AppDeps = { database, env, clock: hooks.clock, logger, readiness, digestQueue: queue, postQueue, reminderQueue };

  const stops: (() => Promise<void>)[] = [];
  const stopKeepingUp = keepServingOnUncaughtErrors(logger);
  stops.push(async () => stopKeepingUp());
  if (queue) stops.push(() => queue.close());
  if (postQueue) stops.push(() => postQueue.close());
  if (reminderQueue) stops.push(() => reminderQueue.close());
  if (serveSlack && credentials) {
    const running = await createSlackApp(deps, credentials).start(env.PORT);
    logger.info({ port: running.port, mode: credentials.appToken ? 'socket' : 'http', database: database.where }, `relance is serving Slack on port ${running.port}`);
    stops.push(running.stop);
  }
  if (opts.role !== 'web') {
    const workers = await startWorkers({ env, database, logger, clock: deps.clock, ...hooks.worker });
    logger.info({ prefix: env.RELANCE_QUEUE_PREFIX }, 'worker started: digests and scheduled jobs run here');
    stops.push(workers.stop);
  }
  return async () => {
    for (const stop of stops.reverse()) await stop().catch(() => {});
    redis.disconnect();
    await database.close();
  };
}

export { ConfigError };
