// Without DATABASE_URL relance runs on embedded PGlite: the import takes the
// batched-insert path there (no COPY) and must give the same ledger.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { importFiles } from '../../src/import/import-files.ts';
import { EN, FR, fixture, newWorkspace, snapshot, TODAY } from './support.ts';

let dir: string;
let database: Database;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'relance-import-pglite-'));
  database = await openDatabase({ dataDir: dir });
  await migrateDatabase(database);
});

afterAll(async () => {
  await database?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('import on embedded PGlite', () => {
  it('imports the French sample with the same balances and cases, and re-imports as a no-op', async () => {
    expect(database.kind).toBe('pglite');
    const ws = await newWorkspace(database, 'TLITE');
    const first = await importFiles(database, { workspaceId: ws, files: FR, today: TODAY });
    expect(first.files.map((f) => [f.kind, f.inserted, f.rejected, f.failure])).toEqual([
      ['customers', 6, 0, undefined], ['invoices', 15, 0, undefined], ['payments', 11, 0, undefined],
    ]);
    const s = await snapshot(database, ws);
    expect(s.balances).toEqual([
      { ref: 'CLI-001', currency: 'EUR', open: 196_025, overdue: 140_000 },
      { ref: 'CLI-002', currency: 'EUR', open: 14_990, overdue: 0 },
      { ref: 'CLI-003', currency: 'EUR', open: 25_000, overdue: 25_000 },
      { ref: 'CLI-004', currency: 'EUR', open: 582_040, overdue: 282_040 },
      { ref: 'CLI-006', currency: 'EUR', open: 334_566, overdue: 234_567 },
    ]);
    expect(s.cases.filter((c) => c.status === 'resolved').map((c) => c.ref)).toEqual(['CLI-002', 'CLI-005']);

    const again = await importFiles(database, { workspaceId: ws, files: FR, today: TODAY });
    expect(again.files.map((f) => f.unchanged)).toEqual([6, 15, 11]);
    expect(await snapshot(database, ws)).toEqual(s);
  });

  it('reports bad rows the same way', async () => {
    const ws = await newWorkspace(database, 'TLITE2');
    await importFiles(database, { workspaceId: ws, files: EN, today: TODAY });
    const report = await importFiles(database, { workspaceId: ws, files: [fixture('bad/payments.csv')], today: TODAY });
    expect(report.files[0]).toMatchObject({ inserted: 1, rejected: 8 });
    expect(report.files[0]?.errors[2]?.reason).toBe(
      'payment "ACH-5501" is already recorded with other values (invoice INV-1001, 500.00 USD paid on 2026-02-20); it was not changed');
  });
});
