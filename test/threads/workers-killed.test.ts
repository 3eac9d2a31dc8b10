// Two real worker processes share the channel posters; the one posting a
// burst of activities is killed. The other finishes: every activity in its
// thread once, one header per case.
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { activities, cases, channelPosts } from '../../src/db/schema.ts';
import { writeSetting } from '../../src/db/settings.ts';
import { startSlackEmulator, type SlackEmulator } from '../../src/emulator/server.ts';
import { DEMO_ADMIN_ID, DEMO_BOT_TOKEN, DEMO_COLLECTIONS_CHANNEL_ID as CHANNEL, DEMO_COLLECTOR_ID, DEMO_TEAM_ID } from '../../src/emulator/seed.ts';
import { POST_EVENT } from '../../src/services/threads/drain.ts';
import { drainJobId } from '../../jobs/case-threads.ts';
import { channelPostsQueue } from '../../jobs/queues.ts';
import { openTestDatabase, type TestDatabase } from '../support/pg.ts';
import { seedLedger } from '../support/ledger.ts';
import { debtors } from '../support/digest-ledger.ts';

const MONDAY = '2026-11-23';
const prefix = `relance-test-${randomBytes(4).toString('hex')}`;
const config = { redisUrl: 'redis://127.0.0.1:6379', prefix };
let database: Database;
let testDb: TestDatabase;
let emulator: SlackEmulator;
const workers = new Map<string, ChildProcess>();

function startWorker(name: string, url: string): Promise<ChildProcess> {
  const child = fork(new URL('../support/worker-process.ts', import.meta.url).pathname, [], {
    execArgv: ['--import', 'tsx'],
    env: {
      PATH: process.env.PATH, DATABASE_URL: url, REDIS_URL: config.redisUrl, RELANCE_QUEUE_PREFIX: prefix,
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
  await seedLedger(database, DEMO_TEAM_ID, MONDAY, debtors(10, MONDAY));
  await writeSetting(database.db, { workspaceId: DEMO_TEAM_ID, name: 'channel', value: CHANNEL, by: DEMO_ADMIN_ID, now: new Date() });
  await Promise.all([startWorker('w1', testDb.url), startWorker('w2', testDb.url)]);
}, 60_000);

afterAll(async () => {
  for (const child of workers.values()) child.kill('SIGKILL');
  const queue = channelPostsQueue(config);
  await queue.obliterate({ force: true }).catch(() => {});
  await queue.close();
  await emulator?.close();
  await testDb?.close();
});

describe('a worker killed mid-burst', () => {
  it('neither loses nor doubles a post', async () => {
    const all = await database.db.select({ caseId: cases.id, customerId: cases.customerId }).from(cases).where(eq(cases.workspaceId, DEMO_TEAM_ID));
    await database.db.insert(activities).values(all.flatMap((c) => [1, 2, 3, 4].map((n) => ({
      workspaceId: DEMO_TEAM_ID, caseId: c.caseId, customerId: c.customerId, kind: 'call_logged', actorId: DEMO_COLLECTOR_ID,
      data: { outcome: 'no_answer' }, note: `attempt ${n}`,
    }))));

    // Let the posters get a few messages out, then kill the one holding the channel.
    await emulator.waitForCall('chat.postMessage', { count: 8, timeoutMs: 20_000 });
    const queue = channelPostsQueue(config);
    const holder = (await queue.getJob(drainJobId({ workspaceId: DEMO_TEAM_ID, channelId: CHANNEL })))?.processedBy;
    await queue.close();
    expect(holder === 'w1' || holder === 'w2').toBe(true);
    workers.get(holder!)!.kill('SIGKILL');

    const deadline = Date.now() + 40_000;
    let pending = -1;
    while (Date.now() < deadline) {
      [{ pending } = { pending: -1 }] = await database.db.select({ pending: sql<number>`count(*)::int` }).from(channelPosts)
        .where(sql`${channelPosts.status} = 'pending' and ${channelPosts.kind} <> 'root'`);
      if (pending === 0) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(pending).toBe(0);

    type Meta = { event_type?: string; event_payload?: { part?: string; case_id?: number } };
    const ours = (m: { metadata?: unknown }) => (m.metadata as Meta | undefined)?.event_type === POST_EVENT ? (m.metadata as Meta).event_payload : undefined;
    const roots = emulator.messages(CHANNEL).filter((m) => ours(m)?.part === 'root');
    expect(roots).toHaveLength(10);
    expect(new Set(roots.map((m) => ours(m)!.case_id)).size).toBe(10);
    for (const root of roots) {
      const posts = emulator.messages(CHANNEL, { threadTs: root.ts }).filter((m) => m.ts !== root.ts);
      expect(posts.map((m) => m.text.split('\n> ')[1])).toEqual(['attempt 1', 'attempt 2', 'attempt 3', 'attempt 4']);
    }
  }, 60_000);
});
