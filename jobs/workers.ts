// The worker role: BullMQ workers for every job, and the schedule mirror.
import { Worker } from 'bullmq';
import { WebClient } from '@slack/web-api';
import type { Env } from '../src/config/env.ts';
import type { Database } from '../src/db/client.ts';
import type { Logger } from '../src/log.ts';
import { aiClientFor } from '../src/ai/client.ts';
import { findSchedule } from '../src/db/digest-schedules.ts';
import { SLACK_CALL_TIMEOUT_MS, type PostDigestDeps } from '../src/services/post-digest.ts';
import { realSleep } from '../src/slack/call-slack.ts';
import { digestProcessor, type DigestJobData } from './digest.ts';
import {
  CALL_REMINDERS_QUEUE, callRemindersQueue, connection, digestQueue, DIGEST_QUEUE, maintenanceQueue, MAINTENANCE_QUEUE, type QueueConfig,
} from './queues.ts';
import { BALANCES_EVERY_MS, BALANCES_SCHEDULER_ID, runBalancesJob } from './refresh-balances.ts';
import { PROMISE_CHECK_EVERY_MS, PROMISE_CHECK_JOB, PROMISE_CHECK_SCHEDULER_ID, runPromiseCheckJob } from './promise-check.ts';
import { AUTO_ASSIGN_EVERY_MS, AUTO_ASSIGN_JOB, AUTO_ASSIGN_SCHEDULER_ID, runAutoAssignJob } from './auto-assign.ts';
import { ESCALATIONS_EVERY_MS, ESCALATIONS_JOB, ESCALATIONS_SCHEDULER_ID, runEscalationsJob } from './escalation-nudge.ts';
import { assignCallStage, LADDER_EVERY_MS, LADDER_JOB, LADDER_SCHEDULER_ID, runLadderJob } from './ladder.ts';
import { reconcileSchedules, scheduleChannel } from './scheduler.ts';
import { startChannelPosters } from './case-threads.ts';
import { callReminderProcessor, reconcileCallReminders } from './call-reminder.ts';
import { startMailWorker } from './send-mail.ts';
import { mailTransportFor, type MailTransport } from '../src/mail/transport.ts';
import { redisRateLimiter } from '../src/services/mail/rate-limit.ts';
import { workspaces } from '../src/db/schema.ts';
import { eq } from 'drizzle-orm';

const RECONCILE_EVERY_MS = 5 * 60_000;

export interface WorkerOptions {
  env: Env;
  database: Database;
  logger: Logger;
  clock: () => Date;
  sleep?: (ms: number) => Promise<void>;
  /** Test hooks: how fast a killed worker's job is taken over. */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  leaseMs?: number;
  pacingMs?: number;
  /** How long a Slack call may take; keep it well under leaseMs. */
  callTimeoutMs?: number;
  /** Stored on each job this worker processes (BullMQ's processedBy), for operators. */
  name?: string;
  /** Case threads: how often to look for new posts, and how many a poster sends before giving way. */
  postPollMs?: number;
  postBatch?: number;
  /** Test hook: false leaves the daily ladder pass out (tests of other jobs over an overdue ledger). */
  ladder?: boolean;
  /** Reminder e-mails: how often to look for mails that may leave (default every 5 s). */
  mailPollMs?: number;
  /** Test hook: the transport mails go through (default: SMTP_URL's server, else the outbox). */
  mailTransport?: MailTransport;
}

export function slackClientForJobs(env: Pick<Env, 'SLACK_BOT_TOKEN' | 'SLACK_API_URL'>, options: { timeoutMs?: number } = {}): WebClient {
  return new WebClient(env.SLACK_BOT_TOKEN, {
    ...(env.SLACK_API_URL ? { slackApiUrl: env.SLACK_API_URL } : {}),
    // A job handles 429 itself (waits Retry-After, keeps its place) instead of the client's hidden queue.
    rejectRateLimitedCalls: true,
    // Never sent twice by the client: a post whose connection dropped after Slack
    // accepted it would appear twice. The digest's recovery (reading back by metadata) is the retry.
    retryConfig: { retries: 0 },
    // A stalled call ends well within the digest's lease (see SLACK_CALL_TIMEOUT_MS).
    timeout: options.timeoutMs ?? SLACK_CALL_TIMEOUT_MS,
  });
}

export function queueConfig(env: Env): QueueConfig {
  return { redisUrl: env.REDIS_URL, prefix: env.RELANCE_QUEUE_PREFIX };
}

export async function startWorkers(opts: WorkerOptions): Promise<{
  stop: () => Promise<void>; reconcile: () => Promise<void>; pollPosts: () => Promise<void>; pollMails: () => Promise<void>;
}> {
  const config = queueConfig(opts.env);
  const queue = digestQueue(config);
  const log = opts.logger.child({ role: 'worker' });
  const deps: PostDigestDeps = {
    db: opts.database.db,
    client: slackClientForJobs(opts.env, { timeoutMs: opts.callTimeoutMs }),
    callTimeoutMs: opts.callTimeoutMs,
    clock: opts.clock,
    sleep: opts.sleep ?? realSleep,
    logger: log,
    leaseMs: opts.leaseMs,
    pacingMs: opts.pacingMs,
    command: opts.env.RELANCE_COMMAND,
  };
  const scheduleNext = async (data: DigestJobData) => {
    const schedule = await findSchedule(deps.db, data.workspaceId, data.channelId);
    const [ws] = await deps.db.select({ country: workspaces.country }).from(workspaces).where(eq(workspaces.id, data.workspaceId));
    if (schedule && ws) await scheduleChannel(queue, deps.db, { ...schedule, country: ws.country }, opts.clock());
  };
  const worker = new Worker(DIGEST_QUEUE, digestProcessor(deps, scheduleNext), {
    connection: connection(config),
    prefix: config.prefix,
    concurrency: 4,
    ...(opts.name ? { name: opts.name } : {}),
    ...(opts.lockDurationMs ? { lockDuration: opts.lockDurationMs } : {}),
    ...(opts.stalledIntervalMs ? { stalledInterval: opts.stalledIntervalMs } : {}),
  });
  worker.on('failed', (job, error) => log.warn({ job: job?.id, attempt: job?.attemptsMade, err: error }, 'job failed; BullMQ will retry'));
  worker.on('completed', (job, result) => log.info({ job: job.id, result: (result as { kind?: string })?.kind }, 'job done'));
  // Without a listener a Redis outage prints raw stacks on stderr; through the logger it is one line each.
  worker.on('error', (error) => log.warn({ err: error.message }, 'digest worker error'));

  // One scheduler for every worker: upserting it again (each start) changes nothing.
  const maintenance = maintenanceQueue(config);
  const maintenanceSchedules: [id: string, every: number, name: string][] = [
    [BALANCES_SCHEDULER_ID, BALANCES_EVERY_MS, 'balances'],
    [PROMISE_CHECK_SCHEDULER_ID, PROMISE_CHECK_EVERY_MS, PROMISE_CHECK_JOB],
    [AUTO_ASSIGN_SCHEDULER_ID, AUTO_ASSIGN_EVERY_MS, AUTO_ASSIGN_JOB],
    [ESCALATIONS_SCHEDULER_ID, ESCALATIONS_EVERY_MS, ESCALATIONS_JOB],
    ...(opts.ladder !== false ? [[LADDER_SCHEDULER_ID, LADDER_EVERY_MS, LADDER_JOB] as [string, number, string]] : []),
  ];
  for (const [id, every, name] of maintenanceSchedules) await maintenance.upsertJobScheduler(id, { every }, { name });
  // A Redis that lost its data (restart without persistence, flush, failover) lost these too:
  // the reconcile puts back the missing ones, and leaves a present one (and its next run) alone.
  const restoreMaintenanceSchedules = async () => {
    for (const [id, every, name] of maintenanceSchedules) {
      if (!(await maintenance.getJobScheduler(id))) await maintenance.upsertJobScheduler(id, { every }, { name });
    }
  };
  const escalationDeps = { db: deps.db, client: deps.client, logger: log, command: opts.env.RELANCE_COMMAND, ai: aiClientFor(opts.env, log) };
  const maintenanceWorker = new Worker(MAINTENANCE_QUEUE, (job) => (job.name === ESCALATIONS_JOB ? runEscalationsJob(escalationDeps, opts.clock())
    : job.name === AUTO_ASSIGN_JOB ? runAutoAssignJob(deps.db, opts.clock(), opts.env.RELANCE_COMMAND)
    : job.name === LADDER_JOB ? runLadderJob(deps.db, opts.clock(), { onCallStage: assignCallStage, command: opts.env.RELANCE_COMMAND, ai: escalationDeps.ai, client: deps.client, logger: log })
    : job.name === PROMISE_CHECK_JOB
    ? runPromiseCheckJob(deps.db, opts.clock())
    : runBalancesJob(deps.db, opts.clock())), {
    connection: connection(config),
    prefix: config.prefix,
    concurrency: 1,
    ...(opts.name ? { name: opts.name } : {}),
  });
  maintenanceWorker.on('failed', (job, error) => log.warn({ job: job?.id, err: error }, `${job?.name ?? 'maintenance'} job failed; it runs again soon`));
  maintenanceWorker.on('error', (error) => log.warn({ err: error.message }, 'maintenance worker error'));

  const reminders = callRemindersQueue(config);
  const reminderWorker = new Worker(CALL_REMINDERS_QUEUE, callReminderProcessor(deps.db, opts.clock), {
    connection: connection(config),
    prefix: config.prefix,
    concurrency: 4,
    ...(opts.name ? { name: opts.name } : {}),
  });
  reminderWorker.on('failed', (job, error) => log.warn({ job: job?.id, err: error }, 'call reminder failed; BullMQ will retry'));
  reminderWorker.on('error', (error) => log.warn({ err: error.message }, 'call reminder worker error'));

  const reconcile = async () => {
    await restoreMaintenanceSchedules();
    const runs = await reconcileSchedules(queue, deps.db, opts.clock());
    log.info({ schedules: runs.length }, 'digest schedules registered');
    const calls = await reconcileCallReminders(reminders, deps.db, opts.clock());
    log.info({ reminders: calls }, 'call reminders registered');
  };
  await reconcile();
  const timer = setInterval(() => reconcile().catch((e: Error) => log.warn({ err: e }, 'could not refresh the digest schedules')), RECONCILE_EVERY_MS);
  timer.unref();
  const posters = startChannelPosters({
    config, log, name: opts.name, pollMs: opts.postPollMs, lockDurationMs: opts.lockDurationMs, stalledIntervalMs: opts.stalledIntervalMs,
    deps: { ...deps, batch: opts.postBatch },
  });
  const mailTransport = opts.mailTransport ?? mailTransportFor(opts.env);
  log.info({ mail: mailTransport.via }, mailTransport.via === 'outbox'
    ? 'reminder e-mails go to the outbox under RELANCE_DATA_DIR: SMTP_URL is not set, nothing leaves this machine'
    : 'reminder e-mails go out over SMTP_URL');
  const mailRate = redisRateLimiter(config.redisUrl, config.prefix);
  const mailer = startMailWorker({
    config, log, name: opts.name, pollMs: opts.mailPollMs, lockDurationMs: opts.lockDurationMs, stalledIntervalMs: opts.stalledIntervalMs,
    deps: { db: deps.db, transport: mailTransport, rate: mailRate, clock: opts.clock, logger: log, command: opts.env.RELANCE_COMMAND },
  });
  return {
    reconcile,
    pollPosts: posters.poll,
    pollMails: mailer.poll,
    async stop() {
      clearInterval(timer);
      await mailer.stop();
      if (!opts.mailTransport) mailTransport.close();
      await mailRate.close();
      await posters.stop();
      await worker.close();
      await maintenanceWorker.close();
      await reminderWorker.close();
      await reminders.close();
      await queue.close();
      await maintenance.close();
    },
  };
}
