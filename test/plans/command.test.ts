// /collect plan over real signed HTTP, against the Slack emulator and a real
// database: the schedule, the instalments, the case paused for the plan, the
// debtor's acknowledgement restarting the time bar; showing and cancelling a
// plan; promise and resume refused while a plan runs; and every refusal quotes
// what was wrong, shows a correct example and writes nothing.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/client.ts';
import { cases, customers, members, paymentPlans, promises, tasks } from '../../src/db/schema.ts';
import { DEMO_COLLECTOR_ID, DEMO_TEAM_ID } from '../../src/emulator/seed.ts';
import { collect, entries, visible } from '../calls/support.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { seedLedger } from '../support/ledger.ts';

let t: TestApp;
let ids: Map<string, number>;
const TODAY = '2026-11-23'; // Monday

const say = async (text: string) => visible(await collect(t, text));
const caseOf = async (ref: string) => (await t.database.db.select().from(cases).where(eq(cases.customerId, ids.get(ref)!)))[0]!;
const plansOf = async (ref: string) => t.database.db.select().from(paymentPlans).where(eq(paymentPlans.customerId, ids.get(ref)!)).orderBy(paymentPlans.id);
const promisesOf = async (ref: string) =>
  t.database.db.select().from(promises).where(eq(promises.caseId, (await caseOf(ref)).id)).orderBy(promises.id);
const acknowledgedOn = async (ref: string) =>
  (await t.database.db.select({ on: customers.acknowledgedOn }).from(customers).where(eq(customers.id, ids.get(ref)!)))[0]!.on;
const counts = async () => (await rows<{ plans: number; promises: number; activities: number; paused: number }>(t.database.db, sql`
  select (select count(*) from payment_plans)::int as plans, (select count(*) from promises)::int as promises,
    (select count(*) from activities)::int as activities, (select count(*) from cases where status = 'paused')::int as paused`))[0]!;

const overdue = (ref: string, name: string, cents: number, currency = 'EUR') =>
  ({ ref, name, invoices: [{ number: `F-${ref}`, issued: '2026-09-01', due: '2026-10-01', cents, currency }] });

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set('2026-11-23T09:30:00Z'); // 10:30 in Paris
  ids = await seedLedger(t.database, DEMO_TEAM_ID, TODAY, [
    overdue('C-ACME', 'Acme SA', 100_000),
    overdue('C-WEEK', 'Weekly Payer SARL', 40_000),
    overdue('C-FORT', 'Fortnight Ltd', 30_000),
    overdue('C-PROM', 'Promised Before SA', 50_000),
    overdue('C-NOT', 'Notice Served SA', 70_000),
    overdue('C-TINY', 'Tiny Balance SARL', 2),
    {
      ref: 'C-MULTI', name: 'Multi Currency Ltd', invoices: [
        { number: 'MU-1', issued: '2026-09-01', due: '2026-10-01', cents: 100_000 },
        { number: 'MU-2', issued: '2026-09-01', due: '2026-10-01', cents: 30_000, currency: 'GBP' },
      ],
    },
    // Delivered four years and ten months ago: time-barred on 23 Jan 2027, within the 90-day warning.
    { ref: 'C-OLD', name: 'Old Debt SA', invoices: [{ number: 'F-OLD', issued: '2022-01-23', due: '2022-02-22', cents: 50_000, deliveredOn: '2022-01-23' }] },
    { ref: 'C-PAID', name: 'Paid Up SARL', invoices: [{ number: 'F-PAID', issued: '2026-08-01', due: '2026-09-01', cents: 10_000, paid: [10_000] }] },
  ]);
  await t.database.db.insert(members).values({ workspaceId: DEMO_TEAM_ID, userId: DEMO_COLLECTOR_ID, role: 'collector', addedBy: 'test' });
});

afterAll(async () => {
  await t?.close();
});

describe('/collect plan', () => {
  it('splits the overdue balance into monthly instalments, the remainder on the last, and pauses the case for the plan', async () => {
    const [call] = await t.database.db.insert(tasks).values({
      workspaceId: DEMO_TEAM_ID, caseId: (await caseOf('C-ACME')).id, kind: 'call', assigneeId: DEMO_COLLECTOR_ID, dueAt: t.clock.now, createdBy: DEMO_COLLECTOR_ID,
    }).returning({ id: tasks.id });
    const reply = await say('plan C-ACME 3');
    expect(reply).toContain('Payment plan recorded: *Acme SA* pays *€1,000.00* in 3 monthly instalments.');
    expect(reply).toContain('1. Wednesday 23 Dec 2026 — €333.33\n2. Saturday 23 Jan 2027 — €333.33\n3. Tuesday 23 Feb 2027 — €333.34');
    // The last instalment runs to the end of Wednesday 24 (one business day of grace): the case is back on Thursday 25 at the latest.
    expect(reply).toContain('The case is paused until Thursday 25 Feb 2027, and the debtor\'s acceptance (23 Nov 2026) restarts the limitation period.');
    expect(reply).toContain('The first one missed breaks the plan and the case goes back on the ladder.');
    expect(reply).toContain('Its open call was cancelled.');

    const [plan] = await plansOf('C-ACME');
    expect(plan).toMatchObject({
      status: 'active', currency: 'EUR', totalCents: 100_000, instalments: 3, period: 'month', firstDueOn: '2026-12-23',
      acknowledgedOn: TODAY, statusBefore: 'open', createdBy: DEMO_COLLECTOR_ID,
    });
    expect((await promisesOf('C-ACME')).map((p) => [p.planId, p.instalment, p.dueOn, p.amountCents, p.countedFromCents, p.status])).toEqual([
      [plan!.id, 1, '2026-12-23', 33_333, 0, 'pending'],
      [plan!.id, 2, '2027-01-23', 33_333, 33_333, 'pending'],
      [plan!.id, 3, '2027-02-23', 33_334, 66_666, 'pending'],
    ]);
    expect(await caseOf('C-ACME')).toMatchObject({ status: 'paused', pauseReason: 'plan', pausedUntil: '2027-02-25' });
    expect(await acknowledgedOn('C-ACME')).toBe(TODAY);
    const [agreed] = await entries(t, (await caseOf('C-ACME')).id, 'plan_agreed');
    expect(agreed).toMatchObject({
      actorId: DEMO_COLLECTOR_ID,
      data: {
        plan_id: plan!.id, amount_cents: 100_000, currency: 'EUR', instalments: 3, period: 'month',
        due_on: '2026-12-23', last_due_on: '2027-02-23', acknowledged_on: TODAY, until: '2027-02-25', cancelled_calls: 1,
      },
    });
    const [task] = await rows<{ status: string }>(t.database.db, sql`select status::text as status from tasks where id = ${call!.id}`);
    expect(task!.status).toBe('cancelled');
  });

  it('shows the plan on its own and on the case card', async () => {
    const shown = await say('plan C-ACME');
    expect(shown).toContain('*Acme SA*: payment plan of *€1,000.00* in 3 monthly instalments, agreed on 23 Nov 2026 (recorded by <@U0COLLECTOR>).');
    expect(shown).toContain('1. Wednesday 23 Dec 2026 — €333.33 · to come');
    expect(shown).toContain('3. Tuesday 23 Feb 2027 — €333.34 · to come');
    expect(shown).toContain('Cancel it with `/collect plan C-ACME cancel`');
    const card = await say('case C-ACME');
    expect(card).toContain('Payment plan: 3 monthly instalments, 0 paid (€1,000.00 in all), next €333.33 due 23 Dec 2026');
    expect(card).toContain('paused until 25 Feb 2027 (payment plan)');
    expect(card).toContain('Payment plan agreed: €1,000.00 in 3 monthly instalments, 23 Dec 2026 to 23 Feb 2027 (debt acknowledged on 23 Nov 2026)');
  });

  it('refuses a promise (by command or with a call) and a resume while the plan runs, pointing to plan cancel, and writes nothing', async () => {
    const before = await counts();
    const promised = await say('promise C-ACME 100 friday');
    expect(promised).toContain('*Acme SA* has a payment plan running: its instalments are the promises, so no other promise was recorded.');
    expect(promised).toContain('`/collect plan C-ACME cancel`');
    const logged = await say('log C-ACME promised 100 friday');
    expect(logged).toContain('This case has a payment plan running, so no promise can be added and nothing was logged');
    const resumed = await say('resume acme sa');
    expect(resumed).toContain('*Acme SA* is paused for its payment plan, until it is kept or broken; nothing changed.');
    expect(resumed).toContain('`/collect plan acme sa cancel`');
    expect(await counts()).toEqual(before);
    expect((await caseOf('C-ACME')).status).toBe('paused');
  });

  it('cancels the plan: its instalments, the pause, and the acknowledgement it brought', async () => {
    const reply = await say('plan acme sa cancel');
    expect(reply).toContain('The payment plan of *Acme SA* (€1,000.00) is cancelled, with its 3 instalments still to come. Case status: open.');
    expect((await plansOf('C-ACME'))[0]).toMatchObject({ status: 'cancelled' });
    expect((await promisesOf('C-ACME')).map((p) => p.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect(await caseOf('C-ACME')).toMatchObject({ status: 'open', pauseReason: null, pausedUntil: null });
    expect(await acknowledgedOn('C-ACME')).toBeNull();
    const [entry] = await entries(t, (await caseOf('C-ACME')).id, 'plan_cancelled');
    expect(entry!.data).toMatchObject({ amount_cents: 100_000, currency: 'EUR', instalments: 3, cancelled_instalments: 3 });
    expect(await say('plan C-ACME cancel')).toContain('*Acme SA* has no payment plan running; nothing was cancelled.');
    expect(await say('plan C-ACME')).toContain('*Acme SA* has no payment plan running. Record one with `/collect plan C-ACME 3 every month`.');
  });

  it('schedules weekly from a given date, and every two weeks from two weeks on', async () => {
    const weekly = await say('plan C-WEEK 4 every week from 1/12');
    expect(weekly).toContain('*Weekly Payer SARL* pays *€400.00* in 4 weekly instalments.');
    expect(weekly).toContain('1. Tuesday 1 Dec 2026 — €100.00\n2. Tuesday 8 Dec 2026 — €100.00\n3. Tuesday 15 Dec 2026 — €100.00\n4. Tuesday 22 Dec 2026 — €100.00');
    const fortnightly = await say('plan Fortnight 3 fortnightly');
    expect(fortnightly).toContain('1. Monday 7 Dec 2026 — €100.00\n2. Monday 21 Dec 2026 — €100.00\n3. Monday 4 Jan 2027 — €100.00');
    expect((await plansOf('C-FORT'))[0]).toMatchObject({ period: '2weeks', firstDueOn: '2026-12-07' });
  });

  it('replaces a pending promise, then an earlier plan, each with its own timeline entry', async () => {
    expect(await say('promise C-PROM 200 friday')).toContain('Promise recorded');
    const first = await say('plan C-PROM 2');
    expect(first).toContain('The pending promise to pay is replaced by the plan.');
    const [promise, ...instalments] = await promisesOf('C-PROM');
    expect(promise).toMatchObject({ planId: null, status: 'cancelled' });
    expect(instalments.map((p) => p.status)).toEqual(['pending', 'pending']);
    const caseId = (await caseOf('C-PROM')).id;
    expect((await entries(t, caseId, 'promise_replaced'))[0]!.data).toMatchObject({ promise_id: promise!.id, amount_cents: 20_000 });

    const second = await say('plan C-PROM 5 weekly');
    expect(second).toContain('It replaces the earlier plan (€500.00 in 2 instalments), now cancelled.');
    const plans = await plansOf('C-PROM');
    expect(plans.map((p) => p.status)).toEqual(['cancelled', 'active']);
    const all = await promisesOf('C-PROM');
    expect(all.filter((p) => p.planId === plans[0]!.id).map((p) => p.status)).toEqual(['cancelled', 'cancelled']);
    expect(all.filter((p) => p.planId === plans[1]!.id).map((p) => p.amountCents)).toEqual([10_000, 10_000, 10_000, 10_000, 10_000]);
    expect((await entries(t, caseId, 'plan_replaced'))[0]!.data).toMatchObject({ plan_id: plans[0]!.id, replaced_by: plans[1]!.id, instalments: 2 });
    expect(await caseOf('C-PROM')).toMatchObject({ status: 'paused', pauseReason: 'plan' });
    // Still one acknowledgement: today's.
    expect(await acknowledgedOn('C-PROM')).toBe(TODAY);
  });

  it('gives an escalated case back its escalation when the plan ends', async () => {
    await t.database.db.update(cases).set({ status: 'notice' }).where(eq(cases.customerId, ids.get('C-NOT')!));
    expect(await say('plan C-NOT 2')).toContain('Payment plan recorded');
    expect((await plansOf('C-NOT'))[0]).toMatchObject({ statusBefore: 'notice' });
    expect(await say('plan C-NOT cancel')).toContain('Case status: formal notice sent.');
    expect((await caseOf('C-NOT')).status).toBe('notice');
  });

  it('restarts the time bar from the plan: the warning shows before it, not after, and again once it is cancelled', async () => {
    const warning = 'The oldest claim is time-barred on *23 Jan 2027* (in 61 days)';
    expect(await say('case C-OLD')).toContain(warning);
    expect(await say('plan C-OLD 2')).toContain('Payment plan recorded');
    const [balance] = await rows<{ start: string }>(t.database.db, sql`
      select to_char(earliest_start_date, 'YYYY-MM-DD') as start from customer_balances where customer_id = ${ids.get('C-OLD')!}`);
    expect(balance!.start).toBe(TODAY);
    const card = await say('case C-OLD');
    expect(card).not.toContain('time-barred');
    expect(card).toContain('debt acknowledged on 23 Nov 2026');
    await say('plan C-OLD cancel');
    expect(await say('case C-OLD')).toContain(warning);
  });
});

describe('/collect plan refusals', () => {
  const refusals: [string, string[]][] = [
    ['plan', ['Which case, and in how many instalments?', '`/collect plan acme 3 every month from 15/12`']],
    ['plan nobody 3', ['No case matches "nobody", so no plan was recorded.']],
    ['plan C-PAID 3', ['*Paid Up SARL* has no open case']],
    ['plan C-ACME three', ['"three" is not a number of instalments: give a whole number from 2 to 36 right after the case.', 'Example: `/collect plan C-ACME 3 every month from 15/12`']],
    ['plan C-ACME 1', ['"1" is not a number of instalments a plan takes: from 2 to 36.']],
    ['plan C-ACME 40 weekly', ['"40" is not a number of instalments a plan takes: from 2 to 36.']],
    ['plan C-ACME 3 every year', ['"every year" is not a period a plan takes: every week, every 2 weeks or every month']],
    ['plan C-ACME 3 from 01/11/2026', ['"01/11/2026" is in the past (1 Nov 2026): a future date is needed.', 'Example: `/collect plan C-ACME 3 every month from 15/12`']],
    ['plan C-ACME 3 from 32/12', ['"32/12" is not a date I understand.']],
    ['plan C-ACME 3 every month please', ['"please" is not part of a plan']],
    ['plan C-MULTI 3', ['*Multi Currency Ltd* owes €1,000.00 · £300.00 overdue: a plan is in one currency, so say which. Example: `/collect plan C-MULTI 3 EUR`']],
    ['plan C-ACME 3 USD every month', ['"USD": *Acme SA* owes nothing overdue in that currency (overdue: €1,000.00). Example: `/collect plan C-ACME 3 EUR every month`']],
    ['plan C-TINY 3', ['"3" instalments would be less than the smallest coin each: *Tiny Balance SARL* owes €0.02 overdue. Example: `/collect plan C-TINY 2`']],
  ];

  it.each(refusals)('%s', async (text, expected) => {
    const before = await counts();
    const reply = await say(text);
    for (const part of expected) expect(reply).toContain(part);
    expect(await counts()).toEqual(before);
  });
});
