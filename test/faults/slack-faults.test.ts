// Slack misbehaving in the middle of a digest: a 500, a 429 with Retry-After,
// and a call that hangs until the client's timeout. Each time the digest
// reaches the channel exactly once: one parent, each case once in its thread.
// Time is the test's clock, except the client's own (short) timeout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from '../../src/config/env.ts';
import { members } from '../../src/db/schema.ts';
import { startSlackEmulator, type SlackEmulator } from '../../src/emulator/server.ts';
import {
  DEMO_BOT_TOKEN, DEMO_COLLECTIONS_CHANNEL_ID as CHANNEL, DEMO_COLLECTOR_ID, DEMO_MANAGER_ID, DEMO_TEAM_ID,
} from '../../src/emulator/seed.ts';
import { createLogger } from '../../src/log.ts';
import { postDigest, type PostDigestDeps } from '../../src/services/post-digest.ts';
import { slackClientForJobs } from '../../jobs/workers.ts';
import { debtors } from '../support/digest-ledger.ts';
import { seedLedger } from '../support/ledger.ts';
import { openTestDatabase, type TestDatabase } from '../support/pg.ts';

const MONDAY = '2026-11-23';
const LEASE_MS = 90_000;
const CASES = 25;

let testDb: TestDatabase | undefined;
let emulator: SlackEmulator | undefined;
const clock = { now: new Date(`${MONDAY}T08:00:00Z`) };
const advance = (ms: number) => { clock.now = new Date(clock.now.getTime() + ms); };
const target = (businessDate: string) => ({ workspaceId: DEMO_TEAM_ID, channelId: CHANNEL, businessDate });
const env = () => loadEnv({ SLACK_BOT_TOKEN: DEMO_BOT_TOKEN, SLACK_SIGNING_SECRET: 'faults-signing-secret-0123456789', SLACK_API_URL: emulator!.apiUrl });

function worker(overrides: Partial<PostDigestDeps> = {}): PostDigestDeps {
  return {
    db: testDb!.database.db,
    client: slackClientForJobs(env()),
    clock: () => clock.now,
    sleep: async (ms) => { advance(ms); },
    logger: createLogger('silent'),
    leaseMs: LEASE_MS,
    ...overrides,
  };
}

/** Fails the `n`-th message of the digest (the parent is the first) with `fail`, set just before it is sent. */
function failingAt(n: number, fail: () => void): PostDigestDeps['sleep'] {
  let pauses = 0;
  return async (ms) => {
    advance(ms);
    // postDigest pauses before each reply: after pause k, message k + 1 goes out.
    if (++pauses === n - 1) fail();
  };
}

type Meta = { event_payload?: { part?: string; business_date?: string; case_id?: number } } | undefined;
function postedOnce(day: string): number[] {
  const parents = emulator!.messages(CHANNEL).filter((m) => (m.metadata as Meta)?.event_payload?.part === 'parent'
    && (m.metadata as Meta)?.event_payload?.business_date === day);
  expect(parents).toHaveLength(1);
  const replies = emulator!.messages(CHANNEL, { threadTs: parents[0]!.ts }).filter((m) => m.ts !== parents[0]!.ts);
  const cases = replies.map((m) => (m.metadata as Meta)!.event_payload!.case_id!);
  expect(new Set(cases).size).toBe(cases.length);
  return cases;
}

beforeAll(async () => {
  testDb = await openTestDatabase();
  emulator = await startSlackEmulator({ clock: () => clock.now.getTime() });
  await seedLedger(testDb.database, DEMO_TEAM_ID, MONDAY, debtors(30, MONDAY));
  await testDb.database.db.insert(members).values([
    { workspaceId: DEMO_TEAM_ID, userId: DEMO_COLLECTOR_ID, role: 'collector' },
    { workspaceId: DEMO_TEAM_ID, userId: DEMO_MANAGER_ID, role: 'manager' },
  ]);
});

afterAll(async () => {
  await emulator?.close().catch(() => {});
  await testDb?.close();
});

describe('Slack faults in the middle of a digest', () => {
  it('a 500: the attempt stops, the next one (after the lease) looks first, then posts the rest once', async () => {
    const day = '2026-12-01';
    clock.now = new Date(`${day}T08:00:00Z`);
    await expect(postDigest(worker({ sleep: failingAt(6, () => emulator!.failNext('chat.postMessage', { status: 500 })) }), target(day)))
      .rejects.toThrow();
    expect(await postDigest(worker(), target(day))).toMatchObject({ kind: 'busy' }); // a 500 may have acted: nobody posts within the lease
    advance(LEASE_MS + 1_000);
    expect(await postDigest(worker(), target(day))).toMatchObject({ kind: 'posted', replies: CASES });
    expect(postedOnce(day)).toHaveLength(CASES);
  });

  it('a 429 with Retry-After: the same attempt waits that long (on its clock) and goes on', async () => {
    const day = '2026-12-02';
    clock.now = new Date(`${day}T08:00:00Z`);
    const waits: number[] = [];
    const fail = failingAt(6, () => emulator!.failNext('chat.postMessage', { status: 429, retryAfter: 30 }, 2));
    const result = await postDigest(worker({ sleep: async (ms) => { waits.push(ms); await fail(ms); } }), target(day));
    expect(result).toMatchObject({ kind: 'posted', replies: CASES });
    expect(waits.filter((ms) => ms === 30_000)).toHaveLength(2);
    expect(postedOnce(day)).toHaveLength(CASES);
  });

  it('a call that hangs: the client gives up at its timeout, Slack kept nothing, and the next attempt posts once', async () => {
    const day = '2026-12-03';
    clock.now = new Date(`${day}T08:00:00Z`);
    const impatient = slackClientForJobs(env(), { timeoutMs: 300 });
    const hangSixth = failingAt(6, () => emulator!.failConnectionNext('chat.postMessage', { kind: 'hang' }));
    await expect(postDigest(worker({ client: impatient, sleep: hangSixth }), target(day))).rejects.toThrow(/no answer/i);
    // The emulator saw the client hang up, and applied nothing.
    const gaveUp = await emulator!.waitForCall('chat.postMessage', { where: (c) => c.status === 0 && c.args.thread_ts !== undefined });
    expect(gaveUp.response).toEqual({ error: 'client_gave_up' });
    advance(LEASE_MS + 1_000);
    expect(await postDigest(worker(), target(day))).toMatchObject({ kind: 'posted', replies: CASES });
    expect(postedOnce(day)).toHaveLength(CASES);
  });

  it('a hang, then a 500, then a 429, all in one digest: still exactly once', async () => {
    const day = '2026-12-04';
    clock.now = new Date(`${day}T08:00:00Z`);
    const impatient = slackClientForJobs(env(), { timeoutMs: 300 });
    await expect(postDigest(worker({ client: impatient, sleep: failingAt(3, () => emulator!.failConnectionNext('chat.postMessage', { kind: 'hang' })) }), target(day))).rejects.toThrow();
    advance(LEASE_MS + 1_000);
    await expect(postDigest(worker({ sleep: failingAt(4, () => emulator!.failNext('chat.postMessage', { status: 500 })) }), target(day))).rejects.toThrow();
    advance(LEASE_MS + 1_000);
    expect(await postDigest(worker({ sleep: failingAt(5, () => emulator!.failNext('chat.postMessage', { status: 429, retryAfter: 5 })) }), target(day)))
      .toMatchObject({ kind: 'posted', replies: CASES });
    expect(postedOnce(day)).toHaveLength(CASES);
  });
});
