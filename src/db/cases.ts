// Finding a case from what a person types, and reading what its card shows.
import { sql } from 'drizzle-orm';
import { todayIn, type IsoDate } from '../domain/dates.ts';
import { rows, type Queryable } from './client.ts';
import { activePlanOf, type ActivePlan } from './plans.ts';

export interface CustomerMatch {
  customerId: number;
  customerRef: string;
  name: string;
}

export type CaseLookup =
  | { kind: 'found'; customer: CustomerMatch; via: 'ref' | 'invoice' | 'name' }
  | { kind: 'ambiguous'; candidates: CustomerMatch[]; more: number }
  | { kind: 'none' };

const CANDIDATES = 10;

type MatchRow = { customer_id: string | number; customer_ref: string; name: string };
const toMatch = (r: MatchRow): CustomerMatch => ({ customerId: Number(r.customer_id), customerRef: r.customer_ref, name: r.name });

/** Escapes LIKE wildcards so "50%" matches a literal percent sign. */
const likePrefix = (s: string) => `${s.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * `<case>` is a customer reference, an invoice number, or an unambiguous prefix
 * of a customer name — tried in that order, exact before case-insensitive.
 */
export async function lookupCase(db: Queryable, workspaceId: string, input: string): Promise<CaseLookup> {
  const text = input.trim();
  if (!text) return { kind: 'none' };
  const byRef = await rows<MatchRow>(db, sql`
    select id as customer_id, customer_ref, name from customers
    where workspace_id = ${workspaceId} and customer_ref = ${text}`);
  if (byRef[0]) return { kind: 'found', customer: toMatch(byRef[0]), via: 'ref' };

  const byInvoice = await rows<MatchRow>(db, sql`
    select c.id as customer_id, c.customer_ref, c.name from invoices i join customers c on c.id = i.customer_id
    where i.workspace_id = ${workspaceId} and i.invoice_number = ${text}`);
  if (byInvoice[0]) return { kind: 'found', customer: toMatch(byInvoice[0]), via: 'invoice' };

  const byName = await rows<MatchRow>(db, sql`
    select id as customer_id, customer_ref, name from customers
    where workspace_id = ${workspaceId} and lower(name) like ${likePrefix(text)}
    order by lower(name), customer_ref limit ${CANDIDATES + 1}`);
  // A name that is exactly the input wins over longer names sharing the prefix.
  const exact = byName.filter((r) => r.name.toLowerCase() === text.toLowerCase());
  if (exact.length === 1) return { kind: 'found', customer: toMatch(exact[0]!), via: 'name' };
  if (byName.length === 1) return { kind: 'found', customer: toMatch(byName[0]!), via: 'name' };
  if (byName.length > 1) {
    const total = byName.length > CANDIDATES
      ? Number((await rows<{ n: number }>(db, sql`select count(*)::int as n from customers
          where workspace_id = ${workspaceId} and lower(name) like ${likePrefix(text)}`))[0]?.n ?? 0)
      : byName.length;
    return { kind: 'ambiguous', candidates: byName.slice(0, CANDIDATES).map(toMatch), more: Math.max(0, total - CANDIDATES) };
  }

  // Last resort, slower: references and invoice numbers typed in another case.
  const loose = await rows<MatchRow>(db, sql`
    select c.id as customer_id, c.customer_ref, c.name from customers c
    where c.workspace_id = ${workspaceId} and upper(c.customer_ref) = upper(${text})
    union
    select c.id, c.customer_ref, c.name from invoices i join customers c on c.id = i.customer_id
    where i.workspace_id = ${workspaceId} and upper(i.invoice_number) = upper(${text})
    limit ${CANDIDATES + 1}`);
  if (loose.length === 1) return { kind: 'found', customer: toMatch(loose[0]!), via: 'ref' };
  if (loose.length > 1) return { kind: 'ambiguous', candidates: loose.slice(0, CANDIDATES).map(toMatch), more: 0 };
  return { kind: 'none' };
}

export interface CaseCard {
  customer: {
    id: number; ref: string; name: string; kind: 'b2b' | 'b2c'; ownerId: string | null; locale: string | null;
    /** The day (workspace zone) a call found the phone number wrong; null while it is not known to be. */
    phoneWrongOn: IsoDate | null;
  };
  case: {
    id: number; status: string; stage: string | null; ownerId: string | null; threadChannelId: string | null; threadTs: string | null;
    /** Slack's link to the case thread's first message. */
    threadPermalink: string | null;
    /** While paused: until when, why, and a dispute's reason (from its latest case_paused entry). */
    pause: { until: IsoDate; reason: string | null; dispute: string | null } | null;
  } | null;
  balances: { currency: string; openCents: number; overdueCents: number }[];
  /** The case's running payment plan, with its instalments. */
  plan: ActivePlan | null;
  oldestDueDate: IsoDate | null;
  earliestStartDate: IsoDate | null;
  invoices: { number: string; issueDate: IsoDate; dueDate: IsoDate; currency: string; amountCents: number; balanceCents: number }[];
  unpaidInvoices: number;
  /** The customer's other cases, latest first (days in the workspace's zone), with the link to their thread. */
  earlierCases: { openedOn: IsoDate; closedOn: IsoDate | null; status: string; threadPermalink: string | null }[];
  earlierCaseCount: number;
  /** `occurredOn` is the day in the workspace's time zone, which is the day people saw it happen. */
  activities: { kind: string; actorId: string; occurredAt: Date; occurredOn: IsoDate; data: Record<string, unknown> }[];
}

const CARD_INVOICES = 15;
const CARD_ACTIVITIES = 10;
const CARD_EARLIER_CASES = 3;

export async function loadCaseCard(db: Queryable, workspaceId: string, customerId: number): Promise<CaseCard | null> {
  const [customer] = await rows<{
    id: string | number; customer_ref: string; name: string; kind: 'b2b' | 'b2c'; owner_id: string | null; locale: string | null; timezone: string;
    phone_wrong_at: string | Date | null;
  }>(db, sql`
    select c.id, c.customer_ref, c.name, c.kind, c.owner_id, c.locale, w.timezone, c.phone_wrong_at
    from customers c join workspaces w on w.id = c.workspace_id where c.workspace_id = ${workspaceId} and c.id = ${customerId}`);
  if (!customer) return null;
  const [kase] = await rows<{
    id: string | number; status: string; stage: string | null; owner_id: string | null; thread_channel_id: string | null; thread_ts: string | null;
    paused_until: string | null; pause_reason: string | null; pause_dispute: string | null; thread_permalink: string | null;
  }>(db, sql`
    select id, status, stage, owner_id, thread_channel_id, thread_ts, to_char(paused_until, 'YYYY-MM-DD') as paused_until, pause_reason,
      case when status = 'paused' then (select a.data->>'dispute' from activities a
        where a.workspace_id = cases.workspace_id and a.case_id = cases.id and a.kind = 'case_paused'
        order by a.occurred_at desc, a.id desc limit 1) end as pause_dispute,
      (select r.permalink from channel_posts r where r.case_id = cases.id and r.channel_id = cases.thread_channel_id
        and r.kind = 'root' and r.message_ts = cases.thread_ts limit 1) as thread_permalink
    from cases
    where workspace_id = ${workspaceId} and customer_id = ${customerId}
    order by (status in ('resolved', 'written_off')), opened_at desc limit 1`);
  const currentCaseId = kase ? Number(kase.id) : 0;
  const [balances, invoices, activities, earlier, plan] = await Promise.all([
    rows<{ currency: string; open_cents: string; overdue_cents: string; oldest: string | null; earliest: string | null }>(db, sql`
      select currency, open_cents, overdue_cents, to_char(oldest_due_date, 'YYYY-MM-DD') as oldest,
        to_char(earliest_start_date, 'YYYY-MM-DD') as earliest
      from customer_balances where workspace_id = ${workspaceId} and customer_id = ${customerId} order by currency`),
    rows<{ invoice_number: string; issue_date: string; due_date: string; currency: string; amount_cents: string; balance: string; total: number }>(db, sql`
      select invoice_number, to_char(issue_date, 'YYYY-MM-DD') as issue_date, to_char(due_date, 'YYYY-MM-DD') as due_date,
        currency, amount_cents, amount_cents - paid_cents as balance, count(*) over ()::int as total
      from invoices where workspace_id = ${workspaceId} and customer_id = ${customerId} and paid_cents < amount_cents
      order by due_date, invoice_number limit ${CARD_INVOICES}`),
    rows<{ kind: string; actor_id: string; occurred_at: string | Date; data: Record<string, unknown> }>(db, sql`
      select kind, actor_id, occurred_at, data from activities
      where workspace_id = ${workspaceId} and customer_id = ${customerId}
      order by occurred_at desc, id desc limit ${CARD_ACTIVITIES}`),
    rows<{ opened_at: string | Date; resolved_at: string | Date | null; status: string; permalink: string | null; total: number }>(db, sql`
      select k.opened_at, k.resolved_at, k.status, count(*) over ()::int as total,
        (select r.permalink from channel_posts r where r.case_id = k.id and r.channel_id = k.thread_channel_id
          and r.kind = 'root' and r.message_ts = k.thread_ts limit 1) as permalink
      from cases k
      where k.workspace_id = ${workspaceId} and k.customer_id = ${customerId} and k.id <> ${currentCaseId}
      order by k.opened_at desc, k.id desc limit ${CARD_EARLIER_CASES}`),
    activePlanOf(db, workspaceId, currentCaseId),
  ]);
  const dates = (pick: (b: (typeof balances)[number]) => string | null) =>
    balances.map(pick).filter((d): d is string => d !== null).sort()[0] ?? null;
  return {
    customer: {
      id: Number(customer.id), ref: customer.customer_ref, name: customer.name, kind: customer.kind, ownerId: customer.owner_id, locale: customer.locale,
      phoneWrongOn: customer.phone_wrong_at ? todayIn(customer.timezone, new Date(customer.phone_wrong_at)) : null,
    },
    case: kase ? {
      id: Number(kase.id), status: kase.status, stage: kase.stage, ownerId: kase.owner_id, threadChannelId: kase.thread_channel_id, threadTs: kase.thread_ts,
      threadPermalink: kase.thread_permalink,
      pause: kase.status === 'paused' && kase.paused_until ? { until: kase.paused_until, reason: kase.pause_reason, dispute: kase.pause_dispute } : null,
    } : null,
    balances: balances.map((b) => ({ currency: b.currency, openCents: Number(b.open_cents), overdueCents: Number(b.overdue_cents) })),
    plan,
    oldestDueDate: dates((b) => b.oldest),
    earliestStartDate: dates((b) => b.earliest),
    invoices: invoices.map((i) => ({
      number: i.invoice_number, issueDate: i.issue_date, dueDate: i.due_date, currency: i.currency,
      amountCents: Number(i.amount_cents), balanceCents: Number(i.balance),
    })),
    unpaidInvoices: invoices[0]?.total ?? 0,
    earlierCases: earlier.map((k) => ({
      openedOn: todayIn(customer.timezone, new Date(k.opened_at)),
      closedOn: k.resolved_at ? todayIn(customer.timezone, new Date(k.resolved_at)) : null,
      status: k.status,
      threadPermalink: k.permalink,
    })),
    earlierCaseCount: earlier[0]?.total ?? 0,
    activities: activities.map((a) => {
      const occurredAt = new Date(a.occurred_at);
      return { kind: a.kind, actorId: a.actor_id, occurredAt, occurredOn: todayIn(customer.timezone, occurredAt), data: a.data ?? {} };
    }),
  };
}
