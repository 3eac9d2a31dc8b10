import type { Queue } from 'bullmq';
import type { Env } from '../config/env.ts';
import type { Database } from '../db/client.ts';
import type { Logger } from '../log.ts';

/** The clock is injected everywhere: tests move time, nothing waits for it. */
export type Clock = () => Date;

/** What every listener may use; built once at start-up. */
export interface AppDeps {
  database: Database;
  env: Env;
  clock: Clock;
  logger: Logger;
  /** Checks that the database and Redis answer, for /readyz. */
  readiness: () => Promise<ReadinessReport>;
  /** Where slash commands enqueue background work (the digest queue). */
  digestQueue: Queue | null;
  /**
   * The channel posters' queue (jobs/case-threads.ts): after a request wrote
   * something, its workspace's new case-thread posts are routed at once
   * rather than at the worker's next poll. Optional: the poll finds them anyway.
   */
  postQueue?: Queue | null;
  /** Where `/collect assign` queues the due-time reminder of a call (jobs/call-reminder.ts). Optional: the worker's reconcile adds it anyway. */
  reminderQueue?: Queue | null;
}

export interface ReadinessReport {
  ok: boolean;
  checks: Record<string, { ok: boolean; detail?: string }>;
}
