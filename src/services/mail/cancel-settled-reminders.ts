// A payment that settles invoices stops the reminders about them at once:
// mails still waiting to leave (queued or retrying) and drafts still waiting
// for a person, whose invoices are now all paid, are cancelled with the
// timeline entry the sender writes when it finds the same at send time
// (reminder_cancelled, reason 'paid'). A mail in flight ('sending') is left to
// the sender: it may already have left. Set-based, in the caller's transaction.
import { sql, type SQL } from 'drizzle-orm';
import { rows, type Queryable } from '../../db/client.ts';

export interface CancelledReminders {
  mails: number;
  drafts: number;
}

/** Every invoice the reminder names exists and is paid (`value` should be a jsonb array of { number }; anything else never is). */
function allSettled(ws: string, value: SQL): SQL {
  const list = sql`(case when jsonb_typeof(${value}) = 'array' then ${value} else '[]'::jsonb end)`;
  return sql`jsonb_array_length(${list}) > 0
  and not exists (
    select 1 from jsonb_array_elements(${list}) x
    left join invoices i on i.workspace_id = ${ws} and i.invoice_number = x->>'number'
    where i.id is null or i.paid_cents < i.amount_cents)`;
}

/** Cancels the waiting reminders of `customersIn` (a query returning customer_id) whose invoices are all settled. */
export async function cancelSettledReminders(
  tx: Queryable, input: { workspaceId: string; customersIn: SQL; now: Date },
): Promise<CancelledReminders> {
  const ws = input.workspaceId;
  const now = input.now.toISOString();
  const [mails] = await rows<{ n: number }>(tx, sql`
    with cancelled as (
      update mails m set status = 'cancelled', cancel_reason = 'paid', next_attempt_at = null
      where m.workspace_id = ${ws} and m.status in ('queued', 'retrying')
        and m.customer_id in (${input.customersIn})
        and ${allSettled(ws, sql`m.invoices`)}
      returning m.id, m.case_id, m.customer_id, m.stage
    ), logged as (
      insert into activities (workspace_id, case_id, customer_id, kind, actor_id, occurred_at, data)
      select ${ws}, c.case_id, c.customer_id, 'reminder_cancelled', 'system', ${now}::timestamptz,
        jsonb_build_object('stage', c.stage, 'mail_id', c.id, 'reason', 'paid')
      from cancelled c order by c.id
      returning 1
    )
    select count(*)::int as n from logged`);
  const [drafts] = await rows<{ n: number }>(tx, sql`
    with cancelled as (
      update drafts d set status = 'cancelled', decided_by = 'system', decided_at = ${now}::timestamptz, skip_reason = 'paid'
      where d.workspace_id = ${ws} and d.status = 'draft'
        and d.customer_id in (${input.customersIn})
        and ${allSettled(ws, sql`d.data->'invoices'`)}
      returning d.id, d.case_id, d.customer_id, d.stage
    ), logged as (
      insert into activities (workspace_id, case_id, customer_id, kind, actor_id, occurred_at, data)
      select ${ws}, c.case_id, c.customer_id, 'reminder_cancelled', 'system', ${now}::timestamptz,
        jsonb_build_object('stage', c.stage, 'draft_id', c.id, 'reason', 'paid')
      from cancelled c order by c.id
      returning 1
    )
    select count(*)::int as n from logged`);
  return { mails: Number(mails?.n ?? 0), drafts: Number(drafts?.n ?? 0) };
}
