// Instalments decided like promises, without anyone checking: at once when an
// import brings the payments, and by the day-end job once an instalment's
// grace is over. A missed instalment breaks the plan in the same pass; the
// case thread (and the owner, by DM) hears of it once. Plans are taken over
// signed HTTP, payments come through the importer, the job runs with an
// injected clock.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPromiseCheckJob } from '../../jobs/promise-check.ts';
import { rows } from '../../src/db/client.ts';
import { writeSetting } from '../../src/db/settings.ts';
import { activities, cases, members, paymentPlans, promises } from '../../src/db/schema.ts';
import { DEMO_ADMIN_ID, DEMO_COLLECTIONS_CHANNEL_ID as CHANNEL, DEMO_COLLECTOR_ID, DEMO_TEAM_ID } from '../../src/emulator/seed.ts';
import { importCsv } from '../../src/import/index.ts';
import { collect, visible } from '../calls/support.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { seedLedger } from '../support/ledger.ts';
import { caseOf as threadCaseOf, dmsTo, postEverything, threadPosts } from '../threads/support.ts';

let t: TestApp;
let ids: Map<string, number>;

/** Paris wall time, as the clock the app and the job read. */
const at = (iso: string) => new Date(`${iso}+01:00`);

async function importPayments(lines: string[], when: string): Promise<void> {
  t.clock.set(at(when).toISOString());
  const report = await importCsv(t.database, {
    workspaceId: DEMO_TEAM_ID, fileName: 'payments.csv', text: ['invoice_number,amount,paid_on,reference', ...lines].join('\n'),
    today: when.slice(0, 10), now: t.clock.now,
  });
  expect(report.failure).toBeUndefined();
  expect(report.rejected).toBe(0);
  await postEverything(t);
}

const caseOf = async (ref: string) => (await t.database.db.select().from(cases).where(eq(cases.customerId, ids.get(ref)!)))[0]!;
const planOf = async (ref: string) => (await t.database.db.select().from(paymentPlans).where(eq(paymentPlans.customerId, ids.get(ref)!)))[0]!;
const instalmentsOf = async (ref: string) => t.database.db.select().from(promises)
  .where(eq(promises.planId, (await planOf(ref)).id)).orderBy(promises.instalment);
const timeline = async (ref: string, kinds: string[]) => t.database.db.select().from(activities)
  .where(and(eq(activities.customerId, ids.get(ref)!), inArray(activities.kind, kinds))).orderBy(activities.id);
const VERDICT_KINDS = ['promise_kept', 'promise_broken', 'instalment_kept', 'plan_kept', 'plan_broken'];
const activityCount = async () => (await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from activities`))[0]!.n;

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(at('2026-11-23T10:30').toISOString()); // Monday
  const overdue = (ref: string, name: string, cents: number) =>
    ({ ref, name, invoices: [{ number: `F-${ref}`, issued: '2026-09-01', due: '2026-10-01', cents }] });
  ids = await seedLedger(t.database, DEMO_TEAM_ID, '2026-11-23', [
    overdue('P-BRK', 'Broken Plan SA', 100_000),
    overdue('P-EARLY', 'Early Payer SA', 90_000),
    overdue('P-LATE', 'Late Payer SA', 60_000),
  ]);
  await t.database.db.insert(members).values({ workspaceId: DEMO_TEAM_ID, userId: DEMO_COLLECTOR_ID, role: 'collector', addedBy: 'test' });
  await writeSetting(t.database.db, { workspaceId: DEMO_TEAM_ID, name: 'channel', value: CHANNEL, by: DEMO_ADMIN_ID, now: t.clock.now });
  await t.database.db.update(cases).set({ ownerId: DEMO_COLLECTOR_ID }).where(eq(cases.customerId, ids.get('P-BRK')!));
  // 23 Dec, 23 Jan, 23 Feb; and 7 Dec, 21 Dec, 4 Jan.
  expect((await collect(t, 'plan P-BRK 3')).text).toContain('Payment plan recorded');
  expect((await collect(t, 'plan P-EARLY 3 every 2 weeks')).text).toContain('Payment plan recorded');
  // 1, 8 and 15 December.
  expect((await collect(t, 'plan P-LATE 3 weekly from 1/12')).text).toContain('Payment plan recorded');
  // Threads post what happened in the last few days: post as time goes by, as the workers do.
  await postEverything(t);
});

afterAll(async () => {
  await t?.close();
});

describe('payment plan verdicts', () => {
  it('keeps every instalment and the plan at once when one early payment covers them, and says it once', async () => {
    await importPayments(['F-P-EARLY,900.00,2026-11-25,VIR-E1'], '2026-11-25T11:00');
    expect((await instalmentsOf('P-EARLY')).map((p) => [p.status, p.paidCents])).toEqual([['kept', 30_000], ['kept', 30_000], ['kept', 30_000]]);
    expect(await planOf('P-EARLY')).toMatchObject({ status: 'kept', decidedAt: at('2026-11-25T11:00') });
    const verdicts = await timeline('P-EARLY', VERDICT_KINDS);
    expect(verdicts.map((a) => [a.kind, a.data])).toEqual([
      ['plan_kept', { plan_id: (await planOf('P-EARLY')).id, amount_cents: 90_000, currency: 'EUR', instalments: 3 }],
    ]);
    // Nothing overdue any more: the import resolved the case.
    expect((await caseOf('P-EARLY')).status).toBe('resolved');
  });

  it('breaks a plan whose first instalment came late, even when that payment would cover the next ones', async () => {
    // The first instalment ran to the end of Wednesday 2 December; nothing came by then.
    await importPayments(['F-P-LATE,400.00,2026-12-04,VIR-L1'], '2026-12-04T11:00');
    expect((await instalmentsOf('P-LATE')).map((p) => [p.status, p.paidCents])).toEqual([['broken', 0], ['cancelled', null], ['cancelled', null]]);
    expect(await planOf('P-LATE')).toMatchObject({ status: 'broken' });
    expect((await timeline('P-LATE', VERDICT_KINDS)).map((a) => [a.kind, (a.data as { instalment?: number }).instalment])).toEqual([['plan_broken', 1]]);
    expect(await caseOf('P-LATE')).toMatchObject({ status: 'open', pauseReason: null });
  });

  it('keeps the first instalment when its payment comes, counting it for that one only', async () => {
    await importPayments(['F-P-BRK,333.33,2026-12-20,VIR-B1'], '2026-12-20T11:00');
    expect((await instalmentsOf('P-BRK')).map((p) => [p.instalment, p.status, p.paidCents])).toEqual([[1, 'kept', 33_333], [2, 'pending', null], [3, 'pending', null]]);
    const [kept] = await timeline('P-BRK', VERDICT_KINDS);
    expect(kept).toMatchObject({ kind: 'instalment_kept', data: { instalment: 1, instalments: 3, amount_cents: 33_333, paid_cents: 33_333 } });
    expect(await planOf('P-BRK')).toMatchObject({ status: 'active' });
    expect(await caseOf('P-BRK')).toMatchObject({ status: 'paused', pauseReason: 'plan' });
    expect(visible(await collect(t, 'case P-BRK'))).toContain('Payment plan: 3 monthly instalments, 1 paid (€1,000.00 in all), next €333.33 due 23 Jan 2027');
  });

  it('does not break the second instalment before the end of its grace', async () => {
    // Part of the second instalment; the first payment is not counted again.
    await importPayments(['F-P-BRK,100.00,2027-01-10,VIR-B2'], '2027-01-10T11:00');
    expect((await instalmentsOf('P-BRK'))[1]).toMatchObject({ status: 'pending' });
    const before = await activityCount();
    // 23 January is a Saturday: with one business day of grace it runs to the end of Monday 25.
    expect(await runPromiseCheckJob(t.database.db, at('2027-01-25T23:55'))).toEqual({ decided: [] });
    expect(await activityCount()).toBe(before);
  });

  it('breaks the plan with its second instalment: the rest cancelled, the case back on the ladder, one entry', async () => {
    const night = at('2027-01-26T00:05');
    const run = await runPromiseCheckJob(t.database.db, night);
    expect(run.decided).toEqual([{ workspaceId: DEMO_TEAM_ID, today: '2027-01-26', kept: 0, broken: 1, customerIds: [ids.get('P-BRK')] }]);
    expect((await instalmentsOf('P-BRK')).map((p) => [p.status, p.paidCents])).toEqual([['kept', 33_333], ['broken', 10_000], ['cancelled', null]]);
    expect(await planOf('P-BRK')).toMatchObject({ status: 'broken', decidedAt: night });
    expect(await caseOf('P-BRK')).toMatchObject({ status: 'open', pauseReason: null, pausedUntil: null });
    const verdicts = await timeline('P-BRK', VERDICT_KINDS);
    expect(verdicts.map((a) => a.kind)).toEqual(['instalment_kept', 'plan_broken']);
    expect(verdicts[1]).toMatchObject({
      actorId: 'system',
      data: { instalment: 2, instalments: 3, amount_cents: 33_333, currency: 'EUR', paid_cents: 10_000, missing_cents: 23_333, due_on: '2027-01-23' },
    });
  });

  it('changes nothing when the check runs again', async () => {
    const before = { activities: await activityCount(), instalments: await instalmentsOf('P-BRK') };
    expect(await runPromiseCheckJob(t.database.db, at('2027-01-26T00:10'))).toEqual({ decided: [] });
    expect(await runPromiseCheckJob(t.database.db, at('2027-02-26T00:10'))).toEqual({ decided: [] });
    expect(await activityCount()).toBe(before.activities);
    expect(await instalmentsOf('P-BRK')).toEqual(before.instalments);
  });

  it('tells the case thread each step, and the owner the broken plan by DM', async () => {
    await postEverything(t);
    const { caseId } = await threadCaseOf(t.database, 'P-BRK');
    const posts = threadPosts(t, CHANNEL, caseId).map((m) => m.text);
    expect(posts).toContain('Payment plan agreed: €1,000.00 in 3 monthly instalments, 23 Dec 2026 to 23 Feb 2027 (debt acknowledged on 23 Nov 2026) by <@U0COLLECTOR>');
    expect(posts).toContain('Instalment 1 of 3 paid: €333.33');
    expect(posts).toContain('Payment plan broken: instalment 2 of 3 (€333.33 due 23 Jan 2027) not paid in time, €100.00 paid, €233.33 missing. The case is back on the ladder');
    expect(posts.filter((p) => /broken/i.test(p))).toHaveLength(1);
    const early = await threadCaseOf(t.database, 'P-EARLY');
    expect(threadPosts(t, CHANNEL, early.caseId).map((m) => m.text)).toContain('Payment plan kept: all 3 instalments paid (€900.00)');
    expect(dmsTo(t, DEMO_COLLECTOR_ID).map((m) => m.text).join('\n')).toContain('Payment plan broken: instalment 2 of 3');
  });

  it('lists the missed instalment with the broken promises in the next digest', async () => {
    t.clock.set(at('2027-01-26T09:30').toISOString());
    const digest = visible(await collect(t, 'digest preview'));
    expect(digest).toContain('*Promises broken since the last digest:* 1');
    expect(digest).toContain('Broken Plan SA — €333.33');
  });
});
