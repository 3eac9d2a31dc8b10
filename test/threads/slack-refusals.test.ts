// What the posters do when Slack says no, or cannot be asked in time: a post
// Slack refused was never posted, so it is not looked for later (reading back
// needs a scope older installs lack, and a minute a page); a channel relance
// cannot read back for now is tried again later rather than given up on; a
// message refused for its content is left out and the queue goes on; the read
// back covers the minute around the attempt, not the chatter before it; and a
// worker kept waiting by the database makes no Slack call on what is left of
// its lease. Time is injected (the lease is 90 s of test clock).
import { and, eq } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { enqueueChannelPost } from '../../src/db/channel-posts.ts';
import { channelPosts, members } from '../../src/db/schema.ts';
import { writeSetting } from '../../src/db/settings.ts';
import {
  DEMO_ADMIN_ID, DEMO_BOT_USER_ID, DEMO_COLLECTIONS_CHANNEL_ID as CHANNEL, DEMO_COLLECTOR_ID, DEMO_TEAM_ID,
} from '../../src/emulator/seed.ts';
import { drainChannel } from '../../src/services/threads/drain.ts';
import { slackClientForJobs } from '../../jobs/workers.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { debtors } from '../support/digest-ledger.ts';
import { seedLedger } from '../support/ledger.ts';
import { advance, caseOf, drainUntilDone, poster, rootsOf, route, threadPosts, writeActivity } from './support.ts';

const MONDAY = '2026-11-23';
const LEASE_MS = 90_000;
const KEY = { workspaceId: DEMO_TEAM_ID, channelId: CHANNEL };
let t: TestApp;

/** A call logged on the case, routed to the team channel as the worker's poll would; its activity id. */
async function call(ref: string, n: number): Promise<number> {
  const id = await writeActivity(t.database, {
    ...(await caseOf(t.database, ref)), kind: 'call_logged', data: { outcome: 'voicemail' }, actorId: DEMO_COLLECTOR_ID, note: `attempt ${n}`, at: t.clock.now,
  });
  await route(t);
  return id;
}
const notes = (caseId: number) => threadPosts(t, CHANNEL, caseId).map((m) => m.text.split('\n> ')[1]).filter((n) => n?.startsWith('attempt'));
const readBacks = () => t.emulator.calls('conversations.replies').length + t.emulator.calls('conversations.history').length;
async function postOf(activityId: number) {
  const [row] = await t.database.db.select().from(channelPosts).where(and(eq(channelPosts.activityId, activityId), eq(channelPosts.kind, 'activity')));
  return row!;
}
/** Runs `body` with channels:history taken away, as on an install from before relance asked for it. */
async function withoutHistoryScope<T>(body: () => Promise<T>): Promise<T> {
  t.emulator.state.revokeScopes(DEMO_TEAM_ID, ['channels:history']);
  try {
    return await body();
  } finally {
    t.emulator.state.grantScopes(DEMO_TEAM_ID, ['channels:history']);
  }
}
function logLines() {
  const lines: string[] = [];
  const logger = pino({ level: 'warn' }, { write: (line: string) => { lines.push(line); } });
  return { logger, lines, parsed: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(`${MONDAY}T09:00:00Z`);
  await seedLedger(t.database, DEMO_TEAM_ID, MONDAY, debtors(12, MONDAY));
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

describe('a post Slack refused', () => {
  it('in a channel relance was not in, goes out once it is let in, without reading the channel back', async () => {
    const { caseId } = await caseOf(t.database, 'D01');
    await call('D01', 1);
    await drainUntilDone(poster(t), KEY);
    const second = await call('D01', 2);
    t.emulator.failNext('chat.postMessage', { error: 'not_in_channel' });
    expect(await drainChannel(poster(t), KEY)).toMatchObject({ kind: 'blocked', error: 'not_in_channel' });

    advance(t, 10 * 60_000);
    const before = readBacks();
    // Slack posted nothing: even where relance may not read the channel, the post goes out.
    expect(await withoutHistoryScope(() => drainUntilDone(poster(t), KEY))).toMatchObject({ kind: 'drained', posted: 1 });
    expect(readBacks()).toBe(before);
    expect(notes(caseId)).toEqual(['attempt 1', 'attempt 2']);
    expect((await postOf(second)).status).toBe('posted');
  });

  it('as rate-limited after every wait, is tried again shortly without reading the channel back', async () => {
    const { caseId } = await caseOf(t.database, 'D02');
    await call('D02', 1);
    // The thread's header: Slack answers 429 six times in a row, and relance stops waiting.
    t.emulator.failNext('chat.postMessage', { status: 429, retryAfter: 1 }, 6);
    expect(await drainChannel(poster(t), KEY)).toMatchObject({ kind: 'wait' });
    expect(rootsOf(t, CHANNEL, caseId)).toHaveLength(0);

    advance(t, 30_000);
    const before = readBacks();
    expect(await withoutHistoryScope(() => drainUntilDone(poster(t), KEY))).toMatchObject({ kind: 'drained', posted: 2 });
    expect(readBacks()).toBe(before);
    expect(rootsOf(t, CHANNEL, caseId)).toHaveLength(1);
    expect(notes(caseId)).toEqual(['attempt 1']);
    const roots = await t.database.db.select().from(channelPosts).where(and(eq(channelPosts.caseId, caseId), eq(channelPosts.kind, 'root')));
    expect(roots.map((r) => r.status)).toEqual(['posted']);
  });

  it('with an error after which Slack may have posted it, is looked for before it is posted again', async () => {
    const { caseId } = await caseOf(t.database, 'D03');
    await call('D03', 1);
    await drainUntilDone(poster(t), KEY);
    await call('D03', 2);
    t.emulator.failNext('chat.postMessage', { error: 'internal_error' });
    expect(await drainChannel(poster(t), KEY)).toMatchObject({ kind: 'wait' });

    advance(t, 30_000);
    const before = readBacks();
    expect(await drainUntilDone(poster(t), KEY)).toMatchObject({ kind: 'drained', posted: 1 });
    expect(readBacks()).toBeGreaterThan(before);
    expect(notes(caseId)).toEqual(['attempt 1', 'attempt 2']);
  });
});

describe('a channel relance cannot read back for now', () => {
  it('keeps the post waiting and tries again later rather than mark it unconfirmed; it is found once the bot is back', async () => {
    const { caseId } = await caseOf(t.database, 'D04');
    await call('D04', 1);
    await drainUntilDone(poster(t), KEY);
    const second = await call('D04', 2);
    t.emulator.failConnectionNext('chat.postMessage', { kind: 'drop_after_accept' });
    expect(await drainChannel(poster(t), KEY)).toMatchObject({ kind: 'wait' });
    advance(t, LEASE_MS + 1_000);
    t.emulator.state.removeMember(CHANNEL, DEMO_BOT_USER_ID); // someone removed relance from the channel
    try {
      expect(await drainChannel(poster(t), KEY)).toMatchObject({ kind: 'blocked', error: 'not_in_channel' });
      expect((await postOf(second)).status).toBe('pending');
    } finally {
      t.emulator.state.addMember(CHANNEL, DEMO_BOT_USER_ID); // …and invited it back
    }
    advance(t, 10 * 60_000);
    expect(await drainUntilDone(poster(t), KEY)).toMatchObject({ kind: 'drained' });
    expect(notes(caseId)).toEqual(['attempt 1', 'attempt 2']);
    expect((await postOf(second)).status).toBe('posted');
  });
});

describe('a message Slack refuses for its content', () => {
  it('is marked failed and logged with its case, without the message; the posts behind it go out', async () => {
    const { caseId } = await caseOf(t.database, 'D05');
    await call('D05', 1);
    await drainUntilDone(poster(t), KEY);
    // Slack takes 40,000 characters at most.
    const tooLong = await enqueueChannelPost(t.database.db, {
      workspaceId: DEMO_TEAM_ID, target: { to: 'case_thread', caseId }, text: `Debtor 05 said: ${'x'.repeat(40_000)}`, now: t.clock.now,
    });
    await route(t);
    await call('D05', 2);
    const log = logLines();
    expect(await drainUntilDone(poster(t, { logger: log.logger }), KEY)).toMatchObject({ kind: 'drained', posted: 1 });
    expect(notes(caseId)).toEqual(['attempt 1', 'attempt 2']);
    const [refused] = await t.database.db.select().from(channelPosts).where(eq(channelPosts.id, tooLong));
    expect(refused!.status).toBe('failed');
    const line = log.parsed().find((l) => l.slackError === 'msg_too_long');
    expect(line).toMatchObject({ caseId, post: tooLong });
    expect(log.lines.join('\n')).not.toContain('Debtor 05');
  });

  it('whatever Slack\'s content error, does not hold up the channel\'s queue', async () => {
    const { caseId } = await caseOf(t.database, 'D06');
    await call('D06', 1);
    await drainUntilDone(poster(t), KEY);
    const refused = await call('D06', 2);
    await call('D06', 3);
    t.emulator.failNext('chat.postMessage', { error: 'metadata_too_large' });
    const log = logLines();
    expect(await drainUntilDone(poster(t, { logger: log.logger }), KEY)).toMatchObject({ kind: 'drained', posted: 1 });
    expect(notes(caseId)).toEqual(['attempt 1', 'attempt 3']);
    expect((await postOf(refused)).status).toBe('failed');
    expect(log.parsed().find((l) => l.slackError === 'metadata_too_large')).toMatchObject({ caseId });
  });
});

describe('the window read back', () => {
  it('starts shortly before the attempt: replies from minutes earlier do not make it unsure', async () => {
    const { caseId } = await caseOf(t.database, 'D07');
    await call('D07', 1);
    await drainUntilDone(poster(t), KEY);
    const [root] = rootsOf(t, CHANNEL, caseId);
    advance(t, 1_000);
    for (let i = 0; i < 200; i++) t.emulator.postAsUser(DEMO_COLLECTOR_ID, CHANNEL, `chatter ${i}`, { threadTs: root!.ts });
    advance(t, 5 * 60_000);
    const second = await call('D07', 2);
    // The post never reached Slack: the client gave up first. The next attempt must read its window to know.
    t.emulator.failConnectionNext('chat.postMessage', { kind: 'slow', ms: 600_000 });
    expect(await drainChannel(poster(t, { client: slackClientForJobs(t.env, { timeoutMs: 200 }) }), KEY)).toMatchObject({ kind: 'wait' });
    await t.emulator.waitForCall('chat.postMessage', { where: (c) => c.status === 0 });
    advance(t, LEASE_MS + 1_000);
    expect(await drainUntilDone(poster(t), KEY)).toMatchObject({ kind: 'drained', posted: 1 });
    expect(notes(caseId)).toEqual(['attempt 1', 'attempt 2']);
    expect((await postOf(second)).status).toBe('posted');
  }, 10_000);
});

describe('a worker whose database write stalls just before a post', () => {
  /** Another session holds the post's row until `unlock`; resolves once it does. */
  function holdRow(postId: number): Promise<() => void> {
    const pg = t.database.pg!;
    return new Promise((locked) => {
      void pg.begin(async (q) => {
        await q`select id from channel_posts where id = ${postId} for update`;
        await new Promise<void>((release) => locked(release));
      });
    });
  }
  async function untilSomeoneWaitsForALock(): Promise<void> {
    const pg = t.database.pg!;
    const waiting = async () => (await pg`select count(*)::int as n from pg_stat_activity
      where wait_event_type = 'Lock' and datname = current_database()`)[0]!.n as number;
    for (let i = 0; i < 500 && (await waiting()) === 0; i++) await new Promise((r) => setTimeout(r, 10));
  }

  it('does not call Slack on what is left of its lease, gives the channel back, and the post goes out once', async () => {
    const { caseId } = await caseOf(t.database, 'D08');
    await call('D08', 1);
    await drainUntilDone(poster(t), KEY);
    const second = await call('D08', 2);
    const unlock = await holdRow((await postOf(second)).id);
    const calls = t.emulator.calls('chat.postMessage').length;
    const first = drainChannel(poster(t), KEY);
    await untilSomeoneWaitsForALock();
    advance(t, 80_000); // 80 of its 90 seconds go by while it waits
    unlock();
    expect(await first).toMatchObject({ kind: 'wait' });
    expect(t.emulator.calls('chat.postMessage')).toHaveLength(calls);
    // The channel was given back: the next run need not wait for the lease to run out.
    expect(await drainUntilDone(poster(t), KEY)).toMatchObject({ kind: 'drained', posted: 1 });
    expect(notes(caseId)).toEqual(['attempt 1', 'attempt 2']);
  });

  it('after a 429 wait, takes its mark off: Slack posted nothing, so nothing is looked for', async () => {
    const { caseId } = await caseOf(t.database, 'D09');
    await call('D09', 1);
    await drainUntilDone(poster(t), KEY);
    const second = await call('D09', 2);
    const postId = (await postOf(second)).id;
    advance(t, 5_000); // no pacing wait before this post: the only wait is the 429's
    let unlock: (() => void) | undefined;
    t.emulator.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    const first = drainChannel(poster(t, {
      // The 429's wait; then the write before the second try stalls on the post's row.
      sleep: async (ms) => { advance(t, ms); unlock = await holdRow(postId); },
    }), KEY);
    await untilSomeoneWaitsForALock();
    advance(t, 80_000);
    unlock!();
    expect(await first).toMatchObject({ kind: 'wait' });
    const before = readBacks();
    expect(await withoutHistoryScope(() => drainUntilDone(poster(t), KEY))).toMatchObject({ kind: 'drained', posted: 1 });
    expect(readBacks()).toBe(before);
    expect(notes(caseId)).toEqual(['attempt 1', 'attempt 2']);
  });
});
