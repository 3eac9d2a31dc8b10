// `relance ladder`: the pass on demand, its report, and --dry-run writing nothing.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLadderCommand } from '../../src/cli/ladder.ts';
import { rows, type Database } from '../../src/db/client.ts';
import { cases } from '../../src/db/schema.ts';
import { addDays } from '../../src/domain/dates.ts';
import { openTestDatabase, type TestDatabase } from '../support/pg.ts';
import { seedLedger } from '../support/ledger.ts';
import { paris } from './support.ts';

const TODAY = '2026-11-23';
let testDb: TestDatabase;
let database: Database;

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await runLadderCommand(args, database, {
    stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, now: () => paris(TODAY, '10:00'),
  });
  return { code, out, err };
}

/** Everything a pass can write, counted. */
async function written(): Promise<Record<string, number>> {
  const [counts] = await rows<Record<string, number>>(database.db, sql`select
    (select count(*)::int from drafts) as drafts, (select count(*)::int from activities) as activities,
    (select count(*)::int from escalations) as escalations, (select count(*)::int from channel_posts) as posts,
    (select count(*)::int from ladder_days) as days, (select count(*)::int from cases where stage is not null) as staged`);
  return counts!;
}

beforeAll(async () => {
  testDb = await openTestDatabase();
  database = testDb.database;
  const owing = (ref: string, name: string, days: number) =>
    ({ ref, name, invoices: [{ number: `F-${ref}`, issued: addDays(TODAY, -days - 30), due: addDays(TODAY, -days), cents: 80_000 }] });
  await seedLedger(database, 'T0DEMO', TODAY, [
    owing('C-1', 'Boulangerie Martin', 1),
    owing('C-2', 'Atelier Dupont', 10),
    owing('C-3', 'Garage Central', 45),
    owing('C-4', 'Vieux Compte SA', 120),
    { ref: 'C-5', name: 'Bientôt SAS', invoices: [{ number: 'F-C-5', issued: '2026-11-01', due: '2026-11-27', cents: 20_000 }] },
  ]);
  // C-3 was on the firm reminder: reaching day 45 is one step.
  await database.db.execute(sql`update ${cases} set stage = 'reminder_3' where customer_id = (select id from customers where customer_ref = 'C-3')`);
});

afterAll(async () => {
  await testDb?.close();
});

describe('relance ladder', () => {
  it('--dry-run prints what the pass would do per step and writes nothing', async () => {
    const before = await written();
    const r = await run(['--workspace', 'T0DEMO', '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Ladder pass for T0DEMO on 2026-11-23 (Europe/Paris) — dry run: nothing was written');
    expect(r.out).toContain('reminder_1 (day +1): 1 case\n  C-1  Boulangerie Martin — 1 days overdue, from no step → reminder drafted');
    expect(r.out).toContain('reminder_2 (day +10): 1 case\n  C-2  Atelier Dupont — 10 days overdue, from no step → reminder drafted');
    expect(r.out).toContain('formal_notice (day +45): 1 case\n  C-3  Garage Central — 45 days overdue, from reminder_3 → proposed to the managers: formal notice');
    expect(r.out).toContain('agency_or_legal (day +60): 1 case\n  C-4  Vieux Compte SA — 120 days overdue, from no step → lands without acting (catch-up); escalation proposal filed (agency or legal)');
    expect(r.out).toContain('pre_due: 1 courtesy reminder to draft\n  C-5  Bientôt SAS — 1 invoice due 2026-11-27');
    expect(r.out).toContain('Managers: 2 escalation proposals, one summary message would be queued for the managers\' channel.');
    expect(await written()).toEqual(before);
  });

  it('runs the pass and prints the same, then moves nothing the second time', async () => {
    const dry = await run(['--workspace', 'T0DEMO', '--dry-run']);
    const real = await run(['--workspace', 'T0DEMO']);
    expect(real.code).toBe(0);
    // The steps and the cases under them, as the dry run said.
    const moves = (out: string) => out.split('\n').filter((line) => /^(\S+ \(day | {2})/.test(line));
    expect(moves(real.out)).toEqual(moves(dry.out));
    expect(moves(real.out)).toHaveLength(9);
    expect(real.out).toContain('pre_due: 1 courtesy reminder drafted');
    const after = await written();
    expect(after).toMatchObject({ drafts: 3, escalations: 2, days: 1, staged: 4 });
    const again = await run(['--workspace', 'T0DEMO']);
    expect(again.out).toContain('No case moves.');
    expect(again.out).toContain('pre_due: no courtesy reminder owed (invoices due 2026-11-24 to 2026-11-30)');
    expect(await written()).toEqual(after);
  });

  it('passes an earlier day again (marking it passed, moving nothing new), and refuses a later one or a bad date', async () => {
    const before = await written();
    expect((await run(['--date', '2026-11-20'])).out).toContain('Ladder pass for T0DEMO on 2026-11-20');
    expect(await written()).toEqual({ ...before, days: before.days! + 1 });
    const later = await run(['--date', '2026-11-24']);
    expect(later.code).toBe(2);
    expect(later.err).toContain('--date "2026-11-24" is after today in workspace T0DEMO (2026-11-23, Europe/Paris)');
    expect(later.err).toContain('Example: relance ladder --workspace T0DEMO --date 2026-11-23 --dry-run');
    const bad = await run(['--date', '23/11/2026']);
    expect(bad.err).toContain('--date must be a date such as 2026-11-23 (got "23/11/2026"). Nothing was changed.');
    expect((await run(['--workspace', 'TNOPE'])).err).toContain('No workspace "TNOPE". Known workspaces: T0DEMO');
    expect(await written()).toEqual({ ...before, days: before.days! + 1 });
  });
});
