// Exactly one digest per channel and day when workers stall, connections
// drop after Slack accepted a post, and the channel is too busy to check:
// two workers against the Slack emulator, time injected (the lease is 90 s
// of test clock, never waited for).
import { WebClient } from '@slack/web-api';
import { and, eq } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestEntries, digests, members } from '../../src/db/schema.ts';
import { writeSetting } from '../../src/db/settings.ts';
import {
  DEMO_BOT_TOKEN, DEMO_BOT_USER_ID, DEMO_COLLECTIONS_CHANNEL_ID as CHANNEL, DEMO_COLLECTOR_ID, DEMO_GENERAL_CHANNEL_ID, DEMO_MANAGER_ID, DEMO_TEAM_ID,
} from '../../src/emulator/seed.ts';
import { createLogger } from '../../src/log.ts';
import { postDigest, type PostDigestDeps, type PostDigestResult } from '../../src/services/post-digest.ts';
import { runDigestJob, digestJobId } from '../../jobs/digest.ts';
import { slackClientForJobs } from '../../jobs/workers.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { debtors } from '../support/digest-ledger.ts';
import { seedLedger } from '../support/ledger.ts';

let t: TestApp;
const MONDAY = '2026-11-23';
const LEASE_MS = 90_000;

const target = (businessDate: string) => ({ workspaceId: DEMO_TEAM_ID, channelId: CHANNEL, businessDate });
const advance = (ms: number) => t.clock.set(new Date(t.clock.now.getTime() + ms).toISOString());

/** A worker: its own Slack client (the jobs' one unless told), sleeping on the test clock. */
function worker(overrides: Partial<PostDigestDeps> = {}): PostDigestDeps {
  return {
    db: t.database.db,
    client: slackClientForJobs(t.env),
    clock: () => t.clock.now,
    sleep: async (ms) => { advance(ms); },
    logger: createLogger('silent'),
    leaseMs: LEASE_MS,
    ...overrides,
  };
}

type Meta = { event_payload?: { part?: string; business_date?: string; case_id?: number } } | undefined;
const parents = (day: string) => t.emulator.messages(CHANNEL).filter((m) => (m.metadata as Meta)?.event_payload?.part === 'parent'
  && (m.metadata as Meta)?.event_payload?.business_date === day);
function onlyParentWithReplies(day: string): number[] {
  const list = parents(day);
  expect(list).toHaveLength(1);
  const replies = t.emulator.messages(CHANNEL, { threadTs: list[0]!.ts }).filter((m) => m.ts !== list[0]!.ts);
  const cases = replies.map((m) => (m.metadata as Meta)!.event_payload!.case_id!);
  expect(new Set(cases).size).toBe(cases.length);
  return cases;
}
async function digestRow(day: string) {
  const [row] = await t.database.db.select().from(digests)
    .where(and(eq(digests.channelId, CHANNEL), eq(digests.businessDate, day)));
  return row!;
}
function humansTalk(count: number) {
  for (let i = 0; i < count; i++) t.emulator.postAsUser(DEMO_COLLECTOR_ID, CHANNEL, `chatter ${i}`);
}
async function collect(userId: string, text: string) {
  const sent = await t.sender.slashCommand({ userId, channelId: CHANNEL, text });
  return (await t.emulator.waitForResponse(sent.responseUrlId!, { timeoutMs: 10_000 })).body as { text: string };
}

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(`${MONDAY}T08:00:00Z`);
  await seedLedger(t.database, DEMO_TEAM_ID, MONDAY, debtors(30, MONDAY));
  await t.database.db.insert(members).values([
    { workspaceId: DEMO_TEAM_ID, userId: DEMO_COLLECTOR_ID, role: 'collector' },
    { workspaceId: DEMO_TEAM_ID, userId: DEMO_MANAGER_ID, role: 'manager' },
  ]);
  // relance is not in the Slack Marketplace: history reads once a minute, 15 messages a call.
  t.emulator.limitHistoryReads();
});

afterAll(async () => {
  await t?.close();
});

describe('a worker that stalls past its lease', () => {
  it('posts nothing more once another worker took the digest over while it waited out a 429', async () => {
    const day = '2026-12-01';
    t.clock.set(`${day}T08:00:00Z`);
    t.emulator.failNext('chat.postMessage', { status: 429, retryAfter: 120 });
    let second: PostDigestResult | undefined;
    const first = await postDigest(worker({
      sleep: async (ms) => {
        advance(ms);
        // While the first worker waits two minutes, its 90 s lease runs out and a second worker posts the digest.
        if (ms === 120_000) second = await postDigest(worker(), target(day));
      },
    }), target(day));
    expect(second).toMatchObject({ kind: 'posted', replies: 25 });
    expect(first.kind).toBe('lease_lost');
    expect(onlyParentWithReplies(day)).toHaveLength(25);
  });

  it('stops between two replies when it lost the lease, and leaves the new holder its lease', async () => {
    const day = '2026-12-02';
    t.clock.set(`${day}T08:00:00Z`);
    let paused!: () => void;
    const firstPaused = new Promise<void>((resolve) => { paused = resolve; });
    let resumeFirst!: () => void;
    let pacing = 0;
    const first = postDigest(worker({
      sleep: (ms) => {
        advance(ms);
        if (++pacing !== 6) return Promise.resolve();
        paused(); // five replies are out; the worker stalls here
        return new Promise<void>((resolve) => { resumeFirst = resolve; });
      },
    }), target(day));
    await firstPaused;
    advance(LEASE_MS + 10_000);

    let firstResult: PostDigestResult | undefined;
    let thirdResult: PostDigestResult | undefined;
    let resumed = false;
    const second = await postDigest(worker({
      sleep: async (ms) => {
        advance(ms);
        if (resumed) return;
        resumed = true;
        // The first worker wakes up while the second is posting; then a third comes along.
        resumeFirst();
        firstResult = await first;
        thirdResult = await postDigest(worker(), target(day));
      },
    }), target(day));
    expect(firstResult?.kind).toBe('lease_lost');
    expect(thirdResult?.kind).toBe('busy');
    expect(second).toMatchObject({ kind: 'posted', replies: 25 });
    expect(onlyParentWithReplies(day)).toHaveLength(25);
  });

  it('gives up a post that stalls past the call timeout, keeps its lease until it runs out, and the next worker posts once', async () => {
    const day = '2026-12-03';
    t.clock.set(`${day}T08:00:00Z`);
    // A connection so slow that the post would reach Slack ten minutes later.
    t.emulator.failConnectionNext('chat.postMessage', { kind: 'slow', ms: 600_000 });
    const stalled = worker({ client: slackClientForJobs(t.env, { timeoutMs: 200 }) });
    await expect(postDigest(stalled, target(day))).rejects.toThrow(/no answer/i);
    // The client hung up; Slack never saw the post.
    await t.emulator.waitForCall('chat.postMessage', { where: (c) => c.status === 0 && c.args.metadata !== undefined });
    expect(parents(day)).toHaveLength(0);

    // The post's fate was unknown when the worker gave up: nobody may post before its lease runs out.
    expect((await postDigest(worker(), target(day))).kind).toBe('busy');
    advance(LEASE_MS + 1_000);
    expect(await postDigest(worker(), target(day))).toMatchObject({ kind: 'posted', replies: 25 });
    expect(onlyParentWithReplies(day)).toHaveLength(25);
  }, 10_000);
});

describe('a post whose connection dropped after Slack accepted it', () => {
  it('is not sent again by the client; the next attempt finds it by its metadata', async () => {
    const day = '2026-12-04';
    t.clock.set(`${day}T08:00:00Z`);
    t.emulator.failConnectionNext('chat.postMessage', { kind: 'drop_after_accept' });
    await expect(postDigest(worker(), target(day))).rejects.toThrow(/no answer/i);
    expect(parents(day)).toHaveLength(1);

    advance(LEASE_MS + 1_000);
    expect(await postDigest(worker(), target(day))).toMatchObject({ kind: 'posted', replies: 25 });
    expect(onlyParentWithReplies(day)).toHaveLength(25);
    expect((await digestRow(day)).messageTs).toBe(parents(day)[0]!.ts);
  });
});

describe('recovery in a busy channel', () => {
  const noRetries = () => new WebClient(DEMO_BOT_TOKEN, { slackApiUrl: t.emulator.apiUrl, rejectRateLimitedCalls: true, retryConfig: { retries: 0 } });

  /** The parent reaches Slack, the worker never learns it; `chatter` messages follow before the retry. */
  async function crashAfterParent(day: string, chatter: number) {
    t.clock.set(`${day}T08:00:00Z`);
    t.emulator.failConnectionNext('chat.postMessage', { kind: 'drop_after_accept' });
    await expect(postDigest(worker({ client: noRetries() }), target(day))).rejects.toThrow();
    humansTalk(chatter);
    advance(LEASE_MS + 1_000);
  }

  it('reads back page after page, within Slack\'s read limits, and finds the parent behind them', async () => {
    const day = '2026-12-07';
    await crashAfterParent(day, 40);
    const waits: number[] = [];
    const before = t.emulator.calls('conversations.history').length;
    const result = await postDigest(worker({ sleep: async (ms) => { waits.push(ms); advance(ms); } }), target(day));
    expect(result).toMatchObject({ kind: 'posted', replies: 25 });
    expect(onlyParentWithReplies(day)).toHaveLength(25);
    const reads = t.emulator.calls('conversations.history').slice(before).filter((c) => c.status === 200);
    expect(reads.length).toBeGreaterThanOrEqual(3);
    expect(reads.every((c) => ((c.response.messages as unknown[]) ?? []).length <= 15)).toBe(true);
    expect(waits).toContain(60_000); // waited for Slack's one read a minute
  });

  it('posts nothing and says so when it cannot read far enough back to be sure', async () => {
    const day = '2026-12-08';
    await crashAfterParent(day, 200);
    const lines: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => { lines.push(line); } });
    const result = await postDigest(worker({ logger }), target(day));
    expect(result.kind).toBe('unconfirmed');
    expect(parents(day)).toHaveLength(1); // the first worker's, and no other
    expect((await digestRow(day)).status).toBe('unconfirmed');
    const notice = t.emulator.messages(CHANNEL).at(-1)!;
    expect(notice.text).toContain('could not confirm whether the digest for Tuesday 8 Dec 2026');
    // Both ways out, for the day it is about: missing, or there.
    expect(notice.text).toContain('/collect digest now confirm 2026-12-08');
    expect(notice.text).toContain('/collect digest now found');
    expect(lines.join('\n')).toMatch(/could not confirm/);
    // Later runs of the day leave it alone.
    expect((await postDigest(worker(), target(day))).kind).toBe('unconfirmed');
    expect(parents(day)).toHaveLength(1);
  });

  it('posts nothing and tells the managers\' channel when Slack refuses to read the history; a manager who checked the channel has it posted', async () => {
    const day = '2026-12-09';
    t.clock.set(`${day}T08:00:00Z`);
    await writeSetting(t.database.db, { workspaceId: DEMO_TEAM_ID, name: 'managersChannel', value: DEMO_GENERAL_CHANNEL_ID, by: DEMO_MANAGER_ID, now: t.clock.now });
    // This time the parent never reached Slack: the client hung up first.
    t.emulator.failConnectionNext('chat.postMessage', { kind: 'slow', ms: 600_000 });
    await expect(postDigest(worker({ client: slackClientForJobs(t.env, { timeoutMs: 200 }) }), target(day))).rejects.toThrow(/no answer/i);
    advance(LEASE_MS + 1_000);
    // An install from before relance asked for channels:history.
    t.emulator.state.revokeScopes(DEMO_TEAM_ID, ['channels:history']);
    try {
      expect((await postDigest(worker(), target(day))).kind).toBe('unconfirmed');
    } finally {
      t.emulator.state.grantScopes(DEMO_TEAM_ID, ['channels:history']);
      await writeSetting(t.database.db, { workspaceId: DEMO_TEAM_ID, name: 'managersChannel', value: null, by: DEMO_MANAGER_ID, now: t.clock.now });
    }
    expect(parents(day)).toHaveLength(0);
    const notice = t.emulator.messages(DEMO_GENERAL_CHANNEL_ID).at(-1)!;
    expect(notice.text).toContain(`the digest for Wednesday 9 Dec 2026 is already in <#${CHANNEL}>`);
    expect(notice.text).toContain('reinstall');
    expect(notice.text).toContain('slack/manifest.json');

    const asked = await collect(DEMO_MANAGER_ID, 'digest now');
    expect(asked.text).toContain('could not confirm whether the digest for Wednesday 9 Dec 2026');
    expect(asked.text).toContain('/collect digest now confirm 2026-12-09');
    const job = (data: { manual: true }) => t.queue.getJob(digestJobId({ ...target(day), ...data }));
    expect(await job({ manual: true })).toBeUndefined();

    const confirmed = await collect(DEMO_MANAGER_ID, 'digest now confirm');
    expect(confirmed.text).toContain('Posting the digest for Wednesday 9 Dec 2026');
    const queued = await job({ manual: true });
    expect(queued?.data).toMatchObject({ businessDate: day, manual: true });
    expect(await runDigestJob(worker(), queued!.data)).toMatchObject({ kind: 'posted', replies: 25 });
    expect(onlyParentWithReplies(day)).toHaveLength(25);
  });
});

/** The message's link as Slack's "Copy link" gives it, typed into a command (Slack escapes links there). */
async function linkTo(ts: string): Promise<string> {
  const client = new WebClient(DEMO_BOT_TOKEN, { slackApiUrl: t.emulator.apiUrl });
  const { permalink } = await client.chat.getPermalink({ channel: CHANNEL, message_ts: ts });
  return `<${permalink!.replace(/&/g, '&amp;')}>`;
}

/** The worker loses the answer to reply `rank` (Slack posted it), then Slack refuses to read the thread back. */
async function unconfirmedReply(day: string, rank: number): Promise<void> {
  t.clock.set(`${day}T08:00:00Z`);
  let pacing = 0;
  const sleep = async (ms: number) => {
    advance(ms);
    if (++pacing === rank) t.emulator.failConnectionNext('chat.postMessage', { kind: 'drop_after_accept' });
  };
  await expect(postDigest(worker({ sleep }), target(day))).rejects.toThrow(/no answer/i);
  advance(LEASE_MS + 1_000);
  t.emulator.state.revokeScopes(DEMO_TEAM_ID, ['channels:history']);
  try {
    expect((await postDigest(worker(), target(day))).kind).toBe('unconfirmed');
  } finally {
    t.emulator.state.grantScopes(DEMO_TEAM_ID, ['channels:history']);
  }
}

describe('a reply Slack refuses', () => {
  it('is left out and logged with its case; the rest of the digest is posted and the day is done', async () => {
    const day = '2026-12-10';
    t.clock.set(`${day}T08:00:00Z`);
    const lines: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => { lines.push(line); } });
    let pacing = 0;
    const result = await postDigest(worker({
      logger,
      sleep: async (ms) => {
        advance(ms);
        if (++pacing === 3) t.emulator.failNext('chat.postMessage', { error: 'msg_too_long' });
      },
    }), target(day));
    expect(result).toMatchObject({ kind: 'posted', replies: 24, refused: 1 });
    expect(onlyParentWithReplies(day)).toHaveLength(24);
    const row = await digestRow(day);
    expect(row.status).toBe('posted');
    const [third] = await t.database.db.select().from(digestEntries).where(and(eq(digestEntries.digestId, row.id), eq(digestEntries.rank, 3)));
    expect(third!.messageTs).toBeNull();
    const refusedLine = lines.map((l) => JSON.parse(l) as { caseId?: number; slackError?: string }).find((l) => l.slackError === 'msg_too_long');
    expect(refusedLine?.caseId).toBe(third!.caseId);
  });
});

describe('the window read back', () => {
  it('starts shortly before the attempt: chatter from minutes earlier does not make it unsure', async () => {
    const day = '2026-12-11';
    t.clock.set(`${day}T07:55:00Z`);
    humansTalk(200);
    t.clock.set(`${day}T08:00:00Z`);
    // The parent never reached Slack: the next attempt must read its whole window to know.
    t.emulator.failConnectionNext('chat.postMessage', { kind: 'slow', ms: 600_000 });
    await expect(postDigest(worker({ client: slackClientForJobs(t.env, { timeoutMs: 200 }) }), target(day))).rejects.toThrow(/no answer/i);
    advance(LEASE_MS + 1_000);
    expect(await postDigest(worker(), target(day))).toMatchObject({ kind: 'posted', replies: 25 });
    expect(onlyParentWithReplies(day)).toHaveLength(25);
  });
});

describe('a channel relance cannot read back for now', () => {
  it('is tried again later rather than given up, and the digest is completed once the bot is back', async () => {
    const day = '2026-12-14';
    t.clock.set(`${day}T08:00:00Z`);
    t.emulator.failConnectionNext('chat.postMessage', { kind: 'drop_after_accept' });
    await expect(postDigest(worker(), target(day))).rejects.toThrow(/no answer/i);
    advance(LEASE_MS + 1_000);
    t.emulator.state.removeMember(CHANNEL, DEMO_BOT_USER_ID); // someone removed relance from the channel
    try {
      expect(await postDigest(worker(), target(day))).toMatchObject({ kind: 'channel_error', error: 'not_in_channel' });
      expect((await digestRow(day)).status).toBe('posting');
    } finally {
      t.emulator.state.addMember(CHANNEL, DEMO_BOT_USER_ID); // …and invited it back
    }
    advance(5 * 60_000);
    expect(await postDigest(worker(), target(day))).toMatchObject({ kind: 'posted', replies: 25 });
    expect(onlyParentWithReplies(day)).toHaveLength(25);
  });
});

describe('a manager who found the unconfirmed message in the channel', () => {
  it('gives its link, and relance posts the replies of the digest once', async () => {
    const day = '2026-12-15';
    await crashAfterParentInBusyChannel(day);
    expect((await postDigest(worker(), target(day))).kind).toBe('unconfirmed');
    const parent = parents(day)[0]!;
    advance(60_000); // Slack's one read a minute

    // Someone else's message is not the digest: refused, nothing changes.
    const chatter = t.emulator.messages(CHANNEL).find((m) => m.text === 'chatter 3' && Number(m.ts) > Number(parent.ts))!;
    const wrong = await collect(DEMO_MANAGER_ID, `digest now found ${await linkTo(chatter.ts)}`);
    expect(wrong.text).toContain('is not the digest');
    expect((await digestRow(day)).status).toBe('unconfirmed');
    advance(60_000);

    const found = await collect(DEMO_MANAGER_ID, `digest now found ${await linkTo(parent.ts)}`);
    expect(found.text).toContain('Tuesday 15 Dec 2026');
    expect((await digestRow(day)).messageTs).toBe(parent.ts);
    const job = await t.queue.getJob(digestJobId({ ...target(day), manual: true }));
    expect(await runDigestJob(worker(), job!.data)).toMatchObject({ kind: 'posted', replies: 25 });
    expect(onlyParentWithReplies(day)).toHaveLength(25);
  });

  it('gives a reply\'s link, and relance posts the replies after it without posting that one again', async () => {
    const day = '2026-12-16';
    await unconfirmedReply(day, 3);
    const notice = t.emulator.messages(CHANNEL).at(-1)!;
    expect(notice.text).toContain('/collect digest now found');
    const parent = parents(day)[0]!;
    const replies = t.emulator.messages(CHANNEL, { threadTs: parent.ts }).filter((m) => m.ts !== parent.ts);
    expect(replies).toHaveLength(3);
    advance(60_000);
    const found = await collect(DEMO_MANAGER_ID, `digest now found ${await linkTo(replies[2]!.ts)}`);
    expect(found.text).toContain('Wednesday 16 Dec 2026');
    const job = await t.queue.getJob(digestJobId({ ...target(day), manual: true }));
    expect(await runDigestJob(worker(), job!.data)).toMatchObject({ kind: 'posted', replies: 25 });
    expect(onlyParentWithReplies(day)).toHaveLength(25);
  });
});

describe('an unconfirmed day', () => {
  it('is the day "digest now confirm" acts on the next morning, and the answers name it', async () => {
    const day = '2026-12-17';
    t.clock.set(`${day}T08:00:00Z`);
    t.emulator.failConnectionNext('chat.postMessage', { kind: 'slow', ms: 600_000 });
    await expect(postDigest(worker({ client: slackClientForJobs(t.env, { timeoutMs: 200 }) }), target(day))).rejects.toThrow(/no answer/i);
    advance(LEASE_MS + 1_000);
    t.emulator.state.revokeScopes(DEMO_TEAM_ID, ['channels:history']);
    try {
      expect((await postDigest(worker(), target(day))).kind).toBe('unconfirmed');
    } finally {
      t.emulator.state.grantScopes(DEMO_TEAM_ID, ['channels:history']);
    }

    t.clock.set('2026-12-18T07:00:00Z'); // Friday 08:00 in Paris, before Friday's digest
    const asked = await collect(DEMO_MANAGER_ID, 'digest now');
    expect(asked.text).toContain('Thursday 17 Dec 2026');
    expect(asked.text).toContain('/collect digest now confirm 2026-12-17');
    const confirmed = await collect(DEMO_MANAGER_ID, 'digest now confirm');
    expect(confirmed.text).toContain('Posting the digest for Thursday 17 Dec 2026');
    expect(await t.queue.getJob(digestJobId({ ...target('2026-12-18'), manual: true }))).toBeUndefined();
    const job = await t.queue.getJob(digestJobId({ ...target(day), manual: true }));
    expect(await runDigestJob(worker(), job!.data)).toMatchObject({ kind: 'posted', replies: 25 });
    expect(onlyParentWithReplies(day)).toHaveLength(25);
    expect(parents('2026-12-18')).toHaveLength(0);
    expect((await collect(DEMO_MANAGER_ID, 'digest now confirm')).text).toContain('Nothing is waiting');
  });
});

describe('a worker whose database write stalls just before a post', () => {
  it('does not call Slack on what is left of its lease; the next worker posts the digest once', async () => {
    const day = '2026-12-21';
    t.clock.set(`${day}T08:00:00Z`);
    const pg = t.database.pg!;
    let pacing = 0;
    let unlock!: () => void;
    const first = postDigest(worker({
      sleep: async (ms) => {
        advance(ms);
        if (++pacing !== 3) return;
        // Another session holds the third reply's row: the worker's write before that post waits for it.
        await new Promise<void>((locked) => {
          void pg.begin(async (q) => {
            await q`select e.id from digest_entries e join digests d on d.id = e.digest_id
              where d.channel_id = ${CHANNEL} and d.business_date = ${day} and e.rank = 3 for update of e`;
            locked();
            await new Promise<void>((release) => { unlock = release; });
          });
        });
      },
    }), target(day));
    const waiting = async () => (await pg`select count(*)::int as n from pg_stat_activity
      where wait_event_type = 'Lock' and datname = current_database()`)[0]!.n as number;
    for (let i = 0; i < 500 && (await waiting()) === 0; i++) await new Promise((r) => setTimeout(r, 10));
    advance(80_000); // 80 of its 90 seconds go by while it waits
    unlock();
    await expect(first).rejects.toThrow(/lease/i);
    const third = (await onlyThread(day))[2];
    expect(third).toBeUndefined();

    expect(await postDigest(worker(), target(day))).toMatchObject({ kind: 'posted', replies: 25 });
    expect(onlyParentWithReplies(day)).toHaveLength(25);
  });
});

async function onlyThread(day: string) {
  const [parent] = parents(day);
  return t.emulator.messages(CHANNEL, { threadTs: parent!.ts }).filter((m) => m.ts !== parent!.ts);
}

/** The parent reaches Slack, the worker never learns it, and 200 messages follow before the retry. */
async function crashAfterParentInBusyChannel(day: string) {
  t.clock.set(`${day}T08:00:00Z`);
  t.emulator.failConnectionNext('chat.postMessage', { kind: 'drop_after_accept' });
  await expect(postDigest(worker(), target(day))).rejects.toThrow(/no answer/i);
  humansTalk(200);
  advance(LEASE_MS + 1_000);
}
