// Escalation requests as the approval flow reads them: the case brief a
// manager decides on (read set-based, one statement for any number of
// requests), the pending list, and what the background pass looks for.
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { IsoDate } from '../domain/dates.ts';
import type { EscalationKind } from '../domain/escalation-args.ts';
import { todayIn } from '../domain/dates.ts';
import type { DebtorKind, MissingRate } from '../domain/late-fees.ts';
import type { Money } from '../domain/money.ts';
import { loadCaseParty, loadClaim } from '../letters/notice-data.ts';
import { idArray } from './balances.ts';
import { rows, type Queryable } from './client.ts';
import { escalations, members } from './schema.ts';

/** Who requests a ladder proposal: the ladder itself, never a person, so any manager may decide it. */
export const SYSTEM_REQUESTER = 'system';

export type EscalationStatus = 'pending' | 'approved' | 'rejected' | 'cancelled';

export interface EscalationBrief {
  id: number;
  workspaceId: string;
  caseId: number;
  customerId: number;
  kind: EscalationKind;
  status: EscalationStatus;
  requestedBy: string;
  reason: string | null;
  createdAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionReason: string | null;
  postId: number | null;
  summarizedAt: Date | null;
  name: string;
  ref: string;
  caseStatus: string;
  stage: string | null;
  /** While the case is paused: until when and why (a dispute's reason from its latest pause). */
  pause: { until: IsoDate; reason: string | null; dispute: string | null } | null;
  /** Per currency, from the balances of the day. */
  balances: { currency: string; overdueCents: number; openCents: number }[];
  oldestDueDate: IsoDate | null;
  /** `reminder_drafted` entries so far, and the day (workspace zone) of the last one. */
  reminders: { count: number; lastOn: IsoDate | null };
  calls: { count: number; lastOutcome: string | null; lastOn: IsoDate | null };
  brokenPromises: number;
  /** Pauses for a dispute so far (a call logged as disputed pauses the case too). */
  disputes: number;
  /** For a notice, a legal request or a ladder hand-off: what would be claimed, as of the request's day. */
  claim: BriefClaim | null;
  /** The narrative written once for the request (services/escalations/case-brief.ts); null until it is. */
  narrative: { text: string; source: 'ai' | 'rules' } | null;
}

export interface BriefClaim {
  debtor: DebtorKind;
  /** Per currency: the principal still owed on overdue invoices plus interest (no indemnity, no costs). */
  totals: Money[];
  /** Half-years whose rate was missing in that interest, once each. */
  missing: MissingRate[];
}

const wantsClaim = (b: Pick<EscalationBrief, 'kind' | 'requestedBy'>) =>
  b.kind === 'notice' || b.kind === 'legal' || (b.kind === 'agency' && b.requestedBy === SYSTEM_REQUESTER);

/** The claim a request is decided on, from the same late fees as the letter; one case at a time (requests are few). */
async function briefClaim(db: Queryable, b: EscalationBrief): Promise<BriefClaim | null> {
  const party = await loadCaseParty(db, b.workspaceId, b.caseId);
  if (!party) return null;
  const claim = await loadClaim(db, b.workspaceId, party, todayIn(party.workspace.timezone, b.createdAt));
  const totals = new Map<string, number>();
  const missing = new Map<string, MissingRate>();
  for (const invoice of claim.invoices) {
    totals.set(invoice.currency, (totals.get(invoice.currency) ?? 0) + invoice.balanceCents + invoice.fees.interestCents);
    for (const m of invoice.fees.missing) missing.set(`${m.kind}.${m.halfYear}`, m);
  }
  return { debtor: party.kind, totals: [...totals].map(([currency, cents]) => ({ currency, cents })), missing: [...missing.values()] };
}

type BriefRow = {
  id: string | number; workspace_id: string; case_id: string | number; customer_id: string | number; kind: EscalationKind; status: EscalationStatus;
  requested_by: string; reason: string | null; created_at: string | Date; decided_by: string | null; decided_at: string | Date | null;
  decision_reason: string | null; post_id: string | number | null; summarized_at: string | Date | null;
  name: string; customer_ref: string; case_status: string; stage: string | null;
  paused_until: string | null; pause_reason: string | null; pause_dispute: string | null;
  balances: { currency: string; overdue: string | number; open: string | number }[] | null; oldest_due: string | null;
  reminders: number; reminders_last: string | null; calls: number; last_outcome: string | null; calls_last: string | null;
  broken: number; disputes: number; brief_text: string | null; brief_source: string | null;
};

const when = (v: string | Date | null): Date | null => (v === null ? null : new Date(v));

/** The briefs of these requests (of one workspace), oldest request first. */
export async function loadBriefs(db: Queryable, workspaceId: string, ids: number[]): Promise<EscalationBrief[]> {
  if (ids.length === 0) return [];
  const found = await rows<BriefRow>(db, sql`
    select e.id, e.workspace_id, e.case_id, k.customer_id, e.kind::text as kind, e.status::text as status, e.requested_by, e.reason,
      e.created_at, e.decided_by, e.decided_at, e.decision_reason, e.post_id, e.summarized_at, e.brief_text, e.brief_source,
      c.name, c.customer_ref, k.status::text as case_status, k.stage::text as stage,
      to_char(k.paused_until, 'YYYY-MM-DD') as paused_until, k.pause_reason,
      (select a.data->>'dispute' from activities a where a.workspace_id = e.workspace_id and a.case_id = k.id and a.kind = 'case_paused'
        order by a.occurred_at desc, a.id desc limit 1) as pause_dispute,
      (select json_agg(json_build_object('currency', b.currency, 'overdue', b.overdue_cents, 'open', b.open_cents) order by b.currency)
        from customer_balances b where b.workspace_id = e.workspace_id and b.customer_id = k.customer_id) as balances,
      (select to_char(min(b.oldest_due_date), 'YYYY-MM-DD') from customer_balances b
        where b.workspace_id = e.workspace_id and b.customer_id = k.customer_id and b.overdue_cents > 0) as oldest_due,
      r.n as reminders, to_char(r.last at time zone w.timezone, 'YYYY-MM-DD') as reminders_last,
      l.n as calls, l.last_outcome, to_char(l.last at time zone w.timezone, 'YYYY-MM-DD') as calls_last,
      (select count(*) from promises p where p.workspace_id = e.workspace_id and p.case_id = k.id
        and p.status in ('broken', 'partly_kept'))::int as broken,
      (select count(*) from activities a where a.workspace_id = e.workspace_id and a.case_id = k.id and a.kind = 'case_paused'
        and a.data->>'reason' = 'dispute')::int as disputes
    from escalations e
    join cases k on k.id = e.case_id
    join customers c on c.id = k.customer_id
    join workspaces w on w.id = e.workspace_id
    left join lateral (select count(*)::int as n, max(a.occurred_at) as last from activities a
      where a.workspace_id = e.workspace_id and a.case_id = k.id and a.kind = 'reminder_drafted') r on true
    left join lateral (select count(*)::int as n, max(a.occurred_at) as last,
        (array_agg(a.data->>'outcome' order by a.occurred_at desc, a.id desc))[1] as last_outcome
      from activities a where a.workspace_id = e.workspace_id and a.case_id = k.id and a.kind = 'call_logged') l on true
    where e.workspace_id = ${workspaceId} and e.id = any(${idArray(ids)}::bigint[])
    order by e.created_at, e.id`);
  const briefs: EscalationBrief[] = found.map((r) => ({
    id: Number(r.id), workspaceId: r.workspace_id, caseId: Number(r.case_id), customerId: Number(r.customer_id), kind: r.kind, status: r.status,
    requestedBy: r.requested_by, reason: r.reason, createdAt: new Date(r.created_at), decidedBy: r.decided_by, decidedAt: when(r.decided_at),
    decisionReason: r.decision_reason, postId: r.post_id === null ? null : Number(r.post_id), summarizedAt: when(r.summarized_at),
    name: r.name, ref: r.customer_ref, caseStatus: r.case_status, stage: r.stage,
    pause: r.case_status === 'paused' && r.paused_until ? { until: r.paused_until, reason: r.pause_reason, dispute: r.pause_dispute } : null,
    balances: (r.balances ?? []).map((b) => ({ currency: b.currency, overdueCents: Number(b.overdue), openCents: Number(b.open) })),
    oldestDueDate: r.oldest_due,
    reminders: { count: Number(r.reminders), lastOn: r.reminders_last },
    calls: { count: Number(r.calls), lastOutcome: r.last_outcome, lastOn: r.calls_last },
    brokenPromises: Number(r.broken), disputes: Number(r.disputes), claim: null,
    narrative: r.brief_text === null ? null : { text: r.brief_text, source: r.brief_source === 'ai' ? 'ai' : 'rules' },
  }));
  for (const b of briefs) if (wantsClaim(b)) b.claim = await briefClaim(db, b);
  return briefs;
}

export async function loadBrief(db: Queryable, workspaceId: string, id: number): Promise<EscalationBrief | null> {
  return (await loadBriefs(db, workspaceId, [id]))[0] ?? null;
}

/** Overdue per currency, as money. */
export const overdueOf = (b: Pick<EscalationBrief, 'balances'>): Money[] =>
  b.balances.filter((x) => x.overdueCents > 0).map((x) => ({ currency: x.currency, cents: x.overdueCents }));

/** The request of that kind already waiting on the case, if any. */
export async function pendingOfKind(db: Queryable, workspaceId: string, caseId: number, kind: EscalationKind) {
  const [row] = await db.select({ id: escalations.id, requestedBy: escalations.requestedBy, createdAt: escalations.createdAt }).from(escalations)
    .where(and(eq(escalations.workspaceId, workspaceId), eq(escalations.caseId, caseId), eq(escalations.kind, kind), eq(escalations.status, 'pending')));
  return row ?? null;
}

/** Who may decide: the team's managers and admins (bootstrap admins outside the team are not told). */
export async function deciders(db: Queryable, workspaceId: string): Promise<string[]> {
  const found = await db.select({ userId: members.userId }).from(members)
    .where(and(eq(members.workspaceId, workspaceId), inArray(members.role, ['manager', 'admin']))).orderBy(members.createdAt, members.userId);
  return found.map((m) => m.userId);
}

/** One page of the requests waiting for a decision on open cases, oldest first, and how many there are. */
export async function pendingPage(db: Queryable, workspaceId: string, page: { size: number; offset: number }): Promise<{ ids: number[]; total: number }> {
  const found = await rows<{ id: string | number; total: number }>(db, sql`
    select e.id, count(*) over ()::int as total from escalations e join cases k on k.id = e.case_id
    where e.workspace_id = ${workspaceId} and e.status = 'pending' and k.status not in ('resolved', 'written_off')
    order by e.created_at, e.id limit ${page.size} offset ${page.offset}`);
  if (found.length > 0 || page.offset === 0) return { ids: found.map((r) => Number(r.id)), total: found[0]?.total ?? 0 };
  const [count] = await rows<{ total: number }>(db, sql`
    select count(*)::int as total from escalations e join cases k on k.id = e.case_id
    where e.workspace_id = ${workspaceId} and e.status = 'pending' and k.status not in ('resolved', 'written_off')`);
  return { ids: [], total: count?.total ?? 0 };
}

/** Workspaces where the background pass has something to do: requests waiting, or decisions not shown yet. */
export async function workspacesWithEscalations(db: Queryable): Promise<string[]> {
  const found = await rows<{ workspace_id: string }>(db, sql`
    select distinct workspace_id from escalations
    where status = 'pending' or (decision_shown_at is null and post_id is not null)`);
  return found.map((r) => r.workspace_id);
}

/** Workspaces with a case still in `notice`: the pass looks whether its deadline has passed (services/escalations/after-notice.ts). */
export async function workspacesWithNotices(db: Queryable): Promise<string[]> {
  const found = await rows<{ workspace_id: string }>(db, sql`select distinct workspace_id from cases where status = 'notice'`);
  return found.map((r) => r.workspace_id);
}

/** Ladder proposals nobody was told of yet: no message of their own, not listed in a summary. */
export async function untoldProposals(db: Queryable, workspaceId: string): Promise<number[]> {
  const found = await db.select({ id: escalations.id }).from(escalations)
    .where(and(eq(escalations.workspaceId, workspaceId), eq(escalations.status, 'pending'), isNull(escalations.postId),
      isNull(escalations.summarizedAt), isNull(escalations.managersToldAt)))
    .orderBy(escalations.id).for('update', { skipLocked: true });
  return found.map((r) => r.id);
}

/** Decided requests whose message still shows the buttons. */
export async function undisplayedDecisions(db: Queryable, workspaceId: string): Promise<number[]> {
  const found = await rows<{ id: string | number }>(db, sql`
    select id from escalations where workspace_id = ${workspaceId} and status <> 'pending'
      and decision_shown_at is null and post_id is not null order by id`);
  return found.map((r) => Number(r.id));
}

/** Requests waiting on open cases that were never nudged, with what the nudge needs. */
export async function unnudged(db: Queryable, workspaceId: string) {
  return db.select({ id: escalations.id, createdAt: escalations.createdAt, postId: escalations.postId, requestedBy: escalations.requestedBy })
    .from(escalations)
    .where(and(eq(escalations.workspaceId, workspaceId), eq(escalations.status, 'pending'), isNull(escalations.nudgedAt)))
    .orderBy(escalations.id);
}
