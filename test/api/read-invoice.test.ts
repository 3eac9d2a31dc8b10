// An invoice as the API shows it back (GET, and the answer of every PUT),
// read in one statement with its payments: in order of payment date then
// entry, amounts in the currency's units, the time each was recorded.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/client.ts';
import { readInvoice } from '../../src/services/intake/read-ledger.ts';
import { seedLedger } from '../support/ledger.ts';
import { openTestDatabase, type TestDatabase } from '../support/pg.ts';

const WS = 'TREADINV';
let t: TestDatabase;

beforeAll(async () => {
  t = await openTestDatabase();
  await seedLedger(t.database, WS, '2026-11-23', [
    { ref: 'C-1', name: 'Payer', invoices: [{ number: 'F-1', issued: '2026-09-01', due: '2026-10-01', cents: 100_000, paid: [10_000, 2_550] }] },
    { ref: 'C-2', name: 'Yen', invoices: [{ number: 'J-1', issued: '2026-09-01', due: '2026-10-01', cents: 5_000, currency: 'JPY' }] },
  ]);
  // The second payment made earlier than the first: payments come by date paid, then by entry.
  await t.database.db.execute(sql`update payments set paid_on = '2026-08-15', created_at = '2026-11-20T08:30:00.123456Z' where reference = 'F-1-P1'`);
});

afterAll(async () => {
  await t?.close();
});

describe('readInvoice', () => {
  it('shows the invoice with its payments', async () => {
    const [first] = await rows<{ created_at: string }>(t.database.db, sql`select created_at::text from payments where reference = 'F-1-P0'`);
    const invoice = await readInvoice(t.database.db, WS, 'F-1');
    expect(invoice).toMatchObject({
      invoice_number: 'F-1', customer_ref: 'C-1', issue_date: '2026-09-01', due_date: '2026-10-01', delivered_on: null, currency: 'EUR',
      amount: '1000.00', amount_cents: 100_000, paid: '125.50', paid_cents: 12_550, open: '874.50', open_cents: 87_450,
      payments: [
        { reference: 'F-1-P1', invoice_number: 'F-1', amount: '25.50', amount_cents: 2_550, currency: 'EUR', paid_on: '2026-08-15', source: 'import',
          recorded_at: '2026-11-20T08:30:00.123Z' },
        { reference: 'F-1-P0', invoice_number: 'F-1', amount: '100.00', amount_cents: 10_000, currency: 'EUR', paid_on: '2026-09-01', source: 'import',
          recorded_at: new Date(first!.created_at).toISOString() },
      ],
    });
    expect(await readInvoice(t.database.db, WS, 'J-1')).toMatchObject({ amount: '5000', payments: [] });
    expect(await readInvoice(t.database.db, WS, 'NONE')).toBeNull();
  });
});
