// Files made to hurt, or merely broken: no line end, a NUL byte, control and
// direction-override characters, values too long for an index. Each is refused
// (the row, or the whole file with a clear reason) in time linear in the file,
// and never leaves the database connection stuck in a transaction.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows, type Database } from '../../src/db/client.ts';
import { customerStageColumns } from '../../src/import/customer-rows.ts';
import { importCsv } from '../../src/import/import-csv.ts';
import { importFiles } from '../../src/import/import-files.ts';
import { formatImportReport, formatRowError } from '../../src/import/report.ts';
import { copyClientOf, copyStageWriter, createStageTables } from '../../src/import/stage.ts';
import type { FileReport } from '../../src/import/types.ts';
import { openTestDatabase, type TestDatabase } from '../support/pg.ts';
import { EN, newWorkspace, snapshot, TODAY } from './support.ts';

let database: Database;
let testDb: TestDatabase;
let dir: string;
let ws: string;

beforeAll(async () => {
  testDb = await openTestDatabase();
  database = testDb.database;
  dir = mkdtempSync(join(tmpdir(), 'relance-import-hostile-'));
  ws = await newWorkspace(database, 'THOSTILE');
  await importFiles(database, { workspaceId: ws, files: EN, today: TODAY });
});

afterAll(async () => {
  await testDb?.close();
  rmSync(dir, { recursive: true, force: true });
});

const lines = (r: FileReport) => r.errors.map(formatRowError);
const importText = (fileName: string, text: string) => importCsv(database, { workspaceId: ws, today: TODAY, fileName, text });

const stuckSessions = async () => rows<{ state: string }>(database.db, sql`
  select state from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'`);

/** Letters and digits that do not repeat in any pattern a compressor could use. */
function noise(length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  let seed = 12345;
  let out = '';
  for (let i = 0; i < length; i += 1) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    out += alphabet[seed % alphabet.length];
  }
  return out;
}

// Before the fix these took seconds to minutes (quadratic header sniffing) or never ended (NUL in COPY).
const QUICK = 10_000;

describe('files without a line end', () => {
  it('refuses 256 KB with no line end at once, as a header line too long to be a CSV', async () => {
    const text = `customer_ref,name${',x'.repeat(128 * 1024)}`;
    const r = await importText('one-line.csv', text);
    expect(r.failure).toBe('the header line is longer than 64 KiB (65,536 bytes without a line end): is this a CSV file?');
  }, QUICK);

  it('refuses an 8 MB header line on disk after reading only its beginning', async () => {
    const file = join(dir, 'huge-header.csv');
    writeFileSync(file, `invoice_number,amount,paid_on,reference,${'a'.repeat(8 * 1024 * 1024)}`);
    const report = await importFiles(database, { workspaceId: ws, files: [file], today: TODAY });
    expect(report.files[0]?.failure).toMatch(/^the header line is longer than 64 KiB/);
  }, QUICK);

  it('reads a small header-only file without a line end as a file with no rows', async () => {
    const r = await importText('header-only.csv', 'customer_ref,name');
    expect(r).toMatchObject({ kind: 'customers', rows: 0, inserted: 0 });
    expect(r.failure).toBeUndefined();
  }, QUICK);

  it('refuses a file with a row longer than 1 MiB, as a quote left open would make', async () => {
    const text = `customer_ref,name,notes\nBIG-1,Big Row,${'n'.repeat(2 * 1024 * 1024)}\nBIG-2,After,\n`;
    const r = await importText('big-row.csv', text);
    expect(r.failure).toBe('the row after line 1 is longer than 1 MiB, too long to be a record: check the delimiter and the quotes; nothing from this file was imported');
  }, QUICK);

  it('refuses a header cell too long to be a column name, without listing it whole', async () => {
    const r = await importText('long-column.csv', `customer_ref,name,${'z'.repeat(5000)}\nLC-1,Long Column\n`);
    expect(r.failure).toBe(`the header cell "${'z'.repeat(20)}…" is too long to be a column name (5000 characters; at most 100)`);
  }, QUICK);
});

describe('a NUL byte', () => {
  it('is a bad row, and the good rows of the file go in', async () => {
    const r = await importText('nul.csv', 'customer_ref,name\nNUL-1,Good\nNUL-2,Nul\u0000Name\nNUL-3,Fine\n');
    expect(r).toMatchObject({ rows: 3, inserted: 2, rejected: 1 });
    expect(r.failure).toBeUndefined();
    expect(lines(r)).toEqual(['line 3: name: "Nul<U+0000>Name" contains the control character U+0000 (NUL); remove it']);
    expect(await stuckSessions()).toEqual([]);
  }, QUICK);

  it('in an invoice number is a bad row too', async () => {
    const r = await importText('nul-inv.csv', 'invoice_number,customer_ref,issue_date,due_date,currency,amount\nNUL\u0000-1,ACME,2026-03-01,2026-03-31,EUR,10.00\n');
    expect(lines(r)).toEqual(['line 2: invoice_number: "NUL<U+0000>-1" contains the control character U+0000 (NUL); remove it']);
  }, QUICK);
});

describe('a COPY the database refuses', () => {
  it('fails the transaction instead of hanging, and the next import works', async () => {
    const before = await snapshot(database, ws);
    const staging = database.db.transaction(async (tx) => {
      await createStageTables(tx, customerStageColumns);
      const client = copyClientOf(tx);
      expect(client).not.toBeNull();
      const writer = await copyStageWriter(client!, customerStageColumns);
      // The row checks refuse NUL; the stage writer on its own must still survive PostgreSQL refusing it.
      writer.add([2, 'COPY-1', 'Nul\u0000Name', null, null, null, null, null, null, null]);
      await writer.finish();
    });
    await expect(staging).rejects.toThrow(/the database refused the rows being staged/);
    expect(await stuckSessions()).toEqual([]);
    expect(await snapshot(database, ws)).toEqual(before);

    const next = await importText('after.csv', 'customer_ref,name\nAFTER-COPY,Next One\n');
    expect(next).toMatchObject({ inserted: 1, rejected: 0 });
    expect(next.failure).toBeUndefined();
  }, QUICK);
});

describe('control and direction-override characters', () => {
  it('refuse the row, naming the character, and never reach the report raw', async () => {
    const text = [
      'customer_ref,name,email',
      'CC-1,Bell\u0007Co,',
      'CC-2,\u001b[31mRed\u001b[0m Corp,',
      'CC-3,Evil\u202Egnp.exe,',
      'CC-4,Isolated \u2066name\u2069,',
      'CC-5,"Two-line\nname",',
      'CC-6\tX,Tab Key,',
      'CC-7,Plain Co,ok\u0085@example.com',
      'CC-8,Good Co,',
    ].join('\n');
    const r = await importText('controls.csv', text);
    expect(r).toMatchObject({ rows: 8, inserted: 1, rejected: 7 });
    expect(lines(r)).toEqual([
      'line 2: name: "Bell<U+0007>Co" contains the control character U+0007 (bell); remove it',
      'line 3: name: "<U+001B>[31mRed<U+001B>[0m Corp" contains the control character U+001B (escape); remove it',
      'line 4: name: "Evil<U+202E>gnp.exe" contains the control character U+202E (right-to-left override); remove it',
      'line 5: name: "Isolated <U+2066>name<U+2069>" contains the control character U+2066 (left-to-right isolate); remove it',
      'line 6: name: "Two-line<U+000A>name" contains the control character U+000A (line break); remove it',
      'line 8: customer_ref: "CC-6<U+0009>X" contains the control character U+0009 (tab); remove it',
      'line 9: email: "ok<U+0085>@example.com" contains the control character U+0085; remove it',
    ]);
    // eslint-disable-next-line no-control-regex
    expect(formatImportReport({ workspaceId: ws, files: [r], durationMs: 1 })).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    const names = await rows<{ customer_ref: string }>(database.db, sql`
      select customer_ref from customers where workspace_id = ${ws} and customer_ref like 'CC-%'`);
    expect(names).toEqual([{ customer_ref: 'CC-8' }]);
  }, QUICK);

  it('in the header refuse the whole file', async () => {
    const r = await importText('header-rlo.csv', 'customer_ref,name,Note\u202E\nHD-1,Header Co,x\n');
    expect(r.failure).toBe('the header cell "Note<U+202E>" contains the control character U+202E (right-to-left override); fix the header row');
  }, QUICK);

  it('are allowed in columns relance ignores, whose values it never stores', async () => {
    const r = await importText('ignored.csv', 'customer_ref,name,notes\nIG-1,Ignored Co,"multi\nline\u0007 note"\n');
    expect(r).toMatchObject({ inserted: 1, rejected: 0, ignoredColumns: ['notes'] });
  }, QUICK);
});

describe('length limits', () => {
  it('make a 3,000-character invoice number a bad row instead of sinking the file', async () => {
    // Not a repeated letter: PostgreSQL would compress that below the index limit.
    const long = `F-${noise(2998)}`;
    const r = await importText('long-inv.csv', [
      'invoice_number,customer_ref,issue_date,due_date,currency,amount',
      `${long},ACME,2026-03-01,2026-03-31,EUR,10.00`,
      'LEN-OK,ACME,2026-03-01,2026-03-31,EUR,10.00',
    ].join('\n'));
    expect(r.failure).toBeUndefined();
    expect(r).toMatchObject({ rows: 2, inserted: 1, rejected: 1 });
    expect(lines(r)).toEqual([`line 2: invoice_number: "${long.slice(0, 20)}…" is too long (3000 characters; at most 64)`]);
    expect(r.errors[0]?.value).toBe(`${long.slice(0, 20)}…`);
  }, QUICK);

  it('apply to every text column of every kind, counted in characters', async () => {
    const customers = await importText('long-customers.csv', [
      'customer_ref,name,email,phone,company_id',
      `${'R'.repeat(65)},Ref Co,,,`,
      `LEN-C1,${'N'.repeat(201)},,,`,
      `LEN-C2,Mail Co,${'m'.repeat(250)}@x.io,,`,
      `LEN-C3,Phone Co,,${'1'.repeat(41)},`,
      `LEN-C4,Company Co,,,${'9'.repeat(33)}`,
      // 200 characters that take 400 UTF-16 units: within the limit.
      `LEN-C5,${'😀'.repeat(200)},,,`,
    ].join('\n'));
    expect(lines(customers)).toEqual([
      `line 2: customer_ref: "${'R'.repeat(20)}…" is too long (65 characters; at most 64)`,
      `line 3: name: "${'N'.repeat(20)}…" is too long (201 characters; at most 200)`,
      `line 4: email: "${'m'.repeat(20)}…" is too long (255 characters; at most 254)`,
      `line 5: phone: "${'1'.repeat(20)}…" is too long (41 characters; at most 40)`,
      // Short enough to quote whole.
      `line 6: company_id: "${'9'.repeat(33)}" is too long (33 characters; at most 32)`,
    ]);
    expect(customers).toMatchObject({ inserted: 1 });

    const payments = await importText('long-payments.csv', [
      'invoice_number,amount,paid_on,reference',
      `INV-1002,1.00,2026-03-01,${'P'.repeat(141)}`,
      `INV-1002,1.00,${'2'.repeat(65)},LEN-P1`,
    ].join('\n'));
    expect(lines(payments)).toEqual([
      `line 2: reference: "${'P'.repeat(20)}…" is too long (141 characters; at most 140)`,
      `line 3: paid_on: "${'2'.repeat(20)}…" is too long (65 characters; at most 64)`,
    ]);
  }, QUICK);
});
