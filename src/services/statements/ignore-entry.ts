// Ignore on a review list: the credit is set aside for good (a refund, a
// transfer between own accounts…). Only a credit still waiting changes: a
// second click, or a click after someone matched it, changes nothing and
// says who decided. The payer's timeline records it when the payer is known.
import { sql } from 'drizzle-orm';
import { rows, type Database } from '../../db/client.ts';
import { loadReviewEntry } from './review-post.ts';

export type IgnoreEntryResult =
  | { kind: 'ignored'; entry: NonNullable<Awaited<ReturnType<typeof loadReviewEntry>>> }
  | { kind: 'already'; entry: NonNullable<Awaited<ReturnType<typeof loadReviewEntry>>> }
  | { kind: 'not_found' };

export async function ignoreEntry(database: Database, input: { workspaceId: string; entryId: number; userId: string; now: Date }): Promise<IgnoreEntryResult> {
  const ws = input.workspaceId;
  return database.db.transaction(async (tx) => {
    const now = input.now.toISOString();
    const changed = await rows<{ id: number | string }>(tx, sql`
      with set_aside as (
        update statement_entries set status = 'ignored', decided_by = ${input.userId}, decided_at = ${now}::timestamptz
        where workspace_id = ${ws} and id = ${input.entryId} and status = 'unmatched'
        returning id, customer_id, amount_cents, currency, reference
      ), logged as (
        insert into activities (workspace_id, case_id, customer_id, kind, actor_id, occurred_at, data)
        select ${ws}, k.id, s.customer_id, 'statement_ignored', ${input.userId}, ${now}::timestamptz,
          jsonb_build_object('amount_cents', s.amount_cents, 'currency', s.currency, 'reference', s.reference)
        from set_aside s
        left join cases k on k.workspace_id = ${ws} and k.customer_id = s.customer_id and k.status not in ('resolved', 'written_off')
        where s.customer_id is not null
      )
      select id from set_aside`);
    const entry = await loadReviewEntry(tx, ws, input.entryId);
    if (!entry) return { kind: 'not_found' };
    return changed.length > 0 ? { kind: 'ignored', entry } : { kind: 'already', entry };
  });
}
