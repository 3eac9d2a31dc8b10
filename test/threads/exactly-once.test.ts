// Thread posts are posted once whatever happens between Slack and the worker:
// a connection that drops after Slack accepted a post, a call that never got
// an answer, a worker that stalls past its lease while another takes over, a
// read-back Slack refuses. Time is injected (the lease is 90 s of test clock).
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cases, channelPosts, members } from '../../src/db/schema.ts';
import { writeSetting } from '../../src/db/settings.ts';
import {
  DEMO_ADMIN_ID, DEMO_COLLECTIONS_CHANNEL_ID as CHANNEL, DEMO_COLLECTOR_ID, DEMO_TEAM_ID,
} from '../../src/emulator/seed.ts';
import { drainChannel, type DrainResult } from '../../src/services/threads/drain.ts';
import { slackClientForJobs } from '../../jobs/workers.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { debtors } from '../support/digest-ledger.ts';
import { seedLedger } from '../support/ledger.ts';
import { advance, caseOf, dmsTo, drainUntilDone, metaOf, poster, rootsOf, route, threadPosts, writeActivity } from './support.ts';

const MONDAY = '2026-11-23';
const LEASE_MS = 90_000;
const KEY = { workspaceId: DEMO_TEAM_ID, channelId: CHANNEL };
let t: TestApp;

const call = (n: number) => writeActivityOn('D01', n);
/** A call logged (or another activity) on the case, routed to the team channel as the worker's poll would. */
async function writeActivityOn(ref: string, n: number, extra: { kind?: string; data?: Record<string, unknown> } = {}) {
  const id = await writeActivity(t.database, {
    ...(await caseOf(t.database, ref)), kind: extra.kind ?? 'call_logged', data: extra.data ?? { outcome: 'voicemail' },
    actorId: DEMO_COLLECTOR_ID, note: `attempt ${n}`, at: t.clock.now,
  });
  await route(t);
  return id;
}
const notes = (ref: string, caseId: number) => threadPosts(t, CHANNEL, caseId).map((m) => m.text.split('\n> ')[1]).filter((n) => n?.startsWith('attempt'));

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(`${MONDAY}T09:00:00Z`);
  await seedLedger(t.database, DEMO_TEAM_ID, MONDAY, debtors(6, MONDAY));
  await t.database.db.insert(members).values({ workspaceId: DEMO_TEAM_ID, userId: DEMO_COLLECTOR_ID, role: 'collector' });
  await writeSetting(t.database.db, { workspaceId: DEMO_TEAM_ID, name: 'channel', value: CHANNEL, by: DEMO_ADMIN_ID, now: t.clock.now });
  // relance is not in the Slack Marketplace: history reads once a minute, 15 messages a call.
  t.emulator.limitHistoryReads();
});

beforeEach(() => {
  advance(t, 3_600_000);
});

afterAll(async () => {
  await t?.close();
});

describe('a post whose connection dropped after Slack accepted it', () => {
  it('is not posted again: the next attempt finds the thread header by its metadata', async () => {
    const { caseId } = await caseOf(t.database, 'D01');
    await call(1);
    t.emulator.failConnectionNext('chat.postMessage', { kind: 'drop_after_accept' });
    expect(await drainChannel(poster(t), KEY)).toMatchObject({ kind: 'wait' });
    expect(rootsOf(t, CHANNEL, caseId)).toHaveLength(1);
    // Its fate was unknown to the worker: nobody posts in the channel before the lease runs out.
    expect((await drainChannel(poster(t), KEY)).kind).toBe('busy');
    advance(t, LEASE_MS + 1_000);
    expect(await drainUntilDone(poster(t), KEY)).toMatchObject({ kind: 'drained', posted: 2 });
    expect(rootsOf(t, CHANNEL, caseId)).toHaveLength(1);
    expect(notes('D01', caseId)).toEqual(['attempt 1']);
  });

  it('is not posted again: the next attempt finds the thread post by its metadata', async () => {
    const { caseId } = await caseOf(t.database, 'D01');
    await call(2);
    await call(3);
    t.emulator.failConnectionNext('chat.postMessage', { kind: 'drop_after_accept' });
    expect(await drainChannel(poster(t), KEY)).toMatchObject({ kind: 'wait' });
    advance(t, LEASE_MS + 1_000);
    expect(await drainUntilDone(poster(t), KEY)).toMatchObject({ kind: 'drained', posted: 2 });
    expect(notes('D01', caseId)).toEqual(['attempt 1', 'attempt 2', 'attempt 3']);
  });

  it('sends a broken promise\'s DM once', async () => {
    const d2 = await caseOf(t.database, 'D02');
    await t.database.db.update(cases).set({ ownerId: DEMO_COLLECTOR_ID }).where(eq(cases.id, d2.caseId));
    const before = dmsTo(t, DEMO_COLLECTOR_ID).length;
    await writeActivityOn('D02', 0, { kind: 'promise_broken', data: { amount_cents: 1000, currency: 'EUR', paid_cents: 0, missing_cents: 1000, due_on: '2026-11-19' } });
    const dm = { workspaceId: DEMO_TEAM_ID, channelId: DEMO_COLLECTOR_ID };
    t.emulator.failConnectionNext('chat.postMessage', { kind: 'drop_after_accept' });
    expect(await drainChannel(poster(t), dm)).toMatchObject({ kind: 'wait' });
    advance(t, LEASE_MS + 1_000);
    expect(await drainUntilDone(poster(t), dm)).toMatchObject({ kind: 'drained', posted: 1 });
    expect(dmsTo(t, DEMO_COLLECTOR_ID)).toHaveLength(before + 1);
    expect(await drainUntilDone(poster(t), KEY)).toMatchObject({ kind: 'drained', posted: 2 });
    expect(threadPosts(t, CHANNEL, d2.caseId)).toHaveLength(1);
  });
});

describe('a post that got no answer at all', () => {
  it('is posted once the lease has run out, after making sure Slack never got it', async () => {
    const { caseId } = await caseOf(t.database, 'D01');
    await call(4);
    // A connection so slow that the post would reach Slack ten minutes later; the client gives up first.
    t.emulator.failConnectionNext('chat.postMessage', { kind: 'slow', ms: 600_000 });
    expect(await drainChannel(poster(t, { client: slackClientForJobs(t.env, { timeoutMs: 200 }) }), KEY)).toMatchObject({ kind: 'wait' });
    await t.emulator.waitForCall('chat.postMessage', { where: (c) => c.status === 0 });
    expect(notes('D01', caseId)).toHaveLength(3);
    advance(t, LEASE_MS + 1_000);
    expect(await drainUntilDone(poster(t), KEY)).toMatchObject({ kind: 'drained', posted: 1 });
    expect(notes('D01', caseId)).toEqual(['attempt 1', 'attempt 2', 'attempt 3', 'attempt 4']);
  }, 10_000);
});

describe('a worker that stalls past its lease', () => {
  it('posts nothing more once another worker took the channel over; every post goes out once', async () => {
    const { caseId } = await caseOf(t.database, 'D03');
    for (let n = 1; n <= 8; n++) await writeActivityOn('D03', n);
    let paused!: () => void;
    const firstPaused = new Promise<void>((resolve) => { paused = resolve; });
    let resumeFirst!: () => void;
    let pacing = 0;
    const first = drainChannel(poster(t, {
      sleep: (ms) => {
        advance(t, ms);
        if (++pacing !== 3) return Promise.resolve();
        paused(); // the header and two posts are out; the worker stalls here
        return new Promise<void>((resolve) => { resumeFirst = resolve; });
      },
    }), KEY);
    await firstPaused;
    advance(t, LEASE_MS + 10_000);

    let firstResult: DrainResult | undefined;
    let resumed = false;
    const second = await drainUntilDone(poster(t, {
      sleep: async (ms) => {
        advance(t, ms);
        if (resumed) return;
        resumed = true;
        // The first worker wakes up while the second is posting.
        resumeFirst();
        firstResult = await first;
      },
    }), KEY);
    expect(firstResult?.kind).toBe('lease_lost');
    expect(second.kind).toBe('drained');
    expect(rootsOf(t, CHANNEL, caseId)).toHaveLength(1);
    expect(notes('D03', caseId)).toEqual(['attempt 1', 'attempt 2', 'attempt 3', 'attempt 4', 'attempt 5', 'attempt 6', 'attempt 7', 'attempt 8']);
  });
});

describe('when relance cannot check what reached Slack', () => {
  it('marks that one post unconfirmed rather than post it twice, and goes on with the next ones', async () => {
    const { caseId } = await caseOf(t.database, 'D04');
    await writeActivityOn('D04', 1);
    await drainUntilDone(poster(t), KEY);
    const lost = await writeActivityOn('D04', 2);
    await writeActivityOn('D04', 3);
    t.emulator.failConnectionNext('chat.postMessage', { kind: 'drop_after_accept' });
    expect(await drainChannel(poster(t), KEY)).toMatchObject({ kind: 'wait' });
    t.emulator.state.revokeScopes(DEMO_TEAM_ID, ['channels:history']);
    try {
      advance(t, LEASE_MS + 1_000);
      expect(await drainUntilDone(poster(t), KEY)).toMatchObject({ kind: 'drained', posted: 1 });
    } finally {
      t.emulator.state.grantScopes(DEMO_TEAM_ID, ['channels:history']);
    }
    expect(notes('D04', caseId)).toEqual(['attempt 1', 'attempt 2', 'attempt 3']);
    const [row] = await t.database.db.select().from(channelPosts).where(and(eq(channelPosts.activityId, lost), eq(channelPosts.kind, 'activity')));
    expect(row!.status).toBe('unconfirmed');
  });
});

describe('a thread header nobody can confirm', () => {
  it('gives way to a new header, so the case still gets its thread and its post once', async () => {
    const { caseId } = await caseOf(t.database, 'D06');
    await writeActivityOn('D06', 1);
    t.emulator.failConnectionNext('chat.postMessage', { kind: 'drop_after_accept' });
    expect(await drainChannel(poster(t), KEY)).toMatchObject({ kind: 'wait' });
    t.emulator.state.revokeScopes(DEMO_TEAM_ID, ['channels:history']);
    try {
      advance(t, LEASE_MS + 1_000);
      expect(await drainUntilDone(poster(t), KEY)).toMatchObject({ kind: 'drained', posted: 2 });
    } finally {
      t.emulator.state.grantScopes(DEMO_TEAM_ID, ['channels:history']);
    }
    const roots = rootsOf(t, CHANNEL, caseId);
    expect(roots).toHaveLength(2);
    expect(t.emulator.messages(CHANNEL, { threadTs: roots[0]!.ts })).toHaveLength(1);
    expect(notes('D06', caseId)).toEqual(['attempt 1']);
  });
});

describe('a channel Slack refuses', () => {
  it('keeps its posts, tries again ten minutes later, and posts them once the bot is let in', async () => {
    const { caseId } = await caseOf(t.database, 'D05');
    t.emulator.failNext('chat.postMessage', { error: 'not_in_channel' });
    await writeActivityOn('D05', 1);
    expect(await drainChannel(poster(t), KEY)).toMatchObject({ kind: 'blocked', error: 'not_in_channel' });
    expect((await drainChannel(poster(t), KEY)).kind).toBe('blocked');
    advance(t, 10 * 60_000);
    expect(await drainUntilDone(poster(t), KEY)).toMatchObject({ kind: 'drained', posted: 2 });
    expect(rootsOf(t, CHANNEL, caseId)).toHaveLength(1);
    expect(threadPosts(t, CHANNEL, caseId).map((m) => metaOf(m)?.part)).toEqual(['activity']);
  });
});
