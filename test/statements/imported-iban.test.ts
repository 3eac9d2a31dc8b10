// A customer's IBAN given in the customers file (the optional `iban` column)
// is what a bank statement matches a payer by, from the first statement on:
// no earlier invoice-number match has to teach it. A wrong IBAN is refused on
// its row, quoted, with an example, and changes nothing.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { rows, type Database } from '../../src/db/client.ts';
import { importCsv } from '../../src/import/import-csv.ts';
import { formatRowError } from '../../src/import/report.ts';
import { openTestDatabase, type TestDatabase } from '../support/pg.ts';
import { fixture, runImport, seedStatementLedger } from './support.ts';

const W = 'T0STMTIBAN';
let database: Database;
let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await openTestDatabase();
  database = testDb.database;
  await seedStatementLedger(database, W);
});

afterAll(async () => {
  await testDb?.close();
});

const ibans = async () => Object.fromEntries((await rows<{ customer_ref: string; iban: string | null }>(database.db, sql`
  select customer_ref, iban from customers where workspace_id = ${W} order by customer_ref`)).map((r) => [r.customer_ref, r.iban]));

it('keeps an IBAN as printed (spaces, lower case) in its compact form, and refuses a wrong one on its row', async () => {
  const report = await importCsv(database, {
    workspaceId: W, today: '2026-11-23', fileName: 'customers.csv',
    text: 'customer_ref,name,iban\nC-ACME,Acme SAS,fr76 3000 1007 9412 3456 7890 185\nC-GLOBEX,Globex Ltd,FR76 3000 1007 9412 3456 7890 186\n',
  });
  expect(report).toMatchObject({ updated: 1, rejected: 1 });
  expect(report.errors.map(formatRowError)).toEqual([
    'line 3: iban: "FR76 3000 1007 9412 3456 7890 186" is not a valid IBAN (e.g. FR76 3000 6000 0112 3456 7890 189)',
  ]);
  expect(await ibans()).toMatchObject({ 'C-ACME': 'FR7630001007941234567890185', 'C-GLOBEX': null });
});

it('matches a credit from that account by amount and payer, with no invoice number in its text', async () => {
  const run = await runImport(database, ['-w', W, fixture('december-v02.xml')], new Date('2026-12-02T08:00:00Z'));
  expect(run.code).toBe(0);
  expect(run.out).toContain('paid: F-2026-0044 €310.00 (BNK-20261201-0002, by amount and payer)');
});
