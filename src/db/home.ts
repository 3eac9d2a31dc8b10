// What one person's App Home shows, read set-based: one statement per section
// (calls, promises, cases, approvals), never one query per row.
import { sql } from 'drizzle-orm';
import type { IsoDate } from '../domain/dates.ts';
import type { Money } from '../domain/money.ts';
import { rows, type Queryable } from './client.ts';

export interface HomeCall { taskId: number; caseId: number; customerId: number; name: string; dueAt: Date; overdue: Money[] }
export interface HomePromise { promiseId: number; customerId: number; name: string; amount: Money; dueOn: IsoDate }
export interface HomeCase { caseId: number; customerId: number; name: string; status: string; priority: number; overdue: Money[] }

export interface HomeData {
  calls: HomeCall[];
  promises: HomePromise[];
  cases: HomeCase[];
  /** Open cases owned, all of them (the list shows the top ones). */
  caseCount: number;
  /** Pending escalations; null when the reader may not approve. */
  approvals: number | null;
}

export interface HomeQuery {
  workspaceId: string;
  userId: string;
  today: IsoDate;
  /** The end of today in the workspace zone: calls due before it are today's. */
  endOfToday: Date;
  isManager: boolean;
  limits: { calls: number; promises: number; cases: number };
}

type MoneyRow = { currency: string; cents: number | string };
const money = (list: MoneyRow[] | null): Money[] => (list ?? []).map((m) => ({ currency: m.currency, cents: Number(m.cents) }));

// Overdue per currency of a customer, largest first, as json.
const overdueOf = sql`(
  select json_agg(json_build_object('currency', b.currency, 'cents', b.overdue_cents) order by b.overdue_cents desc)
  from customer_balances b where b.workspace_id = k.workspace_id and b.customer_id = k.customer_id and b.overdue_cents > 0)`;

export async function loadHome(db: Queryable, q: HomeQuery): Promise<HomeData> {
  const ws = q.workspaceId;
  const [calls, promises, cases, approvals] = await Promise.all([
    rows<{ task_id: number; case_id: number; customer_id: number; name: string; due_at: Date | string; overdue: MoneyRow[] | null }>(db, sql`
      select t.id as task_id, k.id as case_id, c.id as customer_id, c.name, t.due_at, ${overdueOf} as overdue
      from tasks t join cases k on k.id = t.case_id join customers c on c.id = k.customer_id
      where t.workspace_id = ${ws} and t.kind = 'call' and t.status = 'open' and t.assignee_id = ${q.userId}
        and t.due_at < ${q.endOfToday.toISOString()}::timestamptz
      order by t.due_at, t.id limit ${q.limits.calls}`),
    rows<{ promise_id: number; customer_id: number; name: string; amount_cents: number | string; currency: string; due_on: string }>(db, sql`
      select p.id as promise_id, c.id as customer_id, c.name, p.amount_cents, p.currency, p.due_on::text as due_on
      from promises p join cases k on k.id = p.case_id join customers c on c.id = k.customer_id
      where p.workspace_id = ${ws} and p.status = 'pending' and p.due_on <= ${q.today}::date
        and (p.taken_by = ${q.userId} or k.owner_id = ${q.userId})
      order by p.due_on, p.id limit ${q.limits.promises}`),
    rows<{ case_id: number; customer_id: number; name: string; status: string; priority: number; overdue: MoneyRow[] | null; total: number }>(db, sql`
      select k.id as case_id, c.id as customer_id, c.name, k.status::text as status,
        coalesce(s.priority, 0)::int as priority, ${overdueOf} as overdue, count(*) over ()::int as total
      from cases k join customers c on c.id = k.customer_id
      left join lateral (
        select max(b.priority) as priority, min(b.oldest_due_date) as oldest from customer_balances b
        where b.workspace_id = k.workspace_id and b.customer_id = k.customer_id and b.overdue_cents > 0) s on true
      where k.workspace_id = ${ws} and k.owner_id = ${q.userId} and k.status not in ('resolved', 'written_off')
      -- The worklist's order; among equal scores, the longest overdue first.
      order by priority desc, s.oldest nulls last, k.id limit ${q.limits.cases}`),
    q.isManager
      // Waiting for me: not my own requests (another manager decides those), and only on cases still open.
      ? rows<{ n: number }>(db, sql`select count(*)::int as n from escalations e join cases k on k.id = e.case_id
          where e.workspace_id = ${ws} and e.status = 'pending' and e.requested_by <> ${q.userId}
            and k.status not in ('resolved', 'written_off')`)
      : Promise.resolve(null),
  ]);
  return {
    calls: calls.map((r) => ({
      taskId: Number(r.task_id), caseId: Number(r.case_id), customerId: Number(r.customer_id), name: r.name,
      dueAt: new Date(r.due_at), overdue: money(r.overdue),
    })),
    promises: promises.map((r) => ({
      promiseId: Number(r.promise_id), customerId: Number(r.customer_id), name: r.name,
      amount: { currency: r.currency, cents: Number(r.amount_cents) }, dueOn: r.due_on as IsoDate,
    })),
    cases: cases.map((r) => ({
      caseId: Number(r.case_id), customerId: Number(r.customer_id), name: r.name, status: r.status, priority: r.priority, overdue: money(r.overdue),
    })),
    caseCount: cases[0]?.total ?? 0,
    approvals: approvals === null ? null : (approvals[0]?.n ?? 0),
  };
}
