// A burst: 500 broken promises across 100 cases at once. Slack allows about
// one message a second per channel (the emulator enforces it, on the test
// clock): the posters keep that pace, so nothing is refused, and every
// activity reaches its thread once, in order.
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities, cases } from '../../src/db/schema.ts';
import { writeSetting } from '../../src/db/settings.ts';
import { DEMO_ADMIN_ID, DEMO_COLLECTIONS_CHANNEL_ID as CHANNEL, DEMO_COLLECTOR_ID, DEMO_TEAM_ID } from '../../src/emulator/seed.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { debtors } from '../support/digest-ledger.ts';
import { seedLedger } from '../support/ledger.ts';
import { dmsTo, metaOf, postEverything, poster, rootsOf, threadPosts } from './support.ts';

const MONDAY = '2026-11-23';
let t: TestApp;
let caseIds: { caseId: number; customerId: number }[];

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(`${MONDAY}T09:00:00Z`);
  await seedLedger(t.database, DEMO_TEAM_ID, MONDAY, debtors(100, MONDAY).map((d) => ({ ...d, ref: `B${d.ref}` })));
  caseIds = await t.database.db.select({ caseId: cases.id, customerId: cases.customerId }).from(cases)
    .where(eq(cases.workspaceId, DEMO_TEAM_ID)).orderBy(cases.id);
  // One case in five has an owner, who gets a DM for each broken promise.
  await t.database.db.update(cases).set({ ownerId: DEMO_COLLECTOR_ID })
    .where(inArray(cases.id, caseIds.filter((_, i) => i % 5 === 0).map((c) => c.caseId)));
  await writeSetting(t.database.db, { workspaceId: DEMO_TEAM_ID, name: 'channel', value: CHANNEL, by: DEMO_ADMIN_ID, now: t.clock.now });
}, 60_000);

afterAll(async () => {
  await t?.close();
});

/** `perCase` broken promises per case, written in one statement as the nightly check would. */
async function breakPromises(batch: number, perCase: number): Promise<number[]> {
  const rows = caseIds.flatMap((c, i) => Array.from({ length: perCase }, (_, k) => ({
    workspaceId: DEMO_TEAM_ID, caseId: c.caseId, customerId: c.customerId, kind: 'promise_broken', actorId: 'relance', occurredAt: t.clock.now,
    data: { promise_id: batch * 1000 + i * 5 + k, amount_cents: 10_000 * (k + 1), currency: 'EUR', paid_cents: 0, missing_cents: 10_000 * (k + 1), due_on: '2026-11-19' },
  })));
  const written = await t.database.db.insert(activities).values(rows).returning({ id: activities.id });
  return written.map((r) => r.id);
}

/** Every post of the thread and DMs names the activity it renders, once. */
function postedPromiseIds(): number[] {
  return caseIds.flatMap((c) => threadPosts(t, CHANNEL, c.caseId)).map((m) => metaOf(m)!.post_id!);
}

describe('500 broken promises at once', () => {
  it('are all posted, each once, in order, without a single 429', async () => {
    t.emulator.rateLimit('chat.postMessage', { perChannelPerSecond: 1, burst: 1 });
    const before = t.emulator.calls('chat.postMessage').length;
    await breakPromises(1, 5);
    await postEverything(t);

    const calls = t.emulator.calls('chat.postMessage').slice(before);
    expect(calls.filter((c) => c.status === 429)).toHaveLength(0);
    for (const c of caseIds) {
      expect(rootsOf(t, CHANNEL, c.caseId)).toHaveLength(1);
      const posts = threadPosts(t, CHANNEL, c.caseId);
      expect(posts).toHaveLength(5);
      // In the order they happened: €100, €200, … €500 missing.
      expect(posts.map((m) => m.text.match(/€(\d+)\.00 missing/)?.[1])).toEqual(['100', '200', '300', '400', '500']);
    }
    const ids = postedPromiseIds();
    expect(new Set(ids).size).toBe(500);
    expect(dmsTo(t, DEMO_COLLECTOR_ID)).toHaveLength(100);
  }, 120_000);

  it('waits out the Retry-After of a 429, and still loses and doubles nothing', async () => {
    // No pacing at all (as when another poster shares the channel): every other post meets a 429.
    t.emulator.rateLimit('chat.postMessage', { perChannelPerSecond: 1, burst: 1 });
    const before = t.emulator.calls('chat.postMessage').length;
    const waits: number[] = [];
    await breakPromises(2, 1);
    await postEverything(t, poster(t, {
      pacingMs: 0,
      sleep: async (ms) => { waits.push(ms); t.clock.set(new Date(t.clock.now.getTime() + ms).toISOString()); },
    }));
    const calls = t.emulator.calls('chat.postMessage').slice(before);
    expect(calls.filter((c) => c.status === 429).length).toBeGreaterThan(0);
    expect(waits).toContain(1000);
    for (const c of caseIds) expect(threadPosts(t, CHANNEL, c.caseId)).toHaveLength(6);
    expect(new Set(postedPromiseIds()).size).toBe(600);
    expect(dmsTo(t, DEMO_COLLECTOR_ID)).toHaveLength(120);
  }, 120_000);
});
