// Bad rows are reported with their physical line, the column and why, quoting
// the value; the good rows of the same file go in.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows, type Database } from '../../src/db/client.ts';
import { importCsv } from '../../src/import/import-csv.ts';
import { importFiles } from '../../src/import/import-files.ts';
import { formatImportReport, formatRowError } from '../../src/import/report.ts';
import type { FileReport } from '../../src/import/types.ts';
import { openTestDatabase, type TestDatabase } from '../support/pg.ts';
import { EN, fixture, newWorkspace, snapshot, TODAY } from './support.ts';

let database: Database;
let testDb: TestDatabase;
let ws: string;
let reports: FileReport[];

beforeAll(async () => {
  testDb = await openTestDatabase();
  database = testDb.database;
  ws = await newWorkspace(database, 'TBAD');
  await importFiles(database, { workspaceId: ws, files: EN, today: TODAY });
  const bad = ['bad/payments.csv', 'bad/invoices.csv', 'bad/customers.csv'].map(fixture);
  reports = (await importFiles(database, { workspaceId: ws, files: bad, today: TODAY })).files;
});

afterAll(async () => {
  await testDb?.close();
});

const lines = (r: FileReport | undefined) => r?.errors.map(formatRowError);

describe('bad rows', () => {
  it('customers: each refusal names line, column and reason; the good row goes in', () => {
    const r = reports[0];
    expect(r).toMatchObject({ kind: 'customers', rows: 9, inserted: 1, rejected: 8, moreErrors: 0 });
    expect(lines(r)).toEqual([
      'line 2: name: required value is missing',
      'line 3: kind: "pro" is not a customer kind (expected b2b or b2c)',
      'line 4: locale: "de" is not a supported locale (expected en or fr)',
      'line 5: timezone: "Paris" is not an IANA time zone (e.g. Europe/Paris)',
      'line 6: email: "not-an-email" is not an e-mail address',
      'line 8: customer_ref: "GOOD-1" already appears on line 7 of this file',
      'line 9: row: has 3 values but the header has 7 (check the delimiter and the quotes)',
      'line 10: name: "Caf\uFFFD Latin" contains characters that are not UTF-8 (save the file as "CSV UTF-8")',
    ]);
    expect(r?.errors[2]).toEqual({ line: 4, column: 'locale', reason: '"de" is not a supported locale (expected en or fr)', value: 'de' });
  });

  it('invoices: dates, amounts, currencies, customers and duplicates', () => {
    const r = reports[1];
    expect(r).toMatchObject({ kind: 'invoices', rows: 12, inserted: 1, rejected: 11 });
    expect(lines(r)).toEqual([
      'line 2: issue_date: "31/02/2026" is not a valid date (expected YYYY-MM-DD or dd/mm/yyyy)',
      'line 3: due_date: due date 2026-02-01 is before the issue date 2026-03-01',
      'line 4: amount: "12abc" is not an amount (expected e.g. 1234.50 or 1234,50)',
      'line 5: amount: "-50.00": an invoice amount must be greater than zero (import credit notes as payments)',
      'line 6: currency: "EURO" is not an ISO 4217 currency code (e.g. EUR, USD)',
      'line 7: customer_ref: unknown customer "NOBODY" (not in relance: import it in a customers file first)',
      'line 8: customer_ref: invoice "INV-1003" already belongs to customer "GLOBEX"; it was not changed',
      'line 10: invoice_number: "GOOD-INV-1" already appears on line 9 of this file',
      'line 11: customer_ref: required value is missing',
      'line 12: amount: "100.5" has more decimals than JPY allows (0)',
      'line 13: amount: "0": an invoice amount must be greater than zero (import credit notes as payments)',
    ]);
  });

  it('payments: missing reference, unknown invoice, conflicting reference, bad values', () => {
    const r = reports[2];
    expect(r).toMatchObject({ kind: 'payments', rows: 9, inserted: 1, rejected: 8 });
    expect(lines(r)).toEqual([
      'line 2: reference: required value is missing (the reference identifies the payment, so that importing it again does not count it twice)',
      'line 3: invoice_number: unknown invoice "NO-SUCH-INV" (not in relance: import it in an invoices file first)',
      'line 4: reference: payment "ACH-5501" is already recorded with other values (invoice INV-1001, 500.00 USD paid on 2026-02-20); it was not changed',
      'line 5: amount: "abc" is not an amount (expected e.g. 1234.50 or 1234,50)',
      'line 6: paid_on: "2026-13-01" is not a valid date (expected YYYY-MM-DD or dd/mm/yyyy)',
      'line 8: reference: "PAY-GOOD-1" already appears on line 7 of this file',
      'line 9: amount: "-5": a payment amount must be greater than zero',
      'line 10: amount: "1.005" has more decimals than EUR allows (2)',
    ]);
  });

  it('imports the good rows and leaves refused ones untouched', async () => {
    const s = await snapshot(database, ws);
    expect(s.customers).toBe(4);
    expect(s.invoices).toBe(6);
    expect(s.payments).toBe(4);
    const [inv] = await rows<{ customer_ref: string; currency: string; amount_cents: string }>(database.db, sql`
      select c.customer_ref, i.currency, i.amount_cents from invoices i join customers c on c.id = i.customer_id
      where i.workspace_id = ${ws} and i.invoice_number in ('INV-1003', 'GOOD-INV-1') order by i.invoice_number`);
    expect(inv).toEqual({ customer_ref: 'ACME', currency: 'EUR', amount_cents: '25000' });
    const [conflict] = await rows<{ amount_cents: string }>(database.db, sql`
      select amount_cents from payments where workspace_id = ${ws} and reference = 'ACH-5501'`);
    expect(conflict?.amount_cents).toBe('50000');
    // INV-1002 (980.00 EUR) got the one good payment, 480.00; GOOD-INV-1 adds 250.00.
    expect(s.balances.find((b) => b.ref === 'ACME' && b.currency === 'EUR')).toMatchObject({ open: 50_000 + 25_000 });
  });

  it('renders the report for the terminal', () => {
    const text = formatImportReport({ workspaceId: ws, files: reports, durationMs: 1 });
    expect(text).toContain('line 2: issue_date: "31/02/2026" is not a valid date (expected YYYY-MM-DD or dd/mm/yyyy)');
    expect(text).toMatch(/! .*bad\/invoices\.csv \(invoices\): 12 rows read — 1 new, 0 updated, 0 unchanged, 11 rejected/);
    expect(text).toContain('27 rows rejected');
  });
});

describe('file-level problems', () => {
  it('refuses an unknown header, naming the three expected ones', async () => {
    const r = await importCsv(database, { workspaceId: ws, today: TODAY, fileName: 'x.csv', text: 'ref,label,total\nA,B,1\n' });
    expect(r.failure).toContain('the header row is not one relance knows');
    expect(r.failure).toContain('customers  customer_ref,name,kind,email,phone,timezone,locale');
    expect(r.failure).toContain('payments   invoice_number,amount,paid_on,reference');
  });

  it('refuses an empty file', async () => {
    const r = await importCsv(database, { workspaceId: ws, today: TODAY, fileName: 'empty.csv', text: '\uFEFF\r\n' });
    expect(r.failure).toMatch(/^the file is empty: expected a header row/);
  });

  it('refuses a file whose quote is never closed, and imports none of it', async () => {
    const text = 'customer_ref,name\nQ-1,Fine\n"Q-2,Never closed\nQ-3,Lost\n';
    const r = await importCsv(database, { workspaceId: ws, today: TODAY, fileName: 'q.csv', text });
    expect(r.failure).toBe('a quote (") opened after line 2 is never closed, so the rest of the file cannot be read; nothing from this file was imported');
    expect((await snapshot(database, ws)).customers).toBe(4);
  });

  it('counts physical lines through quoted line breaks, blank lines and padding cells', async () => {
    // A line break is refused in a value relance stores (a name must fit on one line), not in a column it ignores.
    const text = [
      'customer_ref;name;kind;note',
      'ML-1;Multi-line Note;b2b;"Two-line',
      'note"',
      '',
      ';;;',
      'ML-2;Padded;b2c;;;',
      'ML-3;"Two-line',
      'name";b2b;',
      'ML-4;Bad kind;company;',
    ].join('\r\n');
    const r = await importCsv(database, { workspaceId: ws, today: TODAY, fileName: 'ml.csv', text });
    expect(r).toMatchObject({ rows: 4, inserted: 2, rejected: 2 });
    expect(lines(r)).toEqual([
      'line 7: name: "Two-line<U+000D><U+000A>name" contains the control character U+000D (carriage return); remove it',
      'line 9: kind: "company" is not a customer kind (expected b2b or b2c)',
    ]);
  });

  it('takes a corrected row after a bad one with the same key; only a good row\'s key counts as already seen', async () => {
    const text = [
      'invoice_number,customer_ref,issue_date,due_date,currency,amount',
      'FIX-1,ACME,2026-02-30,2026-03-31,EUR,10.00',
      'FIX-1,ACME,2026-02-28,2026-03-31,EUR,10.00',
      'FIX-1,ACME,2026-02-28,2026-03-31,EUR,11.00',
    ].join('\n');
    const r = await importCsv(database, { workspaceId: ws, today: TODAY, fileName: 'fix.csv', text });
    expect(r).toMatchObject({ rows: 3, inserted: 1, rejected: 2 });
    expect(lines(r)).toEqual([
      'line 2: issue_date: "2026-02-30" is not a valid date (expected YYYY-MM-DD or dd/mm/yyyy)',
      'line 4: invoice_number: "FIX-1" already appears on line 3 of this file',
    ]);
    const [inv] = await rows<{ amount_cents: string }>(database.db, sql`
      select amount_cents from invoices where workspace_id = ${ws} and invoice_number = 'FIX-1'`);
    expect(inv?.amount_cents).toBe('1000');
  });

  it('lists the first 100 errors and counts the rest, while the good rows go in', async () => {
    const body = ['invoice_number,customer_ref,issue_date,due_date,currency,amount'];
    for (let i = 0; i < 160; i += 1) body.push(`MANY-${i},ACME,2026-03-01,2026-03-31,EUR,${i % 8 === 0 ? '10.00' : 'ten'}`);
    const r = await importCsv(database, { workspaceId: ws, today: TODAY, fileName: 'many.csv', text: body.join('\n') });
    expect(r).toMatchObject({ rows: 160, inserted: 20, rejected: 140, moreErrors: 40 });
    expect(r.errors).toHaveLength(100);
    expect(r.errors[0]).toEqual({ line: 3, column: 'amount', reason: '"ten" is not an amount (expected e.g. 1234.50 or 1234,50)', value: 'ten' });
    expect(formatImportReport({ workspaceId: ws, files: [r], durationMs: 1 })).toContain('… and 40 more errors');
  });

  it('ignores columns it does not know and says so', async () => {
    const r = await importCsv(database, { workspaceId: ws, today: TODAY, fileName: 'extra.csv', text: 'customer_ref,name,segment\nEX-1,Extra Co,retail\n' });
    expect(r).toMatchObject({ inserted: 1, ignoredColumns: ['segment'] });
    expect(formatImportReport({ workspaceId: ws, files: [r], durationMs: 1 })).toContain('ignored column: "segment"');
  });
});
