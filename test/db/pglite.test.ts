// The embedded database (no DATABASE_URL) runs the same migrations and queries.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lookupCase } from '../../src/db/cases.ts';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { loadWorklist } from '../../src/db/worklist.ts';
import { seedLedger } from '../support/ledger.ts';

let dir: string;
let database: Database;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'relance-pglite-'));
  database = await openDatabase({ dataDir: dir });
  await migrateDatabase(database);
});

afterAll(async () => {
  await database?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('embedded PGlite', () => {
  it('migrates idempotently and serves the worklist and case lookup', async () => {
    expect(database.kind).toBe('pglite');
    await migrateDatabase(database);
    await seedLedger(database, 'TLOCAL', '2026-11-23', [
      { ref: 'E1', name: 'Épicerie Fine', invoices: [{ number: 'E1-1', issued: '2026-08-01', due: '2026-09-01', cents: 12_345, paid: [345] }] },
      { ref: 'E2', name: 'Épices du Monde', invoices: [{ number: 'E2-1', issued: '2026-10-01', due: '2026-11-01', cents: 500 }] },
    ]);
    const list = await loadWorklist(database.db, { workspaceId: 'TLOCAL', today: '2026-11-23', scope: 'all', minDaysOverdue: 0, limit: 10 });
    expect(list.entries.map((e) => [e.customerRef, e.balances[0]!.overdueCents])).toEqual([['E1', 12_000], ['E2', 500]]);
    expect(await lookupCase(database.db, 'TLOCAL', 'épi')).toMatchObject({ kind: 'ambiguous' });
    expect(await lookupCase(database.db, 'TLOCAL', 'E2-1')).toMatchObject({ kind: 'found', customer: { customerRef: 'E2' } });
  });

  it('keeps the timeline append-only there too', async () => {
    const refused = await database.db.execute(sql`delete from activities`).then(() => 'accepted', (e: { cause?: Error; message: string }) => String(e.cause?.message ?? e.message));
    expect(refused).toMatch(/append-only/);
  });

  it('persists across reopen', async () => {
    await database.close();
    database = await openDatabase({ dataDir: dir });
    const list = await loadWorklist(database.db, { workspaceId: 'TLOCAL', today: '2026-11-23', scope: 'all', minDaysOverdue: 0, limit: 10 });
    expect(list.totalCases).toBe(2);
  });
});
