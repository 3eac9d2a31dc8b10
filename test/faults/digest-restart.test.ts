// PostgreSQL stops and restarts while a digest is being posted: whatever moment
// it goes, the day's digest reaches Slack exactly once (one parent, each case
// once in its thread), no duplicate, no loss. Time is the test's clock; only
// the server's stop and start are real.
import { WebClient, type WebAPICallResult } from '@slack/web-api';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from '../../src/config/env.ts';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { members } from '../../src/db/schema.ts';
import { startSlackEmulator, type SlackEmulator } from '../../src/emulator/server.ts';
import {
  DEMO_BOT_TOKEN, DEMO_COLLECTIONS_CHANNEL_ID as CHANNEL, DEMO_COLLECTOR_ID, DEMO_MANAGER_ID, DEMO_TEAM_ID,
} from '../../src/emulator/seed.ts';
import { createLogger } from '../../src/log.ts';
import { postDigest, type PostDigestDeps, type PostDigestResult } from '../../src/services/post-digest.ts';
import { slackClientForJobs } from '../../jobs/workers.ts';
import { debtors } from '../support/digest-ledger.ts';
import { seedLedger } from '../support/ledger.ts';
import { startOwnServers, type OwnServers } from './support/own-servers.ts';

const MONDAY = '2026-11-23';
const LEASE_MS = 90_000;
const CASES = 25; // a digest lists at most 25 cases; the ledger has 30 debtors

let servers: OwnServers | undefined;
let database: Database | undefined;
let emulator: SlackEmulator | undefined;
const clock = { now: new Date(`${MONDAY}T08:00:00Z`) };
const advance = (ms: number) => { clock.now = new Date(clock.now.getTime() + ms); };
const env = () => loadEnv({ SLACK_BOT_TOKEN: DEMO_BOT_TOKEN, SLACK_SIGNING_SECRET: 'faults-signing-secret-0123456789', SLACK_API_URL: emulator!.apiUrl });
const target = (businessDate: string) => ({ workspaceId: DEMO_TEAM_ID, channelId: CHANNEL, businessDate });

/** A worker as jobs/workers.ts builds it, sleeping on the test clock. */
function worker(overrides: Partial<PostDigestDeps> = {}): PostDigestDeps {
  return {
    db: database!.db,
    client: slackClientForJobs(env()),
    clock: () => clock.now,
    sleep: async (ms) => { advance(ms); },
    logger: createLogger('silent'),
    leaseMs: LEASE_MS,
    ...overrides,
  };
}

type Meta = { event_payload?: { part?: string; business_date?: string; case_id?: number } } | undefined;

/** The day's digest as Slack shows it: exactly one parent, and the cases of its thread, each once. */
function postedOnce(day: string): number[] {
  const parents = emulator!.messages(CHANNEL).filter((m) => (m.metadata as Meta)?.event_payload?.part === 'parent'
    && (m.metadata as Meta)?.event_payload?.business_date === day);
  expect(parents).toHaveLength(1);
  const replies = emulator!.messages(CHANNEL, { threadTs: parents[0]!.ts }).filter((m) => m.ts !== parents[0]!.ts);
  const cases = replies.map((m) => (m.metadata as Meta)!.event_payload!.case_id!);
  expect(new Set(cases).size).toBe(cases.length);
  return cases;
}

/** Runs attempts as the digest job's retries would, the lease running out between them, until one posts. */
async function retryUntilPosted(day: string): Promise<PostDigestResult> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    advance(LEASE_MS + 1_000);
    const result = await postDigest(worker(), target(day)).catch((e: Error) => ({ kind: 'failed' as const, error: e }));
    if (result.kind !== 'failed' && result.kind !== 'busy') return result;
  }
  throw new Error(`the digest of ${day} was never posted`);
}

beforeAll(async () => {
  servers = await startOwnServers();
  const admin = postgres(servers.pg.adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe('create database relance');
  await admin.end();
  database = await openDatabase({ databaseUrl: servers.pg.urlFor('relance'), max: 3 });
  await migrateDatabase(database);
  emulator = await startSlackEmulator({ clock: () => clock.now.getTime() });
  await seedLedger(database, DEMO_TEAM_ID, MONDAY, debtors(30, MONDAY));
  await database.db.insert(members).values([
    { workspaceId: DEMO_TEAM_ID, userId: DEMO_COLLECTOR_ID, role: 'collector' },
    { workspaceId: DEMO_TEAM_ID, userId: DEMO_MANAGER_ID, role: 'manager' },
  ]);
});

afterAll(async () => {
  await emulator?.close().catch(() => {});
  await database?.pg?.end({ timeout: 0 }).catch(() => {});
  await servers?.destroy();
});

describe('PostgreSQL restarted in the middle of a digest', () => {
  it('goes on after a restart between two replies', async () => {
    const day = '2026-12-01';
    clock.now = new Date(`${day}T08:00:00Z`);
    let pauses = 0;
    const result = await postDigest(worker({
      sleep: async (ms) => {
        advance(ms);
        if (++pauses === 6) await servers!.pg.restart('immediate');
      },
    }), target(day));
    expect(result).toMatchObject({ kind: 'posted', replies: CASES });
    expect(postedOnce(day)).toHaveLength(CASES);
  });

  it('fails while the database is down, and the next attempt after the restart posts the rest once', async () => {
    const day = '2026-12-02';
    clock.now = new Date(`${day}T08:00:00Z`);
    let pauses = 0;
    try {
      await expect(postDigest(worker({
        sleep: async (ms) => {
          advance(ms);
          if (++pauses === 6) await servers!.pg.stop('immediate');
        },
      }), target(day))).rejects.toThrow();
    } finally {
      await servers!.pg.start();
    }
    const before = emulator!.messages(CHANNEL).length;
    expect(before).toBeGreaterThan(0); // the parent and the first replies were out
    expect(await retryUntilPosted(day)).toMatchObject({ kind: 'posted', replies: CASES });
    expect(postedOnce(day)).toHaveLength(CASES);
  });

  it('finds a reply Slack took just before the database went down, and does not post it again', async () => {
    const day = '2026-12-03';
    clock.now = new Date(`${day}T08:00:00Z`);
    const pg = servers!.pg;
    let posts = 0;
    /** Slack answers the sixth post; the database is gone before the worker can record it. */
    class CrashAfterSlackAnswered extends WebClient {
      override async apiCall(method: string, options?: Record<string, unknown>): Promise<WebAPICallResult> {
        const answer = await super.apiCall(method, options);
        if (method === 'chat.postMessage' && ++posts === 6) await pg.stop('immediate');
        return answer;
      }
    }
    const crashing = new CrashAfterSlackAnswered(DEMO_BOT_TOKEN, { slackApiUrl: emulator!.apiUrl, rejectRateLimitedCalls: true, retryConfig: { retries: 0 } });
    try {
      await expect(postDigest(worker({ client: crashing }), target(day))).rejects.toThrow();
    } finally {
      await pg.start();
    }
    expect(await retryUntilPosted(day)).toMatchObject({ kind: 'posted' });
    expect(postedOnce(day)).toHaveLength(CASES);
  });
});
