// The overdue worklist: the highest-priority debtors first, read from the
// balance summary (one row per debtor and currency), never from every invoice.
import type { IsoDate } from '../domain/dates.ts';
import { idArray } from './balances.ts';
import type { Queryable } from './client.ts';
import { preparedRows } from './prepared.ts';

export type WorklistScope = 'all' | { ownerId: string };

export interface WorklistQuery {
  workspaceId: string;
  today: IsoDate;
  scope: WorklistScope;
  /** Only debtors whose oldest unpaid invoice is more than this many days overdue. */
  minDaysOverdue: number;
  limit: number;
  /** Only cases someone should act on today: open (not promised, paused, or handed off). */
  actionableOnly?: boolean;
}

export interface WorklistEntry {
  customerId: number;
  customerRef: string;
  name: string;
  kind: 'b2b' | 'b2c';
  caseId: number | null;
  status: string | null;
  stage: string | null;
  ownerId: string | null;
  priority: number;
  /** Per currency, largest first. */
  balances: { currency: string; overdueCents: number; openCents: number; overdueInvoices: number }[];
  oldestDueDate: IsoDate;
  daysOverdue: number;
  earliestStartDate: IsoDate | null;
  /** While the case is paused: until when, why (dispute, plan, other) and, for a dispute, its reason. */
  pause?: { until: IsoDate; reason: string | null; dispute: string | null } | null;
}

export interface Worklist {
  entries: WorklistEntry[];
  /** Debtors matching the query, all pages. */
  totalCases: number;
  totals: { currency: string; overdueCents: number }[];
}

/** The query's filter on `customer_balances b`, with its values from `$first` on: a fixed text per kind of query. */
function filterText(q: WorklistQuery, first: number): { text: string; params: unknown[] } {
  const params: unknown[] = [q.workspaceId];
  let text = `b.workspace_id = $${first} and b.overdue_cents > 0`;
  const param = (value: unknown) => `$${first + params.push(value) - 1}`;
  if (q.minDaysOverdue > 0) text += ` and b.oldest_due_date < ${param(q.today)}::date - ${param(q.minDaysOverdue)}::int`;
  if (q.scope !== 'all') {
    text += ` and exists (select 1 from cases k where k.workspace_id = b.workspace_id and k.customer_id = b.customer_id
        and k.status not in ('resolved', 'written_off') and k.owner_id = ${param(q.scope.ownerId)})`;
  }
  if (q.actionableOnly) {
    text += ` and b.priority > 0 and exists (select 1 from cases k where k.workspace_id = b.workspace_id and k.customer_id = b.customer_id and k.status = 'open')`;
  }
  return { text, params };
}

/** The balance summary's day and time zone, read with the page so that a fresh summary costs no statement of its own. */
export interface BalancesDay {
  asOf: IsoDate | null;
  timezone: string;
}

/** A page of the worklist without its totals, and what it was read from. */
export interface WorklistPage {
  /** Null when the workspace does not exist. */
  balances: BalancesDay | null;
  /** The balances version the page was read at (see worklistTotals). */
  version: string;
  entries: WorklistEntry[];
}

// The columns of one debtor's balance row with its customer and open case
// (EntryRow), for `b` joined to `c` and `k` as in ENTRY_JOINS.
const ENTRY_COLUMNS = `c.id as customer_id, c.customer_ref, c.name, c.kind, k.id as case_id, k.status, k.stage, k.owner_id,
      b.currency, b.overdue_cents, b.open_cents, b.overdue_invoices, b.priority,
      to_char(b.oldest_due_date, 'YYYY-MM-DD') as oldest_due_date,
      to_char(b.earliest_start_date, 'YYYY-MM-DD') as earliest_start_date,
      to_char(k.paused_until, 'YYYY-MM-DD') as paused_until, k.pause_reason,
      case when k.status = 'paused' then (select a.data->>'dispute' from activities a
        where a.workspace_id = k.workspace_id and a.case_id = k.id and a.kind = 'case_paused'
        order by a.occurred_at desc, a.id desc limit 1) end as pause_dispute`;
const ENTRY_JOINS = `join customers c on c.id = b.customer_id
    left join cases k on k.workspace_id = b.workspace_id and k.customer_id = b.customer_id
      and k.status not in ('resolved', 'written_off')`;
const PRIORITY_ORDER = 'b.priority desc nulls last, b.overdue_cents desc nulls last, b.customer_id';

/** Per kind of query (limit, scope, age filter, actionable): the text is fixed, so it is prepared once per connection. */
const pageTexts = new Map<string, string>();

/**
 * One statement for a page of the worklist: the workspace's balances day and
 * version, the top debtors (walking the priority index; a debtor with several
 * currencies has several rows, so a few more than needed are read and the first
 * `limit` distinct debtors kept) and all their balance rows, in rank order.
 */
function pageStatement(q: WorklistQuery): { text: string; params: unknown[] } {
  // The limits are written in the text: with them as parameters, PostgreSQL's generic plan
  // (used once a statement has run a few times) reads every customer; with them, it
  // walks the index as the per-execution plan does, and the plan is not rebuilt each time.
  if (!Number.isSafeInteger(q.limit) || q.limit < 0) throw new RangeError(`worklist limit ${q.limit}`);
  const filter = filterText(q, 1);
  const kind = `${q.limit}|${q.scope === 'all' ? 'all' : 'owner'}|${q.minDaysOverdue > 0}|${Boolean(q.actionableOnly)}`;
  let text = pageTexts.get(kind);
  if (text === undefined) {
    text = `with ws as (
      select to_char(w.balances_as_of, 'YYYY-MM-DD') as as_of, w.timezone,
        -- The workspace row's birth goes in too: a workspace deleted and made again (the demo's reset)
        -- starts its counters from zero, and must not find the totals cached for the old one.
        (extract(epoch from w.created_at)::text || ':'
          || (w.balances_version + coalesce((select sum(s.version) from balances_version_shards s where s.workspace_id = w.id), 0))::text) as version
      from workspaces w where w.id = $1
    ), top as (
      select b.customer_id, row_number() over (order by ${PRIORITY_ORDER}) as n
      from customer_balances b where ${filter.text}
      order by ${PRIORITY_ORDER}
      limit ${q.limit * 3}
    ), page as (
      select customer_id, min(n) as rank from top group by customer_id order by rank limit ${q.limit}
    )
    select ws.as_of as balances_as_of, ws.timezone as balances_timezone, ws.version as balances_version, e.*
    from ws left join (
      select p.rank, ${ENTRY_COLUMNS}
      from page p join customer_balances b on b.workspace_id = $1 and b.customer_id = p.customer_id
      ${ENTRY_JOINS}
    ) e on true
    order by e.rank, e.overdue_cents desc`;
    pageTexts.set(kind, text);
  }
  return { text, params: filter.params };
}

type PageRow = EntryRow & { balances_as_of: string | null; balances_timezone: string; balances_version: string; rank: string | number | null };

/** A page of the worklist, with the day of the balances it was read from: the caller rebuilds them if stale. */
export async function readWorklistPage(db: Queryable, q: WorklistQuery): Promise<WorklistPage> {
  const page = pageStatement(q);
  const found = await preparedRows<PageRow>(db, page.text, page.params);
  const head = found[0];
  return {
    balances: head ? { asOf: head.balances_as_of, timezone: head.balances_timezone } : null,
    version: head?.balances_version ?? '0',
    entries: entriesFromRows(q.today, found.filter((r) => r.rank !== null)),
  };
}

export async function loadWorklist(db: Queryable, q: WorklistQuery): Promise<Worklist> {
  const page = await readWorklistPage(db, q);
  return { entries: page.entries, ...(await worklistTotals(db, q, page.version)) };
}

type Totals = Pick<Worklist, 'totals' | 'totalCases'>;
/** Per database handle: two databases in one process (the sandbox beside a test, or test files sharing a worker) never share totals. */
const totalsCaches = new WeakMap<object, Map<string, Totals>>();
const TOTALS_CACHE_SIZE = 500;

/**
 * Totals read every matching balance row, so they are kept per balances
 * version: until a ledger write, a case change or the daily rebuild bumps it,
 * the same question has the same answer and costs nothing.
 */
export async function worklistTotals(db: Queryable, q: WorklistQuery, version: string): Promise<Totals> {
  // The version moves with every change of the balance summary and of cases
  // (owner, status: a trigger), so every scope and filter can be cached on it.
  // Single-record writes bump shards instead of the workspace row (drizzle/0022): the sum moves with any of them.
  const scope = q.scope === 'all' ? 'all' : q.scope.ownerId;
  const key = [q.workspaceId, version, q.today, scope, q.minDaysOverdue, q.actionableOnly ? 'actionable' : 'any'].join('|');
  let totalsCache = totalsCaches.get(db);
  if (!totalsCache) totalsCaches.set(db, (totalsCache = new Map()));
  const hit = totalsCache.get(key);
  if (hit) return hit;
  const where = filterText(q, 1);
  // Two hash aggregates on separate connections: one statement with grouping sets sorted to disk.
  const [byCurrency, [debtors]] = await Promise.all([
    preparedRows<{ currency: string; overdue: string | number }>(db, `
      select b.currency, sum(b.overdue_cents) as overdue from customer_balances b where ${where.text}
      group by b.currency order by b.currency`, where.params),
    preparedRows<{ n: number }>(db, `select count(distinct b.customer_id)::int as n from customer_balances b where ${where.text}`, where.params),
  ]);
  const totals = {
    totalCases: Number(debtors?.n ?? 0),
    totals: byCurrency.map((t) => ({ currency: t.currency, overdueCents: Number(t.overdue) })),
  };
  if (totalsCache.size >= TOTALS_CACHE_SIZE) totalsCache.delete(totalsCache.keys().next().value!);
  totalsCache.set(key, totals);
  return totals;
}

interface EntryRow {
  customer_id: string | number;
  customer_ref: string;
  name: string;
  kind: 'b2b' | 'b2c';
  case_id: string | number | null;
  status: string | null;
  stage: string | null;
  owner_id: string | null;
  currency: string;
  overdue_cents: string | number;
  open_cents: string | number;
  overdue_invoices: number;
  priority: number;
  oldest_due_date: string;
  earliest_start_date: string | null;
  paused_until: string | null;
  pause_reason: string | null;
  pause_dispute: string | null;
}

const ENTRIES_TEXT = `
    select ${ENTRY_COLUMNS}
    from customer_balances b
    ${ENTRY_JOINS}
    where b.workspace_id = $1 and b.customer_id = any($2::bigint[])
    order by b.overdue_cents desc`;

/** The debtors `ids` with all their balance rows, in the order of `ids`. */
export async function loadEntries(db: Queryable, workspaceId: string, today: IsoDate, ids: number[]): Promise<WorklistEntry[]> {
  const byId = new Map(entriesFromRows(today, await preparedRows<EntryRow>(db, ENTRIES_TEXT, [workspaceId, idArray(ids)])).map((e) => [e.customerId, e]));
  return ids.map((id) => byId.get(id)).filter((e): e is WorklistEntry => e !== undefined);
}

/** Balance rows (a debtor's rows together or not, each debtor's largest first) as entries, in the order each debtor first appears. */
function entriesFromRows(today: IsoDate, found: EntryRow[]): WorklistEntry[] {
  const byId = new Map<number, WorklistEntry>();
  for (const r of found) {
    const id = Number(r.customer_id);
    let entry = byId.get(id);
    if (!entry) {
      entry = {
        customerId: id,
        customerRef: r.customer_ref,
        name: r.name,
        kind: r.kind,
        caseId: r.case_id === null ? null : Number(r.case_id),
        status: r.status,
        stage: r.stage,
        ownerId: r.owner_id,
        priority: r.priority,
        balances: [],
        oldestDueDate: r.oldest_due_date,
        daysOverdue: 0,
        earliestStartDate: r.earliest_start_date,
        pause: r.status === 'paused' && r.paused_until ? { until: r.paused_until, reason: r.pause_reason, dispute: r.pause_dispute } : null,
      };
      byId.set(id, entry);
    }
    entry.priority = Math.max(entry.priority, r.priority);
    if (r.oldest_due_date < entry.oldestDueDate) entry.oldestDueDate = r.oldest_due_date;
    if (r.earliest_start_date && (!entry.earliestStartDate || r.earliest_start_date < entry.earliestStartDate)) {
      entry.earliestStartDate = r.earliest_start_date;
    }
    entry.balances.push({
      currency: r.currency,
      overdueCents: Number(r.overdue_cents),
      openCents: Number(r.open_cents),
      overdueInvoices: r.overdue_invoices,
    });
  }
  for (const entry of byId.values()) {
    entry.daysOverdue = Math.round((Date.parse(today) - Date.parse(entry.oldestDueDate)) / 86_400_000);
  }
  return [...byId.values()];
}
