// The same promise flow on embedded PGlite (no DATABASE_URL): recorded, kept at
// once by an imported payment, broken by the day-end job.
import { rmSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPromiseCheckJob } from '../../jobs/promise-check.ts';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { activities, cases, promises } from '../../src/db/schema.ts';
import { importCsv } from '../../src/import/index.ts';
import { recordPromise } from '../../src/services/record-promise.ts';
import { seedLedger } from '../support/ledger.ts';
import { migratedPgliteDir } from '../support/pglite.ts';

const WS = 'TLITE';
let dir: string;
let database: Database;
let ids: Map<string, number>;

beforeAll(async () => {
  dir = migratedPgliteDir('relance-promises-pglite-');
  database = await openDatabase({ dataDir: dir });
  await migrateDatabase(database);
  ids = await seedLedger(database, WS, '2026-11-23', [
    { ref: 'A', name: 'Alpha', invoices: [{ number: 'F-A', issued: '2026-09-01', due: '2026-10-01', cents: 100_000 }] },
    { ref: 'B', name: 'Beta', invoices: [{ number: 'F-B', issued: '2026-09-01', due: '2026-10-01', cents: 100_000 }] },
  ]);
});

afterAll(async () => {
  await database?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('promises on PGlite', () => {
  it('records, keeps at once on import, and breaks after the grace', async () => {
    const db = database.db;
    const now = new Date('2026-11-23T09:30:00Z');
    for (const ref of ['A', 'B']) {
      const [kase] = await db.select().from(cases).where(eq(cases.customerId, ids.get(ref)!));
      const recorded = await recordPromise(db, {
        workspaceId: WS, caseId: kase!.id, userId: 'U1', amountCents: 40_000, currency: null,
        dueOn: '2026-11-27', note: null, now, today: '2026-11-23', via: 'command',
      });
      expect(recorded.kind).toBe('recorded');
    }
    const report = await importCsv(database, {
      workspaceId: WS, fileName: 'p.csv', text: 'invoice_number,amount,paid_on,reference\nF-A,400.00,2026-11-24,R1\n',
      today: '2026-11-24', now: new Date('2026-11-24T10:00:00Z'),
    });
    expect(report.failure).toBeUndefined();
    expect(await runPromiseCheckJob(db, new Date('2026-11-30T22:00:00Z'))).toEqual({ decided: [] });
    const run = await runPromiseCheckJob(db, new Date('2026-11-30T23:30:00Z'));
    expect(run.decided.map((d) => [d.kept, d.broken])).toEqual([[0, 1]]);
    const list = await db.select({ status: promises.status, paid: promises.paidCents }).from(promises).orderBy(promises.id);
    expect(list).toEqual([{ status: 'kept', paid: 40_000 }, { status: 'broken', paid: 0 }]);
    const kinds = (await db.select({ kind: activities.kind }).from(activities).orderBy(activities.id)).map((a) => a.kind);
    expect(kinds.filter((k) => k.startsWith('promise_'))).toEqual(['promise_taken', 'promise_taken', 'promise_kept', 'promise_broken']);
  });
});
