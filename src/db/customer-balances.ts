// The balances and case of one customer after a single-record write (the
// intake API's PUT and POST), in one statement: the same rows, cases and
// timeline entries as refreshBalances scoped to that customer (src/db/balances.ts),
// which takes five statements, reads the workspace's promises whole for the
// priority score and bumps the workspace row's balances_version, whose lock
// queues every other writer of the workspace until the commit. Here the new
// balance rows are a CTE that the upsert, the case opening and the case
// resolution all read, and the version moves on a shard of the customer
// (drizzle/0022) instead.
//
// The caller holds `relance.balances` (shared at least) and the customer row
// (FOR NO KEY UPDATE), as the per-customer refresh requires.
import { sql } from 'drizzle-orm';
import type { IsoDate } from '../domain/dates.ts';
import { bucket, type RefreshResult } from './balances.ts';
import type { Queryable } from './client.ts';
import { statementOnce } from './prepared.ts';
import { prioritySql } from './priority-sql.ts';

/** Shards of a workspace's balances version: writers of different shards never wait for each other. */
export const BALANCES_VERSION_SHARDS = 128;

export interface CustomerRefresh {
  workspaceId: string;
  customerId: number;
  today: IsoDate;
  /** Who caused it, for the case timeline ('api', 'import'…). */
  actorId: string;
  now: Date;
}

/**
 * Rebuilds the customer's customer_balances rows, opens or resolves its case,
 * and bumps its shard of the balances version, in the caller's transaction.
 */
export async function refreshCustomerBalances(tx: Queryable, scope: CustomerRefresh): Promise<RefreshResult> {
  const [counts] = await refreshStatement<{ opened: number; resolved: number }>(tx, {
    ws: scope.workspaceId, cid: scope.customerId, today: scope.today, now: scope.now.toISOString(), actor: scope.actorId,
    shard: scope.customerId % BALANCES_VERSION_SHARDS,
  });
  return { casesOpened: Number(counts?.opened ?? 0), casesResolved: Number(counts?.resolved ?? 0) };
}

// Built once (statementOnce): the statement is big, and every single-record write runs it.
const refreshStatement = statementOnce(['ws', 'cid', 'today', 'now', 'actor', 'shard'], ({ ws, cid, today, now, actor, shard }) => {
  const late = sql`(${today}::date - i.due_date)`;
  const bal = sql`(i.amount_cents - i.paid_cents)`;
  const inBucket = (b: { minDays: number; maxDays: number | null }) => b.maxDays === null
    ? sql`coalesce(sum(${bal}) filter (where ${late} >= ${b.minDays}), 0)::bigint`
    : sql`coalesce(sum(${bal}) filter (where ${late} between ${b.minDays} and ${b.maxDays}), 0)::bigint`;
  const overdue = sql`exists (select 1 from fresh f where f.overdue_cents > 0)`;

  // Every CTE reads the snapshot from before the statement: the case (k) the
  // priority weighs is the one before opening or resolving, as in refreshBalances,
  // and whatever reads the new balances reads them from `fresh`.
  return sql`
    with fresh as (
      select i.workspace_id, i.customer_id, i.currency, ${today}::date as as_of,
        sum(${bal})::bigint as open_cents,
        coalesce(sum(${bal}) filter (where ${late} > 0), 0)::bigint as overdue_cents,
        ${inBucket(bucket('due_soon'))} as due_soon_cents, ${inBucket(bucket('1_30'))} as aged_1_30_cents,
        ${inBucket(bucket('31_60'))} as aged_31_60_cents, ${inBucket(bucket('61_90'))} as aged_61_90_cents,
        ${inBucket(bucket('91_plus'))} as aged_91_plus_cents,
        min(i.due_date) as oldest_due_date,
        greatest(min(coalesce(i.delivered_on, i.issue_date)), max(a.acknowledged_on)) as earliest_start_date,
        count(*)::int as open_invoices, (count(*) filter (where ${late} > 0))::int as overdue_invoices
      from invoices i
      join customers a on a.workspace_id = i.workspace_id and a.id = i.customer_id
      where i.workspace_id = ${ws} and i.customer_id = ${cid} and i.paid_cents < i.amount_cents
      group by i.workspace_id, i.customer_id, i.currency
    ), active as (
      select k.id, k.status from cases k
      where k.workspace_id = ${ws} and k.customer_id = ${cid} and k.status not in ('resolved', 'written_off')
    ), promised as (
      select count(*) filter (where status = 'broken') as broken, count(*) filter (where status = 'pending') as pending
      from promises where workspace_id = ${ws} and case_id in (select id from active) and status in ('broken', 'pending')
    ), dropped as (
      -- Currencies left without anything unpaid (the rest are overwritten below, each row written once).
      delete from customer_balances where workspace_id = ${ws} and customer_id = ${cid}
        and currency not in (select currency from fresh)
    ), written as (
      insert into customer_balances (
        workspace_id, customer_id, currency, as_of, open_cents, overdue_cents, due_soon_cents,
        aged_1_30_cents, aged_31_60_cents, aged_61_90_cents, aged_91_plus_cents,
        oldest_due_date, earliest_start_date, open_invoices, overdue_invoices, priority)
      select b.*, ${prioritySql(sql`${today}::date`)}
      from fresh b
      join customers c on c.workspace_id = b.workspace_id and c.id = b.customer_id
      left join active k on true
      left join promised p on true
      on conflict (workspace_id, customer_id, currency) do update set
        as_of = excluded.as_of, open_cents = excluded.open_cents, overdue_cents = excluded.overdue_cents,
        due_soon_cents = excluded.due_soon_cents, aged_1_30_cents = excluded.aged_1_30_cents,
        aged_31_60_cents = excluded.aged_31_60_cents, aged_61_90_cents = excluded.aged_61_90_cents,
        aged_91_plus_cents = excluded.aged_91_plus_cents, oldest_due_date = excluded.oldest_due_date,
        earliest_start_date = excluded.earliest_start_date, open_invoices = excluded.open_invoices,
        overdue_invoices = excluded.overdue_invoices, priority = excluded.priority
    ), opened as (
      insert into cases (workspace_id, customer_id, status, owner_id, opened_at, updated_at)
      select c.workspace_id, c.id, 'open', c.owner_id, ${now}::timestamptz, ${now}::timestamptz
      from customers c
      where c.workspace_id = ${ws} and c.id = ${cid} and ${overdue}
        and not exists (select 1 from active)
        -- A written-off debt stays written off: only an invoice falling due after the write-off opens a new case.
        and not exists (select 1 from cases w where w.workspace_id = c.workspace_id and w.customer_id = c.id
          and w.status = 'written_off'
          and not exists (select 1 from invoices i where i.workspace_id = w.workspace_id and i.customer_id = w.customer_id
            and i.paid_cents < i.amount_cents and i.due_date < ${today}::date
            and i.due_date > (w.resolved_at at time zone (select timezone from workspaces where id = ${ws}))::date))
      on conflict do nothing
      returning id, customer_id
    ), opened_logged as (
      insert into activities (workspace_id, case_id, customer_id, kind, actor_id, occurred_at, data)
      select ${ws}, o.id, o.customer_id, 'case_opened', ${actor}, ${now}::timestamptz,
        jsonb_build_object('overdue', (select jsonb_object_agg(f.currency, f.overdue_cents) from fresh f))
      from opened o
      returning 1
    ), resolved as (
      update cases k set status = 'resolved', resolved_at = ${now}::timestamptz, updated_at = ${now}::timestamptz
      where k.id in (select id from active) and not ${overdue}
      returning k.id, k.customer_id
    ), cancelled as (
      update tasks t set status = 'cancelled', closed_at = ${now}::timestamptz
      from resolved r where t.case_id = r.id and t.status = 'open'
      returning t.id
    ), resolved_logged as (
      insert into activities (workspace_id, case_id, customer_id, kind, actor_id, occurred_at, data)
      select ${ws}, r.id, r.customer_id, 'case_resolved', ${actor}, ${now}::timestamptz,
        jsonb_build_object('cancelled_tasks', (select count(*) from cancelled))
      from resolved r
      returning 1
    ), bumped as (
      insert into balances_version_shards as v (workspace_id, shard, version)
      values (${ws}, ${shard}, 1)
      on conflict (workspace_id, shard) do update set version = v.version + 1
    )
    select (select count(*) from opened_logged)::int as opened, (select count(*) from resolved_logged)::int as resolved`;
});
