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
//
// Payment plans (src/domain/instalments.ts) go through the same pass: an
// instalment is a promise whose payments count past the earlier instalments'
// sum (counted_from_cents). The first missed instalment breaks its plan at
// once — plan `broken`, the later instalments cancelled, one `plan_broken`
// entry, the case back from its plan pause — and the last one kept keeps it
// (`plan_kept`). Other instalments kept say so (`instalment_kept`); a plan
// kept in this pass says it once, not once per instalment.
import { sql, type SQL } from 'drizzle-orm';
import { isBusinessCalendar, todayIn, type IsoDate } from '../domain/dates.ts';
import { latestDayPastDeadline, promiseLastDay } from '../domain/promises.ts';
import { idArray } from './balances.ts';
import { ESCALATED_STATUSES } from './pauses.ts';
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
  // An instalment counts the payments past the earlier instalments, and what it records is clipped to 0…its amount.
  // A plan's first broken instalment ends the plan: its later instalments get no verdict (step 3 cancels them).
  await tx.execute(sql`drop table if exists pg_temp.promise_verdicts`);
  await tx.execute(sql`
    create temp table promise_verdicts on commit drop as
    with deadline (due_on, last_day) as (
      select * from unnest(${`{${days.join(',')}}`}::date[], ${`{${lastDays.join(',')}}`}::date[])
    ), judged as (
      select p.id, p.case_id, k.customer_id, p.plan_id, p.instalment, p.amount_cents,
        coalesce(sum(y.amount_cents), 0) - p.counted_from_cents as paid,
        case when coalesce(sum(y.amount_cents), 0) - p.counted_from_cents >= p.amount_cents then 'kept' else 'broken' end::promise_status as verdict
      from promises p
      join cases k on k.id = p.case_id
      join deadline d on d.due_on = p.due_on
      left join invoices i on i.workspace_id = ${ws} and i.customer_id = k.customer_id and i.currency = p.currency
      left join payments y on y.invoice_id = i.id
        and y.paid_on between (p.created_at at time zone ${workspace.timezone})::date and d.last_day
      where ${pending}
      group by p.id, p.case_id, k.customer_id, p.amount_cents, d.last_day
      having coalesce(sum(y.amount_cents), 0) - p.counted_from_cents >= p.amount_cents or d.last_day < ${today}::date
    ), first_broken as (
      select plan_id, min(instalment) as instalment from judged where plan_id is not null and verdict = 'broken' group by plan_id
    )
    select j.id, j.case_id, j.customer_id, j.plan_id, j.instalment,
      (case when j.plan_id is null then j.paid else greatest(0, least(j.paid, j.amount_cents)) end)::bigint as paid_cents, j.verdict
    from judged j left join first_broken f on f.plan_id = j.plan_id
    where f.plan_id is null or j.instalment <= f.instalment`);

  // Its size, for the plans below: a few rows join by index, a whole workspace's by hash.
  await tx.execute(sql`analyze promise_verdicts`);

  // 2. The cases first, in id order, as every writer of a case takes them (recordPromise, claims): no two wait on each other in turn.
  await tx.execute(sql`select count(*) from (select k.id from cases k
    where k.id in (select case_id from promise_verdicts) order by k.id for update of k) locked`);

  // 3. Statuses, timeline and cases at once. A promise decided meanwhile by another pass is not pending any more and is skipped.
  // Every part below sees the tables as they were before the statement (the decided promises still pending), hence the exclusions.
  const now = scope.now.toISOString();
  const escalated = sql.raw(ESCALATED_STATUSES.map((s) => `'${s}'`).join(', '));
  const [applied] = await rows<{ kept: number; broken: number; customer_ids: string | null }>(tx, sql`
    with decided as (
      update promises p set status = v.verdict, paid_cents = v.paid_cents, decided_at = ${now}::timestamptz
      from promise_verdicts v
      where p.id = v.id and p.status = 'pending'
      returning p.id, p.case_id, v.customer_id, p.plan_id, p.instalment, p.amount_cents, p.currency, p.due_on, p.status, p.paid_cents
    ), plans_broken as (
      update payment_plans pl set status = 'broken', decided_at = ${now}::timestamptz
      from decided d
      where pl.id = d.plan_id and d.status = 'broken' and pl.status = 'active'
      returning pl.id, pl.case_id, pl.instalments, pl.status_before
    ), plans_kept as (
      update payment_plans pl set status = 'kept', decided_at = ${now}::timestamptz
      from (select distinct plan_id from decided where status = 'kept' and plan_id is not null) d
      where pl.id = d.plan_id and pl.status = 'active'
        and not exists (select 1 from decided b where b.plan_id = pl.id and b.status = 'broken')
        and not exists (select 1 from promises o where o.case_id = pl.case_id and o.plan_id = pl.id and o.status = 'pending'
          and o.id not in (select id from decided))
      returning pl.id, pl.case_id, pl.customer_id, pl.total_cents, pl.currency, pl.instalments, pl.status_before
    ), cancelled as (
      update promises p set status = 'cancelled', decided_at = ${now}::timestamptz
      from plans_broken b
      where p.case_id = b.case_id and p.plan_id = b.id and p.status = 'pending' and p.id not in (select id from decided)
      returning p.id, p.case_id
    ), logged as (
      insert into activities (workspace_id, case_id, customer_id, kind, actor_id, occurred_at, data)
      select ${ws}, e.case_id, e.customer_id, e.kind, ${VERDICT_ACTOR}, ${now}::timestamptz, e.data
      from (
        select d.id as seq, d.case_id, d.customer_id,
          case when d.plan_id is null then 'promise_' || d.status when d.status = 'broken' then 'plan_broken' else 'instalment_kept' end as kind,
          case when d.status = 'kept'
            then jsonb_build_object('promise_id', d.id, 'amount_cents', d.amount_cents, 'currency', d.currency, 'paid_cents', d.paid_cents)
            else jsonb_build_object('promise_id', d.id, 'amount_cents', d.amount_cents, 'currency', d.currency, 'paid_cents', d.paid_cents,
              'missing_cents', d.amount_cents - d.paid_cents, 'due_on', to_char(d.due_on, 'YYYY-MM-DD'))
          end || case when d.plan_id is null then '{}'::jsonb
            else jsonb_build_object('plan_id', d.plan_id, 'instalment', d.instalment, 'instalments', pl.instalments) end as data
        from decided d left join payment_plans pl on pl.id = d.plan_id
        where d.plan_id is null or d.status = 'broken' or d.plan_id not in (select id from plans_kept)
        union all
        select (select max(d.id) from decided d where d.plan_id = k.id), k.case_id, k.customer_id, 'plan_kept',
          jsonb_build_object('plan_id', k.id, 'amount_cents', k.total_cents, 'currency', k.currency, 'instalments', k.instalments)
        from plans_kept k
      ) e order by e.seq
      returning 1
    ), reopened as (
      -- Back on the ladder, unless another promise of the case is still pending
      -- (this statement sees the promises as they were: pending, the decided and cancelled ones too).
      update cases k set status = 'open', updated_at = ${now}::timestamptz
      from (select case_id, count(*) as decided from decided group by case_id) d
      where k.id = d.case_id and k.status = 'promised'
        and d.decided + (select count(*) from cancelled c where c.case_id = d.case_id)
          = (select count(*) from promises o where o.case_id = d.case_id and o.status = 'pending')
      returning 1
    ), plan_ended as (
      -- A plan kept or broken ends its pause: back to the escalation it interrupted, else open.
      update cases k set status = (case when e.status_before in (${escalated}) then e.status_before else 'open' end)::case_status,
        paused_until = null, pause_reason = null, updated_at = ${now}::timestamptz
      from (select case_id, status_before from plans_broken union all select case_id, status_before from plans_kept) e
      where k.id = e.case_id and k.status = 'paused' and k.pause_reason = 'plan'
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
