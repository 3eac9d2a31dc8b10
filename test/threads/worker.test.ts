// The worker role posts case threads by itself: a Slack request that wrote an
// activity kicks the posters at once, and the worker's poll finds activities
// written anywhere else (a nightly job, an import) within seconds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { members } from '../../src/db/schema.ts';
import { writeSetting } from '../../src/db/settings.ts';
import { DEMO_ADMIN_ID, DEMO_COLLECTIONS_CHANNEL_ID as CHANNEL, DEMO_COLLECTOR_ID, DEMO_TEAM_ID } from '../../src/emulator/seed.ts';
import { createLogger } from '../../src/log.ts';
import { startWorkers } from '../../jobs/workers.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { debtors } from '../support/digest-ledger.ts';
import { seedLedger } from '../support/ledger.ts';
import { postTestDigest, type PostedReply } from '../support/posted-digest.ts';
import { advance, caseOf, rootsOf, threadPosts, writeActivity } from './support.ts';

const MONDAY = '2026-11-23';
let t: TestApp;
let replies: PostedReply[];

function workers(pollMs: number) {
  return startWorkers({
    env: t.env, database: t.database, logger: createLogger('silent'), clock: () => t.clock.now,
    sleep: async (ms) => { advance(t, ms); }, postPollMs: pollMs,
    // These tests count the posts of a given ledger; the ladder would add its drafts to the threads.
    ladder: false,
  });
}

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(`${MONDAY}T08:00:00Z`);
  await seedLedger(t.database, DEMO_TEAM_ID, MONDAY, debtors(3, MONDAY));
  await t.database.db.insert(members).values({ workspaceId: DEMO_TEAM_ID, userId: DEMO_COLLECTOR_ID, role: 'collector' });
  await writeSetting(t.database.db, { workspaceId: DEMO_TEAM_ID, name: 'channel', value: CHANNEL, by: DEMO_ADMIN_ID, now: t.clock.now });
  ({ replies } = await postTestDigest(t, MONDAY));
}, 60_000);

afterAll(async () => {
  await t?.close();
});

describe('the worker', () => {
  it('posts a call claimed with a reaction in the case thread right away, without waiting for its poll', async () => {
    const running = await workers(600_000);
    try {
      const reply = replies[0]!;
      await t.sender.event({ event: t.emulator.addReaction(DEMO_COLLECTOR_ID, CHANNEL, reply.ts, 'raising_hand') });
      const posted = await t.emulator.waitFor(() => {
        const list = threadPosts(t, CHANNEL, reply.caseId);
        return list.length > 0 ? list : undefined;
      }, { timeoutMs: 10_000 });
      expect(posted.map((m) => m.text)).toEqual(['Call claimed by <@U0COLLECTOR>']);
      expect(rootsOf(t, CHANNEL, reply.caseId)).toHaveLength(1);
    } finally {
      await running.stop();
    }
  });

  it('finds an activity written outside Slack by polling the outbox', async () => {
    const running = await workers(200);
    try {
      const d1 = await caseOf(t.database, 'D01');
      await writeActivity(t.database, {
        ...d1, kind: 'promise_kept', at: t.clock.now, data: { promise_id: 9, amount_cents: 25_000, currency: 'EUR', paid_cents: 25_000 },
      });
      const posted = await t.emulator.waitFor(() => {
        const list = threadPosts(t, CHANNEL, d1.caseId);
        return list.length > 0 ? list : undefined;
      }, { timeoutMs: 10_000 });
      expect(posted).toHaveLength(1);
      expect(posted[0]!.text).toContain('€250.00');
    } finally {
      await running.stop();
    }
  });
});
