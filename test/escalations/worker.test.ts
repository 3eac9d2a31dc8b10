// The worker role runs the escalations pass on its own: a job scheduler in the
// maintenance queue, handled by the maintenance worker (real Redis, real
// BullMQ, injected clock), posting a ladder proposal nobody was told of.
import { QueueEvents } from 'bullmq';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ESCALATIONS_EVERY_MS, ESCALATIONS_JOB, ESCALATIONS_SCHEDULER_ID } from '../../jobs/escalation-nudge.ts';
import { connection, maintenanceQueue, MAINTENANCE_QUEUE } from '../../jobs/queues.ts';
import { queueConfig } from '../../jobs/workers.ts';
import { escalations } from '../../src/db/schema.ts';
import { caseIdOf } from '../calls/support.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { propose, seedTeam } from './support.ts';
import { startJobWorkers, stopJobWorkers, type JobWorkers } from '../support/job-workers.ts';

let t: TestApp;
let workers: JobWorkers | undefined;
let ids: Map<string, number>;

beforeAll(async () => {
  t = await startTestApp();
  ids = await seedTeam(t);
  workers = await startJobWorkers(t);
});

afterAll(async () => {
  if (t) await stopJobWorkers(t, workers);
  await t?.close();
});

describe('the escalations pass', () => {
  it('is scheduled every two minutes and posts the ladder\'s new proposals', async () => {
    const config = queueConfig(t.env);
    const queue = maintenanceQueue(config);
    const events = new QueueEvents(MAINTENANCE_QUEUE, { connection: connection(config), prefix: config.prefix });
    try {
      expect(await queue.getJobScheduler(ESCALATIONS_SCHEDULER_ID)).toMatchObject({ name: ESCALATIONS_JOB, every: ESCALATIONS_EVERY_MS });
      await events.waitUntilReady();
      const id = await propose(t, await caseIdOf(t, ids.get('C-ACME')!), 'notice');
      // The scheduler's own first run may win the race: either way the proposal is posted once.
      const job = await queue.add(ESCALATIONS_JOB, {});
      await job.waitUntilFinished(events, 20_000);
      const [row] = await t.database.db.select().from(escalations).where(eq(escalations.id, id));
      expect(row!.postId).not.toBeNull();
      expect(row!.managersToldAt).not.toBeNull();
    } finally {
      await events.close();
      await queue.close();
    }
  });
});
