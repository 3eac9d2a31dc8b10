// Two real worker processes share the digest queue; one is killed mid-digest.
// The other finishes it: one parent, every case reply once.
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database } from '../../src/db/client.ts';
import { digests } from '../../src/db/schema.ts';
import { startSlackEmulator, type SlackEmulator } from '../../src/emulator/server.ts';
import { DEMO_BOT_TOKEN, DEMO_COLLECTIONS_CHANNEL_ID as CHANNEL, DEMO_TEAM_ID } from '../../src/emulator/seed.ts';
import { digestQueue } from '../../jobs/queues.ts';
import { digestJobId, type DigestJobData } from '../../jobs/digest.ts';
import { openTestDatabase, type TestDatabase } from '../support/pg.ts';
import { seedLedger } from '../support/ledger.ts';
import { debtors } from '../support/digest-ledger.ts';

const MONDAY = '2026-11-23';
const prefix = `relance-test-${randomBytes(4).toString('hex')}`;
let database: Database;
let testDb: TestDatabase;
let emulator: SlackEmulator;
const workers = new Map<string, ChildProcess>();

function startWorker(name: string, url: string): Promise<ChildProcess> {
  const child = fork(new URL('../support/worker-process.ts', import.meta.url).pathname, [], {
    execArgv: ['--import', 'tsx'],
    env: {
      PATH: process.env.PATH, DATABASE_URL: url, REDIS_URL: 'redis://127.0.0.1:6379', RELANCE_QUEUE_PREFIX: prefix,
      SLACK_BOT_TOKEN: DEMO_BOT_TOKEN, SLACK_API_URL: emulator.apiUrl, WORKER_NAME: name, LOG_LEVEL: 'silent',
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  workers.set(name, child);
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`worker ${name} exited with ${code}`)));
  });
}

beforeAll(async () => {
  testDb = await openTestDatabase();
  database = testDb.database;
  emulator = await startSlackEmulator();
  await seedLedger(database, DEMO_TEAM_ID, MONDAY, debtors(30, MONDAY));
  await Promise.all([startWorker('w1', testDb.url), startWorker('w2', testDb.url)]);
}, 60_000);

afterAll(async () => {
  for (const child of workers.values()) child.kill('SIGKILL');
  const queue = digestQueue({ redisUrl: 'redis://127.0.0.1:6379', prefix });
  await queue.obliterate({ force: true }).catch(() => {});
  await queue.close();
  await emulator?.close();
  await testDb?.close();
});

describe('a worker killed mid-digest', () => {
  it('neither loses nor doubles a message', async () => {
    const queue = digestQueue({ redisUrl: 'redis://127.0.0.1:6379', prefix });
    const data: DigestJobData = { workspaceId: DEMO_TEAM_ID, channelId: CHANNEL, businessDate: MONDAY, manual: true };
    await queue.add('digest', data, { jobId: digestJobId(data), attempts: 30, backoff: { type: 'fixed', delay: 250 } });

    // Let the first worker get the parent and a few replies out, then kill it.
    await emulator.waitForCall('chat.postMessage', { count: 6, timeoutMs: 20_000 });
    const job = await queue.getJob(digestJobId(data));
    const holder = job?.processedBy;
    expect(holder === 'w1' || holder === 'w2').toBe(true);
    workers.get(holder!)!.kill('SIGKILL');

    const deadline = Date.now() + 40_000;
    let status: string | undefined;
    while (Date.now() < deadline) {
      [{ status } = { status: undefined }] = await database.db.select({ status: digests.status }).from(digests).where(eq(digests.channelId, CHANNEL));
      if (status === 'posted') break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(status).toBe('posted');
    await queue.close();

    const all = emulator.messages(CHANNEL);
    const parents = all.filter((m) => (m.metadata as { event_payload?: { part?: string } })?.event_payload?.part === 'parent');
    expect(parents).toHaveLength(1);
    const replies = emulator.messages(CHANNEL, { threadTs: parents[0]!.ts }).filter((m) => m.ts !== parents[0]!.ts);
    const cases = replies.map((m) => (m.metadata as { event_payload: { case_id: number } }).event_payload.case_id);
    expect(replies).toHaveLength(25);
    expect(new Set(cases).size).toBe(25);
  }, 60_000);
});
