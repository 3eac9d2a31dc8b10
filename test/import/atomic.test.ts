// "Nothing is half-written": a file that fails anywhere — while streaming, or
// in the middle of the ledger writes — leaves the database as it was before it.
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database } from '../../src/db/client.ts';
import { importCsv } from '../../src/import/import-csv.ts';
import { importFiles } from '../../src/import/import-files.ts';
import type { StageMethod } from '../../src/import/types.ts';
import { openTestDatabase, type TestDatabase } from '../support/pg.ts';
import { EN, newWorkspace, snapshot, TODAY } from './support.ts';

let database: Database;
let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await openTestDatabase();
  database = testDb.database;
  // Provokes a failure deep inside the write phase, after other rows of the same file were written.
  await database.db.execute(sql.raw(`
    create function refuse_boom() returns trigger language plpgsql as $$
    begin raise exception 'invoice % refused by a test trigger', new.invoice_number; end $$;
    create trigger invoices_boom before insert or update on invoices
      for each row when (new.invoice_number like 'BOOM%') execute function refuse_boom();`));
});

afterAll(async () => {
  await testDb?.close();
});

/** A CSV stream that breaks after `rows` rows, as a dropped upload or a failing disk would. */
function breakingStream(rows: number): Readable {
  async function* chunks() {
    yield 'invoice_number,customer_ref,issue_date,due_date,currency,amount\n';
    for (let i = 0; i < rows; i += 1) yield `STREAM-${i},ACME,2026-01-01,2026-01-31,EUR,${i + 1}.00\n`;
    throw new Error('connection reset by peer');
  }
  return Readable.from(chunks());
}

describe('a file that fails part-way', () => {
  it.each(['copy', 'batch'] as StageMethod[])('leaves nothing when its stream breaks (%s staging)', async (stageMethod) => {
    const ws = await newWorkspace(database, `TSTREAM_${stageMethod}`);
    await importFiles(database, { workspaceId: ws, files: EN, today: TODAY });
    const before = await snapshot(database, ws);
    const report = await importCsv(database, {
      workspaceId: ws, today: TODAY, fileName: 'upload.csv', stream: breakingStream(5_000), stageMethod, batchSize: 500,
    });
    expect(report.failure).toBe('reading the file failed: connection reset by peer; nothing from this file was imported');
    expect(report).toMatchObject({ inserted: 0, updated: 0 });
    expect(await snapshot(database, ws)).toEqual(before);

    // The connection is usable afterwards: the same rows import fine from a healthy source.
    const ok = await importCsv(database, {
      workspaceId: ws, today: TODAY, fileName: 'retry.csv', stageMethod,
      text: 'invoice_number,customer_ref,issue_date,due_date,currency,amount\nSTREAM-0,ACME,2026-01-01,2026-01-31,EUR,1.00\n',
    });
    expect(ok.failure).toBeUndefined();
    expect(ok.inserted).toBe(1);
  });

  it('leaves nothing when the database refuses a row in the middle of the invoices', async () => {
    const ws = await newWorkspace(database, 'TBOOM1');
    await importFiles(database, { workspaceId: ws, files: EN, today: TODAY });
    const before = await snapshot(database, ws);
    const text = [
      'invoice_number,customer_ref,issue_date,due_date,currency,amount',
      'OK-1,ACME,2026-01-01,2026-01-31,EUR,10.00',
      'BOOM-1,GLOBEX,2026-01-01,2026-01-31,EUR,10.00',
      'OK-2,JSMITH,2026-01-01,2026-01-31,EUR,10.00',
    ].join('\n');
    const report = await importCsv(database, { workspaceId: ws, today: TODAY, fileName: 'boom.csv', text });
    expect(report.failure).toMatch(/^the database refused the file: .*invoice BOOM-1 refused by a test trigger.*; nothing from this file was imported$/);
    expect(await snapshot(database, ws)).toEqual(before);
  });

  it('leaves no payment, activity or case change when the paid_cents update fails after the payments went in', async () => {
    const ws = await newWorkspace(database, 'TBOOM2');
    await importFiles(database, { workspaceId: ws, files: EN, today: TODAY });
    // An invoice whose later update (paid_cents) the trigger refuses.
    await database.db.execute(sql`alter table invoices disable trigger invoices_boom`);
    await importCsv(database, {
      workspaceId: ws, today: TODAY, fileName: 'i.csv',
      text: 'invoice_number,customer_ref,issue_date,due_date,currency,amount\nBOOM-PAY,ACME,2026-01-01,2026-01-31,EUR,10.00\n',
    });
    await database.db.execute(sql`alter table invoices enable trigger invoices_boom`);
    const before = await snapshot(database, ws);
    const report = await importCsv(database, {
      workspaceId: ws, today: TODAY, fileName: 'p.csv',
      text: 'invoice_number,amount,paid_on,reference\nINV-1002,980.00,2026-03-10,P-OK\nBOOM-PAY,10.00,2026-03-10,P-BOOM\n',
    });
    expect(report.failure).toMatch(/invoice BOOM-PAY refused by a test trigger/);
    expect(await snapshot(database, ws)).toEqual(before);
  });

  it('imports the other files of the same command when one fails', async () => {
    const ws = await newWorkspace(database, 'TBOOM3');
    const report = await importFiles(database, { workspaceId: ws, files: [EN[0]!, EN[1]!], today: TODAY });
    expect(report.files.map((f) => f.failure)).toEqual([undefined, undefined]);
  });
});
