// /collect stats's statements on the embedded database (no DATABASE_URL): the same SQL runs there.
import { rmSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { activities, invoices, payments } from '../../src/db/schema.ts';
import { loadStats } from '../../src/db/stats.ts';
import { seedLedger } from '../support/ledger.ts';
import { migratedPgliteDir } from '../support/pglite.ts';

let dir: string;
let database: Database;
const WS = 'TLOCAL';

beforeAll(async () => {
  dir = migratedPgliteDir('relance-pglite-stats-');
  database = await openDatabase({ dataDir: dir });
  await migrateDatabase(database);
  const ids = await seedLedger(database, WS, '2026-10-01', [
    { ref: 'E1', name: 'Épicerie Fine', invoices: [{ number: 'E1-1', issued: '2026-08-01', due: '2026-09-01', cents: 100_000 }] },
    { ref: 'E2', name: 'Épices du Monde', invoices: [{ number: 'E2-1', issued: '2026-10-10', due: '2026-11-10', cents: 50_000 }] },
  ]);
  const db = database.db;
  const [kase] = await db.select({ caseId: activities.caseId }).from(activities).where(eq(activities.kind, 'case_opened'));
  await db.insert(activities).values({
    workspaceId: WS, caseId: kase!.caseId, customerId: ids.get('E1')!, kind: 'call_logged', actorId: 'U1',
    occurredAt: new Date('2026-10-05T08:00:00Z'), data: { outcome: 'reached' },
  });
  const [invoice] = await db.select({ id: invoices.id }).from(invoices).where(eq(invoices.invoiceNumber, 'E1-1'));
  await db.insert(payments).values({ workspaceId: WS, invoiceId: invoice!.id, amountCents: 40_000, paidOn: '2026-10-20', reference: 'P1' });
  await db.update(invoices).set({ paidCents: 40_000 }).where(eq(invoices.id, invoice!.id));
});

afterAll(async () => {
  await database?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('stats on embedded PGlite', () => {
  it('computes the ledger and people figures', async () => {
    // E1: €1,000 due 1 Sep, €400 paid 20 Oct: €600 left on 31 Oct, 60 days past due. E2: €500 issued 10 Oct, not due.
    const stats = await loadStats(database.db, { workspaceId: WS, start: '2026-10-01', end: '2026-10-31', timeZone: 'Europe/Paris' });
    expect(stats.ledger).toEqual([{
      currency: 'EUR', receivableBefore: 100_000, receivableEnd: 110_000, overdueEnd: 60_000, creditSales: 50_000, buckets: [0, 60_000, 0, 0],
    }]);
    expect(stats.collectors).toEqual([{
      userId: 'U1', calls: 1, conversations: 1, promisesTaken: 0, promisesKept: 0, promisesDecided: 0, collected: [{ currency: 'EUR', cents: 40_000 }],
    }]);
    expect(stats.promises).toEqual({ kept: 0, partlyKept: 0, broken: 0 });
  });
});
