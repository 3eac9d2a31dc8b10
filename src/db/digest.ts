// What the daily digest shows, in a handful of set-based queries over the
// balance summary and the small task/promise/escalation tables: the cost
// follows the cases shown, not the number of invoices.
import { sql } from 'drizzle-orm';
import { callFromDay } from '../domain/ladder.ts';
import { addDays, zonedTimeToUtc, type IsoDate } from '../domain/dates.ts';
import { ledgerHold, ledgerHoldView, type LedgerHoldView } from '../domain/ledger-freshness.ts';
import { ensureBalancesFresh } from './balances.ts';
import { readLedgerFreshness } from './ledger-sync.ts';
import { rows, type Queryable } from './client.ts';
import { readSettings } from './settings.ts';
import { loadWorklist, type WorklistEntry } from './worklist.ts';

export const DIGEST_CASES = 25;
const LIST = 10;

export interface CurrencyTotals {
  currency: string;
  overdueCents: number;
  /** Overdue at the previous digest in this channel; null when there was none. */
  previousCents: number | null;
  dueSoonCents: number;
  aged1To30Cents: number;
  aged31To60Cents: number;
  aged61To90Cents: number;
  aged91PlusCents: number;
}

export interface PromiseLine {
  customerName: string;
  customerRef: string;
  amountCents: number;
  currency: string;
  dueOn: IsoDate;
  takenBy: string;
}

export interface DigestData {
  businessDate: IsoDate;
  totals: CurrencyTotals[];
  promisesDueToday: { lines: PromiseLine[]; count: number };
  promisesBroken: { lines: PromiseLine[]; count: number };
  callsToday: { assigneeId: string; calls: number }[];
  unownedNeedingCall: { names: string[]; count: number };
  approvalsWaiting: number;
  /** Reminder drafts waiting for a person to approve them (the Review button). */
  remindersWaiting: number;
  /** Mails whose sending attempt lost its answer: a person decides (`relance outbox --unknown`). */
  mailsUnknown: number;
  /** Actionable cases, highest priority first: the thread replies. */
  entries: WorklistEntry[];
  actionableCases: number;
  /** Reminders wait for a fresher ledger (src/domain/ledger-freshness.ts); absent when they do not. */
  ledgerHold?: LedgerHoldView;
}

export interface DigestQuery {
  workspaceId: string;
  channelId: string;
  businessDate: IsoDate;
  /** End of the business day in the workspace zone, for task due times. */
  dayEnd: Date;
  /** Start of the day before, in the workspace zone: "broken since" when this channel had no digest yet. */
  previousDayStart: Date;
  limit?: number;
}

type PromiseRow = { customer_name: string; customer_ref: string; amount_cents: string; currency: string; due_on: string; taken_by: string; total: number };
const promiseLines = (list: PromiseRow[]) => ({
  lines: list.map((p) => ({ customerName: p.customer_name, customerRef: p.customer_ref, amountCents: Number(p.amount_cents), currency: p.currency, dueOn: p.due_on, takenBy: p.taken_by })),
  count: list[0]?.total ?? 0,
});

export async function loadDigest(db: Queryable, q: DigestQuery): Promise<DigestData> {
  const ws = q.workspaceId;
  const day = q.businessDate;
  // The previous digest of this channel: its totals give "the change since", its
  // time "broken since the last digest" (else: since yesterday).
  const [previous] = await rows<{ totals: Record<string, number> | null; posted_at: string | Date | null }>(db, sql`
    select totals, posted_at from digests where workspace_id = ${ws} and channel_id = ${q.channelId}
      and status = 'posted' and business_date < ${day}::date
    order by business_date desc limit 1`);
  const since = previous?.posted_at ? new Date(previous.posted_at) : q.previousDayStart;
  const callDay = callFromDay((await readSettings(db, ws)).ladder);
  const promiseSelect = sql`select c.name as customer_name, c.customer_ref, p.amount_cents, p.currency,
      to_char(p.due_on, 'YYYY-MM-DD') as due_on, p.taken_by, count(*) over ()::int as total
    from promises p join cases k on k.id = p.case_id join customers c on c.id = k.customer_id`;

  const [totals, dueToday, broken, calls, unowned, approvals, mailsWaiting, worklist] = await Promise.all([
    rows<{ currency: string; overdue: string; due_soon: string; a1: string; a2: string; a3: string; a4: string }>(db, sql`
      select currency, sum(overdue_cents) as overdue, sum(due_soon_cents) as due_soon,
        sum(aged_1_30_cents) as a1, sum(aged_31_60_cents) as a2, sum(aged_61_90_cents) as a3, sum(aged_91_plus_cents) as a4
      from customer_balances where workspace_id = ${ws}
      group by currency order by currency`),
    rows<PromiseRow>(db, sql`${promiseSelect}
      where p.workspace_id = ${ws} and p.status = 'pending' and p.due_on = ${day}::date
      order by p.amount_cents desc limit ${LIST}`),
    rows<PromiseRow>(db, sql`${promiseSelect}
      where p.workspace_id = ${ws} and p.status = 'broken' and p.decided_at > ${since.toISOString()}::timestamptz
      order by p.decided_at desc limit ${LIST}`),
    rows<{ assignee_id: string; calls: number }>(db, sql`
      select assignee_id, count(*)::int as calls from tasks
      where workspace_id = ${ws} and kind = 'call' and status = 'open' and assignee_id is not null
        and due_at < ${q.dayEnd.toISOString()}::timestamptz
      group by assignee_id order by calls desc, assignee_id`),
    rows<{ name: string; total: number }>(db, sql`
      select c.name, count(*) over ()::int as total
      from cases k join customers c on c.id = k.customer_id
      join lateral (select min(b.oldest_due_date) as oldest, max(b.priority) as priority from customer_balances b
        where b.workspace_id = k.workspace_id and b.customer_id = k.customer_id and b.overdue_cents > 0) b on true
      where k.workspace_id = ${ws} and k.status = 'open' and k.owner_id is null
        and b.oldest <= ${day}::date - ${callDay}::int
        and not exists (select 1 from tasks t where t.case_id = k.id and t.kind = 'call' and t.status = 'open' and t.assignee_id is not null)
      order by b.priority desc limit 5`),
    rows<{ n: number }>(db, sql`select count(*)::int as n from escalations where workspace_id = ${ws} and status = 'pending'`),
    rows<{ drafts: number; unknown: number }>(db, sql`select
      (select count(*)::int from drafts where workspace_id = ${ws} and status = 'draft') as drafts,
      (select count(*)::int from mails where workspace_id = ${ws} and status = 'unknown') as unknown`),
    loadWorklist(db, { workspaceId: ws, today: day, scope: 'all', minDaysOverdue: 0, limit: q.limit ?? DIGEST_CASES, actionableOnly: true }),
  ]);

  const before = previous?.totals ?? null;
  // A currency that was overdue last time and is not now still shows, at zero.
  const gone = before ? Object.keys(before).filter((c) => !totals.some((t) => t.currency === c)) : [];
  const zero = { overdue: '0', due_soon: '0', a1: '0', a2: '0', a3: '0', a4: '0' };
  return {
    businessDate: day,
    totals: [...totals, ...gone.map((currency) => ({ currency, ...zero }))].map((t) => ({
      currency: t.currency,
      overdueCents: Number(t.overdue),
      previousCents: before ? Number(before[t.currency] ?? 0) : null,
      dueSoonCents: Number(t.due_soon),
      aged1To30Cents: Number(t.a1),
      aged31To60Cents: Number(t.a2),
      aged61To90Cents: Number(t.a3),
      aged91PlusCents: Number(t.a4),
    })),
    promisesDueToday: promiseLines(dueToday),
    promisesBroken: promiseLines(broken),
    callsToday: calls.map((c) => ({ assigneeId: c.assignee_id, calls: c.calls })),
    unownedNeedingCall: { names: unowned.map((u) => u.name), count: unowned[0]?.total ?? 0 },
    approvalsWaiting: approvals[0]?.n ?? 0,
    remindersWaiting: mailsWaiting[0]?.drafts ?? 0,
    mailsUnknown: mailsWaiting[0]?.unknown ?? 0,
    entries: worklist.entries,
    actionableCases: worklist.totalCases,
  };
}

/**
 * A channel's digest for a business day, as it would be posted. The balances are
 * the workspace's as of its own today at `now` (the business date can be another
 * zone's, a day ahead); the business date picks promises, calls and the previous digest.
 */
export async function digestForDay(db: Queryable, workspace: { id: string; timezone: string }, channelId: string, date: IsoDate, now: Date): Promise<DigestData> {
  await ensureBalancesFresh(db, workspace.id, now);
  const data = await loadDigest(db, {
    workspaceId: workspace.id, channelId, businessDate: date,
    dayEnd: zonedTimeToUtc(addDays(date, 1), '00:00', workspace.timezone),
    previousDayStart: zonedTimeToUtc(addDays(date, -1), '00:00', workspace.timezone),
  });
  const hold = ledgerHold(await readLedgerFreshness(db, workspace.id, now));
  return hold ? { ...data, ledgerHold: ledgerHoldView(hold, workspace.timezone) } : data;
}

/** The per-currency overdue totals a digest records, to show the change next time. */
export const totalsSnapshot = (data: DigestData): Record<string, number> =>
  Object.fromEntries(data.totals.map((t) => [t.currency, t.overdueCents]));

/** The digest reply a person clicked or reacted on. */
export async function findDigestEntry(db: Queryable, workspaceId: string, channelId: string, messageTs: string):
  Promise<{ caseId: number; customerId: number; rank: number; businessDate: IsoDate } | null> {
  const [row] = await rows<{ case_id: string; customer_id: string; rank: number; business_date: string }>(db, sql`
    select e.case_id, e.customer_id, e.rank, to_char(d.business_date, 'YYYY-MM-DD') as business_date
    from digest_entries e join digests d on d.id = e.digest_id
    where e.workspace_id = ${workspaceId} and e.message_ts = ${messageTs} and d.channel_id = ${channelId}`);
  return row ? { caseId: Number(row.case_id), customerId: Number(row.customer_id), rank: row.rank, businessDate: row.business_date } : null;
}
