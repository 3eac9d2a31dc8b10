// What `/collect stats` counts, in two set-based statements whatever the size
// of the ledger: the receivables per currency at the two edges of the period,
// and what each person did in it. Money is summed per currency, never across.
// The period's payments and activities are read by date (migration 0013);
// the invoices are read once, as any balance at a past date needs.
import { sql, type SQL } from 'drizzle-orm';
import { addDays, zonedTimeToUtc, type IsoDate } from '../domain/dates.ts';
import { CONTACT_WINDOW_DAYS, CONVERSATION_OUTCOMES, STATS_BUCKETS, type CollectorFigures, type LedgerFigures, type PromiseOutcomes } from '../domain/stats.ts';
import { rows, type Db, type Queryable } from './client.ts';

export interface StatsQuery {
  workspaceId: string;
  start: IsoDate;
  end: IsoDate;
  /** The workspace's zone: where the period's days begin and end. */
  timeZone: string;
}

export interface StatsData {
  ledger: LedgerFigures[];
  promises: PromiseOutcomes;
  /** Everyone who logged a call, took a promise, had one decided or collected after contact in the period. */
  collectors: CollectorFigures[];
}

type LedgerRow = {
  currency: string; receivable_before: string; receivable_end: string; overdue_end: string; credit_sales: string;
  b1: string; b2: string; b3: string; b4: string;
};

/**
 * Compiling these statements (PostgreSQL's JIT kicks in on their size) costs
 * about 0.4 s each on a million invoices and saves less than that: off, for
 * this read-only transaction only.
 */
function readWithoutJit<T>(db: Queryable, query: SQL): Promise<T[]> {
  return (db as Db).transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    return rows<T>(tx, query);
  });
}

/**
 * Receivables at a day D = for each invoice issued on or before D, its amount
 * less its payments dated on or before D, at least 0 (an overpaid invoice does
 * not offset another). invoices.paid_cents is today's sum of payments, so an
 * invoice's balance at D is amount − paid_cents + its payments dated after D:
 * only the payments after the day before the period are read, and only the
 * invoices that are unpaid now, were paid after that day or were issued in
 * the period can have a balance at either edge or be a sale of the period.
 */
export async function loadLedgerFigures(db: Queryable, q: StatsQuery): Promise<LedgerFigures[]> {
  const list = await readWithoutJit<LedgerRow>(db, ledgerSql(q));
  return list.map((r) => ({
    currency: r.currency,
    receivableBefore: Number(r.receivable_before),
    receivableEnd: Number(r.receivable_end),
    overdueEnd: Number(r.overdue_end),
    creditSales: Number(r.credit_sales),
    buckets: [Number(r.b1), Number(r.b2), Number(r.b3), Number(r.b4)],
  }));
}

/** The statement of loadLedgerFigures (exported for EXPLAIN). */
export function ledgerSql(q: StatsQuery): SQL {
  const ws = q.workspaceId;
  const before = addDays(q.start, -1);
  const end = sql`${q.end}::date`;
  const bucket = (b: (typeof STATS_BUCKETS)[number]) => b.maxDays === null
    ? sql`coalesce(sum(at_end) filter (where ${end} - due_date >= ${b.minDays}), 0)::text`
    : sql`coalesce(sum(at_end) filter (where ${end} - due_date between ${b.minDays} and ${b.maxDays}), 0)::text`;
  const [b1, b2, b3, b4] = STATS_BUCKETS.map(bucket);
  return sql`
    with later as (
      select y.invoice_id, sum(y.amount_cents) as after_before,
        coalesce(sum(y.amount_cents) filter (where y.paid_on > ${end}), 0) as after_end
      from payments y
      where y.workspace_id = ${ws} and y.paid_on > ${before}::date
      group by y.invoice_id
    ), balances as (
      select i.currency, i.issue_date, i.due_date, i.amount_cents,
        greatest(i.amount_cents - i.paid_cents + coalesce(l.after_before, 0), 0) as at_before,
        greatest(i.amount_cents - i.paid_cents + coalesce(l.after_end, 0), 0) as at_end
      from invoices i left join later l on l.invoice_id = i.id
      where i.workspace_id = ${ws} and i.issue_date <= ${end}
        and (i.paid_cents < i.amount_cents or l.invoice_id is not null or i.issue_date >= ${q.start}::date)
    )
    select currency,
      coalesce(sum(at_before) filter (where issue_date <= ${before}::date), 0)::text as receivable_before,
      coalesce(sum(at_end), 0)::text as receivable_end,
      coalesce(sum(at_end) filter (where due_date < ${end}), 0)::text as overdue_end,
      coalesce(sum(amount_cents) filter (where issue_date >= ${q.start}::date), 0)::text as credit_sales,
      ${b1} as b1, ${b2} as b2, ${b3} as b3, ${b4} as b4
    from balances
    group by currency
    order by currency`;
}

type PersonRow = {
  user_id: string; currency: string | null; calls: number; conversations: number; taken: number;
  kept: number; partly_kept: number; broken: number; collected: string;
};

/**
 * Per person, in the period (its days in the workspace's zone): calls logged
 * and those that reached someone, promises taken, promises they took that were
 * decided, and payments dated in the period on the invoices of a customer
 * they had a conversation with in the CONTACT_WINDOW_DAYS days up to the
 * payment's day — each payment to the latest such conversation only.
 */
export async function loadPeopleFigures(db: Queryable, q: StatsQuery): Promise<{ collectors: CollectorFigures[]; promises: PromiseOutcomes }> {
  const list = await readWithoutJit<PersonRow>(db, peopleSql(q));
  return peopleFrom(list);
}

/** The statement of loadPeopleFigures (exported for EXPLAIN). */
export function peopleSql(q: StatsQuery): SQL {
  const ws = q.workspaceId;
  const from = zonedTimeToUtc(q.start, '00:00', q.timeZone).toISOString();
  const until = zonedTimeToUtc(addDays(q.end, 1), '00:00', q.timeZone).toISOString();
  const conversation = sql`${`{${CONVERSATION_OUTCOMES.join(',')}}`}::text[]`;
  // The conversations that can come before a payment of the period (a day more: the exact window is per payment, below).
  const contactFrom = zonedTimeToUtc(addDays(q.start, -CONTACT_WINDOW_DAYS - 1), '00:00', q.timeZone).toISOString();
  return sql`
    with contacts as materialized (
      select a.id, a.customer_id, a.actor_id, a.occurred_at from activities a
      where a.workspace_id = ${ws} and a.kind = 'call_logged' and a.data->>'outcome' = any(${conversation})
        and a.occurred_at >= ${contactFrom}::timestamptz and a.occurred_at < ${until}::timestamptz
    ), paid as materialized (
      select y.id, y.amount_cents, y.paid_on, i.customer_id, i.currency::text as currency
      from payments y join invoices i on i.id = y.invoice_id
      where y.workspace_id = ${ws} and y.paid_on between ${q.start}::date and ${q.end}::date
    )
    select user_id, currency, sum(calls)::int as calls, sum(conversations)::int as conversations, sum(taken)::int as taken,
      sum(kept)::int as kept, sum(partly_kept)::int as partly_kept, sum(broken)::int as broken, sum(collected)::text as collected
    from (
      select a.actor_id as user_id, null::text as currency,
        (a.kind = 'call_logged')::int as calls,
        (a.kind = 'call_logged' and a.data->>'outcome' = any(${conversation}))::int as conversations,
        (a.kind = 'promise_taken')::int as taken, 0 as kept, 0 as partly_kept, 0 as broken, 0::bigint as collected
      from activities a
      where a.workspace_id = ${ws} and a.kind in ('call_logged', 'promise_taken')
        and a.occurred_at >= ${from}::timestamptz and a.occurred_at < ${until}::timestamptz
      union all
      select p.taken_by, null, 0, 0, 0, (p.status = 'kept')::int, (p.status = 'partly_kept')::int, (p.status = 'broken')::int, 0
      from promises p
      where p.workspace_id = ${ws} and p.status in ('kept', 'partly_kept', 'broken')
        and p.decided_at >= ${from}::timestamptz and p.decided_at < ${until}::timestamptz
      union all
      (select distinct on (p.id) c.actor_id, p.currency, 0, 0, 0, 0, 0, 0, p.amount_cents
      from paid p
      join contacts c on c.customer_id = p.customer_id
        and c.occurred_at >= ((p.paid_on - ${CONTACT_WINDOW_DAYS}::int)::timestamp at time zone ${q.timeZone})
        and c.occurred_at < ((p.paid_on + 1)::timestamp at time zone ${q.timeZone})
      order by p.id, c.occurred_at desc, c.id desc)
    ) m
    group by user_id, currency`;
}

function peopleFrom(list: PersonRow[]): { collectors: CollectorFigures[]; promises: PromiseOutcomes } {
  const people = new Map<string, CollectorFigures>();
  const promises: PromiseOutcomes = { kept: 0, partlyKept: 0, broken: 0 };
  for (const r of list) {
    let c = people.get(r.user_id);
    if (!c) {
      c = { userId: r.user_id, calls: 0, conversations: 0, promisesTaken: 0, promisesKept: 0, promisesDecided: 0, collected: [] };
      people.set(r.user_id, c);
    }
    c.calls += r.calls;
    c.conversations += r.conversations;
    c.promisesTaken += r.taken;
    c.promisesKept += r.kept;
    c.promisesDecided += r.kept + r.partly_kept + r.broken;
    promises.kept += r.kept;
    promises.partlyKept += r.partly_kept;
    promises.broken += r.broken;
    const cents = Number(r.collected);
    if (r.currency && cents !== 0) c.collected.push({ currency: r.currency, cents });
  }
  for (const c of people.values()) c.collected.sort((a, b) => (a.currency < b.currency ? -1 : 1));
  return { collectors: [...people.values()], promises };
}

export async function loadStats(db: Queryable, q: StatsQuery): Promise<StatsData> {
  const [ledger, people] = await Promise.all([loadLedgerFigures(db, q), loadPeopleFigures(db, q)]);
  return { ledger, ...people };
}
