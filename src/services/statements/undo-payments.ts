// A credit the bank took back takes its payments with it. Payments are rows
// whose sum is each invoice's paid_cents (src/import/payment-writes.ts), so a
// reversal deletes them and recomputes the sums; the timeline, append-only,
// gains a payment_reversed line per payment instead of losing anything.
// Balances and cases follow (a resolved case opens again). In the caller's
// transaction.
import { sql } from 'drizzle-orm';
import { refreshBalances } from '../../db/balances.ts';
import { rows, textArray, type Queryable } from '../../db/client.ts';
import { todayIn } from '../../domain/dates.ts';

export async function undoPayments(
  tx: Queryable, input: { workspaceId: string; references: readonly string[]; actorId: string; now: Date; statementReference: string },
): Promise<{ invoices: number; customerIds: number[] }> {
  const ws = input.workspaceId;
  if (input.references.length === 0) return { invoices: 0, customerIds: [] };
  const now = input.now.toISOString();
  const gone = await rows<{ invoice_id: number | string; customer_id: number | string }>(tx, sql`
    with gone as (
      delete from payments where workspace_id = ${ws} and reference = any(${textArray(input.references)}::text[])
      returning id, invoice_id, amount_cents, paid_on, reference
    ), logged as (
      insert into activities (workspace_id, case_id, customer_id, kind, actor_id, occurred_at, data)
      select ${ws}, k.id, i.customer_id, 'payment_reversed', ${input.actorId}, ${now}::timestamptz,
        jsonb_build_object('payment_id', g.id, 'invoice_number', i.invoice_number, 'reference', g.reference,
          'amount_cents', g.amount_cents, 'currency', i.currency, 'paid_on', g.paid_on, 'reversal', ${input.statementReference}::text)
      from gone g join invoices i on i.id = g.invoice_id
      left join cases k on k.workspace_id = ${ws} and k.customer_id = i.customer_id and k.status not in ('resolved', 'written_off')
      order by g.id
    )
    select distinct g.invoice_id, i.customer_id from gone g join invoices i on i.id = g.invoice_id`);
  if (gone.length === 0) return { invoices: 0, customerIds: [] };
  const invoiceIds = gone.map((g) => Number(g.invoice_id));
  // A separate statement: it must see the payments deleted above.
  await tx.execute(sql`
    update invoices i set paid_cents = coalesce((select sum(p.amount_cents) from payments p where p.invoice_id = i.id), 0)::bigint,
      updated_at = ${now}::timestamptz
    where i.workspace_id = ${ws} and i.id = any(${`{${invoiceIds.join(',')}}`}::bigint[])`);
  const customerIds = [...new Set(gone.map((g) => Number(g.customer_id)))].sort((a, b) => a - b);
  const [workspace] = await rows<{ timezone: string }>(tx, sql`select timezone from workspaces where id = ${ws}`);
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('relance.balances'), hashtext(${ws}))`);
  await refreshBalances(tx, { workspaceId: ws, today: todayIn(workspace?.timezone ?? 'UTC', input.now), customerIds, actorId: input.actorId, now: input.now });
  return { invoices: gone.length, customerIds };
}
