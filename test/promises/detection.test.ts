// Kept and broken promises found without anyone checking: at once when an
// import brings the payments, and by the day-end job once the grace is over.
// Promises are taken over signed HTTP, payments come through the importer,
// the job runs with an injected clock, and the digest shows the result.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPromiseCheckJob } from '../../jobs/promise-check.ts';
import { rows } from '../../src/db/client.ts';
import { activities, cases, members, promises } from '../../src/db/schema.ts';
import { DEMO_COLLECTIONS_CHANNEL_ID as CHANNEL, DEMO_COLLECTOR_ID, DEMO_TEAM_ID } from '../../src/emulator/seed.ts';
import { importCsv } from '../../src/import/index.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { seedLedger } from '../support/ledger.ts';

let t: TestApp;
let ids: Map<string, number>;

async function collect(text: string): Promise<string> {
  const sent = await t.sender.slashCommand({ userId: DEMO_COLLECTOR_ID, channelId: CHANNEL, text });
  const reply = await t.emulator.waitForResponse(sent.responseUrlId!, { timeoutMs: 10_000 });
  const body = reply.body as { text: string; blocks?: unknown[] };
  return `${body.text}\n${JSON.stringify(body.blocks ?? [])}`;
}

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
}

const promiseOf = async (ref: string) => {
  const [row] = await t.database.db.select({ p: promises }).from(promises).innerJoin(cases, eq(cases.id, promises.caseId))
    .where(eq(cases.customerId, ids.get(ref)!)).orderBy(promises.id);
  return row!.p;
};
const caseStatus = async (ref: string) => (await t.database.db.select({ s: cases.status }).from(cases).where(eq(cases.customerId, ids.get(ref)!)))[0]!.s;
const verdictsOf = async (ref: string) => (await t.database.db.select().from(activities)
  .where(and(eq(activities.customerId, ids.get(ref)!), sql`${activities.kind} in ('promise_kept', 'promise_broken')`)));
const priorityOf = async (ref: string) =>
  (await rows<{ priority: number }>(t.database.db, sql`select priority from customer_balances where customer_id = ${ids.get(ref)!}`))[0]!.priority;
const activityCount = async () => (await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from activities`))[0]!.n;

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(at('2026-11-23T10:30').toISOString()); // Monday
  const overdue = (ref: string, name: string, cents: number) =>
    ({ ref, name, invoices: [{ number: `F-${ref}`, issued: '2026-09-01', due: '2026-10-01', cents }] });
  ids = await seedLedger(t.database, DEMO_TEAM_ID, '2026-11-23', [
    overdue('KEPT', 'Kept Promise SA', 100_000),
    overdue('BROKEN', 'Broken Promise SA', 80_000),
    overdue('PARTIAL', 'Partly Kept SA', 90_000),
    overdue('LASTDAY', 'Last Day Payer SA', 50_000),
  ]);
  await t.database.db.insert(members).values({ workspaceId: DEMO_TEAM_ID, userId: DEMO_COLLECTOR_ID, role: 'collector', addedBy: 'test' });
  // Four promises for Friday 27 November: with one business day of grace, they run to the end of Monday 30.
  for (const [ref, amount] of [['KEPT', '600'], ['BROKEN', '800'], ['PARTIAL', '500'], ['LASTDAY', '300']] as const) {
    expect(await collect(`promise ${ref} ${amount} 27/11/2026`)).toContain('Promise recorded');
  }
});

afterAll(async () => {
  await t?.close();
});

describe('promises kept and broken', () => {
  it('keeps a promise at once when an import brings its payment', async () => {
    await importPayments(['F-KEPT,600.00,2026-11-24,VIR-1', 'F-PARTIAL,200.00,2026-11-24,VIR-2'], '2026-11-24T11:00');
    const kept = await promiseOf('KEPT');
    expect(kept).toMatchObject({ status: 'kept', paidCents: 60_000 });
    expect(kept.decidedAt).toEqual(t.clock.now);
    const [entry] = await verdictsOf('KEPT');
    expect(entry).toMatchObject({ kind: 'promise_kept', actorId: 'system', data: { promise_id: kept.id, amount_cents: 60_000, currency: 'EUR', paid_cents: 60_000 } });
    // Back on the ladder for the 400.00 still overdue.
    expect(await caseStatus('KEPT')).toBe('open');
    // 200 of 500 is not kept yet, and not broken before its deadline.
    expect(await promiseOf('PARTIAL')).toMatchObject({ status: 'pending', paidCents: null });
    expect(await caseStatus('PARTIAL')).toBe('promised');
  });

  it('shows the promises due today in that morning\'s digest', async () => {
    t.clock.set(at('2026-11-27T09:30').toISOString());
    const digest = await collect('digest preview');
    expect(digest).toContain('*Promises due today:* 3');
    for (const name of ['Broken Promise SA', 'Partly Kept SA', 'Last Day Payer SA']) expect(digest).toContain(name);
    expect(digest).not.toContain('Kept Promise SA — €600.00');
  });

  it('does not break anything before the end of the last grace day, and counts a payment made that day', async () => {
    await importPayments(['F-LASTDAY,300.00,2026-11-30,VIR-3'], '2026-11-30T20:00');
    expect(await promiseOf('LASTDAY')).toMatchObject({ status: 'kept', paidCents: 30_000 });
    const before = await activityCount();
    expect(await runPromiseCheckJob(t.database.db, at('2026-11-30T23:55'))).toEqual({ decided: [] });
    expect(await promiseOf('BROKEN')).toMatchObject({ status: 'pending' });
    expect(await activityCount()).toBe(before);
  });

  it('breaks the unpaid promises once the day after the grace begins, partly kept ones with what came and what is missing', async () => {
    const priorities = { broken: await priorityOf('BROKEN'), partial: await priorityOf('PARTIAL') };
    const night = at('2026-12-01T00:05');
    const run = await runPromiseCheckJob(t.database.db, night);
    expect(run.decided).toEqual([{ workspaceId: DEMO_TEAM_ID, today: '2026-12-01', kept: 0, broken: 2, customerIds: expect.any(Array) }]);

    const broken = await promiseOf('BROKEN');
    expect(broken).toMatchObject({ status: 'broken', paidCents: 0, decidedAt: night });
    expect((await verdictsOf('BROKEN'))[0]).toMatchObject({
      kind: 'promise_broken', actorId: 'system',
      data: { promise_id: broken.id, amount_cents: 80_000, currency: 'EUR', paid_cents: 0, missing_cents: 80_000, due_on: '2026-11-27' },
    });
    const partial = await promiseOf('PARTIAL');
    expect(partial).toMatchObject({ status: 'broken', paidCents: 20_000 });
    expect((await verdictsOf('PARTIAL'))[0]!.data).toMatchObject({ amount_cents: 50_000, paid_cents: 20_000, missing_cents: 30_000 });

    // Back on the ladder, and higher in the worklist: no pending promise to wait for, a broken one counts against them.
    expect(await caseStatus('BROKEN')).toBe('open');
    expect(await caseStatus('PARTIAL')).toBe('open');
    expect(await priorityOf('BROKEN')).toBeGreaterThan(priorities.broken);
    expect(await priorityOf('PARTIAL')).toBeGreaterThan(priorities.partial);
  });

  it('changes nothing when it runs again', async () => {
    const before = { activities: await activityCount(), statuses: await t.database.db.select().from(promises).orderBy(promises.id) };
    expect(await runPromiseCheckJob(t.database.db, at('2026-12-01T00:10'))).toEqual({ decided: [] });
    expect(await runPromiseCheckJob(t.database.db, at('2026-12-02T00:10'))).toEqual({ decided: [] });
    expect(await activityCount()).toBe(before.activities);
    expect(await t.database.db.select().from(promises).orderBy(promises.id)).toEqual(before.statuses);
  });

  it('lists the broken promises in the next morning\'s digest', async () => {
    t.clock.set(at('2026-12-01T09:30').toISOString());
    const digest = await collect('digest preview');
    expect(digest).toContain('*Promises broken since the last digest:* 2');
    expect(digest).toContain('Broken Promise SA — €800.00');
    expect(digest).toContain('Partly Kept SA — €500.00');
    expect(digest).not.toContain('Last Day Payer SA —');
  });
});
