// The first invoices file of a workspace goes straight into the ledger
// (first-load.ts); whatever it holds, the outcome is the staging path's: the
// same report, line for line, and the same ledger. A file the straight path
// cannot judge alone is read again through staging, which the progress says.
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows, type Database } from '../../src/db/client.ts';
import { importCsv } from '../../src/import/import-csv.ts';
import type { FileReport, ImportPhase } from '../../src/import/types.ts';
import { openTestDatabase, type TestDatabase } from '../support/pg.ts';
import { newWorkspace, snapshot, TODAY } from './support.ts';

let database: Database;
let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await openTestDatabase();
  database = testDb.database;
});

afterAll(async () => {
  await testDb?.close();
});

const CUSTOMERS = 'customer_ref,name\nACME,Acme SA\nGLOBEX,Globex\nINITECH,Initech\n';
const HEADER = 'invoice_number,customer_ref,issue_date,due_date,currency,amount\n';
const row = (n: string, customer: string, amount = '100.00') => `${n},${customer},2026-01-10,2026-02-10,EUR,${amount}\n`;

/** Enough good rows that progress is reported while reading (every 256 KiB), the given ones spread among them. */
function invoices(special: string[], filler = 6_000): string {
  let text = HEADER;
  const every = Math.floor(filler / (special.length + 1));
  for (let i = 0; i < filler; i += 1) {
    text += row(`F-${i}`, ['ACME', 'GLOBEX', 'INITECH'][i % 3]!, `${(i % 900) + 10}.50`);
    const at = (i + 1) / every - 1;
    if (Number.isInteger(at) && special[at] !== undefined) text += special[at];
  }
  return text;
}

interface Outcome {
  report: Omit<FileReport, 'durationMs' | 'file'>;
  ledger: Awaited<ReturnType<typeof snapshot>>;
  invoices: unknown[];
  phases: ImportPhase[];
}

/** Imports `text` into a new workspace, either as a file that can be read twice (the first-load path) or as a one-way stream (staging). */
async function importInto(ws: string, text: string, how: 'first load' | 'staging'): Promise<Outcome> {
  await newWorkspace(database, ws);
  const now = new Date('2026-03-15T09:00:00Z');
  await importCsv(database, { workspaceId: ws, today: TODAY, now, fileName: 'customers.csv', text: CUSTOMERS });
  const phases: ImportPhase[] = [];
  const source = how === 'first load' ? { text } : { stream: Readable.from([Buffer.from(text)]) };
  const { durationMs: _d, file: _f, ...report } = await importCsv(database, {
    workspaceId: ws, today: TODAY, now, fileName: 'invoices.csv', ...source,
    onProgress: (p) => { if (phases.at(-1) !== p.phase) phases.push(p.phase); },
  });
  const stored = await rows(database.db, sql`
    select i.invoice_number, c.customer_ref, i.issue_date::text, i.due_date::text, i.delivered_on::text, i.currency,
      i.amount_cents::text, i.paid_cents::text, i.created_at = ${now.toISOString()}::timestamptz as stamped
    from invoices i join customers c on c.id = i.customer_id
    where i.workspace_id = ${ws} order by i.invoice_number`);
  return { report, ledger: await snapshot(database, ws), invoices: stored, phases };
}

describe('the first invoices file of a workspace', () => {
  it('goes in in one reading, with the report and the ledger the staging path gives', async () => {
    const text = invoices([
      row('BAD-DATE', 'ACME').replace('2026-01-10', '31/02/2026'),
      row('NEW-1', 'NOBODY'),
      // The key a refused row claimed is taken: this one is a repeat of line of NEW-1.
      row('NEW-1', 'ACME'),
      row('NEW-2', 'NOBODY'),
      row('NEW-2', 'NOBODY'),
      row('AMOUNT', 'GLOBEX', '12abc'),
    ]);
    const first = await importInto('TFIRST1', text, 'first load');
    const staged = await importInto('TSTAGE1', text, 'staging');

    expect(first.phases).toEqual(['reading', 'writing', 'done']);
    expect(first.report).toEqual(staged.report);
    expect(first.ledger).toEqual(staged.ledger);
    expect(first.invoices).toEqual(staged.invoices);
    expect(first.report).toMatchObject({ rows: 6_006, inserted: 6_000, rejected: 6, unchanged: 0 });
    expect(first.report.errors.map((e) => `${e.column}: ${e.reason}`)).toEqual([
      'issue_date: "31/02/2026" is not a valid date (expected YYYY-MM-DD or dd/mm/yyyy)',
      'customer_ref: unknown customer "NOBODY" (not in relance: import it in a customers file first)',
      `invoice_number: "NEW-1" already appears on line ${first.report.errors[1]!.line} of this file`,
      'customer_ref: unknown customer "NOBODY" (not in relance: import it in a customers file first)',
      `invoice_number: "NEW-2" already appears on line ${first.report.errors[3]!.line} of this file`,
      'amount: "12abc" is not an amount (expected e.g. 1234.50 or 1234,50)',
    ]);
  });

  it('is read again through staging when two good rows share a key, which the report names by line', async () => {
    const text = invoices([row('TWICE', 'ACME'), row('TWICE', 'GLOBEX', '7.00')]);
    const first = await importInto('TFIRST2', text, 'first load');
    const staged = await importInto('TSTAGE2', text, 'staging');

    expect(first.report.failure).toBeUndefined();
    expect(first.phases).toEqual(['reading', 'rereading', 'reading', 'writing', 'done']);
    expect(first.report).toEqual(staged.report);
    expect(first.ledger).toEqual(staged.ledger);
    expect(first.invoices).toEqual(staged.invoices);
    expect(first.report.errors).toHaveLength(1);
    expect(first.report.errors[0]!.reason).toMatch(/^"TWICE" already appears on line \d+ of this file$/);
  });

  it('is read again through staging when the repeat is at the very start of a large file', async () => {
    // The COPY is refused near its start, with some 2 MB still to come.
    const text = HEADER + row('EARLY', 'ACME') + row('EARLY', 'INITECH') + invoices([], 50_000).slice(HEADER.length);
    const first = await importInto('TFIRST5', text, 'first load');
    const staged = await importInto('TSTAGE5', text, 'staging');

    expect(first.report.failure).toBeUndefined();
    expect(first.phases).toEqual(['reading', 'rereading', 'reading', 'writing', 'done']);
    expect(first.report).toEqual(staged.report);
    expect(first.ledger).toEqual(staged.ledger);
    expect(first.report.errors.map((e) => `line ${e.line}: ${e.reason}`)).toEqual(['line 3: "EARLY" already appears on line 2 of this file']);
  });

  it('is read again through staging when a refused row reuses the key of a good row before it', async () => {
    const text = invoices([row('TAKEN', 'ACME'), row('TAKEN', 'NOBODY')]);
    const first = await importInto('TFIRST3', text, 'first load');
    const staged = await importInto('TSTAGE3', text, 'staging');

    expect(first.phases).toContain('rereading');
    expect(first.report).toEqual(staged.report);
    expect(first.ledger).toEqual(staged.ledger);
    // The staging path finds the repeat before it looks the customer up.
    expect(first.report.errors.map((e) => e.reason)).toEqual([expect.stringMatching(/^"TAKEN" already appears on line \d+ of this file$/)]);
  });

  it('is not taken once the workspace has invoices: the next file goes through staging, read once', async () => {
    await importInto('TFIRST4', invoices([]), 'first load');
    const next = invoices([row('TWICE', 'ACME'), row('TWICE', 'GLOBEX')]).replace('F-0,ACME,2026-01-10,2026-02-10,EUR,10.50', 'F-0,ACME,2026-01-10,2026-02-10,EUR,11.50');
    const phases: ImportPhase[] = [];
    const again = await importCsv(database, {
      workspaceId: 'TFIRST4', today: TODAY, fileName: 'invoices.csv', text: next,
      onProgress: (p) => { if (phases.at(-1) !== p.phase) phases.push(p.phase); },
    });
    expect(again).toMatchObject({ rows: 6_002, inserted: 1, updated: 1, unchanged: 5_999, rejected: 1 });
    expect(phases).toEqual(['reading', 'writing', 'done']);
  });
});

describe('the first customers file of a workspace', () => {
  const header = 'customer_ref,name,kind,email,phone,timezone,locale,company_id,late_rate,iban\n';
  const good = (i: number) => `C-${i},"Client ${i}, SA",${i % 4 === 0 ? '' : 'b2c'},c${i}@example.com,+33 1 23 45 67 ${String(i % 100).padStart(2, '0')},Europe/Paris,fr,FR${i},${i % 7 === 0 ? '12.5' : ''},\n`;
  const file = (special: string[]) => {
    let text = header;
    for (let i = 0; i < 3_000; i += 1) text += good(i) + (i % 1_000 === 500 ? special[i / 1_000 - 0.5] ?? '' : '');
    return text;
  };

  async function importCustomers(ws: string, text: string, how: 'first load' | 'staging') {
    await newWorkspace(database, ws);
    const phases: ImportPhase[] = [];
    const source = how === 'first load' ? { text } : { stream: Readable.from([Buffer.from(text)]) };
    const { durationMs: _d, file: _f, ...report } = await importCsv(database, {
      workspaceId: ws, today: TODAY, now: new Date('2026-03-15T09:00:00Z'), fileName: 'customers.csv', ...source,
      onProgress: (p) => { if (phases.at(-1) !== p.phase) phases.push(p.phase); },
    });
    const stored = await rows(database.db, sql`
      select customer_ref, name, kind::text, email, phone, timezone, locale::text, company_id, late_rate::text, iban
      from customers where workspace_id = ${ws} order by id`);
    return { report, stored, phases };
  }

  it('goes in in one reading, as staging would have written it, an empty kind making a b2b customer', async () => {
    const text = file(['BAD-1,,b2b,,,,,,,\n', 'BAD-2,Kind Co,pro,,,,,,,\n', 'BAD-3,Short Row,b2b\n']);
    const first = await importCustomers('TCFIRST1', text, 'first load');
    const staged = await importCustomers('TCSTAGE1', text, 'staging');

    expect(first.phases).toEqual(['reading', 'writing', 'done']);
    expect(first.report).toEqual(staged.report);
    expect(first.stored).toEqual(staged.stored);
    expect(first.report).toMatchObject({ rows: 3_003, inserted: 3_000, rejected: 3 });
    expect(first.stored[0]).toMatchObject({ customer_ref: 'C-0', name: 'Client 0, SA', kind: 'b2b', late_rate: '12.500' });
    expect(first.stored[1]).toMatchObject({ customer_ref: 'C-1', kind: 'b2c', late_rate: null });
  });

  it('is read again through staging when a customer_ref appears twice', async () => {
    const text = file(['C-7,Client Seven Again,b2b,,,,,,,\n']);
    const first = await importCustomers('TCFIRST2', text, 'first load');
    const staged = await importCustomers('TCSTAGE2', text, 'staging');

    expect(first.phases).toEqual(['reading', 'rereading', 'reading', 'writing', 'done']);
    expect(first.report).toEqual(staged.report);
    expect(first.stored).toEqual(staged.stored);
    expect(first.report.errors.map((e) => `line ${e.line}: ${e.reason}`)).toEqual(['line 503: "C-7" already appears on line 9 of this file']);
  });
});
