// Single-record intake writes at once, against real PostgreSQL with a pool of
// several connections (issue #18): 20 PUTs to different invoices and 20
// payments on one invoice of a customer with a pending promise, while the
// daily rebuild runs, all succeed; no payment is lost from paid_cents or the
// balance, the promise is kept once, and nothing deadlocks.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/client.ts';
import { refreshBalances } from '../../src/db/balances.ts';
import { putInvoice } from '../../src/services/intake/put-invoice.ts';
import { recordPayment } from '../../src/services/intake/record-payment.ts';
import { recordPromise } from '../../src/services/record-promise.ts';
import { seedLedger } from '../support/ledger.ts';
import { openTestDatabase, type TestDatabase } from '../support/pg.ts';

const WS = 'T0CONCUR1';
const TODAY = '2026-11-23';
const NOW = new Date('2026-11-23T10:00:00Z');
const CUSTOMERS = ['C-1', 'C-2', 'C-3', 'C-4'];
/** Five invoices per customer, 1,000.00 each, overdue. */
const INVOICES = CUSTOMERS.flatMap((ref, c) => Array.from({ length: 5 }, (_, i) => ({ ref, number: `F-${c + 1}-${i + 1}` })));

let t: TestDatabase;

beforeAll(async () => {
  t = await openTestDatabase(10);
  await seedLedger(t.database, WS, TODAY, [
    ...CUSTOMERS.map((ref) => ({
      ref, name: `Customer ${ref}`,
      invoices: INVOICES.filter((i) => i.ref === ref).map((i) => ({ number: i.number, issued: '2026-09-01', due: '2026-10-01', cents: 100_000 })),
    })),
    { ref: 'C-P', name: 'Promising Customer', invoices: [{ number: 'P-1', issued: '2026-09-01', due: '2026-10-01', cents: 100_000 }] },
  ]);
  const [kase] = await rows<{ id: number }>(t.database.db, sql`
    select k.id from cases k join customers c on c.id = k.customer_id where c.workspace_id = ${WS} and c.customer_ref = 'C-P'`);
  const promised = await recordPromise(t.database.db, {
    workspaceId: WS, caseId: Number(kase!.id), userId: 'U0COLLECTOR', amountCents: 20_000, currency: null, dueOn: '2026-11-27',
    note: null, now: NOW, today: TODAY, via: 'command',
  });
  expect(promised.kind).toBe('recorded');
});

afterAll(async () => {
  await t?.close();
});

describe('single-record writes at once', () => {
  it('20 PUTs to different invoices and 20 payments on one invoice all succeed, with the right balances', async () => {
    const origin = 'api:erp';
    const puts = INVOICES.map((inv, n) => putInvoice(t.database, {
      workspaceId: WS, origin, now: NOW, number: inv.number,
      body: { customer_ref: inv.ref, issue_date: '2026-09-01', due_date: '2026-10-01', currency: 'EUR', amount: `${1001 + n}.00` },
    }));
    const payments = Array.from({ length: 20 }, (_, n) => recordPayment(t.database, {
      workspaceId: WS, origin, now: NOW,
      body: { invoice_number: 'P-1', amount: '10.00', paid_on: TODAY, reference: `VIR-${n + 1}` },
    }));
    // The daily rebuild of the whole workspace, in the middle of it all (it holds the balances lock exclusively).
    const rebuild = t.database.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('relance.balances'), hashtext(${WS}))`);
      return refreshBalances(tx, { workspaceId: WS, today: TODAY, actorId: 'system', now: NOW });
    });
    const [putResults, paymentResults] = await Promise.all([Promise.all(puts), Promise.all(payments), rebuild]);

    expect(putResults.map((r) => r.kind)).toEqual(INVOICES.map(() => 'updated'));
    expect(paymentResults.map((r) => r.kind)).toEqual(paymentResults.map(() => 'created'));
    const kept = paymentResults.reduce((n, r) => n + (r.kind === 'created' ? r.effects.promises_kept : 0), 0);
    expect(kept).toBe(1);

    // Each customer's balance is the sum of its invoices as last PUT.
    const balances = await rows<{ ref: string; open: string }>(t.database.db, sql`
      select c.customer_ref as ref, b.open_cents::text as open from customer_balances b join customers c on c.id = b.customer_id
      where b.workspace_id = ${WS} order by c.customer_ref`);
    const expected = CUSTOMERS.map((ref) => ({
      ref, open: String(INVOICES.map((inv, n) => ({ ...inv, cents: (1001 + n) * 100 })).filter((i) => i.ref === ref).reduce((s, i) => s + i.cents, 0)),
    }));
    expect(balances).toEqual([...expected, { ref: 'C-P', open: String(100_000 - 20 * 1_000) }].sort((a, b) => a.ref.localeCompare(b.ref)));

    // No lost update: paid_cents is the sum of the 20 payments, each on the timeline once.
    const [paid] = await rows<{ paid: string; entries: number }>(t.database.db, sql`
      select i.paid_cents::text as paid,
        (select count(*)::int from activities a where a.workspace_id = ${WS} and a.kind = 'payment_recorded') as entries
      from invoices i where i.workspace_id = ${WS} and i.invoice_number = 'P-1'`);
    expect(paid).toEqual({ paid: '20000', entries: 20 });
    const promises = await rows<{ status: string }>(t.database.db, sql`select status from promises where workspace_id = ${WS}`);
    expect(promises).toEqual([{ status: 'kept' }]);

    // A retry of one of them is the payment already recorded; other values with its reference are a conflict.
    const retry = await recordPayment(t.database, { workspaceId: WS, origin, now: NOW, body: { invoice_number: 'P-1', amount: '10.00', paid_on: TODAY, reference: 'VIR-7' } });
    expect(retry.kind).toBe('existing');
    const conflict = await recordPayment(t.database, { workspaceId: WS, origin, now: NOW, body: { invoice_number: 'P-1', amount: '11.00', paid_on: TODAY, reference: 'VIR-7' } });
    expect(conflict).toMatchObject({ kind: 'conflict', reason: expect.stringContaining('already recorded with other values') });
  });
});
