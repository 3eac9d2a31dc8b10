// Pauses on the embedded database (no DATABASE_URL): the same statements run there.
import { rmSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, rows, type Database } from '../../src/db/client.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { pauseCase, resumeCase, resumeEndedPauses } from '../../src/services/pause-case.ts';
import { seedLedger } from '../support/ledger.ts';
import { migratedPgliteDir } from '../support/pglite.ts';

let dir: string;
let database: Database;
const WS = 'TLOCAL';
const now = new Date('2026-11-23T09:30:00Z');

beforeAll(async () => {
  dir = migratedPgliteDir('relance-pglite-pause-');
  database = await openDatabase({ dataDir: dir });
  await migrateDatabase(database);
  await seedLedger(database, WS, '2026-11-23', [
    { ref: 'E1', name: 'Épicerie Fine', invoices: [{ number: 'E1-1', issued: '2026-08-01', due: '2026-09-01', cents: 12_345 }] },
    { ref: 'E2', name: 'Épices du Monde', invoices: [{ number: 'E2-1', issued: '2026-08-01', due: '2026-09-01', cents: 500 }] },
  ]);
});

afterAll(async () => {
  await database?.close();
  rmSync(dir, { recursive: true, force: true });
});

const caseIds = async () => (await rows<{ id: number; ref: string }>(database.db, sql`
  select k.id::int as id, c.customer_ref as ref from cases k join customers c on c.id = k.customer_id where k.workspace_id = ${WS} order by c.customer_ref`));
const statuses = async () => (await rows<{ ref: string; status: string; priority: number }>(database.db, sql`
  select c.customer_ref as ref, k.status::text as status, b.priority from cases k join customers c on c.id = k.customer_id
  join customer_balances b on b.customer_id = c.id where k.workspace_id = ${WS} order by c.customer_ref`));

describe('pauses on embedded PGlite', () => {
  it('pauses, resumes by hand and by date', async () => {
    const [e1, e2] = await caseIds();
    const base = { workspaceId: WS, userId: 'U1', reason: 'dispute' as const, dispute: 'price' as const, note: null, now, today: '2026-11-23' };
    expect(await pauseCase(database.db, { ...base, caseId: e1!.id, until: '2026-11-24' })).toMatchObject({ kind: 'paused', name: 'Épicerie Fine' });
    expect(await pauseCase(database.db, { ...base, caseId: e2!.id, until: '2026-11-23' })).toEqual({ kind: 'past_date', today: '2026-11-23' });
    expect(await pauseCase(database.db, { ...base, caseId: e2!.id, until: '2026-12-01' })).toMatchObject({ kind: 'paused' });
    expect((await statuses()).map((s) => [s.ref, s.status, s.priority])).toEqual([['E1', 'paused', 0], ['E2', 'paused', 0]]);
    expect(await resumeCase(database.db, { workspaceId: WS, caseId: e2!.id, userId: 'U1', now })).toMatchObject({ kind: 'resumed', status: 'open' });
    expect(await resumeEndedPauses(database.db, { workspaceId: WS, today: '2026-11-24', now })).toBe(1);
    const after = await statuses();
    expect(after.map((s) => s.status)).toEqual(['open', 'open']);
    expect(after.every((s) => s.priority > 0)).toBe(true);
    expect(await resumeCase(database.db, { workspaceId: WS, caseId: e1!.id, userId: 'U1', now })).toMatchObject({ kind: 'not_paused' });
    expect(await resumeCase(database.db, { workspaceId: WS, caseId: 999_999, userId: 'U1', now })).toEqual({ kind: 'no_case' });
    await database.db.execute(sql`update cases set status = 'resolved' where id = ${e1!.id}`);
    expect(await pauseCase(database.db, { ...base, caseId: e1!.id, until: '2026-12-01' })).toEqual({ kind: 'closed' });
    expect(await pauseCase(database.db, { ...base, caseId: 999_999, until: '2026-12-01' })).toEqual({ kind: 'no_case' });
  });
});
