// The facts of a case for the brief of an escalation request
// (src/domain/case-brief-text.ts): balances and aging, overdue invoices, the
// reminders, calls (with the collectors' notes), promises, disputes and pauses,
// payment plans and payments since the case opened. Days are read in the
// workspace's time zone. One case at a time: requests are few.
import { sql } from 'drizzle-orm';
import { CONVERSATION_OUTCOMES } from '../domain/calling-profile.ts';
import { FACTS_LIST_MAX, FACTS_TEXT_MAX, type CaseFacts } from '../domain/case-brief-text.ts';
import { daysBetween, todayIn, type IsoDate } from '../domain/dates.ts';
import { rows, type Queryable } from './client.ts';

export interface FactsRequest {
  workspaceId: string;
  caseId: number;
  timezone: string;
  kind: CaseFacts['request']['kind'];
  /** 'system' for a ladder proposal. */
  requestedBy: string;
  reason: string | null;
  /** When the request was made: "today" in the facts. */
  at: Date;
}

const cutText = (s: string | null): string | null => {
  const one = s?.trim() ?? '';
  if (one === '') return null;
  return one.length > FACTS_TEXT_MAX ? `${one.slice(0, FACTS_TEXT_MAX - 1)}…` : one;
};
const latest = <T>(list: T[]): T[] => list.slice(-FACTS_LIST_MAX);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** The case's facts; null when the case is gone. */
export async function loadCaseFacts(db: Queryable, input: FactsRequest): Promise<CaseFacts | null> {
  const { workspaceId: ws, caseId, timezone: tz } = input;
  const today = todayIn(tz, input.at);
  const [kase] = await rows<{ customer_id: string | number; opened_on: string }>(db, sql`
    select customer_id, to_char(opened_at at time zone ${tz}, 'YYYY-MM-DD') as opened_on
    from cases where workspace_id = ${ws} and id = ${caseId}`);
  if (!kase) return null;
  const customerId = Number(kase.customer_id);

  // One after the other: inside a transaction the queries share its connection.
  const balances = await rows<{ currency: string; overdue: string | number; open: string | number; oldest: string | null }>(db, sql`
      select currency, overdue_cents as overdue, open_cents as open, to_char(oldest_due_date, 'YYYY-MM-DD') as oldest
      from customer_balances where workspace_id = ${ws} and customer_id = ${customerId} order by currency`);
  const invoices = await rows<{ number: string; due: string; currency: string; balance: string | number }>(db, sql`
      select invoice_number as number, to_char(due_date, 'YYYY-MM-DD') as due, currency, amount_cents - paid_cents as balance
      from invoices where workspace_id = ${ws} and customer_id = ${customerId} and paid_cents < amount_cents and due_date < ${today}::date
      order by due_date, invoice_number`);
  const events = await rows<{ kind: string; day: string; data: Record<string, unknown>; note: string | null }>(db, sql`
      select kind, to_char(occurred_at at time zone ${tz}, 'YYYY-MM-DD') as day, data, note
      from activities where workspace_id = ${ws} and case_id = ${caseId}
        and kind in ('reminder_drafted', 'reminder_sent', 'call_logged', 'case_paused') and occurred_at <= ${input.at.toISOString()}::timestamptz
      order by occurred_at, id`);
  const promises = await rows<{ made: string; cents: string | number; currency: string; due: string; status: CaseFacts['promises'][number]['status']; paid: string | number | null }>(db, sql`
      select to_char(created_at at time zone ${tz}, 'YYYY-MM-DD') as made, amount_cents as cents, currency, to_char(due_on, 'YYYY-MM-DD') as due,
        status::text as status, paid_cents as paid
      from promises where workspace_id = ${ws} and case_id = ${caseId} and status <> 'cancelled' order by due_on, id`);
  const plans = await rows<{ agreed: string; cents: string | number; currency: string; instalments: number; status: string }>(db, sql`
      select to_char(acknowledged_on, 'YYYY-MM-DD') as agreed, total_cents as cents, currency, instalments, status::text as status
      from payment_plans where workspace_id = ${ws} and case_id = ${caseId} order by created_at, id`);
  const payments = await rows<{ day: string; cents: string | number; currency: string; invoice: string }>(db, sql`
      select to_char(p.paid_on, 'YYYY-MM-DD') as day, p.amount_cents as cents, i.currency, i.invoice_number as invoice
      from payments p join invoices i on i.id = p.invoice_id
      where i.workspace_id = ${ws} and i.customer_id = ${customerId} and p.paid_on >= ${kase.opened_on}::date and p.paid_on <= ${today}::date
      order by p.paid_on, p.id`);

  const sentStages = new Set(events.filter((e) => e.kind === 'reminder_sent').map((e) => str(e.data.stage)));
  const reminders = events.filter((e) => e.kind === 'reminder_drafted')
    .map((e) => ({ on: e.day as IsoDate, stage: str(e.data.stage), sent: sentStages.has(str(e.data.stage)) }));
  const calls = events.filter((e) => e.kind === 'call_logged').map((e) => ({ on: e.day as IsoDate, outcome: str(e.data.outcome), note: cutText(e.note) }));
  const paused = events.filter((e) => e.kind === 'case_paused');
  const disputes = paused.filter((e) => e.data.reason === 'dispute')
    .map((e) => ({ on: e.day as IsoDate, reason: str(e.data.dispute), until: str(e.data.until) as IsoDate | null, note: cutText(e.note) }));
  const pauses = paused.filter((e) => e.data.reason !== 'dispute')
    .map((e) => ({ on: e.day as IsoDate, reason: str(e.data.reason), until: str(e.data.until) as IsoDate | null }));
  const oldest = balances.filter((b) => Number(b.overdue) > 0).map((b) => b.oldest).filter((d): d is string => d !== null).sort()[0] ?? null;

  const promiseList = promises.map((p) => ({
    madeOn: p.made as IsoDate, amount: { cents: Number(p.cents), currency: p.currency }, dueOn: p.due as IsoDate, status: p.status,
    paidCents: p.paid === null ? null : Number(p.paid),
  }));
  return {
    today,
    request: { kind: input.kind, by: input.requestedBy === 'system' ? 'ladder' : 'person', reason: cutText(input.reason) },
    balances: balances.map((b) => ({ currency: b.currency, overdueCents: Number(b.overdue), openCents: Number(b.open) })),
    oldestDueDate: oldest as IsoDate | null,
    daysOverdue: oldest ? daysBetween(oldest as IsoDate, today) : null,
    overdueInvoices: invoices.slice(0, FACTS_LIST_MAX)
      .map((i) => ({ number: i.number, dueDate: i.due as IsoDate, balance: { cents: Number(i.balance), currency: i.currency } })),
    overdueInvoiceCount: invoices.length,
    reminders: latest(reminders),
    calls: latest(calls),
    promises: latest(promiseList),
    disputes: latest(disputes),
    pauses: latest(pauses),
    plans: latest(plans.map((p) => ({ agreedOn: p.agreed as IsoDate, total: { cents: Number(p.cents), currency: p.currency }, instalments: Number(p.instalments), status: p.status }))),
    payments: latest(payments.map((p) => ({ on: p.day as IsoDate, amount: { cents: Number(p.cents), currency: p.currency }, invoice: p.invoice }))),
    counts: {
      reminders: reminders.length,
      remindersSent: reminders.filter((r) => r.sent).length,
      calls: calls.length,
      callsReached: calls.filter((c) => c.outcome !== null && (CONVERSATION_OUTCOMES as readonly string[]).includes(c.outcome)).length,
      promisesBroken: promiseList.filter((p) => p.status === 'broken' || p.status === 'partly_kept').length,
      promisesKept: promiseList.filter((p) => p.status === 'kept').length,
      disputes: disputes.length,
      payments: payments.length,
    },
  };
}
