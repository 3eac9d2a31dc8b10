// The set-based verdicts on payment plans (src/db/promise-verdicts.ts) against
// the plain rule (src/domain/instalments.ts: planVerdicts), instalment by
// instalment and plan by plan, on a generated ledger: weekly, fortnightly and
// monthly plans around a public holiday, payments before the plan, early, on
// time, late, in another currency, with one pass deciding from pending.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshBalances } from '../../src/db/balances.ts';
import { rows } from '../../src/db/client.ts';
import { decidePromises } from '../../src/db/promise-verdicts.ts';
import { cases, customers, invoices, paymentPlans, payments, promises } from '../../src/db/schema.ts';
import { ensureWorkspace } from '../../src/db/workspaces.ts';
import { addDays, todayIn } from '../../src/domain/dates.ts';
import { planSchedule, planVerdicts, PLAN_PERIODS, type Instalment } from '../../src/domain/instalments.ts';
import type { PaymentLine } from '../../src/domain/promises.ts';
import { openTestDatabase, type TestDatabase } from '../support/pg.ts';

const WS = 'TPLANS';
// Friday 13 November 2026; Wednesday 11 November is a public holiday in France.
const NOW = new Date('2026-11-13T08:00:00Z');
const CUSTOMERS = 90;

let test: TestDatabase;
const plans: { id: number; caseId: number; customerId: number; schedule: Instalment[]; agreedOn: string }[] = [];

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
  await ensureWorkspace(db, WS, { timezone: 'Europe/Paris', locale: 'en' });
  const created = await db.insert(customers).values(Array.from({ length: CUSTOMERS }, (_, i) => ({ workspaceId: WS, customerRef: `C${i}`, name: `Customer ${i}` })))
    .returning({ id: customers.id });
  for (const { id } of created) {
    for (const currency of ['EUR', 'USD']) {
      const [invoice] = await db.insert(invoices).values({
        workspaceId: WS, invoiceNumber: `${id}-${currency}`, customerId: id, issueDate: '2026-08-01', dueDate: '2026-09-01', currency, amountCents: 1_000_000,
      }).returning({ id: invoices.id });
      const count = Math.floor(next() * 6);
      for (let n = 0; n < count; n++) {
        await db.insert(payments).values({
          workspaceId: WS, invoiceId: invoice!.id, amountCents: pick([5_000, 10_000, 20_000, 40_000, 80_000]),
          paidOn: addDays('2026-09-28', Math.floor(next() * 50)), reference: `${id}-${currency}-${n}`,
        });
      }
    }
  }
  await db.execute(sql`update invoices i set paid_cents = coalesce((select sum(amount_cents) from payments p where p.invoice_id = i.id), 0)`);
  await db.transaction((tx) => refreshBalances(tx, { workspaceId: WS, today: '2026-09-30', actorId: 'import' }));
  const open = await db.select({ id: cases.id, customerId: cases.customerId }).from(cases).where(sql`${cases.workspaceId} = ${WS}`);
  for (const k of open) {
    const createdAt = new Date(Date.parse('2026-10-01T10:00:00Z') + Math.floor(next() * 4) * 86_400_000 + pick([0, 13.5 * 3_600_000]));
    const agreedOn = todayIn('Europe/Paris', createdAt);
    const period = pick(PLAN_PERIODS);
    const instalments = 2 + Math.floor(next() * 5);
    const schedule = planSchedule({
      totalCents: pick([30_000, 60_001, 100_000, 150_000]), instalments, period, firstDueOn: addDays('2026-10-05', Math.floor(next() * 30)),
    })!;
    const [plan] = await db.insert(paymentPlans).values({
      workspaceId: WS, caseId: k.id, customerId: k.customerId, currency: 'EUR', totalCents: schedule.reduce((a, l) => a + l.amountCents, 0),
      instalments, period, firstDueOn: schedule[0]!.dueOn, acknowledgedOn: agreedOn, createdBy: 'U1', createdAt,
    }).returning({ id: paymentPlans.id });
    await db.insert(promises).values(schedule.map((line) => ({
      workspaceId: WS, caseId: k.id, amountCents: line.amountCents, currency: 'EUR', dueOn: line.dueOn, takenBy: 'U1', createdAt,
      planId: plan!.id, instalment: line.number, countedFromCents: line.countedFromCents,
    })));
    await db.update(cases).set({ status: 'paused', pauseReason: 'plan', pausedUntil: '2027-06-01' }).where(sql`${cases.id} = ${k.id}`);
    plans.push({ id: plan!.id, caseId: k.id, customerId: k.customerId, schedule, agreedOn });
  }
});

afterAll(async () => {
  await test?.close();
});

describe('decidePromises on payment plans', () => {
  it('gives every instalment and every plan the verdict of the plain rule', async () => {
    const db = test.database.db;
    const paid = await rows<{ customer_id: string; currency: string; amount_cents: string; paid_on: string }>(db, sql`
      select i.customer_id, i.currency, y.amount_cents, to_char(y.paid_on, 'YYYY-MM-DD') as paid_on
      from payments y join invoices i on i.id = y.invoice_id where y.workspace_id = ${WS}`);
    const byCustomer = new Map<number, PaymentLine[]>();
    for (const p of paid) {
      const list = byCustomer.get(Number(p.customer_id)) ?? [];
      list.push({ currency: p.currency, amountCents: Number(p.amount_cents), paidOn: p.paid_on });
      byCustomer.set(Number(p.customer_id), list);
    }
    const today = todayIn('Europe/Paris', NOW);
    const expected = new Map(plans.map((plan) => [plan.id, planVerdicts(
      { schedule: plan.schedule, currency: 'EUR', agreedOn: plan.agreedOn }, byCustomer.get(plan.customerId) ?? [], today, { days: 1, calendar: 'FR' },
    )]));
    const outcomes = [...expected.values()].map((v) => v.plan);
    // The generated ledger exercises every outcome.
    for (const outcome of ['active', 'kept', 'broken'] as const) expect(outcomes.filter((o) => o === outcome).length, outcome).toBeGreaterThan(5);

    await db.transaction((tx) => decidePromises(tx, { workspaceId: WS, now: NOW }));

    const decided = await rows<{ plan_id: string; instalment: number; status: string; paid_cents: string | null }>(db, sql`
      select plan_id, instalment, status, paid_cents from promises where workspace_id = ${WS} order by plan_id, instalment`);
    const planRows = await rows<{ id: string; status: string; case_status: string }>(db, sql`
      select pl.id, pl.status, k.status as case_status from payment_plans pl join cases k on k.id = pl.case_id where pl.workspace_id = ${WS}`);
    for (const plan of plans) {
      const want = expected.get(plan.id)!;
      const got = decided.filter((d) => Number(d.plan_id) === plan.id);
      expect(got.map((d) => ({ status: d.status, paid: d.paid_cents === null ? null : Number(d.paid_cents) })), `plan ${plan.id}`).toEqual(
        want.instalments.map((v) => ({ status: v.status, paid: v.status === 'pending' || v.status === 'cancelled' ? null : v.paidCents })),
      );
      const row = planRows.find((r) => Number(r.id) === plan.id)!;
      expect({ plan: plan.id, status: row.status, case: row.case_status })
        .toEqual({ plan: plan.id, status: want.plan, case: want.plan === 'active' ? 'paused' : 'open' });
    }

    // One timeline entry per plan decided, one per instalment kept in a plan still running.
    const logged = await rows<{ kind: string; n: number }>(db, sql`
      select kind, count(*)::int as n from activities where workspace_id = ${WS} and kind <> 'case_opened' group by kind`);
    const count = (kind: string) => logged.find((l) => l.kind === kind)?.n ?? 0;
    expect(count('plan_kept')).toBe(outcomes.filter((o) => o === 'kept').length);
    expect(count('plan_broken')).toBe(outcomes.filter((o) => o === 'broken').length);
    expect(count('instalment_kept')).toBe([...expected.values()].filter((v) => v.plan === 'active')
      .reduce((n, v) => n + v.instalments.filter((i) => i.status === 'kept').length, 0)
      + [...expected.values()].filter((v) => v.plan === 'broken').reduce((n, v) => n + v.instalments.filter((i) => i.status === 'kept').length, 0));
    expect(count('promise_kept') + count('promise_broken')).toBe(0);
  });
});
