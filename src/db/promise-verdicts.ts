// Kept and broken promises, decided set-based: one pass over the pending
// promises of a workspace (or of the customers an import touched) in a
// handful of statements, whatever their number. The rule is
// src/domain/promises.ts; this is its SQL twin.
//
// A verdict writes the promise's status, paid amount and decision time, one
// timeline entry (promise_kept / promise_broken, which the case-thread poster
// picks up), puts a `promised` case back on the ladder (`open`) and recomputes
// the worklist priority of the customers concerned (broken promises raise it,
// pending ones lower it).
import { sql, type SQL } from 'drizzle-orm';
import { isBusinessCalendar, todayIn, type IsoDate } from '../domain/dates.ts';
import { latestDayPastDeadline, promiseLastDay } from '../domain/promises.ts';
import { idArray } from './balances.ts';
import { rows, type Queryable } from './client.ts';
import { prioritySql } from './priority-sql.ts';
import { readSettings } from './settings.ts';

export interface VerdictScope {
  workspaceId: string;
  now: Date;
  /** Only these customers' promises; omit (with customersIn) for the whole workspace. */
  customerIds?: number[];
  /** Only the customers this query returns (one `customer_id` column), e.g. an import's touched customers. */
  customersIn?: SQL;
  /**
   * Do nothing unless some pending promise is past its deadline: the day-end
   * check, which runs every few minutes and so works once per workspace-day.
   */
  onlyWhenDue?: boolean;
}

export interface VerdictResult {
  /** The workspace's date at `now`: deadlines before it have passed. */
  today: IsoDate;
  kept: number;
  broken: number;
  /** The customers whose promises were decided. */
  customerIds: number[];
}

/** Who decides: the timeline names relance itself. */
export const VERDICT_ACTOR = 'system';

/**
 * Decides, in the caller's transaction. Takes the workspace's balances lock
 * (the one imports and rebuilds hold) before deciding, so verdicts and ledger
 * writes never interleave; an import that calls this already holds it.
 */
export async function decidePromises(tx: Queryable, scope: VerdictScope): Promise<VerdictResult> {
  const ws = scope.workspaceId;
  const [workspace] = await rows<{ timezone: string; country: string }>(tx, sql`select timezone, country from workspaces where id = ${ws}`);
  if (!workspace) throw new Error(`workspace ${ws} does not exist`);
  const today = todayIn(workspace.timezone, scope.now);
  const none: VerdictResult = { today, kept: 0, broken: 0, customerIds: [] };
  const calendar = isBusinessCalendar(workspace.country) ? workspace.country : 'none';
  const { promiseGraceDays } = await readSettings(tx, ws);

  const inScope = scope.customerIds
    ? sql`and k.customer_id = any(${idArray(scope.customerIds)}::bigint[])`
    : scope.customersIn ? sql`and k.customer_id in (${scope.customersIn})` : sql``;
  const pending = sql`p.workspace_id = ${ws} and p.status = 'pending' ${inScope}`;
  // The promises table alone when the whole workspace is in scope: an index read (promises_due_idx).
  const from = scope.customerIds || scope.customersIn ? sql`promises p join cases k on k.id = p.case_id` : sql`promises p`;

  if (scope.onlyWhenDue) {
    const cutoff = latestDayPastDeadline(today, promiseGraceDays, calendar);
    const [due] = await rows<{ due: boolean }>(tx, sql`select exists (select 1 from ${from} where ${pending} and p.due_on <= ${cutoff}::date) as due`);
    if (!due?.due) return none;
  }
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('relance.balances'), hashtext(${ws}))`);

  // Deadlines are computed per promised day, not per promise: few distinct days, whatever the number of promises.
  const days = (await rows<{ due_on: string }>(tx, sql`select distinct to_char(p.due_on, 'YYYY-MM-DD') as due_on from ${from} where ${pending}`))
    .map((r) => r.due_on);
  if (days.length === 0) return none;
  const lastDays = days.map((d) => promiseLastDay(d, promiseGraceDays, calendar));

  // 1. The verdicts, read-only: kept when the payments since the promise reach it, broken when its last day is past.
  await tx.execute(sql`drop table if exists pg_temp.promise_verdicts`);
  await tx.execute(sql`
    create temp table promise_verdicts on commit drop as
    with deadline (due_on, last_day) as (
      select * from unnest(${`{${days.join(',')}}`}::date[], ${`{${lastDays.join(',')}}`}::date[])
    )
    select p.id, p.case_id, k.customer_id, coalesce(sum(y.amount_cents), 0)::bigint as paid_cents,
      case when coalesce(sum(y.amount_cents), 0) >= p.amount_cents then 'kept' else 'broken' end::promise_status as verdict
    from promises p
    join cases k on k.id = p.case_id
    join deadline d on d.due_on = p.due_on
    left join invoices i on i.workspace_id = ${ws} and i.customer_id = k.customer_id and i.currency = p.currency
    left join payments y on y.invoice_id = i.id
      and y.paid_on between (p.created_at at time zone ${workspace.timezone})::date and d.last_day
    where ${pending}
    group by p.id, p.case_id, k.customer_id, p.amount_cents, d.last_day
    having coalesce(sum(y.amount_cents), 0) >= p.amount_cents or d.last_day < ${today}::date`);

  // Its size, for the plans below: a few rows join by index, a whole workspace's by hash.
  await tx.execute(sql`analyze promise_verdicts`);

  // 2. The cases first, in id order, as every writer of a case takes them (recordPromise, claims): no two wait on each other in turn.
  await tx.execute(sql`select count(*) from (select k.id from cases k
    where k.id in (select case_id from promise_verdicts) order by k.id for update of k) locked`);

  // 3. Statuses, timeline and cases at once. A promise decided meanwhile by another pass is not pending any more and is skipped.
  const now = scope.now.toISOString();
  const [applied] = await rows<{ kept: number; broken: number; customer_ids: string | null }>(tx, sql`
    with decided as (
      update promises p set status = v.verdict, paid_cents = v.paid_cents, decided_at = ${now}::timestamptz
      from promise_verdicts v
      where p.id = v.id and p.status = 'pending'
      returning p.id, p.case_id, v.customer_id, p.amount_cents, p.currency, p.due_on, p.status, p.paid_cents
    ), logged as (
      insert into activities (workspace_id, case_id, customer_id, kind, actor_id, occurred_at, data)
      select ${ws}, d.case_id, d.customer_id, 'promise_' || d.status, ${VERDICT_ACTOR}, ${now}::timestamptz,
        case when d.status = 'kept'
          then jsonb_build_object('promise_id', d.id, 'amount_cents', d.amount_cents, 'currency', d.currency, 'paid_cents', d.paid_cents)
          else jsonb_build_object('promise_id', d.id, 'amount_cents', d.amount_cents, 'currency', d.currency, 'paid_cents', d.paid_cents,
            'missing_cents', d.amount_cents - d.paid_cents, 'due_on', to_char(d.due_on, 'YYYY-MM-DD'))
        end
      from decided d order by d.id
      returning 1
    ), reopened as (
      -- Back on the ladder, unless another promise of the case is still pending
      -- (this statement sees the promises as they were: pending, the decided ones too).
      update cases k set status = 'open', updated_at = ${now}::timestamptz
      from (select case_id, count(*) as decided from decided group by case_id) d
      where k.id = d.case_id and k.status = 'promised'
        and d.decided = (select count(*) from promises o where o.case_id = d.case_id and o.status = 'pending')
      returning 1
    )
    select count(*) filter (where status = 'kept')::int as kept, count(*) filter (where status = 'broken')::int as broken,
      (select string_agg(distinct customer_id::text, ',') from decided) as customer_ids
    from decided`);
  const customerIds = applied?.customer_ids ? applied.customer_ids.split(',').map(Number) : [];
  if (customerIds.length > 0) await updateDecidedPriorities(tx, ws, today);
  return { today, kept: applied?.kept ?? 0, broken: applied?.broken ?? 0, customerIds };
}

/**
 * The worklist score of the customers just decided, as updatePriorities
 * (src/db/balances.ts) computes it (a test holds them equal), but reading
 * only these customers and their cases' promises rather than joining every
 * customer, case and promise of the workspace to change a twentieth of them.
 */
async function updateDecidedPriorities(tx: Queryable, ws: string, today: IsoDate): Promise<void> {
  await tx.execute(sql`
    with bumped as (update workspaces set balances_version = balances_version + 1 where id = ${ws})
    update customer_balances b set priority = ${prioritySql(sql`${today}::date`)}
    from (select distinct customer_id from promise_verdicts) v
    join customers c on c.id = v.customer_id
    left join cases k on k.workspace_id = c.workspace_id and k.customer_id = c.id and k.status not in ('resolved', 'written_off')
    left join (
      select o.case_id, count(*) filter (where o.status = 'broken') as broken, count(*) filter (where o.status = 'pending') as pending
      from promises o join cases ok on ok.id = o.case_id
      where o.workspace_id = ${ws} and o.status in ('broken', 'pending')
        and ok.customer_id in (select customer_id from promise_verdicts)
      group by o.case_id
    ) p on p.case_id = k.id
    where b.workspace_id = ${ws} and b.customer_id = v.customer_id`);
}
