// What a case thread's messages say: the case header, and the activity a post renders.
import { eq, sql } from 'drizzle-orm';
import { todayIn, type IsoDate } from '../domain/dates.ts';
import type { Money } from '../domain/money.ts';
import { rows, type Queryable } from './client.ts';
import { cases } from './schema.ts';

export interface CaseHeader {
  caseId: number;
  name: string;
  ref: string;
  /** Per currency, as of the day the thread starts. */
  overdue: Money[];
  ownerId: string | null;
  /** The workspace's day when the header was written. */
  today: IsoDate;
}

export async function loadCaseHeader(db: Queryable, caseId: number, now: Date): Promise<CaseHeader | null> {
  const [row] = await rows<{ name: string; customer_ref: string; owner_id: string | null; timezone: string; overdue: { currency: string; cents: string | number }[] | null }>(db, sql`
    select c.name, c.customer_ref, coalesce(k.owner_id, c.owner_id) as owner_id, w.timezone,
      (select json_agg(json_build_object('currency', b.currency, 'cents', b.overdue_cents) order by b.currency)
        from customer_balances b where b.workspace_id = k.workspace_id and b.customer_id = k.customer_id and b.overdue_cents > 0) as overdue
    from cases k join customers c on c.id = k.customer_id join workspaces w on w.id = k.workspace_id
    where k.id = ${caseId}`);
  if (!row) return null;
  return {
    caseId, name: row.name, ref: row.customer_ref, ownerId: row.owner_id, today: todayIn(row.timezone, now),
    overdue: (row.overdue ?? []).map((o) => ({ currency: o.currency, cents: Number(o.cents) })),
  };
}

export interface ThreadActivity {
  id: number;
  caseId: number;
  kind: string;
  actorId: string;
  data: Record<string, unknown>;
  note: string | null;
  name: string;
  ref: string;
}

export async function loadThreadActivity(db: Queryable, activityId: number): Promise<ThreadActivity | null> {
  const [row] = await rows<{ id: string | number; case_id: string | number; kind: string; actor_id: string; data: Record<string, unknown> | null; note: string | null; name: string; customer_ref: string }>(db, sql`
    select a.id, a.case_id, a.kind, a.actor_id, a.data, a.note, c.name, c.customer_ref
    from activities a join customers c on c.id = a.customer_id
    where a.id = ${activityId} and a.case_id is not null`);
  if (!row) return null;
  return {
    id: Number(row.id), caseId: Number(row.case_id), kind: row.kind, actorId: row.actor_id, data: row.data ?? {},
    note: row.note, name: row.name, ref: row.customer_ref,
  };
}

/** The case's thread, when it has one in that channel. */
export async function caseThreadIn(db: Queryable, caseId: number, channelId: string): Promise<string | null> {
  const [row] = await db.select({ channelId: cases.threadChannelId, ts: cases.threadTs }).from(cases).where(eq(cases.id, caseId));
  return row?.channelId === channelId && row.ts ? row.ts : null;
}

export async function setCaseThread(db: Queryable, caseId: number, channelId: string, ts: string): Promise<void> {
  await db.update(cases).set({ threadChannelId: channelId, threadTs: ts }).where(eq(cases.id, caseId));
}
