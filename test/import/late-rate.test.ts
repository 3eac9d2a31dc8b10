// The optional late_rate column of a customers file: the contractual
// late-payment rate late fees use (SPEC §1), percent a year.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows, type Database } from '../../src/db/client.ts';
import { importCsv } from '../../src/import/import-csv.ts';
import { formatRowError } from '../../src/import/report.ts';
import { openTestDatabase, type TestDatabase } from '../support/pg.ts';
import { newWorkspace, TODAY } from './support.ts';

let database: Database;
let testDb: TestDatabase;
let ws: string;

beforeAll(async () => {
  testDb = await openTestDatabase();
  database = testDb.database;
  ws = await newWorkspace(database, 'TLATE');
});

afterAll(async () => {
  await testDb?.close();
});

const load = (text: string, fileName = 'clients.csv') => importCsv(database, { workspaceId: ws, fileName, text, today: TODAY });

async function lateRates(): Promise<Record<string, string | null>> {
  const stored = await rows<{ ref: string; late_rate: string | null }>(database.db, sql`
    select customer_ref as ref, late_rate::text from customers where workspace_id = ${ws} order by customer_ref`);
  return Object.fromEntries(stored.map((r) => [r.ref, r.late_rate]));
}

describe('customers late_rate', () => {
  it('reads 12.5, 12,5, 12.5 % and an empty cell (the legal default)', async () => {
    const report = await load([
      'customer_ref;name;kind;late_rate',
      'C1;Un;b2b;12.5',
      'C2;Deux;b2b;12,5',
      'C3;Trois;b2b;"12,5 %"',
      'C4;Quatre;b2b;',
      'C5;Cinq;b2b;7.86%',
    ].join('\n'));
    expect(report).toMatchObject({ kind: 'customers', inserted: 5, rejected: 0, ignoredColumns: [] });
    expect(await lateRates()).toEqual({ C1: '12.500', C2: '12.500', C3: '12.500', C4: null, C5: '7.860' });
  });

  it('refuses a bad rate on its row, quoting it; the other rows go in and the refused ones change nothing', async () => {
    const before = await lateRates();
    const report = await load([
      'customer_ref,name,late_rate',
      'C1,Un,twelve',
      'C2,Deux,12.5555',
      'C3,Trois,150',
      'C4,Quatre,-3',
      'C6,Six,9',
    ].join('\n'));
    expect(report).toMatchObject({ inserted: 1, rejected: 4 });
    expect(report.errors.map(formatRowError)).toEqual([
      'line 2: late_rate: "twelve" is not a rate in percent a year (e.g. 12.5, 12,5 or 12.5 %)',
      'line 3: late_rate: "12.5555" has more than 3 decimals (e.g. 12.5)',
      'line 4: late_rate: "150" is more than 100 % a year',
      'line 5: late_rate: "-3" is not a rate in percent a year (e.g. 12.5, 12,5 or 12.5 %)',
    ]);
    expect(await lateRates()).toEqual({ ...before, C6: '9.000' });
  });

  it('a file without the column keeps the stored rates; an empty cell clears one; the same file twice changes nothing', async () => {
    const without = await load('customer_ref,name\nC1,Un renamed\n');
    expect(without).toMatchObject({ updated: 1 });
    expect((await lateRates()).C1).toBe('12.500');

    const cleared = await load('customer_ref,name,late_rate\nC1,Un renamed,\nC2,Deux,12.50\n');
    expect(cleared).toMatchObject({ updated: 1, unchanged: 1 });
    const after = await lateRates();
    expect(after).toMatchObject({ C1: null, C2: '12.500' });

    const again = await load('customer_ref,name,late_rate\nC1,Un renamed,\nC2,Deux,12.50\n');
    expect(again).toMatchObject({ updated: 0, unchanged: 2, inserted: 0 });
    expect(await lateRates()).toEqual(after);
  });
});
