// Balances and cases follow the ledger. After any ledger write (import, API,
// payment) the touched customers are rebuilt set-based; once a day the whole
// workspace is, because aging moves with the calendar.
import { sql } from 'drizzle-orm';
import { AGING_BUCKETS } from '../domain/aging.ts';
import { addDays, todayIn, type IsoDate } from '../domain/dates.ts';
import { rows, type Queryable } from './client.ts';
import { prioritySql } from './priority-sql.ts';

export interface RefreshScope {
  workspaceId: string;
  today: IsoDate;
  /** Only these customers; omit for the whole workspace. */
  customerIds?: number[];
  /** Who caused it, for the case timeline ('import', 'api', a Slack user id, 'system'). */
  actorId: string;
  now?: Date;
}

export interface RefreshResult {
  casesOpened: number;
  casesResolved: number;
}

/** An aging bucket by its key; a key missing from src/domain/aging.ts is a bug. */
export const bucket = (name: string) => {
  const b = AGING_BUCKETS.find((x) => x.key === name);
  if (!b) throw new Error(`aging bucket ${name} is not defined in src/domain/aging.ts`);
  return b;
};

/** `'{1,2,3}'`: one array parameter instead of one parameter per id (PostgreSQL caps those at 65535). */
export const idArray = (ids: number[]) => `{${ids.join(',')}}`;

/** Rebuilds customer_balances and opens/resolves cases for the scope, in the caller's transaction. */
export async function refreshBalances(tx: Queryable, scope: RefreshScope): Promise<RefreshResult> {
  const { workspaceId: ws, today } = scope;
  const now = (scope.now ?? new Date()).toISOString();
  const inScope = (column: string) =>
    scope.customerIds ? sql`and ${sql.raw(column)} = any(${idArray(scope.customerIds)}::bigint[])` : sql``;
  const soon = bucket('due_soon');
  const b1 = bucket('1_30');
  const b2 = bucket('31_60');
  const b3 = bucket('61_90');
  const b4 = bucket('91_plus');
  // Days overdue for one invoice: today − due date (negative when not yet due).
  const late = sql`(${today}::date - i.due_date)`;
  const bal = sql`(i.amount_cents - i.paid_cents)`;
  const inBucket = (b: { minDays: number; maxDays: number | null }) =>
    b.maxDays === null
      ? sql`sum(${bal}) filter (where ${late} >= ${b.minDays})`
      : sql`sum(${bal}) filter (where ${late} between ${b.minDays} and ${b.maxDays})`;

  await tx.execute(sql`delete from customer_balances where workspace_id = ${ws} ${inScope('customer_id')}`);
  // The score needs the case and its promises: joined here so each row is written once.
  await tx.execute(sql`
    insert into customer_balances (
      workspace_id, customer_id, currency, as_of, open_cents, overdue_cents, due_soon_cents,
      aged_1_30_cents, aged_31_60_cents, aged_61_90_cents, aged_91_plus_cents,
      oldest_due_date, earliest_start_date, open_invoices, overdue_invoices, priority)
    select b.*, ${prioritySql(sql`${today}::date`)}
    from (
      select i.workspace_id, i.customer_id, i.currency, ${today}::date as as_of,
        sum(${bal}) as open_cents,
        coalesce(sum(${bal}) filter (where ${late} > 0), 0) as overdue_cents,
        coalesce(${inBucket(soon)}, 0), coalesce(${inBucket(b1)}, 0), coalesce(${inBucket(b2)}, 0),
        coalesce(${inBucket(b3)}, 0), coalesce(${inBucket(b4)}, 0),
        min(i.due_date) as oldest_due_date,
        -- The time bar restarts from the debtor's latest acknowledgement of the debt (a payment plan they accepted).
        greatest(min(coalesce(i.delivered_on, i.issue_date)), max(a.acknowledged_on)) as earliest_start_date,
        count(*) as open_invoices, count(*) filter (where ${late} > 0) as overdue_invoices
      from invoices i
      join customers a on a.workspace_id = i.workspace_id and a.id = i.customer_id
      where i.workspace_id = ${ws} and i.paid_cents < i.amount_cents ${inScope('i.customer_id')}
      group by i.workspace_id, i.customer_id, i.currency
    ) b
    join customers c on c.workspace_id = b.workspace_id and c.id = b.customer_id
    left join cases k on k.workspace_id = b.workspace_id and k.customer_id = b.customer_id
      and k.status not in ('resolved', 'written_off')
    left join ${promiseCounts(ws)} p on p.case_id = k.id`);

  const opened = await rows<{ n: number }>(tx, sql`
    with opened as (
      insert into cases (workspace_id, customer_id, status, owner_id, opened_at, updated_at)
      select b.workspace_id, b.customer_id, 'open', c.owner_id, ${now}::timestamptz, ${now}::timestamptz
      from customer_balances b join customers c on c.id = b.customer_id
      where b.workspace_id = ${ws} and b.overdue_cents > 0 ${inScope('b.customer_id')}
        and not exists (select 1 from cases k where k.workspace_id = b.workspace_id
          and k.customer_id = b.customer_id and k.status not in ('resolved', 'written_off'))
        -- A written-off debt stays written off: only an invoice falling due after the write-off opens a new case.
        and not exists (select 1 from cases w where w.workspace_id = b.workspace_id and w.customer_id = b.customer_id
          and w.status = 'written_off'
          and not exists (select 1 from invoices i where i.workspace_id = w.workspace_id and i.customer_id = w.customer_id
            and i.paid_cents < i.amount_cents and i.due_date < ${today}::date
            and i.due_date > (w.resolved_at at time zone (select timezone from workspaces where id = ${ws}))::date))
      group by b.workspace_id, b.customer_id, c.owner_id
      on conflict do nothing
      returning id, customer_id
    ), logged as (
      insert into activities (workspace_id, case_id, customer_id, kind, actor_id, occurred_at, data)
      select ${ws}, o.id, o.customer_id, 'case_opened', ${scope.actorId}, ${now}::timestamptz,
        jsonb_build_object('overdue', (select jsonb_object_agg(b.currency, b.overdue_cents)
          from customer_balances b where b.workspace_id = ${ws} and b.customer_id = o.customer_id))
      from opened o
      returning 1
    )
    select count(*)::int as n from logged`);

  const resolved = await rows<{ n: number }>(tx, sql`
    with resolved as (
      update cases k set status = 'resolved', resolved_at = ${now}::timestamptz, updated_at = ${now}::timestamptz
      where k.workspace_id = ${ws} and k.status not in ('resolved', 'written_off') ${inScope('k.customer_id')}
        -- Invoices not yet due are ordinary receivables: the case is about what is overdue.
        and not exists (select 1 from customer_balances b where b.workspace_id = k.workspace_id and b.customer_id = k.customer_id
          and b.overdue_cents > 0)
      returning k.id, k.customer_id
    ), cancelled as (
      update tasks t set status = 'cancelled', closed_at = ${now}::timestamptz
      from resolved r where t.case_id = r.id and t.status = 'open'
      returning t.id
    ), logged as (
      insert into activities (workspace_id, case_id, customer_id, kind, actor_id, occurred_at, data)
      select ${ws}, r.id, r.customer_id, 'case_resolved', ${scope.actorId}, ${now}::timestamptz,
        jsonb_build_object('cancelled_tasks', (select count(*) from cancelled))
      from resolved r
      returning 1
    )
    select count(*)::int as n from logged`);

  await tx.execute(scope.customerIds
    ? sql`update workspaces set balances_version = balances_version + 1 where id = ${ws}`
    : sql`update workspaces set balances_version = balances_version + 1, balances_as_of = ${today}::date where id = ${ws}`);
  return { casesOpened: Number(opened[0]?.n ?? 0), casesResolved: Number(resolved[0]?.n ?? 0) };
}

/**
 * Recomputes the stored priority of the scope's balance rows. Called by the
 * refresh and whenever a promise or pause changes a case, since both weigh in.
 */
export async function updatePriorities(tx: Queryable, scope: Pick<RefreshScope, 'workspaceId' | 'today' | 'customerIds'>): Promise<void> {
  const { workspaceId: ws, today } = scope;
  const filter = scope.customerIds ? sql`and b.customer_id = any(${idArray(scope.customerIds)}::bigint[])` : sql``;
  await tx.execute(sql`
    update customer_balances b set priority = ${prioritySql(sql`${today}::date`)}
    from customers c
    left join cases k on k.workspace_id = c.workspace_id and k.customer_id = c.id
      and k.status not in ('resolved', 'written_off')
    left join ${promiseCounts(ws)} p on p.case_id = k.id
    where b.workspace_id = ${ws} and c.workspace_id = b.workspace_id and c.id = b.customer_id ${filter}`);
  await tx.execute(sql`update workspaces set balances_version = balances_version + 1 where id = ${ws}`);
}

/** Broken and pending promises per case of the workspace, for the priority score. */
const promiseCounts = (ws: string) => sql`(
  select case_id, count(*) filter (where status = 'broken') as broken, count(*) filter (where status = 'pending') as pending
  from promises where workspace_id = ${ws} and status in ('broken', 'pending') group by case_id)`;

/**
 * Aging moves with the calendar: the first reader of a new day (or the balances
 * job) rebuilds the workspace's balances. The day is the workspace's calendar day
 * at `now`, read from its own time zone, never a date the caller has in mind: a
 * digest's business date (another zone's, or a --date) must not move everyone's
 * aging, nor write case_opened for invoices not yet due. An advisory lock keeps
 * concurrent readers from rebuilding twice. It never rebuilds backwards by a day
 * (servers' clocks around midnight, a zone moved west): balances further ahead
 * than that can only be wrong, and are rebuilt for today.
 */
export async function ensureBalancesFresh(db: Queryable, workspaceId: string, now: Date): Promise<boolean> {
  const current = async (q: Queryable) => (await rows<{ as_of: string | null; timezone: string }>(q, sql`
    select to_char(balances_as_of, 'YYYY-MM-DD') as as_of, timezone from workspaces where id = ${workspaceId}`))[0];
  const stale = (ws: { as_of: string | null; timezone: string } | undefined): IsoDate | null => {
    if (!ws) return null;
    const today = todayIn(ws.timezone, now);
    return ws.as_of !== null && ws.as_of >= today && ws.as_of <= addDays(today, 1) ? null : today;
  };
  if (stale(await current(db)) === null) return false;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('relance.balances'), hashtext(${workspaceId}))`);
    const today = stale(await current(tx));
    if (today === null) return false;
    await refreshBalances(tx, { workspaceId, today, actorId: 'system', now });
    return true;
  });
}
