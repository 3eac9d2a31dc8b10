// Reminder e-mails: one BullMQ drain job per workspace with mails due (id
// `mails.<workspace>`), added by every worker's poll. The job claims batches
// of the workspace's due mails and sends each batch through the worker's
// transport (pooled SMTP, or the outbox), a few batches in flight so the pool
// never waits on the database, until nothing is due; a full minute of the
// workspace's rate delays the same job to the next minute.
import { DelayedError, Worker, type Job, type Queue } from 'bullmq';
import { readSettings } from '../src/db/settings.ts';
import type { Logger } from '../src/log.ts';
import { dueWorkspaces, mailJobId, settleStuckMails } from '../src/services/mail/dispatch.ts';
import { sendDueMails, type SendDeps } from '../src/services/mail/send.ts';
import { connection, MAIL_QUEUE, mailQueue, type QueueConfig } from './queues.ts';

export const SEND_MAIL_JOB = 'drain';
export const POLL_MAILS_EVERY_MS = 5_000;
/**
 * Mails claimed in one transaction. Each batch costs two transactions and a
 * Redis call whatever its size, so larger batches cost less per mail
 * (bench/reminders.ts on 2 cores: 32 → ~600 µs of PostgreSQL CPU a mail,
 * 96 → ~400); the pool queues what its 5 connections cannot take at once.
 */
export const MAIL_BATCH = 96;
/** Batches of one workspace in flight at once: one is sent while the other is recorded and the next claimed. */
export const MAIL_LANES = 2;

export interface SendMailJobData {
  workspaceId: string;
}

export interface DrainSummary {
  candidates: number;
  results: Record<string, number>;
  stopped: boolean;
}

const JOB_OPTIONS = {
  // Removed when done so a later poll can add the workspace again; the rows' statuses are the guard.
  removeOnComplete: true,
  removeOnFail: true,
  // A failure before a batch's attempts are recorded (the database away) is retried; one after leaves them 'sending', settled as 'unknown'.
  attempts: 3,
  backoff: { type: 'exponential', delay: 5_000 },
} as const;

export interface DrainOptions {
  batchSize?: number;
  lanes?: number;
  /** True once the worker is closing: lanes stop after their batch, the rest waits for the next poll. */
  stopping?: () => boolean;
}

export function sendMailProcessor(deps: SendDeps, options: DrainOptions = {}) {
  const batchSize = options.batchSize ?? MAIL_BATCH;
  const lanes = options.lanes ?? MAIL_LANES;
  return async (job: Job<SendMailJobData>, token?: string): Promise<DrainSummary> => {
    const workspaceId = job.data.workspaceId;
    const settings = await readSettings(deps.db, workspaceId);
    const summary: DrainSummary = { candidates: 0, results: {}, stopped: false };
    // Shared by the lanes: why they stop.
    const state: { until: Date | null; empty: boolean; failed: boolean } = { until: null, empty: false, failed: false };
    const ran = await Promise.allSettled(Array.from({ length: lanes }, async () => {
      while (!state.until && !state.empty && !state.failed && !options.stopping?.()) {
        const batch = await sendDueMails(deps, { workspaceId, limit: batchSize, settings });
        summary.candidates += batch.candidates;
        for (const result of batch.results.values()) summary.results[result.kind] = (summary.results[result.kind] ?? 0) + 1;
        if (batch.rateLimitedUntil) state.until = batch.rateLimitedUntil;
        // Nothing left to claim: the other lanes finish the batches they hold and stop too.
        if (batch.candidates === 0) state.empty = true;
      }
    }).map((lane) => lane.catch((error: unknown) => {
      // The other lanes finish the batch they hold and stop: the job's retry takes over, never alongside them.
      state.failed = true;
      throw error;
    })));
    const failure = ran.find((r) => r.status === 'rejected');
    if (failure) throw failure.reason;
    summary.stopped = !state.until && !state.empty;
    if (state.until) {
      await job.moveToDelayed(Date.now() + Math.max(0, state.until.getTime() - deps.clock().getTime()), token);
      throw new DelayedError();
    }
    return summary;
  };
}

/** Adds a drain job for each workspace with mails that may leave now, and settles attempts whose worker died. */
export async function pollMails(queue: Queue, deps: Pick<SendDeps, 'db' | 'clock'>): Promise<number> {
  const now = deps.clock();
  const due = await dueWorkspaces(deps.db, now);
  if (due.length > 0) {
    await queue.addBulk(due.map((w) => ({
      name: SEND_MAIL_JOB, data: { workspaceId: w.workspace_id } satisfies SendMailJobData,
      opts: { ...JOB_OPTIONS, jobId: mailJobId(w.workspace_id) },
    })));
  }
  await settleStuckMails(deps.db, now);
  return due.reduce((n, w) => n + w.due, 0);
}

export interface MailWorkerOptions {
  config: QueueConfig;
  deps: SendDeps;
  log: Logger;
  pollMs?: number;
  name?: string;
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  batchSize?: number;
  lanes?: number;
}

export function startMailWorker(opts: MailWorkerOptions): { queue: Queue; poll: () => Promise<void>; stop: () => Promise<void> } {
  const { config, deps, log } = opts;
  const queue = mailQueue(config);
  let stopping = false;
  const worker = new Worker(MAIL_QUEUE, sendMailProcessor(deps, { batchSize: opts.batchSize, lanes: opts.lanes, stopping: () => stopping }), {
    connection: connection(config),
    prefix: config.prefix,
    // Workspaces drained at once; they share the SMTP pool.
    concurrency: 4,
    ...(opts.name ? { name: opts.name } : {}),
    ...(opts.lockDurationMs ? { lockDuration: opts.lockDurationMs } : {}),
    ...(opts.stalledIntervalMs ? { stalledInterval: opts.stalledIntervalMs } : {}),
  });
  worker.on('failed', (job, error) => log.warn({ job: job?.id, attempt: job?.attemptsMade, err: error.message }, 'mail job failed'));
  worker.on('error', (error) => log.warn({ err: error.message }, 'mail worker error'));
  let polling: Promise<unknown> | null = null;
  const poll = async () => {
    polling ??= pollMails(queue, deps).finally(() => { polling = null; });
    await polling;
  };
  const timer = setInterval(() => poll().catch((e: Error) => log.warn({ err: e.message }, 'could not look for mails to send')), opts.pollMs ?? POLL_MAILS_EVERY_MS);
  timer.unref();
  return {
    queue,
    poll,
    async stop() {
      stopping = true;
      clearInterval(timer);
      await polling?.catch(() => {});
      await worker.close();
      await queue.close();
    },
  };
}
