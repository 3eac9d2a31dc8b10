// Redis restarted (killed, nothing persisted) under the running workers: every
// digest schedule and every maintenance job comes back from the next reconcile
// (the workers' own timer), each exactly once; a restart in the middle of a
// reconcile loses nothing either. relance's workers are never restarted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv, type Env } from '../../src/config/env.ts';
import { ensureWorkspace } from '../../src/db/workspaces.ts';
import { DEMO_BOT_TOKEN, DEMO_COLLECTIONS_CHANNEL_ID, DEMO_GENERAL_CHANNEL_ID, DEMO_MANAGER_ID, DEMO_PRIVATE_CHANNEL_ID, DEMO_TEAM_ID } from '../../src/emulator/seed.ts';
import { createLogger } from '../../src/log.ts';
import { scheduleDigest } from '../../src/services/digest-schedule.ts';
import { digestQueue, mailQueue, maintenanceQueue } from '../../jobs/queues.ts';
import { queueConfig, startWorkers } from '../../jobs/workers.ts';
import { openTestDatabase, type TestDatabase } from '../support/pg.ts';
import { startOwnRedis, type OwnRedis } from './support/own-servers.ts';

const CHANNELS = [DEMO_COLLECTIONS_CHANNEL_ID, DEMO_GENERAL_CHANNEL_ID, DEMO_PRIVATE_CHANNEL_ID];
const MONDAY_MORNING = new Date('2026-11-23T05:00:00Z'); // 06:00 in Paris, before every slot

let redis: OwnRedis | undefined;
let testDb: TestDatabase | undefined;
let env: Env;
let workers: Awaited<ReturnType<typeof startWorkers>> | undefined;

const queues = () => ({ digest: digestQueue(queueConfig(env)), maintenance: maintenanceQueue(queueConfig(env)) });

/** What Redis holds for relance: the pending digest runs and the maintenance schedulers. */
async function inRedis(): Promise<{ digests: string[]; schedulers: string[] }> {
  const { digest, maintenance } = queues();
  try {
    const pending = await digest.getJobs(['delayed', 'waiting']);
    const schedulers = await maintenance.getJobSchedulers();
    return { digests: pending.map((j) => j.id!).sort(), schedulers: schedulers.map((s) => s.key).sort() };
  } finally {
    await Promise.all([digest.close(), maintenance.close()]);
  }
}

beforeAll(async () => {
  [redis, testDb] = await Promise.all([startOwnRedis(), openTestDatabase()]);
  env = loadEnv({
    SLACK_BOT_TOKEN: DEMO_BOT_TOKEN, SLACK_SIGNING_SECRET: 'faults-signing-secret-0123456789', SLACK_API_URL: 'http://127.0.0.1:9/api/',
    DATABASE_URL: testDb.url, REDIS_URL: redis.url, RELANCE_QUEUE_PREFIX: 'relance-faults', LOG_LEVEL: 'silent',
  });
  const workspace = await ensureWorkspace(testDb.database.db, DEMO_TEAM_ID, { timezone: 'Europe/Paris', locale: 'en' });
  for (const [i, channelId] of CHANNELS.entries()) {
    await scheduleDigest(testDb.database.db, null, { workspace, channelId, localTime: `0${7 + i}:30`, by: DEMO_MANAGER_ID, now: new Date('2026-11-20T10:00:00Z') });
  }
  // ladder off: the maintenance jobs run at once against this empty ledger; the ladder would want Slack.
  workers = await startWorkers({ env, database: testDb.database, logger: createLogger('silent'), clock: () => MONDAY_MORNING, ladder: false });
});

afterAll(async () => {
  await workers?.stop().catch(() => {});
  if (redis) {
    const q = mailQueue(queueConfig(env));
    await q.close().catch(() => {});
  }
  await redis?.destroy();
  await testDb?.close();
});

describe('Redis restarted under the workers', () => {
  let before: { digests: string[]; schedulers: string[] };

  it('holds one pending run per scheduled channel, and every maintenance scheduler', async () => {
    before = await inRedis();
    expect(before.digests).toHaveLength(CHANNELS.length);
    expect(before.digests.every((id) => id.includes('.2026-11-23.'))).toBe(true);
    expect(before.schedulers.length).toBeGreaterThanOrEqual(4);
  });

  it('gets everything back, once, from the next reconcile', async () => {
    await redis!.restart();
    expect(await inRedis()).toEqual({ digests: [], schedulers: [] }); // nothing persisted: all gone
    await workers!.reconcile();
    expect(await inRedis()).toEqual(before);
    await workers!.reconcile(); // the timer comes round again: nothing doubles
    expect(await inRedis()).toEqual(before);
  });

  it('loses nothing when Redis restarts in the middle of a reconcile', async () => {
    const reconciling = workers!.reconcile();
    await redis!.restart();
    await reconciling.catch(() => {}); // it may finish against the new Redis or fail; the next one completes it
    await workers!.reconcile();
    expect(await inRedis()).toEqual(before);
  });
});
