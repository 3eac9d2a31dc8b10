// The overdue worklist: the highest-priority debtors first, read from the
// balance summary (one row per debtor and currency), never from every invoice.
import { sql, type SQL } from 'drizzle-orm';
import type { IsoDate } from '../domain/dates.ts';
import { idArray } from './balances.ts';
import { rows, type Queryable } from './client.ts';

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

function filters(q: WorklistQuery): SQL {
  const owner = q.scope === 'all'
    ? sql``
    : sql`and exists (select 1 from cases k where k.workspace_id = b.workspace_id and k.customer_id = b.customer_id
        and k.status not in ('resolved', 'written_off') and k.owner_id = ${q.scope.ownerId})`;
  const age = q.minDaysOverdue > 0 ? sql`and b.oldest_due_date < ${q.today}::date - ${q.minDaysOverdue}::int` : sql``;
  const actionable = q.actionableOnly
    ? sql`and b.priority > 0 and exists (select 1 from cases k where k.workspace_id = b.workspace_id and k.customer_id = b.customer_id and k.status = 'open')`
    : sql``;
  return sql`b.workspace_id = ${q.workspaceId} and b.overdue_cents > 0 ${age} ${owner} ${actionable}`;
}

export async function loadWorklist(db: Queryable, q: WorklistQuery): Promise<Worklist> {
  const where = filters(q);
  // Walk the priority index; a debtor with several currencies has several rows,
  // so read a few more than needed and keep the first `limit` distinct debtors.
  const top = await rows<{ customer_id: string | number }>(db, sql`
    select b.customer_id from customer_balances b where ${where}
    order by b.priority desc nulls last, b.overdue_cents desc nulls last, b.customer_id
    limit ${q.limit * 3}`);
  const ids: number[] = [];
  for (const r of top) {
    const id = Number(r.customer_id);
    if (!ids.includes(id)) ids.push(id);
    if (ids.length === q.limit) break;
  }
  const [totals, entries] = await Promise.all([
    worklistTotals(db, q, where),
    ids.length ? loadEntries(db, q.workspaceId, q.today, ids) : Promise.resolve([]),
  ]);
  return { entries, ...totals };
}

type Totals = Pick<Worklist, 'totals' | 'totalCases'>;
/** Per database handle: two databases in one process (the sandbox beside a test, or test files sharing a worker) never share totals. */
const totalsCaches = new WeakMap<object, Map<string, Totals>>();
const TOTALS_CACHE_SIZE = 500;

/**
 * Totals read every matching balance row, so they are kept per balances
 * version: until a ledger write, a case change or the daily rebuild bumps it,
 * the same question has the same answer and costs one primary-key read.
 */
async function worklistTotals(db: Queryable, q: WorklistQuery, where: SQL): Promise<Totals> {
  // The version moves with every change of the balance summary and of cases
  // (owner, status: a trigger), so every scope and filter can be cached on it.
  const [ws] = await rows<{ v: string | number }>(db, sql`select balances_version as v from workspaces where id = ${q.workspaceId}`);
  const scope = q.scope === 'all' ? 'all' : q.scope.ownerId;
  const key = [q.workspaceId, ws?.v ?? 0, q.today, scope, q.minDaysOverdue, q.actionableOnly ? 'actionable' : 'any'].join('|');
  let totalsCache = totalsCaches.get(db);
  if (!totalsCache) totalsCaches.set(db, (totalsCache = new Map()));
  const hit = totalsCache.get(key);
  if (hit) return hit;
  // Two hash aggregates on separate connections: one statement with grouping sets sorted to disk.
  const [byCurrency, [debtors]] = await Promise.all([
    rows<{ currency: string; overdue: string | number }>(db, sql`
      select b.currency, sum(b.overdue_cents) as overdue from customer_balances b where ${where}
      group by b.currency order by b.currency`),
    rows<{ n: number }>(db, sql`select count(distinct b.customer_id)::int as n from customer_balances b where ${where}`),
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

/** The debtors `ids` with all their balance rows, in the order of `ids`. */
export async function loadEntries(db: Queryable, workspaceId: string, today: IsoDate, ids: number[]): Promise<WorklistEntry[]> {
  const found = await rows<EntryRow>(db, sql`
    select c.id as customer_id, c.customer_ref, c.name, c.kind, k.id as case_id, k.status, k.stage, k.owner_id,
      b.currency, b.overdue_cents, b.open_cents, b.overdue_invoices, b.priority,
      to_char(b.oldest_due_date, 'YYYY-MM-DD') as oldest_due_date,
      to_char(b.earliest_start_date, 'YYYY-MM-DD') as earliest_start_date,
      to_char(k.paused_until, 'YYYY-MM-DD') as paused_until, k.pause_reason,
      case when k.status = 'paused' then (select a.data->>'dispute' from activities a
        where a.workspace_id = k.workspace_id and a.case_id = k.id and a.kind = 'case_paused'
        order by a.occurred_at desc, a.id desc limit 1) end as pause_dispute
    from customer_balances b
    join customers c on c.id = b.customer_id
    left join cases k on k.workspace_id = b.workspace_id and k.customer_id = b.customer_id
      and k.status not in ('resolved', 'written_off')
    where b.workspace_id = ${workspaceId} and b.customer_id = any(${idArray(ids)}::bigint[])
    order by b.overdue_cents desc`);
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
  return ids.map((id) => byId.get(id)).filter((e): e is WorklistEntry => e !== undefined);
}
