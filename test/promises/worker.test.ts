// The worker role runs the day-end promise check on its own: a job scheduler in
// the maintenance queue, handled by the maintenance worker (real Redis, real
// BullMQ, injected clock).
import { eq } from 'drizzle-orm';
import { QueueEvents } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROMISE_CHECK_EVERY_MS, PROMISE_CHECK_JOB, PROMISE_CHECK_SCHEDULER_ID } from '../../jobs/promise-check.ts';
import { connection, maintenanceQueue, MAINTENANCE_QUEUE } from '../../jobs/queues.ts';
import { queueConfig } from '../../jobs/workers.ts';
import { activities, cases, promises } from '../../src/db/schema.ts';
import { DEMO_TEAM_ID } from '../../src/emulator/seed.ts';
import { recordPromise } from '../../src/services/record-promise.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { seedLedger } from '../support/ledger.ts';
import { startJobWorkers, stopJobWorkers, type JobWorkers } from '../support/job-workers.ts';

let t: TestApp;
let workers: JobWorkers | undefined;

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set('2026-11-23T09:30:00Z');
  const ids = await seedLedger(t.database, DEMO_TEAM_ID, '2026-11-23', [
    { ref: 'A', name: 'Alpha', invoices: [{ number: 'F-A', issued: '2026-09-01', due: '2026-10-01', cents: 100_000 }] },
  ]);
  const [kase] = await t.database.db.select().from(cases).where(eq(cases.customerId, ids.get('A')!));
  await recordPromise(t.database.db, {
    workspaceId: DEMO_TEAM_ID, caseId: kase!.id, userId: 'U1', amountCents: 10_000, currency: null,
    dueOn: '2026-11-27', note: null, now: t.clock.now, today: '2026-11-23', via: 'command',
  });
  workers = await startJobWorkers(t);
});

afterAll(async () => {
  if (t) await stopJobWorkers(t, workers);
  await t?.close();
});

describe('the promise check job', () => {
  it('is scheduled every few minutes and breaks a promise once its grace is over', async () => {
    const config = queueConfig(t.env);
    const queue = maintenanceQueue(config);
    const events = new QueueEvents(MAINTENANCE_QUEUE, { connection: connection(config), prefix: config.prefix });
    try {
      const scheduler = await queue.getJobScheduler(PROMISE_CHECK_SCHEDULER_ID);
      expect(scheduler).toMatchObject({ name: PROMISE_CHECK_JOB, every: PROMISE_CHECK_EVERY_MS });
      await events.waitUntilReady();
      // Tuesday 1 December, 00:05 in Paris: Friday's promise had until the end of Monday.
      t.clock.set('2026-11-30T23:05:00Z');
      // The scheduler's own first run may still be in the queue and win the race: either way it is decided once.
      const job = await queue.add(PROMISE_CHECK_JOB, {});
      await job.waitUntilFinished(events, 20_000);
      expect((await t.database.db.select({ status: promises.status }).from(promises))).toEqual([{ status: 'broken' }]);
      const verdicts = await t.database.db.select().from(activities).where(eq(activities.kind, 'promise_broken'));
      expect(verdicts).toHaveLength(1);
    } finally {
      await events.close();
      await queue.close();
    }
  });
});
