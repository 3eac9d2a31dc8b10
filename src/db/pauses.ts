// Ending pauses, one case or every case of a workspace whose pause is over, with
// one statement and one rule: a resumed case goes back to its escalation status
// if it had one (formal notice, agency, legal), else to `promised` while a
// promise is pending, else to `open`.
import { sql, type SQL } from 'drizzle-orm';
import type { IsoDate } from '../domain/dates.ts';
import { lookupCase, type CustomerMatch } from './cases.ts';
import { rows, type Queryable } from './client.ts';

/** Statuses a pause keeps and gives back: the escalation a pause interrupts is not undone by it. */
export const ESCALATED_STATUSES = ['notice', 'agency', 'legal'] as const;

export interface ResumedCase {
  caseId: number;
  customerId: number;
  status: string;
}

type Which = { caseId: number } | { endedBy: IsoDate };

/**
 * Resumes the paused cases chosen by `which` (one case, or those whose
 * `paused_until` is on or before a day) and writes one `case_resumed` activity
 * for each, in a single statement. The update re-checks `status = 'paused'`
 * under its row lock, so a person resuming while the job does resumes once.
 */
export async function resumePaused(tx: Queryable, input: { workspaceId: string; which: Which; actorId: string; now: Date }): Promise<ResumedCase[]> {
  const ws = input.workspaceId;
  const now = input.now.toISOString();
  const chosen: SQL = 'caseId' in input.which
    ? sql`k.id = ${input.which.caseId}`
    : sql`k.paused_until <= ${input.which.endedBy}::date`;
  const escalated = sql.raw(ESCALATED_STATUSES.map((s) => `'${s}'`).join(', '));
  const resumed = await rows<{ case_id: string | number; customer_id: string | number; status: string }>(tx, sql`
    with due as (
      select k.id, (
        select a.data->>'previous_status' from activities a
        where a.workspace_id = ${ws} and a.case_id = k.id and a.kind = 'case_paused'
        order by a.occurred_at desc, a.id desc limit 1) as previous_status
      from cases k
      where k.workspace_id = ${ws} and k.status = 'paused' and ${chosen}
    ), resumed as (
      update cases k set
        status = (case
          when due.previous_status in (${escalated}) then due.previous_status
          when exists (select 1 from promises p where p.workspace_id = ${ws} and p.case_id = k.id and p.status = 'pending') then 'promised'
          else 'open' end)::case_status,
        paused_until = null, pause_reason = null, updated_at = ${now}::timestamptz
      from due
      where k.id = due.id and k.status = 'paused'
      returning k.id, k.customer_id, k.status::text as status
    ), logged as (
      insert into activities (workspace_id, case_id, customer_id, kind, actor_id, occurred_at, data)
      select ${ws}, r.id, r.customer_id, 'case_resumed', ${input.actorId}, ${now}::timestamptz, '{}'::jsonb
      from resumed r
      returning case_id
    )
    select r.id as case_id, r.customer_id, r.status from resumed r join logged l on l.case_id = r.id`);
  return resumed.map((r) => ({ caseId: Number(r.case_id), customerId: Number(r.customer_id), status: r.status }));
}

export type NamedCase =
  | { kind: 'case'; caseId: number; name: string }
  | { kind: 'closed'; name: string }
  | { kind: 'ambiguous'; candidates: CustomerMatch[] }
  | { kind: 'none' };

/** The active case of the customer a person named (`<case>` as `/collect case` reads it). */
export async function lookupActiveCase(db: Queryable, workspaceId: string, input: string): Promise<NamedCase> {
  const found = await lookupCase(db, workspaceId, input);
  if (found.kind === 'none') return found;
  if (found.kind === 'ambiguous') return { kind: 'ambiguous', candidates: found.candidates };
  const [active] = await rows<{ id: string | number }>(db, sql`
    select id from cases where workspace_id = ${workspaceId} and customer_id = ${found.customer.customerId}
      and status not in ('resolved', 'written_off')`);
  return active ? { kind: 'case', caseId: Number(active.id), name: found.customer.name } : { kind: 'closed', name: found.customer.name };
}
