// What a collections team notices after an import: the right balances per
// customer and currency, cases opened and resolved, payments on the timeline,
// and nothing at all changing when the same files are imported again.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows, type Database } from '../../src/db/client.ts';
import { importCsv } from '../../src/import/import-csv.ts';
import { importFiles } from '../../src/import/import-files.ts';
import { openTestDatabase, type TestDatabase } from '../support/pg.ts';
import { EN, FR, newWorkspace, snapshot, TODAY } from './support.ts';

let database: Database;
let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await openTestDatabase();
  database = testDb.database;
});

afterAll(async () => {
  await testDb?.close();
});

const FR_BALANCES = [
  // FA-2026-002 half paid and overdue; FA-2026-003 not due yet.
  { ref: 'CLI-001', currency: 'EUR', open: 140_000 + 56_025, overdue: 140_000 },
  // Only FA-2026-005 left, due on 17/03: nothing overdue.
  { ref: 'CLI-002', currency: 'EUR', open: 14_990, overdue: 0 },
  { ref: 'CLI-003', currency: 'EUR', open: 25_000, overdue: 25_000 },
  { ref: 'CLI-004', currency: 'EUR', open: 282_040 + 300_000, overdue: 282_040 },
  // CLI-005 paid everything: no balance row at all.
  { ref: 'CLI-006', currency: 'EUR', open: 234_567 + 99_999, overdue: 234_567 },
];

describe('French sample (semicolons, decimal comma, dd/mm/yyyy, BOM)', () => {
  it('imports customers, then invoices, then payments, whatever the order given', async () => {
    const ws = await newWorkspace(database, 'TFR1');
    const report = await importFiles(database, { workspaceId: ws, files: FR, today: TODAY });
    expect(report.files.map((f) => [f.kind, f.rows, f.inserted, f.rejected, f.failure])).toEqual([
      ['customers', 6, 6, 0, undefined],
      ['invoices', 15, 15, 0, undefined],
      ['payments', 11, 11, 0, undefined],
    ]);
    // Every customer had an overdue invoice once the invoices were in; CLI-005 paid it all,
    // CLI-002 paid what was overdue (what is not yet due is no collection case).
    expect(report.files.map((f) => [f.casesOpened, f.casesResolved])).toEqual([[0, 0], [6, 0], [0, 2]]);

    const after = await snapshot(database, ws);
    expect(after.balances).toEqual(FR_BALANCES);
    expect(after.cases).toEqual([
      { ref: 'CLI-001', status: 'open' }, { ref: 'CLI-002', status: 'resolved' }, { ref: 'CLI-003', status: 'open' },
      { ref: 'CLI-004', status: 'open' }, { ref: 'CLI-005', status: 'resolved' }, { ref: 'CLI-006', status: 'open' },
    ]);
    for (const p of after.paid) expect(p.paid, p.number).toBe(p.sum);
    expect(after.paid.find((p) => p.number === 'FA-2026-013')?.paid).toBe(100_000);
  });

  it('keeps accents, quoted semicolons and normalised values', async () => {
    const ws = await newWorkspace(database, 'TFR2');
    await importFiles(database, { workspaceId: ws, files: FR, today: TODAY });
    const customers = await rows<{ customer_ref: string; name: string; kind: string; timezone: string | null; locale: string | null; email: string | null }>(database.db, sql`
      select customer_ref, name, kind, timezone, locale, email from customers where workspace_id = ${ws} order by customer_ref`);
    expect(customers).toEqual([
      { customer_ref: 'CLI-001', name: "Société Générale d'Équipement", kind: 'b2b', timezone: 'Europe/Paris', locale: 'fr', email: 'compta@sge.example.fr' },
      { customer_ref: 'CLI-002', name: 'Boulangerie Lefèvre & Fils', kind: 'b2b', timezone: 'Europe/Paris', locale: 'fr', email: 'contact@lefevre.example.fr' },
      { customer_ref: 'CLI-003', name: 'Hélène Dupré', kind: 'b2c', timezone: 'Europe/Paris', locale: 'fr', email: 'helene.dupre@example.fr' },
      { customer_ref: 'CLI-004', name: 'Château Côte-Rôtie; SARL', kind: 'b2b', timezone: 'Europe/Paris', locale: 'fr', email: 'factures@cote-rotie.example.fr' },
      { customer_ref: 'CLI-005', name: 'Jérôme Müller', kind: 'b2c', timezone: null, locale: 'fr', email: 'jerome.muller@example.fr' },
      // Empty kind → b2b for a new customer; "europe/paris" → its canonical spelling.
      { customer_ref: 'CLI-006', name: 'Établissements Noël', kind: 'b2b', timezone: 'Europe/Paris', locale: null, email: null },
    ]);
    const [inv] = await rows<{ issue_date: string; due_date: string; amount_cents: string; currency: string }>(database.db, sql`
      select issue_date::text, due_date::text, amount_cents, currency from invoices where workspace_id = ${ws} and invoice_number = 'FA-2026-015'`);
    expect(inv).toEqual({ issue_date: '2026-03-01', due_date: '2026-03-31', amount_cents: '99999', currency: 'EUR' });
  });

  it('changes nothing when imported again: same rows, balances and updated_at, no new activity', async () => {
    const ws = await newWorkspace(database, 'TFR3');
    await importFiles(database, { workspaceId: ws, files: FR, today: TODAY });
    const stamps = async () => rows<{ t: string; n: number }>(database.db, sql`
      select 'customers' as t, count(*) filter (where updated_at <> created_at)::int as n from customers where workspace_id = ${ws}
      union all select 'invoices', count(*) filter (where updated_at <> created_at)::int from invoices where workspace_id = ${ws}
      union all select 'max', (select max(extract(epoch from updated_at))::int from invoices where workspace_id = ${ws})`);
    const before = await snapshot(database, ws);
    const stampsBefore = await stamps();

    const again = await importFiles(database, { workspaceId: ws, files: FR, today: TODAY, now: new Date('2030-01-01T00:00:00Z') });
    expect(again.files.map((f) => [f.kind, f.inserted, f.updated, f.unchanged, f.rejected, f.casesOpened, f.casesResolved])).toEqual([
      ['customers', 0, 0, 6, 0, 0, 0],
      ['invoices', 0, 0, 15, 0, 0, 0],
      ['payments', 0, 0, 11, 0, 0, 0],
    ]);
    expect(await snapshot(database, ws)).toEqual(before);
    expect(await stamps()).toEqual(stampsBefore);
  });
});

describe('English sample (commas, decimal point, ISO dates, two currencies)', () => {
  it('keeps balances per currency, never summed across currencies', async () => {
    const ws = await newWorkspace(database, 'TEN1');
    const report = await importFiles(database, { workspaceId: ws, files: EN, today: TODAY });
    expect(report.files.every((f) => f.rejected === 0 && !f.failure)).toBe(true);
    const s = await snapshot(database, ws);
    expect(s.balances).toEqual([
      { ref: 'ACME', currency: 'EUR', open: 98_000, overdue: 98_000 },
      // "1,234.50" quoted in a comma file, minus a 500.00 payment.
      { ref: 'ACME', currency: 'USD', open: 73_450, overdue: 73_450 },
      { ref: 'GLOBEX', currency: 'USD', open: 1_500_000, overdue: 0 },
    ]);
    // JSMITH paid in full: case resolved. GLOBEX still owes an invoice, not yet due: no collection case either.
    expect(s.cases).toEqual([
      { ref: 'ACME', status: 'open' }, { ref: 'GLOBEX', status: 'resolved' }, { ref: 'JSMITH', status: 'resolved' },
    ]);
    const [acme] = await rows<{ name: string; company_id: string; locale: string }>(database.db, sql`
      select name, company_id, locale from customers where workspace_id = ${ws} and customer_ref = 'ACME'`);
    expect(acme).toEqual({ name: 'Acme Corporation, Inc.', company_id: 'US-12-3456789', locale: 'en' });
    const delivered = await rows<{ invoice_number: string; delivered_on: string | null }>(database.db, sql`
      select invoice_number, delivered_on::text from invoices where workspace_id = ${ws} order by invoice_number`);
    expect(delivered.map((d) => d.delivered_on)).toEqual(['2026-01-08', null, '2026-02-10', null, null]);
  });

  it('resolves a case when a later payment clears the balance, and logs each payment on the case', async () => {
    const ws = await newWorkspace(database, 'TEN2');
    await importFiles(database, { workspaceId: ws, files: EN, today: TODAY });
    const report = await importCsv(database, {
      workspaceId: ws, today: TODAY, fileName: 'acme-march.csv',
      text: 'invoice_number,amount,paid_on,reference\nINV-1001,734.50,2026-03-10,ACH-5502\nINV-1002,980,2026-03-11,SEPA-7790\n',
    });
    expect(report).toMatchObject({ kind: 'payments', inserted: 2, rejected: 0, casesResolved: 1 });
    const s = await snapshot(database, ws);
    expect(s.balances.filter((b) => b.ref === 'ACME')).toEqual([]);
    expect(s.cases.find((c) => c.ref === 'ACME')?.status).toBe('resolved');

    const timeline = await rows<{ kind: string; case_id: string | null; ref: string; data: Record<string, unknown> }>(database.db, sql`
      select a.kind, a.case_id, c.customer_ref as ref, a.data from activities a join customers c on c.id = a.customer_id
      where a.workspace_id = ${ws} and c.customer_ref = 'ACME' order by a.id`);
    expect(timeline.map((a) => a.kind)).toEqual(['case_opened', 'payment_recorded', 'payment_recorded', 'payment_recorded', 'case_resolved']);
    const caseId = timeline[0]!.case_id;
    expect(timeline.every((a) => a.case_id === caseId)).toBe(true);
    expect(timeline[3]!.data).toMatchObject({
      invoice_number: 'INV-1002', reference: 'SEPA-7790', amount_cents: 98_000, currency: 'EUR', paid_on: '2026-03-11', file: 'acme-march.csv',
    });
  });

  it('updates a corrected invoice (and only it), which moves its aging', async () => {
    const ws = await newWorkspace(database, 'TEN3');
    await importFiles(database, { workspaceId: ws, files: EN, today: TODAY });
    const before = await rows<{ invoice_number: string; updated_at: string }>(database.db, sql`
      select invoice_number, updated_at::text from invoices where workspace_id = ${ws} order by invoice_number`);
    const corrected = [
      'invoice_number,customer_ref,issue_date,due_date,currency,amount,delivered_on',
      'INV-1001,ACME,2026-01-10,2026-02-09,USD,"1,234.50",2026-01-08',
      'INV-1003,GLOBEX,2026-02-15,2026-03-01,USD,15000,2026-02-10',
    ].join('\n');
    const report = await importCsv(database, { workspaceId: ws, today: TODAY, fileName: 'fix.csv', text: corrected, now: new Date('2026-03-15T10:00:00Z') });
    expect(report).toMatchObject({ inserted: 0, updated: 1, unchanged: 1, rejected: 0 });
    const after = await rows<{ invoice_number: string; updated_at: string }>(database.db, sql`
      select invoice_number, updated_at::text from invoices where workspace_id = ${ws} order by invoice_number`);
    expect(after.filter((a, i) => a.updated_at !== before[i]!.updated_at).map((a) => a.invoice_number)).toEqual(['INV-1003']);
    expect((await snapshot(database, ws)).balances.find((b) => b.ref === 'GLOBEX')).toEqual({ ref: 'GLOBEX', currency: 'USD', open: 1_500_000, overdue: 1_500_000 });
  });

  it('never changes the currency of an invoice that has payments, as it never moves one to another customer', async () => {
    const ws = await newWorkspace(database, 'TEN7');
    await importFiles(database, { workspaceId: ws, files: EN, today: TODAY });
    const before = await snapshot(database, ws);
    // INV-1001 is 1,234.50 USD with 500.00 paid; INV-1002 (EUR) has no payment yet.
    const report = await importCsv(database, {
      workspaceId: ws, today: TODAY, fileName: 'yen.csv',
      text: [
        'invoice_number,customer_ref,issue_date,due_date,currency,amount',
        'INV-1001,ACME,2026-01-10,2026-02-09,JPY,1234',
        'INV-1002,ACME,2026-02-01,2026-03-03,USD,980.00',
      ].join('\n'),
    });
    expect(report).toMatchObject({ updated: 1, rejected: 1 });
    expect(report.errors.map((e) => `${e.line} ${e.column}: ${e.reason}`)).toEqual([
      '2 currency: invoice "INV-1001" has payments in USD (500.00 USD paid), so its currency cannot change to JPY; it was not changed',
    ]);
    const invoices = await rows<{ invoice_number: string; currency: string; amount_cents: string; paid_cents: string }>(database.db, sql`
      select invoice_number, currency, amount_cents, paid_cents from invoices
      where workspace_id = ${ws} and invoice_number in ('INV-1001', 'INV-1002') order by invoice_number`);
    expect(invoices).toEqual([
      { invoice_number: 'INV-1001', currency: 'USD', amount_cents: '123450', paid_cents: '50000' },
      { invoice_number: 'INV-1002', currency: 'USD', amount_cents: '98000', paid_cents: '0' },
    ]);
    const after = await snapshot(database, ws);
    expect(after.cases).toEqual(before.cases);
    expect(after.balances.filter((b) => b.ref === 'ACME')).toEqual([
      { ref: 'ACME', currency: 'USD', open: 73_450 + 98_000, overdue: 73_450 + 98_000 },
    ]);
  });

  it('never turns a consumer into a business on an empty kind, and keeps columns the file does not have', async () => {
    const ws = await newWorkspace(database, 'TEN4');
    await importFiles(database, { workspaceId: ws, files: [EN[0]!], today: TODAY });
    const report = await importCsv(database, {
      workspaceId: ws, today: TODAY, fileName: 'names.csv',
      text: 'customer_ref,name,kind\nJSMITH,John A. Smith,\nGLOBEX,Globex Ltd,\n',
    });
    expect(report).toMatchObject({ updated: 1, unchanged: 1 });
    const [john] = await rows<{ name: string; kind: string; email: string; timezone: string }>(database.db, sql`
      select name, kind, email, timezone from customers where workspace_id = ${ws} and customer_ref = 'JSMITH'`);
    expect(john).toEqual({ name: 'John A. Smith', kind: 'b2c', email: 'john.smith@example.com', timezone: 'America/Chicago' });
  });

  it('takes collectors from an owner column of Slack user ids', async () => {
    const ws = await newWorkspace(database, 'TEN6');
    const report = await importCsv(database, {
      workspaceId: ws, today: TODAY, fileName: 'owners.csv',
      text: 'customer_ref,name,owner,company_id\nO1,Owned,<@U012ABCDEF>,552100554\nO2,Unowned,,\nO3,Bad owner,Marie,\n',
    });
    expect(report).toMatchObject({ inserted: 2, rejected: 1 });
    expect(report.errors.map((e) => `${e.line} ${e.column}: ${e.reason}`)).toEqual(['4 owner: "Marie" is not a Slack user id (e.g. U012ABCDEF)']);
    const owners = await rows<{ customer_ref: string; owner_id: string | null; company_id: string | null }>(database.db, sql`
      select customer_ref, owner_id, company_id from customers where workspace_id = ${ws} order by customer_ref`);
    expect(owners).toEqual([
      { customer_ref: 'O1', owner_id: 'U012ABCDEF', company_id: '552100554' },
      { customer_ref: 'O2', owner_id: null, company_id: null },
    ]);
  });

  it('counts an identical payment reference as unchanged, whichever file it comes from', async () => {
    const ws = await newWorkspace(database, 'TEN5');
    await importFiles(database, { workspaceId: ws, files: EN, today: TODAY });
    const report = await importCsv(database, {
      workspaceId: ws, today: TODAY, fileName: 'bank.csv',
      text: 'reference;paid_on;amount;invoice_number\r\nACH-5501;20/02/2026;500,00;INV-1001\r\n',
    });
    expect(report).toMatchObject({ kind: 'payments', rows: 1, inserted: 0, unchanged: 1, rejected: 0 });
  });

  it('rebuilds the whole workspace when a file touches very many customers', async () => {
    const ws = await newWorkspace(database, 'TBIG');
    const n = 5_200;
    const customers = ['customer_ref,name'];
    const invoices = ['invoice_number,customer_ref,issue_date,due_date,currency,amount'];
    for (let i = 0; i < n; i += 1) {
      customers.push(`C${i},Customer ${i}`);
      invoices.push(`I${i},C${i},2026-01-01,${i % 2 ? '2026-02-01' : '2026-04-01'},EUR,${i + 1}.00`);
    }
    await importCsv(database, { workspaceId: ws, today: TODAY, fileName: 'c.csv', text: customers.join('\n') });
    const report = await importCsv(database, { workspaceId: ws, today: TODAY, fileName: 'i.csv', text: invoices.join('\n'), stageMethod: 'batch', batchSize: 1000 });
    expect(report).toMatchObject({ inserted: n, casesOpened: n / 2 });
    const [b] = await rows<{ n: number; as_of: string }>(database.db, sql`
      select count(*)::int as n, (select balances_as_of::text from workspaces where id = ${ws}) as as_of from customer_balances where workspace_id = ${ws}`);
    expect(b).toEqual({ n, as_of: TODAY });
  });
});
