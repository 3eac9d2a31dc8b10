// PUT of one invoice through the single-record path (src/services/intake/
// write-one.ts): created, updated, unchanged, and the refusals the import
// gives a row (an invoice of another customer, a currency changed once paid,
// an unknown customer), each leaving the invoice as it was; the customer's
// balance and case follow an update, and a lowered amount that settles the
// invoice cancels the reminders waiting about it.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/client.ts';
import { cases, customers, drafts, invoices } from '../../src/db/schema.ts';
import { putInvoice } from '../../src/services/intake/put-invoice.ts';
import { seedLedger } from '../support/ledger.ts';
import { openTestDatabase, type TestDatabase } from '../support/pg.ts';

const WS = 'TPUTINV';
const TODAY = '2026-11-23';
const NOW = new Date('2026-11-23T10:00:00Z');
let t: TestDatabase;

const put = (number: string, body: Record<string, unknown>) => putInvoice(t.database, { workspaceId: WS, origin: 'api:erp', now: NOW, number, body });
const stored = async (number: string) => (await t.database.db.select({ amount: invoices.amountCents, currency: invoices.currency, customerId: invoices.customerId })
  .from(invoices).where(and(eq(invoices.workspaceId, WS), eq(invoices.invoiceNumber, number))))[0];
const balance = async (ref: string) => (await rows<{ currency: string; open: string; overdue: string }>(t.database.db, sql`
  select b.currency, b.open_cents::text as open, b.overdue_cents::text as overdue from customer_balances b join customers c on c.id = b.customer_id
  where c.workspace_id = ${WS} and c.customer_ref = ${ref} order by b.currency`));

beforeAll(async () => {
  t = await openTestDatabase();
  await seedLedger(t.database, WS, TODAY, [
    { ref: 'C-1', name: 'First', invoices: [{ number: 'F-1', issued: '2026-09-01', due: '2026-10-01', cents: 100_000, paid: [10_000] }] },
    { ref: 'C-2', name: 'Second', invoices: [{ number: 'F-2', issued: '2026-09-15', due: '2026-10-15', cents: 50_000 }] },
  ]);
});

afterAll(async () => {
  await t?.close();
});

const body = (customer: string, amount: string, currency = 'EUR') => ({ customer_ref: customer, issue_date: '2026-09-15', due_date: '2026-10-15', currency, amount });

describe('PUT /api/v1/invoices/{number}', () => {
  it('updates, then finds nothing to change, and the balance follows', async () => {
    expect(await put('F-2', body('C-2', '600.00'))).toMatchObject({ kind: 'updated', invoice: { amount: '600.00', open_cents: 60_000 } });
    expect(await balance('C-2')).toEqual([{ currency: 'EUR', open: '60000', overdue: '60000' }]);
    expect(await put('F-2', body('C-2', '600.00'))).toMatchObject({ kind: 'unchanged', invoice: { amount: '600.00' } });
    expect(await put('F-3', body('C-2', '10.00'))).toMatchObject({ kind: 'created', invoice: { invoice_number: 'F-3', customer_ref: 'C-2', amount: '10.00' } });
    expect(await balance('C-2')).toEqual([{ currency: 'EUR', open: '61000', overdue: '61000' }]);
  });

  it("refuses another customer's invoice, a paid invoice's new currency and an unknown customer, changing nothing", async () => {
    const before = await stored('F-1');
    expect(await put('F-1', body('C-2', '5.00'))).toEqual({ kind: 'rejected', errors: [{
      line: 1, column: 'customer_ref', key: 'F-1', value: 'C-2',
      reason: 'invoice "F-1" already belongs to customer "C-1"; it was not changed',
    }] });
    expect(await put('F-1', body('C-1', '1000.00', 'USD'))).toEqual({ kind: 'rejected', errors: [{
      line: 1, column: 'currency', key: 'F-1', value: 'USD',
      reason: 'invoice "F-1" has payments in EUR (100.00 EUR paid), so its currency cannot change to USD; it was not changed',
    }] });
    expect(await put('F-1', body('C-404', '5.00'))).toEqual({ kind: 'rejected', errors: [{
      line: 1, column: 'customer_ref', key: 'F-1', value: 'C-404',
      reason: 'unknown customer "C-404" (not in relance: import it in a customers file first)',
    }] });
    expect(await stored('F-1')).toEqual(before);
    // Unpaid, an invoice may change currency.
    expect(await put('F-3', body('C-2', '10.00', 'USD'))).toMatchObject({ kind: 'updated', invoice: { currency: 'USD' } });
  });

  it('settling an invoice by lowering its amount resolves the case and cancels the reminder waiting about it', async () => {
    const [c1] = await t.database.db.select({ id: customers.id }).from(customers).where(and(eq(customers.workspaceId, WS), eq(customers.customerRef, 'C-1')));
    const [kase] = await t.database.db.select({ id: cases.id }).from(cases).where(eq(cases.customerId, c1!.id));
    await t.database.db.insert(drafts).values({
      workspaceId: WS, caseId: kase!.id, customerId: c1!.id, stage: 'reminder_1', locale: 'en', subject: 'Reminder', body: 'Please pay.',
      data: { invoices: [{ number: 'F-1', currency: 'EUR', open_cents: 90_000 }] },
    });
    const settled = await put('F-1', body('C-1', '100.00'));
    expect(settled).toMatchObject({ kind: 'updated', remindersCancelled: 1, invoice: { open_cents: 0 } });
    const [draft] = await t.database.db.select({ status: drafts.status, reason: drafts.skipReason }).from(drafts).where(eq(drafts.customerId, c1!.id));
    expect(draft).toEqual({ status: 'cancelled', reason: 'paid' });
    const [kaseAfter] = await t.database.db.select({ status: cases.status }).from(cases).where(eq(cases.id, kase!.id));
    expect(kaseAfter!.status).toBe('resolved');
    const timeline = await rows<{ kind: string }>(t.database.db, sql`select kind from activities where customer_id = ${c1!.id} and occurred_at = ${NOW.toISOString()}::timestamptz order by id`);
    expect(timeline.map((a) => a.kind)).toEqual(['reminder_cancelled', 'case_resolved']);
  });
});
