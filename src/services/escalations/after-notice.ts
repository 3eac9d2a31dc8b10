// After the formal notice: once the letter's deadline has passed (and the
// debtor had `notice_days` from the day it was sent, when sending came later
// than the letter), a case still in `notice` with something overdue is proposed
// for the hand-off, as the ladder proposes its `agency_or_legal` step: an
// escalation requested by the system, kind `agency` until the approving manager
// picks agency or court, and an `escalation_proposed` entry. One statement for
// the whole workspace; a case that already has an agency/legal request since
// its letter (pending, approved or rejected) is never proposed again, so the
// pass can run any number of times. The rest of the escalations pass posts it.
import { sql } from 'drizzle-orm';
import { rows, type Db } from '../../db/client.ts';
import { SYSTEM_REQUESTER } from '../../db/escalations.ts';
import { readSettings } from '../../db/settings.ts';
import { todayIn } from '../../domain/dates.ts';

export async function proposeAfterNotice(db: Db, input: { workspaceId: string; now: Date }): Promise<number> {
  const ws = input.workspaceId;
  return db.transaction(async (tx) => {
    const [workspace] = await rows<{ timezone: string }>(tx, sql`select timezone from workspaces where id = ${ws}`);
    if (!workspace) return 0;
    const today = todayIn(workspace.timezone, input.now);
    const { noticeDays } = await readSettings(tx, ws);
    const now = input.now.toISOString();
    const [done] = await rows<{ n: number }>(tx, sql`
      with due as (
        select k.id as case_id, k.customer_id
        from cases k
        cross join lateral (
          select l.created_at, l.deadline_on, l.sent_at from letters l
          where l.workspace_id = k.workspace_id and l.case_id = k.id and l.kind = 'formal_notice'
          order by l.created_at desc, l.id desc limit 1
        ) l
        where k.workspace_id = ${ws} and k.status = 'notice'
          and greatest(l.deadline_on,
            (coalesce(l.sent_at, l.created_at) at time zone ${workspace.timezone})::date + ${noticeDays}::int) < ${today}::date
          and exists (select 1 from customer_balances b where b.workspace_id = k.workspace_id and b.customer_id = k.customer_id
            and b.overdue_cents > 0)
          and not exists (select 1 from escalations e where e.workspace_id = k.workspace_id and e.case_id = k.id
            and e.kind in ('agency', 'legal') and (e.status = 'pending' or e.created_at >= l.created_at))
        order by k.id
        for update of k skip locked
      ), proposed as (
        insert into escalations (workspace_id, case_id, kind, status, requested_by, proposed_stage, created_at)
        select ${ws}, d.case_id, 'agency', 'pending', ${SYSTEM_REQUESTER}, 'agency_or_legal', ${now}::timestamptz
        from due d order by d.case_id
        on conflict do nothing
        returning id, case_id
      ), logged as (
        insert into activities (workspace_id, case_id, customer_id, kind, actor_id, occurred_at, data)
        select ${ws}, p.case_id, d.customer_id, 'escalation_proposed', ${SYSTEM_REQUESTER}, ${now}::timestamptz,
          jsonb_build_object('stage', 'agency_or_legal', 'escalation', 'agency', 'escalation_id', p.id, 'after_notice', true)
        from proposed p join due d on d.case_id = p.case_id
        order by p.case_id
        returning 1
      )
      select count(*)::int as n from logged`);
    return done?.n ?? 0;
  });
}
