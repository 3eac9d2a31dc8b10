// The single-record writes on embedded PGlite (no DATABASE_URL): there the
// statements are not prepared and those sent together queue on the one
// connection, in order; the answers and the balance are the same.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, rows, type Database } from '../../src/db/client.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { putInvoice } from '../../src/services/intake/put-invoice.ts';
import { recordPayment } from '../../src/services/intake/record-payment.ts';
import { seedLedger } from '../support/ledger.ts';

const WS = 'TLITEPUT';
const NOW = new Date('2026-11-23T10:00:00Z');
let dir: string;
let database: Database;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'relance-put-pglite-'));
  database = await openDatabase({ dataDir: dir });
  await migrateDatabase(database);
  await seedLedger(database, WS, '2026-11-23', [
    { ref: 'C-1', name: 'First', invoices: [{ number: 'F-1', issued: '2026-09-01', due: '2026-10-01', cents: 100_000 }] },
  ]);
});

afterAll(async () => {
  await database?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('single-record writes on PGlite', () => {
  it('updates an invoice, records a payment, refuses an unknown customer, and the balance follows', async () => {
    expect(database.kind).toBe('pglite');
    const body = { customer_ref: 'C-1', issue_date: '2026-09-01', due_date: '2026-10-01', currency: 'EUR', amount: '1200.00' };
    expect(await putInvoice(database, { workspaceId: WS, origin: 'api:erp', now: NOW, number: 'F-1', body }))
      .toMatchObject({ kind: 'updated', invoice: { amount: '1200.00', payments: [] } });
    expect(await recordPayment(database, { workspaceId: WS, origin: 'api:erp', now: NOW, body: { invoice_number: 'F-1', amount: '200.00', paid_on: '2026-11-22', reference: 'VIR-1' } }))
      .toMatchObject({ kind: 'created' });
    expect(await putInvoice(database, { workspaceId: WS, origin: 'api:erp', now: NOW, number: 'F-1', body }))
      .toMatchObject({ kind: 'unchanged', invoice: { open_cents: 100_000, payments: [{ reference: 'VIR-1', amount: '200.00' }] } });
    expect(await putInvoice(database, { workspaceId: WS, origin: 'api:erp', now: NOW, number: 'F-2', body: { ...body, customer_ref: 'C-404' } }))
      .toMatchObject({ kind: 'rejected', errors: [{ column: 'customer_ref', value: 'C-404' }] });
    const balances = await rows<{ open: string }>(database.db, sql`select open_cents::text as open from customer_balances where workspace_id = ${WS}`);
    expect(balances).toEqual([{ open: '100000' }]);
  });
});
