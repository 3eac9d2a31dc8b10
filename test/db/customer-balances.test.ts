// The one-statement refresh of one customer (src/db/customer-balances.ts, the
// intake API's single writes) leaves the very rows, cases, tasks and timeline
// entries that refreshBalances scoped to that customer leaves: each customer's
// ledger is brought into a different situation, then both refreshes run on it,
// each in a transaction rolled back, and what they wrote is compared.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshBalances } from '../../src/db/balances.ts';
import { rows, type Queryable } from '../../src/db/client.ts';
import { BALANCES_VERSION_SHARDS, refreshCustomerBalances } from '../../src/db/customer-balances.ts';
import { addDays } from '../../src/domain/dates.ts';
import { overdueWorklist } from '../../src/services/worklist.ts';
import { seedLedger } from '../support/ledger.ts';
import { openTestDatabase, type TestDatabase } from '../support/pg.ts';

const WS = 'TCUSTBAL';
const TODAY = '2026-11-23';
const NOW = new Date('2026-11-23T10:00:00Z');
const due = (days: number) => addDays(TODAY, -days);
const inv = (number: string, daysOverdue: number, cents: number, more: { currency?: string; paid?: number[]; deliveredOn?: string } = {}) =>
  ({ number, issued: due(daysOverdue + 30), due: due(daysOverdue), cents, ...more });

let t: TestDatabase;
let ids: Map<string, number>;

beforeAll(async () => {
  t = await openTestDatabase();
  ids = await seedLedger(t.database, WS, TODAY, [
    { ref: 'NEWLY-DUE', name: 'Not yet due, then due', invoices: [inv('N-1', -5, 10_000)] },
    { ref: 'PAID-OFF', name: 'Case to resolve', invoices: [inv('P-1', 40, 20_000), inv('P-2', 10, 5_000)] },
    { ref: 'TWO-CCY', name: 'Two currencies, one paid', invoices: [inv('T-1', 70, 30_000), inv('T-2', 95, 7_000, { currency: 'USD' }), inv('T-3', -2, 1_000)] },
    { ref: 'PROMISED', name: 'Promises broken and pending', invoices: [inv('R-1', 20, 50_000, { deliveredOn: due(2000) })] },
    { ref: 'PAUSED', name: 'Paused case', invoices: [inv('Z-1', 15, 8_000)] },
    { ref: 'WRITTEN', name: 'Written off', invoices: [inv('W-1', 200, 9_000)] },
    { ref: 'WRITTEN-NEW', name: 'Written off, then a new invoice', invoices: [inv('V-1', 200, 9_000)] },
    { ref: 'EMPTY', name: 'Nothing unpaid', kind: 'b2c', invoices: [inv('E-1', 5, 3_000, { paid: [3_000] })] },
    { ref: 'ACK', name: 'Acknowledged', kind: 'b2c', invoices: [inv('A-1', 700, 4_000, { deliveredOn: due(1800) })] },
  ]);
  const db = t.database.db;
  const caseOf = async (ref: string) => Number((await rows<{ id: number }>(db, sql`
    select id from cases where workspace_id = ${WS} and customer_id = ${ids.get(ref)!} and status not in ('resolved', 'written_off')`))[0]!.id);
  // What the refreshes then find, customer by customer.
  await db.execute(sql`update invoices set due_date = ${due(3)} where workspace_id = ${WS} and invoice_number = 'N-1'`);
  await db.execute(sql`update invoices set paid_cents = amount_cents where workspace_id = ${WS} and invoice_number in ('P-1', 'P-2', 'T-2')`);
  await db.execute(sql`insert into tasks (workspace_id, case_id, kind, due_at, created_by) values
    (${WS}, ${await caseOf('PAID-OFF')}, 'call', ${NOW.toISOString()}::timestamptz, 'U1'),
    (${WS}, ${await caseOf('PAID-OFF')}, 'email', ${NOW.toISOString()}::timestamptz, 'U1')`);
  const promised = await caseOf('PROMISED');
  await db.execute(sql`insert into promises (workspace_id, case_id, amount_cents, currency, due_on, taken_by, status) values
    (${WS}, ${promised}, 1000, 'EUR', ${due(10)}, 'U1', 'broken'), (${WS}, ${promised}, 1000, 'EUR', ${due(5)}, 'U1', 'broken'),
    (${WS}, ${promised}, 1000, 'EUR', ${due(-5)}, 'U1', 'pending')`);
  await db.execute(sql`update invoices set amount_cents = 60000 where workspace_id = ${WS} and invoice_number = 'R-1'`);
  await db.execute(sql`update cases set status = 'paused', paused_until = ${due(-10)} where id = ${await caseOf('PAUSED')}`);
  for (const ref of ['WRITTEN', 'WRITTEN-NEW']) {
    await db.execute(sql`update cases set status = 'written_off', resolved_at = ${new Date(NOW.getTime() - 30 * 86_400_000).toISOString()}::timestamptz
      where id = ${await caseOf(ref)}`);
  }
  await db.execute(sql`insert into invoices (workspace_id, invoice_number, customer_id, issue_date, due_date, currency, amount_cents)
    values (${WS}, 'V-2', ${ids.get('WRITTEN-NEW')!}, ${due(40)}, ${due(10)}, 'EUR', 2500)`);
  await db.execute(sql`update customers set acknowledged_on = ${due(400)} where id = ${ids.get('ACK')!}`);
});

afterAll(async () => {
  await t?.close();
});

/** What a refresh of the customer wrote: its balance rows, cases, tasks and the timeline entries it added. */
async function written(tx: Queryable, customerId: number, since: number) {
  const balances = await rows(tx, sql`select * from customer_balances where customer_id = ${customerId} order by currency`);
  const cases = await rows(tx, sql`select customer_id, status, owner_id, opened_at, resolved_at, updated_at, stage, paused_until
    from cases where customer_id = ${customerId} order by opened_at, status`);
  const tasks = await rows(tx, sql`select t.kind, t.status, t.closed_at from tasks t join cases k on k.id = t.case_id
    where k.customer_id = ${customerId} order by t.id`);
  const timeline = await rows(tx, sql`select kind, actor_id, occurred_at, data from activities
    where customer_id = ${customerId} and id > ${since} order by id`);
  return { balances, cases, tasks, timeline };
}

class Rollback extends Error {}

/** Runs `refresh` in a transaction that is rolled back; what it wrote and returned. */
async function tryRefresh<T>(refresh: (tx: Queryable) => Promise<T>, customerId: number) {
  const [last] = await rows<{ id: string | null }>(t.database.db, sql`select max(id)::text as id from activities`);
  let seen: { result: T; after: Awaited<ReturnType<typeof written>> } | null = null;
  await t.database.db.transaction(async (tx) => {
    const result = await refresh(tx);
    seen = { result, after: await written(tx, customerId, Number(last?.id ?? 0)) };
    throw new Rollback();
  }).catch((e: unknown) => {
    if (!(e instanceof Rollback)) throw e;
  });
  return seen!;
}

describe('refreshCustomerBalances', () => {
  it('writes what refreshBalances writes for that customer, in every situation', async () => {
    const effects: Record<string, string> = {};
    for (const [ref, customerId] of ids) {
      const whole = await tryRefresh((tx) => refreshBalances(tx, { workspaceId: WS, today: TODAY, actorId: 'api', now: NOW, customerIds: [customerId] }), customerId);
      const one = await tryRefresh((tx) => refreshCustomerBalances(tx, { workspaceId: WS, customerId, today: TODAY, actorId: 'api', now: NOW }), customerId);
      expect(one, ref).toEqual(whole);
      effects[ref] = `${one.result.casesOpened}/${one.result.casesResolved}/${one.after.balances.length}`;
    }
    // Each situation is the one meant (cases opened / resolved / balance rows).
    expect(effects).toEqual({
      'NEWLY-DUE': '1/0/1', 'PAID-OFF': '0/1/0', 'TWO-CCY': '0/0/1', PROMISED: '0/0/1', PAUSED: '0/0/1',
      WRITTEN: '0/0/1', 'WRITTEN-NEW': '1/0/1', EMPTY: '0/0/0', ACK: '0/0/1',
    });
  });

  it('moves the version the worklist totals are cached on, without writing the workspace row', async () => {
    const customerId = ids.get('PROMISED')!;
    await t.database.db.transaction((tx) => refreshCustomerBalances(tx, { workspaceId: WS, customerId, today: TODAY, actorId: 'api', now: NOW }));
    const version = async () => (await rows<{ ws: string; shards: string }>(t.database.db, sql`
      select w.balances_version::text as ws, coalesce((select sum(version) from balances_version_shards s where s.workspace_id = w.id), 0)::text as shards
      from workspaces w where w.id = ${WS}`))[0]!;
    const before = await version();
    const totals = async () => (await overdueWorklist(t.database.db, { workspaceId: WS, today: TODAY, scope: 'all', minDaysOverdue: 0, limit: 5 }, NOW)).totals;
    const cached = await totals();
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`update invoices set amount_cents = amount_cents + 100 where workspace_id = ${WS} and invoice_number = 'R-1'`);
      await refreshCustomerBalances(tx, { workspaceId: WS, customerId, today: TODAY, actorId: 'api', now: NOW });
    });
    const after = await version();
    expect(after.ws).toBe(before.ws);
    expect(Number(after.shards)).toBe(Number(before.shards) + 1);
    // The totals cached before the write are not served after it.
    const eur = (list: { currency: string; overdueCents: number }[]) => list.find((x) => x.currency === 'EUR')!.overdueCents;
    expect(eur(await totals())).toBe(eur(cached) + 100);
    const [shard] = await rows<{ shard: number }>(t.database.db, sql`select shard from balances_version_shards where workspace_id = ${WS}`);
    expect(shard!.shard).toBe(customerId % BALANCES_VERSION_SHARDS);
  });
});
