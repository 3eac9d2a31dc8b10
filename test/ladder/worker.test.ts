// The worker role runs the ladder on its own: a job scheduler in the
// maintenance queue, handled by the maintenance worker (real Redis, real
// BullMQ, injected clock), once per workspace-day however often it fires.
import { QueueEvents } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LADDER_EVERY_MS, LADDER_JOB, LADDER_SCHEDULER_ID } from '../../jobs/ladder.ts';
import { connection, maintenanceQueue, MAINTENANCE_QUEUE } from '../../jobs/queues.ts';
import { queueConfig } from '../../jobs/workers.ts';
import { ladderDays } from '../../src/db/schema.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { seedLedger } from '../support/ledger.ts';
import { activeCase, draftsOf, paris, TEAM } from './support.ts';
import { startJobWorkers, stopJobWorkers, type JobWorkers } from '../support/job-workers.ts';

let t: TestApp;
let workers: JobWorkers | undefined;

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(paris('2026-11-23', '09:30').toISOString());
  await seedLedger(t.database, TEAM, '2026-11-23', [
    { ref: 'A', name: 'Alpha', invoices: [{ number: 'F-A', issued: '2026-10-01', due: '2026-11-13', cents: 100_000 }] },
  ]);
  workers = await startJobWorkers(t);
});

afterAll(async () => {
  if (t) await stopJobWorkers(t, workers);
  await t?.close();
});

describe('the ladder job', () => {
  it('is scheduled every few minutes and passes each workspace-day once', async () => {
    const config = queueConfig(t.env);
    const queue = maintenanceQueue(config);
    const events = new QueueEvents(MAINTENANCE_QUEUE, { connection: connection(config), prefix: config.prefix });
    try {
      expect(await queue.getJobScheduler(LADDER_SCHEDULER_ID)).toMatchObject({ name: LADDER_JOB, every: LADDER_EVERY_MS });
      await events.waitUntilReady();
      // The scheduler's own first run may win the race: either way the day passes once.
      for (const run of [1, 2]) {
        const job = await queue.add(LADDER_JOB, { run });
        await job.waitUntilFinished(events, 30_000);
      }
      expect((await activeCase(t, 'A'))?.stage).toBe('reminder_2');
      expect((await draftsOf(t, 'A')).map((d) => d.stage)).toEqual(['reminder_2']);
      expect(await t.database.db.select({ day: ladderDays.day }).from(ladderDays)).toEqual([{ day: '2026-11-23' }]);
    } finally {
      await events.close();
      await queue.close();
    }
  }, 60_000);
});
