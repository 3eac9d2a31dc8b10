import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBalancesFresh, refreshBalances, updatePriorities } from '../../src/db/balances.ts';
import { rows, type Database } from '../../src/db/client.ts';
import { activities, cases, promises, tasks } from '../../src/db/schema.ts';
import { loadWorklist } from '../../src/db/worklist.ts';
import { agingBucket, isNearTimeBar } from '../../src/domain/aging.ts';
import { addDays, daysBetween } from '../../src/domain/dates.ts';
import { priorityScore } from '../../src/domain/priority.ts';
import { openTestDatabase, type TestDatabase } from '../support/pg.ts';
import { runBalancesJob } from '../../jobs/refresh-balances.ts';
import { claimCall } from '../../src/services/claim-call.ts';
import { seedLedger } from '../support/ledger.ts';

let database: Database;
let testDb: TestDatabase;
const TODAY = '2026-11-23';

beforeAll(async () => {
  testDb = await openTestDatabase();
  database = testDb.database;
});

afterAll(async () => {
  await testDb?.close();
});

describe('aging buckets', () => {
  it('puts each invoice in the same bucket as the domain rule, at every boundary', async () => {
    const offsets = [-9, -8, -7, -1, 0, 1, 2, 30, 31, 60, 61, 90, 91, 400];
    await seedLedger(database, 'TAGING', TODAY, offsets.map((d, i) => ({
      ref: `A${i}`, name: `Aging ${d}`,
      invoices: [{ number: `AG-${i}`, issued: addDays(TODAY, -d - 30), due: addDays(TODAY, -d), cents: 1000 + i }],
    })));
    const found = await rows<{ customer_ref: string; due_soon_cents: string; aged_1_30_cents: string; aged_31_60_cents: string; aged_61_90_cents: string; aged_91_plus_cents: string; overdue_cents: string }>(database.db, sql`
      select c.customer_ref, b.* from customer_balances b join customers c on c.id = b.customer_id where b.workspace_id = 'TAGING'`);
    for (const [i, d] of offsets.entries()) {
      const row = found.find((r) => r.customer_ref === `A${i}`)!;
      const bucket = agingBucket(addDays(TODAY, -d), TODAY);
      const got = Object.entries({
        due_soon: row.due_soon_cents, '1_30': row.aged_1_30_cents, '31_60': row.aged_31_60_cents,
        '61_90': row.aged_61_90_cents, '91_plus': row.aged_91_plus_cents,
      }).filter(([, v]) => Number(v) > 0).map(([k]) => k);
      expect(got, `${d} days overdue`).toEqual(bucket ? [bucket] : []);
      expect(Number(row.overdue_cents) > 0, `${d} days overdue is overdue`).toBe(d > 0);
    }
  });
});

describe('priority', () => {
  it('stores the score the domain formula gives, for every factor', async () => {
    const ws = 'TPRIO';
    const list = [
      { ref: 'P1', kind: 'b2b' as const, days: 12, cents: 45_000 },
      { ref: 'P2', kind: 'b2b' as const, days: 250, cents: 12_345_678 },
      { ref: 'P3', kind: 'b2c' as const, days: 40, cents: 99, start: addDays(TODAY, -(2 * 365) + 30) },
      { ref: 'P4', kind: 'b2b' as const, days: 70, cents: 300_000, start: addDays(TODAY, -(5 * 365) + 10) },
      { ref: 'P5', kind: 'b2b' as const, days: 5, cents: 100 },
      { ref: 'P6', kind: 'b2b' as const, days: 90, cents: 500_000 },
      { ref: 'P7', kind: 'b2b' as const, days: 33, cents: 70_000 },
    ];
    const ids = await seedLedger(database, ws, TODAY, list.map((p) => ({
      ref: p.ref, name: `Prio ${p.ref}`, kind: p.kind,
      invoices: [{ number: `PR-${p.ref}`, issued: p.start ?? addDays(TODAY, -p.days - 30), deliveredOn: p.start, due: addDays(TODAY, -p.days), cents: p.cents }],
    })));
    // P6: two broken promises and a pending one; P7: paused.
    const caseOf = async (ref: string) => (await database.db.select().from(cases).where(sql`customer_id = ${ids.get(ref)!}`))[0]!;
    const p6 = await caseOf('P6');
    await database.db.insert(promises).values([
      { workspaceId: ws, caseId: p6.id, amountCents: 100, currency: 'EUR', dueOn: TODAY, takenBy: 'U1', status: 'broken' },
      { workspaceId: ws, caseId: p6.id, amountCents: 100, currency: 'EUR', dueOn: TODAY, takenBy: 'U1', status: 'broken' },
      { workspaceId: ws, caseId: p6.id, amountCents: 100, currency: 'EUR', dueOn: TODAY, takenBy: 'U1', status: 'pending' },
    ]);
    await database.db.update(cases).set({ status: 'paused' }).where(sql`id = ${(await caseOf('P7')).id}`);
    await updatePriorities(database.db, { workspaceId: ws, today: TODAY });

    const stored = await rows<{ customer_ref: string; priority: number }>(database.db, sql`
      select c.customer_ref, b.priority from customer_balances b join customers c on c.id = b.customer_id where b.workspace_id = ${ws}`);
    for (const p of list) {
      const start = p.start ?? addDays(TODAY, -p.days - 30);
      const expected = priorityScore({
        overdueCents: p.cents, daysOverdue: p.days,
        brokenPromises: p.ref === 'P6' ? 2 : 0, promisePending: p.ref === 'P6', paused: p.ref === 'P7',
        nearTimeBar: isNearTimeBar(p.kind, start, TODAY),
      });
      expect(stored.find((r) => r.customer_ref === p.ref)?.priority, p.ref).toBe(expected);
    }
    expect(stored.find((r) => r.customer_ref === 'P7')?.priority).toBe(0);

    const worklist = await loadWorklist(database.db, { workspaceId: ws, today: TODAY, scope: 'all', minDaysOverdue: 0, limit: 10 });
    const scores = worklist.entries.map((e) => e.priority);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });
});

describe('cases follow the ledger', () => {
  it('opens a case on the first overdue balance and resolves it when paid, cancelling open tasks', async () => {
    const ws = 'TCASES';
    const ids = await seedLedger(database, ws, TODAY, [
      { ref: 'K1', name: 'Case One', invoices: [{ number: 'K1-1', issued: '2026-09-01', due: '2026-10-01', cents: 10_000 }] },
      { ref: 'K2', name: 'Case Two', invoices: [{ number: 'K2-1', issued: '2026-11-01', due: '2026-12-01', cents: 10_000 }] },
    ]);
    const open = await database.db.select().from(cases).where(sql`workspace_id = ${ws}`);
    expect(open.map((c) => c.customerId)).toEqual([ids.get('K1')]);
    await database.db.insert(tasks).values({ workspaceId: ws, caseId: open[0]!.id, kind: 'call', assigneeId: 'U1', dueAt: new Date(), createdBy: 'U1' });

    await database.db.execute(sql`update invoices set paid_cents = amount_cents where workspace_id = ${ws} and invoice_number = 'K1-1'`);
    const result = await database.db.transaction((tx) => refreshBalances(tx, { workspaceId: ws, today: TODAY, customerIds: [ids.get('K1')!], actorId: 'import' }));
    expect(result).toEqual({ casesOpened: 0, casesResolved: 1 });
    const [after] = await database.db.select().from(cases).where(sql`id = ${open[0]!.id}`);
    expect(after!.status).toBe('resolved');
    const [task] = await database.db.select().from(tasks).where(sql`case_id = ${open[0]!.id}`);
    expect(task!.status).toBe('cancelled');
    const timeline = await database.db.select().from(activities).where(sql`case_id = ${open[0]!.id}`).orderBy(activities.id);
    expect(timeline.map((a) => a.kind)).toEqual(['case_opened', 'case_resolved']);
  });

  it('resolves a case once nothing is overdue, though an invoice is not yet due; a later overdue opens a new case', async () => {
    const ws = 'TRESOLVE';
    const ids = await seedLedger(database, ws, TODAY, [
      { ref: 'R1', name: 'Resolve One', invoices: [
        { number: 'R1-1', issued: '2026-09-01', due: '2026-10-01', cents: 10_000 },
        { number: 'R1-2', issued: '2026-11-01', due: '2026-12-01', cents: 20_000 },
      ] },
    ]);
    const customerIds = [ids.get('R1')!];
    await database.db.execute(sql`update invoices set paid_cents = amount_cents where workspace_id = ${ws} and invoice_number = 'R1-1'`);
    const paid = await database.db.transaction((tx) => refreshBalances(tx, { workspaceId: ws, today: TODAY, customerIds, actorId: 'import' }));
    expect(paid).toEqual({ casesOpened: 0, casesResolved: 1 });

    const later = '2026-12-02';
    const due = await database.db.transaction((tx) => refreshBalances(tx, { workspaceId: ws, today: later, customerIds, actorId: 'system' }));
    expect(due).toEqual({ casesOpened: 1, casesResolved: 0 });
    const all = await database.db.select().from(cases).where(sql`workspace_id = ${ws}`).orderBy(cases.id);
    expect(all.map((c) => c.status)).toEqual(['resolved', 'open']);
  });

  it('moves aging with the calendar: the first read of a new day rebuilds', async () => {
    const ws = 'TDAY';
    await seedLedger(database, ws, TODAY, [
      { ref: 'D1', name: 'Due Tomorrow', invoices: [{ number: 'D1-1', issued: '2026-10-24', due: addDays(TODAY, 1), cents: 5_000 }] },
    ]);
    const q = { workspaceId: ws, scope: 'all' as const, minDaysOverdue: 0, limit: 10 };
    expect((await loadWorklist(database.db, { ...q, today: TODAY })).entries).toHaveLength(0);
    const later = addDays(TODAY, 2);
    // Noon UTC: the same calendar day in the workspace's zone (Europe/Paris).
    const noon = (day: string) => new Date(`${day}T12:00:00Z`);
    expect(await ensureBalancesFresh(database.db, ws, noon(later))).toBe(true);
    expect(await ensureBalancesFresh(database.db, ws, noon(later))).toBe(false);
    // A clock a day behind (another server just before midnight) must not turn everyone's aging back.
    expect(await ensureBalancesFresh(database.db, ws, noon(addDays(later, -1)))).toBe(false);
    const list = await loadWorklist(database.db, { ...q, today: later });
    expect(list.entries.map((e) => [e.customerRef, e.daysOverdue])).toEqual([['D1', daysBetween(addDays(TODAY, 1), later)]]);
    expect(await database.db.select().from(cases).where(sql`workspace_id = ${ws}`)).toHaveLength(1);
  });
});

describe('the balances job', () => {
  it('rebuilds a workspace once its day has turned in its own time zone, and only then', async () => {
    const ws = 'TNIGHT';
    await seedLedger(database, ws, TODAY, [{ ref: 'N1', name: 'Night', invoices: [{ number: 'N1-1', issued: '2026-10-01', due: '2026-11-23', cents: 700 }] }]);
    await database.db.execute(sql`update workspaces set timezone = 'Asia/Tokyo' where id = ${ws}`);
    // 16:00 UTC on the 23rd is 01:00 on the 24th in Tokyo: a new day there.
    const first = await runBalancesJob(database.db, new Date('2026-11-23T16:00:00Z'));
    expect(first.rebuilt).toContain(ws);
    const [b] = await rows<{ overdue_cents: string }>(database.db, sql`select overdue_cents from customer_balances where workspace_id = ${ws}`);
    expect(Number(b!.overdue_cents)).toBe(700);
    const again = await runBalancesJob(database.db, new Date('2026-11-23T16:10:00Z'));
    expect(again.rebuilt).not.toContain(ws);
  });
});

describe('worklist totals', () => {
  it('follow a payment at once, even though they are cached between ledger writes', async () => {
    const ws = 'TTOTALS';
    const ids = await seedLedger(database, ws, TODAY, [
      { ref: 'T1', name: 'Tot One', invoices: [{ number: 'T1-1', issued: '2026-08-01', due: '2026-09-01', cents: 10_000 }] },
      { ref: 'T2', name: 'Tot Two', invoices: [{ number: 'T2-1', issued: '2026-08-01', due: '2026-09-01', cents: 5_000 }] },
    ]);
    const q = { workspaceId: ws, today: TODAY, scope: 'all' as const, minDaysOverdue: 0, limit: 10 };
    expect((await loadWorklist(database.db, q)).totals).toEqual([{ currency: 'EUR', overdueCents: 15_000 }]);
    await database.db.execute(sql`update invoices set paid_cents = 4000 where workspace_id = ${ws} and invoice_number = 'T1-1'`);
    await database.db.transaction((tx) => refreshBalances(tx, { workspaceId: ws, today: TODAY, customerIds: [ids.get('T1')!], actorId: 'import' }));
    const after = await loadWorklist(database.db, q);
    expect(after.totals).toEqual([{ currency: 'EUR', overdueCents: 11_000 }]);
    expect(after.totalCases).toBe(2);

    // A collector's own totals follow a claim, which makes them the case owner.
    const mine = { ...q, scope: { ownerId: 'U0CARLA' } };
    expect((await loadWorklist(database.db, mine)).totalCases).toBe(0);
    const [kase] = await database.db.select().from(cases).where(sql`workspace_id = ${ws} and customer_id = ${ids.get('T2')!}`);
    await claimCall(database.db, { workspaceId: ws, caseId: kase!.id, userId: 'U0CARLA', now: new Date(), via: 'button' });
    const claimed = await loadWorklist(database.db, mine);
    expect(claimed.totals).toEqual([{ currency: 'EUR', overdueCents: 5_000 }]);
    expect(claimed.totalCases).toBe(1);
  });
});

describe('tenancy', () => {
  it('never shows one workspace the other one\'s debtors', async () => {
    await seedLedger(database, 'TONE', TODAY, [{ ref: 'SAME', name: 'Shared Name', invoices: [{ number: 'X-1', issued: '2026-08-01', due: '2026-09-01', cents: 111 }] }]);
    await seedLedger(database, 'TTWO', TODAY, [{ ref: 'SAME', name: 'Shared Name', invoices: [{ number: 'X-1', issued: '2026-08-01', due: '2026-09-01', cents: 222 }] }]);
    const one = await loadWorklist(database.db, { workspaceId: 'TONE', today: TODAY, scope: 'all', minDaysOverdue: 0, limit: 10 });
    expect(one.totals).toEqual([{ currency: 'EUR', overdueCents: 111 }]);
    expect(one.totalCases).toBe(1);
  });
});

describe('the timeline is append-only', () => {
  it('refuses UPDATE, DELETE and TRUNCATE on activities', async () => {
    const [any] = await database.db.select().from(activities).limit(1);
    expect(any).toBeDefined();
    // drizzle wraps the driver's error; the database's own message is the cause.
    const refusal = (q: Promise<unknown>) => q.then(() => 'accepted', (e: { cause?: Error }) => String(e.cause?.message));
    expect(await refusal(database.db.execute(sql`update activities set kind = 'forged' where id = ${any!.id}`))).toMatch(/append-only: UPDATE/);
    expect(await refusal(database.db.execute(sql`delete from activities where id = ${any!.id}`))).toMatch(/append-only: DELETE/);
    expect(await refusal(database.db.execute(sql`truncate activities cascade`))).toMatch(/append-only: TRUNCATE/);
    const [still] = await database.db.select().from(activities).where(sql`id = ${any!.id}`);
    expect(still!.kind).toBe(any!.kind);
  });
});
