// Invoices upsert by invoice_number, resolving customer_ref → customer_id in
// the same statement. An invoice never moves to another customer by import,
// and never changes currency once it has payments: they were recorded in the
// invoice's currency, and would silently turn into amounts of another one.
import { sql } from 'drizzle-orm';
import { rows } from '../db/client.ts';
import { exponentCase } from './currencies.ts';
import type { WriteContext, WriteCounts } from './importer.ts';
import { rejectRepeatedKeys } from './repeated-keys.ts';
import { refreshStatistics } from './statistics.ts';

export async function writeInvoices(ctx: WriteContext): Promise<WriteCounts> {
  const { tx, workspaceId: ws, now } = ctx;
  await rejectRepeatedKeys(tx, 'invoice_number');

  await tx.execute(sql`
    insert into import_rejects (line, col, code, value, detail)
    select s.line, 'customer_ref',
      case when c.id is null then 'unknown_customer' else 'other_customer' end,
      s.customer_ref,
      case when c.id is null then null else jsonb_build_object(
        'invoice_number', s.invoice_number,
        'customer_ref', (select o.customer_ref from customers o where o.id = i.customer_id)) end
    from import_rows s
    left join customers c on c.workspace_id = ${ws} and c.customer_ref = s.customer_ref
    left join invoices i on i.workspace_id = ${ws} and i.invoice_number = s.invoice_number
    where c.id is null or i.customer_id <> c.id`);
  await tx.execute(sql`
    insert into import_rejects (line, col, code, value, detail)
    select s.line, 'currency', 'currency_with_payments', s.currency,
      jsonb_build_object('invoice_number', s.invoice_number, 'currency', i.currency,
        'paid_cents', i.paid_cents, 'exponent', ${exponentCase(sql`i.currency`)})
    from import_rows s
    join invoices i on i.workspace_id = ${ws} and i.invoice_number = s.invoice_number
    where i.currency <> s.currency
      and exists (select 1 from payments p where p.invoice_id = i.id)
      and not exists (select 1 from import_rejects r where r.line = s.line)`);
  await tx.execute(sql`delete from import_rows s using import_rejects r where r.line = s.line`);

  // delivered_on is optional: a file without the column keeps the stored dates.
  const withDelivery = ctx.present.has('delivered_on');
  const fields = ['issue_date', 'due_date', 'currency', 'amount_cents', ...(withDelivery ? ['delivered_on'] : [])];
  const set = sql.raw(fields.map((f) => `${f} = s.${f}`).join(', '));
  const stored = sql.raw(fields.map((f) => `i.${f}`).join(', '));
  const incoming = sql.raw(fields.map((f) => `s.${f}`).join(', '));

  const [updated] = await rows<{ n: number }>(tx, sql`
    with changed as (
      update invoices i set ${set}, updated_at = ${now}::timestamptz
      from import_rows s
      where i.workspace_id = ${ws} and i.invoice_number = s.invoice_number
        and (${stored}) is distinct from (${incoming})
      returning i.customer_id
    ), touched as (
      insert into import_touched (customer_id) select distinct customer_id from changed on conflict do nothing
    )
    select count(*)::int as n from changed`);

  // What is left is new. Not ON CONFLICT DO NOTHING, whose speculative insertion costs about a sixth more per
  // row, nor an anti-join in the insert, which the planner may turn into a scan of the very table being filled
  // (quadratic) when its statistics say it is empty. No other writer adds this workspace's invoices meanwhile:
  // they all take the import lock (importInTransaction).
  await tx.execute(sql`delete from import_rows s using invoices i where i.workspace_id = ${ws} and i.invoice_number = s.invoice_number`);
  const [inserted] = await rows<{ n: number }>(tx, sql`
    with added as (
      insert into invoices (workspace_id, invoice_number, customer_id, issue_date, due_date, delivered_on,
        currency, amount_cents, created_at, updated_at)
      select ${ws}, s.invoice_number, c.id, s.issue_date, s.due_date, s.delivered_on,
        s.currency, s.amount_cents, ${now}::timestamptz, ${now}::timestamptz
      from import_rows s
      join customers c on c.workspace_id = ${ws} and c.customer_ref = s.customer_ref
      returning customer_id
    ), touched as (
      insert into import_touched (customer_id) select distinct customer_id from added on conflict do nothing
    )
    select count(*)::int as n from added`);

  const counts = { inserted: Number(inserted?.n ?? 0), updated: Number(updated?.n ?? 0) };
  await refreshStatistics(tx, 'invoices', counts.inserted);
  return counts;
}
