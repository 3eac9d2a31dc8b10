// The set-based verdicts (src/db/promise-verdicts.ts) against the plain rule
// (src/domain/promises.ts), promise by promise, on a generated ledger: due days
// around a weekend and a public holiday, payments before, inside and after each
// window, in two currencies, with a grace of two business days.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshBalances, updatePriorities } from '../../src/db/balances.ts';
import { rows } from '../../src/db/client.ts';
import { decidePromises } from '../../src/db/promise-verdicts.ts';
import { cases, customers, invoices, payments, promises } from '../../src/db/schema.ts';
import { writeSetting } from '../../src/db/settings.ts';
import { ensureWorkspace } from '../../src/db/workspaces.ts';
import { addDays, todayIn } from '../../src/domain/dates.ts';
import { promiseVerdict, type PaymentLine } from '../../src/domain/promises.ts';
import { openTestDatabase, type TestDatabase } from '../support/pg.ts';

const WS = 'TAGREE';
const OTHER = 'TOTHER';
// Wednesday 11 November 2026 is a public holiday in France.
const NOW = new Date('2026-11-13T08:00:00Z');
const CUSTOMERS = 120;

let test: TestDatabase;

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

beforeAll(async () => {
  test = await openTestDatabase();
  const db = test.database.db;
  const next = random(20261113);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  for (const ws of [WS, OTHER]) {
    await ensureWorkspace(db, ws, { timezone: 'Europe/Paris', locale: 'en' });
    const created = await db.insert(customers).values(Array.from({ length: CUSTOMERS }, (_, i) => ({ workspaceId: ws, customerRef: `C${i}`, name: `Customer ${i}` })))
      .returning({ id: customers.id });
    for (const { id } of created) {
      for (const currency of ['EUR', 'USD']) {
        const [invoice] = await db.insert(invoices).values({
          workspaceId: ws, invoiceNumber: `${ws}-${id}-${currency}`, customerId: id, issueDate: '2026-08-01', dueDate: '2026-09-01',
          currency, amountCents: 1_000_000,
        }).returning({ id: invoices.id });
        const count = Math.floor(next() * 4);
        for (let n = 0; n < count; n++) {
          await db.insert(payments).values({
            workspaceId: ws, invoiceId: invoice!.id, amountCents: pick([5_000, 10_000, 20_000, 30_000]),
            paidOn: addDays('2026-11-01', Math.floor(next() * 16)), reference: `${ws}-${id}-${currency}-${n}`,
          });
        }
      }
    }
    await db.execute(sql`update invoices i set paid_cents = coalesce((select sum(amount_cents) from payments p where p.invoice_id = i.id), 0)`);
    await db.transaction((tx) => refreshBalances(tx, { workspaceId: ws, today: '2026-11-13', actorId: 'import' }));
    const open = await db.select({ id: cases.id }).from(cases).where(sql`${cases.workspaceId} = ${ws}`);
    await db.insert(promises).values(open.map((k) => ({
      workspaceId: ws, caseId: k.id, amountCents: pick([10_000, 20_000, 30_000, 40_000]), currency: pick(['EUR', 'USD']),
      dueOn: addDays('2026-11-04', Math.floor(next() * 10)), takenBy: 'U1',
      createdAt: new Date(Date.parse('2026-11-02T10:00:00Z') + Math.floor(next() * 6) * 86_400_000 + pick([0, 14 * 3_600_000])),
    })));
    await db.transaction((tx) => updatePriorities(tx, { workspaceId: ws, today: '2026-11-13' }));
  }
  await writeSetting(db, { workspaceId: WS, name: 'promiseGraceDays', value: 2, by: 'test', now: NOW });
});

afterAll(async () => {
  await test?.close();
});

describe('decidePromises', () => {
  it('gives every promise the verdict of the plain rule', async () => {
    const db = test.database.db;
    const before = await rows<{ id: string; customer_id: string; amount_cents: string; currency: string; due_on: string; created_at: string | Date }>(db, sql`
      select p.id, k.customer_id, p.amount_cents, p.currency, to_char(p.due_on, 'YYYY-MM-DD') as due_on, p.created_at
      from promises p join cases k on k.id = p.case_id where p.workspace_id = ${WS}`);
    const paid = await rows<{ customer_id: string; currency: string; amount_cents: string; paid_on: string }>(db, sql`
      select i.customer_id, i.currency, y.amount_cents, to_char(y.paid_on, 'YYYY-MM-DD') as paid_on
      from payments y join invoices i on i.id = y.invoice_id where y.workspace_id = ${WS}`);
    const byCustomer = new Map<string, PaymentLine[]>();
    for (const p of paid) {
      const list = byCustomer.get(String(p.customer_id)) ?? [];
      list.push({ currency: p.currency, amountCents: Number(p.amount_cents), paidOn: p.paid_on });
      byCustomer.set(String(p.customer_id), list);
    }
    const today = todayIn('Europe/Paris', NOW);
    const expected = new Map(before.map((p) => [String(p.id), promiseVerdict({
      amountCents: Number(p.amount_cents), currency: p.currency, dueOn: p.due_on,
      takenOn: todayIn('Europe/Paris', new Date(p.created_at)),
    }, byCustomer.get(String(p.customer_id)) ?? [], today, { days: 2, calendar: 'FR' })]));

    const result = await db.transaction((tx) => decidePromises(tx, { workspaceId: WS, now: NOW }));

    const after = await rows<{ id: string; status: string; paid_cents: string | null }>(db, sql`
      select id, status, paid_cents from promises where workspace_id = ${WS}`);
    const statuses = [...expected.values()].map((v) => v.status);
    // The generated ledger exercises all three outcomes.
    expect(statuses.filter((s) => s === 'kept').length).toBeGreaterThan(10);
    expect(statuses.filter((s) => s === 'broken').length).toBeGreaterThan(10);
    expect(statuses.filter((s) => s === 'pending').length).toBeGreaterThan(10);
    expect(result.kept).toBe(statuses.filter((s) => s === 'kept').length);
    expect(result.broken).toBe(statuses.filter((s) => s === 'broken').length);
    for (const p of after) {
      const want = expected.get(String(p.id))!;
      expect({ id: p.id, status: p.status, paid: p.paid_cents === null ? null : Number(p.paid_cents) })
        .toEqual({ id: p.id, status: want.status, paid: want.status === 'pending' ? null : want.paidCents });
    }
    const broken = await rows<{ data: { missing_cents: number; paid_cents: number; amount_cents: number } }>(db, sql`
      select data from activities where workspace_id = ${WS} and kind = 'promise_broken'`);
    expect(broken).toHaveLength(result.broken);
    for (const { data } of broken) expect(data.missing_cents).toBe(data.amount_cents - data.paid_cents);
  });

  it('leaves every worklist score as a full recomputation gives it', async () => {
    const db = test.database.db;
    const scores = () => rows<{ customer_id: string; currency: string; priority: number }>(db, sql`
      select customer_id, currency, priority from customer_balances where workspace_id = ${WS} order by customer_id, currency`);
    const after = await scores();
    await db.transaction((tx) => updatePriorities(tx, { workspaceId: WS, today: todayIn('Europe/Paris', NOW) }));
    expect(await scores()).toEqual(after);
  });

  it('leaves other workspaces alone', async () => {
    const [other] = await rows<{ n: number }>(test.database.db, sql`
      select count(*)::int as n from promises where workspace_id = ${OTHER} and status <> 'pending'`);
    expect(other!.n).toBe(0);
  });
});
