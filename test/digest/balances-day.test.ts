// The balances' day is the workspace's calendar day, never a digest's date: a
// preview writes nothing, a future --date is refused, and a schedule in another
// zone does not move everyone's aging.
import { WebClient } from '@slack/web-api';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDigestCommand } from '../../src/cli/digest.ts';
import { loadEnv } from '../../src/config/env.ts';
import { ensureBalancesFresh } from '../../src/db/balances.ts';
import { rows } from '../../src/db/client.ts';
import { DEMO_BOT_TOKEN, DEMO_COLLECTIONS_CHANNEL_ID as CHANNEL, DEMO_COLLECTOR_ID, DEMO_TEAM_ID } from '../../src/emulator/seed.ts';
import { createLogger } from '../../src/log.ts';
import { postDigest } from '../../src/services/post-digest.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { seedLedger } from '../support/ledger.ts';

let t: TestApp;
const PARIS = 'T0PARIS';
const LA = 'T0LA';
const MONDAY = '2026-11-23';

beforeAll(async () => {
  t = await startTestApp({ RELANCE_ADMINS: DEMO_COLLECTOR_ID });
  // Balances last rebuilt on Sunday: Monday's first reader rebuilds them, and then
  // "Due Sunday" is overdue and gets a case.
  await seedLedger(t.database, PARIS, '2026-11-22', [
    { ref: 'P-OLD', name: 'Long Overdue', invoices: [{ number: 'P-1', issued: '2026-08-01', due: '2026-09-01', cents: 100_000 }] },
    { ref: 'P-SUN', name: 'Due Sunday', invoices: [{ number: 'P-2', issued: '2026-10-22', due: '2026-11-22', cents: 50_000 }] },
    { ref: 'P-DEC', name: 'Due In December', invoices: [{ number: 'P-3', issued: '2026-11-01', due: '2026-12-01', cents: 20_000 }] },
  ]);
  await seedLedger(t.database, LA, MONDAY, [
    { ref: 'L-OLD', name: 'LA Overdue', invoices: [{ number: 'L-1', issued: '2026-08-01', due: '2026-09-01', cents: 100_000 }] },
    { ref: 'L-MON', name: 'LA Due Monday', invoices: [{ number: 'L-2', issued: '2026-10-23', due: MONDAY, cents: 30_000 }] },
  ]);
  await t.database.db.execute(sql`update workspaces set timezone = 'America/Los_Angeles' where id = ${LA}`);
});

afterAll(async () => {
  await t?.close();
});

async function ledgerState(workspaceId: string) {
  const [ws] = await rows<{ as_of: string }>(t.database.db, sql`
    select to_char(balances_as_of, 'YYYY-MM-DD') as as_of from workspaces where id = ${workspaceId}`);
  const [counts] = await rows<{ activities: number; cases: number }>(t.database.db, sql`
    select (select count(*)::int from activities where workspace_id = ${workspaceId}) as activities,
           (select count(*)::int from cases where workspace_id = ${workspaceId}) as cases`);
  return { asOf: ws!.as_of, activities: counts!.activities, cases: counts!.cases };
}

async function cli(args: string[], now: string, env: Record<string, string> = {}) {
  let out = '';
  let err = '';
  const code = await runDigestCommand(args, t.database, loadEnv({ LOG_LEVEL: 'silent', ...env }), {
    stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, now: () => new Date(now),
  });
  return { code, out, err };
}

describe('relance digest --date', () => {
  it('refuses a date after today in the workspace zone, quoting it, and writes nothing', async () => {
    const before = await ledgerState(PARIS);
    for (const extra of [['--preview'], []]) {
      const r = await cli(['--workspace', PARIS, '--channel', CHANNEL, '--date', '2026-12-01', ...extra], '2026-11-23T08:00:00Z',
        { SLACK_BOT_TOKEN: DEMO_BOT_TOKEN, SLACK_API_URL: t.emulator.apiUrl });
      expect(r.code).toBe(2);
      expect(r.err).toContain('"2026-12-01"');
      expect(r.err).toContain('2026-11-23'); // today there, and a date that works
      expect(r.err).toContain('--date 2026-11-23');
      expect(r.out).toBe('');
    }
    expect(await ledgerState(PARIS)).toEqual(before);
    expect(t.emulator.calls('chat.postMessage')).toHaveLength(0);
  });

  it('takes "today" in the workspace zone: late Sunday evening in Paris is not Monday yet', async () => {
    const r = await cli(['--workspace', PARIS, '--channel', CHANNEL, '--preview', '--date', MONDAY], '2026-11-22T22:30:00Z');
    expect(r.code).toBe(2);
    expect(r.err).toContain(`"${MONDAY}"`);
  });
});

describe('a preview writes nothing', () => {
  it('relance digest --preview shows today\'s aging without rebuilding the balances or opening cases', async () => {
    const before = await ledgerState(PARIS);
    expect(before).toMatchObject({ asOf: '2026-11-22', cases: 1 });
    const r = await cli(['--workspace', PARIS, '--channel', CHANNEL, '--preview'], '2026-11-23T08:00:00Z');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Due Sunday'); // one day overdue today: the preview shows it…
    expect(r.out).not.toContain('Due In December');
    expect(await ledgerState(PARIS)).toEqual(before); // …and nothing was written
  });

  it('/collect digest preview writes nothing either', async () => {
    await seedLedger(t.database, DEMO_TEAM_ID, '2026-11-22', [
      { ref: 'S-SUN', name: 'Slack Due Sunday', invoices: [{ number: 'S-2', issued: '2026-10-22', due: '2026-11-22', cents: 50_000 }] },
    ]);
    const seeded = await ledgerState(DEMO_TEAM_ID);
    t.clock.set('2026-11-23T08:00:00Z');
    const sent = await t.sender.slashCommand({ userId: DEMO_COLLECTOR_ID, channelId: CHANNEL, text: 'digest preview' });
    expect(sent.status).toBe(200);
    const reply = sent.body && typeof sent.body === 'object' && 'blocks' in sent.body
      ? sent.body
      : (await t.emulator.waitForResponse(sent.responseUrlId!, { timeoutMs: 10_000 })).body;
    expect(JSON.stringify(reply)).toContain('Slack Due Sunday');
    expect(await ledgerState(DEMO_TEAM_ID)).toEqual(seeded);
  });
});

describe('the balances\' day is the workspace\'s', () => {
  it('a Los Angeles workspace\'s digest scheduled at 08:30 Paris time leaves its balances at the LA date', async () => {
    // 08:30 in Paris on Tuesday the 24th is 23:30 on Monday the 23rd in Los Angeles.
    const now = new Date('2026-11-24T07:30:00Z');
    const before = await ledgerState(LA);
    expect(before.asOf).toBe(MONDAY);
    const result = await postDigest({
      db: t.database.db,
      client: new WebClient(DEMO_BOT_TOKEN, { slackApiUrl: t.emulator.apiUrl, retryConfig: { retries: 0 } }),
      clock: () => now,
      sleep: async () => {},
      logger: createLogger('silent'),
    }, { workspaceId: LA, channelId: CHANNEL, businessDate: '2026-11-24' });
    expect(result.kind).toBe('posted');
    const after = await ledgerState(LA);
    expect(after.asOf).toBe(MONDAY);
    // "LA Due Monday" is due today in LA: not overdue, no case, no case_opened.
    expect(after.cases).toBe(before.cases);
    expect(after.activities).toBe(before.activities);
    const posted = JSON.stringify(t.emulator.messages(CHANNEL));
    expect(posted).toContain('LA Overdue');
    expect(posted).not.toContain('LA Due Monday');
  });

  it('the first reader of a day rebuilds for that day in the workspace zone, whatever date a caller has in mind', async () => {
    // Monday 23:30 in LA: the LA workspace stays on Monday.
    expect(await ensureBalancesFresh(t.database.db, LA, new Date('2026-11-24T07:30:00Z'))).toBe(false);
    expect((await ledgerState(LA)).asOf).toBe(MONDAY);
    // 08:00 on Tuesday in LA: now it turns.
    expect(await ensureBalancesFresh(t.database.db, LA, new Date('2026-11-24T16:00:00Z'))).toBe(true);
    expect((await ledgerState(LA)).asOf).toBe('2026-11-24');
  });

  it('repairs balances an earlier version moved into the future', async () => {
    await t.database.db.execute(sql`update workspaces set balances_as_of = '2027-06-01' where id = ${LA}`);
    expect(await ensureBalancesFresh(t.database.db, LA, new Date('2026-11-24T16:00:00Z'))).toBe(true);
    expect((await ledgerState(LA)).asOf).toBe('2026-11-24');
  });
});
