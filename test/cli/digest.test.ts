import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDigestCommand } from '../../src/cli/digest.ts';
import { loadEnv } from '../../src/config/env.ts';
import { type Database } from '../../src/db/client.ts';
import { startSlackEmulator, type SlackEmulator } from '../../src/emulator/server.ts';
import { DEMO_BOT_TOKEN } from '../../src/emulator/seed.ts';
import { openTestDatabase, type TestDatabase } from '../support/pg.ts';
import { seedLedger } from '../support/ledger.ts';
import { debtors } from '../support/digest-ledger.ts';

let database: Database;
let testDb: TestDatabase;
let emulator: SlackEmulator;

async function run(args: string[], env: Record<string, string> = {}) {
  let out = '';
  let err = '';
  const code = await runDigestCommand(args, database, loadEnv({ LOG_LEVEL: 'silent', ...env }), {
    stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, now: () => new Date('2026-11-23T08:00:00Z'),
  });
  return { code, out, err };
}

beforeAll(async () => {
  testDb = await openTestDatabase();
  database = testDb.database;
  emulator = await startSlackEmulator();
  await seedLedger(database, 'T0DEMO', '2026-11-23', debtors(4, '2026-11-23'));
});

afterAll(async () => {
  await emulator?.close();
  await testDb?.close();
});

describe('relance digest', () => {
  it('prints the digest in the terminal with --preview and posts nothing', async () => {
    const r = await run(['--channel', 'C0COLLECTIONS', '--preview']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('OVERDUE DIGEST — 23 NOV 2026');
    expect(r.out).toContain('Overdue: €4,000.00');
    expect(r.out).toContain('1. Debtor 04 (D04)');
    expect(emulator.calls('chat.postMessage')).toHaveLength(0);
  });

  it('posts once without --preview', async () => {
    const env = { SLACK_BOT_TOKEN: DEMO_BOT_TOKEN, SLACK_API_URL: emulator.apiUrl };
    const first = await run(['--workspace', 'T0DEMO', '--channel', 'C0COLLECTIONS', '--date', '2026-11-23'], env);
    expect(first.out).toContain('Posted in C0COLLECTIONS (4 case replies)');
    const again = await run(['--workspace', 'T0DEMO', '--channel', 'C0COLLECTIONS', '--date', '2026-11-23'], env);
    expect(again.out).toContain('Already posted');
    expect(emulator.calls('chat.postMessage')).toHaveLength(5);
  }, 30_000);

  it('explains bad arguments', async () => {
    expect((await run(['--preview'])).err).toContain('--channel is required');
    expect((await run(['--workspace', 'TNOPE', '--channel', 'C1'])).err).toContain('No workspace "TNOPE". Known workspaces: T0DEMO');
    expect((await run(['--channel', 'C1', '--date', '23/11/2026'])).err).toContain('--date must be a date such as 2026-11-23 (got "23/11/2026")');
    expect((await run(['--channel', 'C1', '--date', '2026-11-22', '--preview'])).out).toContain('is not a business day');
  });
});
