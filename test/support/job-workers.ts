// The job workers of a test app, started on the app's database and clock, and
// stopped with the maintenance queue emptied so the next file starts clean.
import { mailQueue, maintenanceQueue } from '../../jobs/queues.ts';
import { queueConfig, startWorkers, type WorkerOptions } from '../../jobs/workers.ts';
import { createLogger } from '../../src/log.ts';
import type { TestApp } from './app.ts';

export type JobWorkers = Awaited<ReturnType<typeof startWorkers>>;

export const startJobWorkers = (t: TestApp, options: Partial<Omit<WorkerOptions, 'env' | 'database' | 'clock'>> = {}): Promise<JobWorkers> =>
  startWorkers({ env: t.env, database: t.database, logger: createLogger('silent'), clock: () => t.clock.now, ...options });

export async function stopJobWorkers(t: TestApp, workers: JobWorkers | undefined): Promise<void> {
  await workers?.stop();
  for (const queue of [maintenanceQueue(queueConfig(t.env)), mailQueue(queueConfig(t.env))]) {
    await queue.obliterate({ force: true }).catch(() => {});
    await queue.close();
  }
}
