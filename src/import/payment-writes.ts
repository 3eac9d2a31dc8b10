// Payments are inserted by reference and never changed by an import: the same
// reference with other values is a conflict to report, not an update. Every
// new payment keeps invoices.paid_cents equal to the sum of its payments and
// goes on the customer's timeline.
import { sql } from 'drizzle-orm';
import { rows } from '../db/client.ts';
import { exponentCase } from './currencies.ts';
import type { WriteContext, WriteCounts } from './importer.ts';
import { rejectRepeatedKeys } from './repeated-keys.ts';

/** The invoice currency's minor-unit exponent (m.exponent) and the staged amount in those units (a.cents). */
function scaled() {
  return sql`
    cross join lateral (select ${exponentCase(sql`i.currency`)} as exponent) m
    cross join lateral (select case when s.amount_scale <= m.exponent
      then s.amount_units * (10 ^ (m.exponent - s.amount_scale))::bigint end as cents) a`;
}

export async function writePayments(ctx: WriteContext): Promise<WriteCounts> {
  const { tx, workspaceId: ws, now } = ctx;
  await rejectRepeatedKeys(tx, 'reference');
  const scale = scaled();

  await tx.execute(sql`
    insert into import_rejects (line, col, code, value, detail)
    select line, col, code, value, detail from (
      select s.line,
        case when i.id is null then 'invoice_number' when a.cents is null then 'amount' else 'reference' end as col,
        case when i.id is null then 'unknown_invoice' when a.cents is null then 'too_many_decimals' else 'payment_conflict' end as code,
        case when i.id is null then s.invoice_number when a.cents is null then s.amount_raw else s.reference end as value,
        case
          when i.id is null then null
          when a.cents is null then jsonb_build_object('currency', i.currency, 'exponent', m.exponent)
          else jsonb_build_object('invoice_number', pi.invoice_number, 'amount_cents', p.amount_cents,
            'currency', pi.currency, 'exponent', m.exponent, 'paid_on', p.paid_on)
        end as detail
      from import_rows s
      left join invoices i on i.workspace_id = ${ws} and i.invoice_number = s.invoice_number
      ${scale}
      left join payments p on p.workspace_id = ${ws} and p.reference = s.reference
      left join invoices pi on pi.id = p.invoice_id
      where i.id is null or a.cents is null
        or (p.id is not null and (p.invoice_id, p.amount_cents, p.paid_on) is distinct from (i.id, a.cents, s.paid_on))
    ) x`);
  await tx.execute(sql`delete from import_rows s using import_rejects r where r.line = s.line`);

  await tx.execute(sql`create temp table import_paid (invoice_id bigint primary key) on commit drop`);
  const [inserted] = await rows<{ n: number }>(tx, sql`
    with added as (
      insert into payments (workspace_id, invoice_id, amount_cents, paid_on, reference, source, created_at)
      select ${ws}, i.id, a.cents, s.paid_on, s.reference, 'import', ${now}::timestamptz
      from import_rows s
      join invoices i on i.workspace_id = ${ws} and i.invoice_number = s.invoice_number
      ${scale}
      order by s.line
      on conflict (workspace_id, reference) do nothing
      returning id, invoice_id, amount_cents, paid_on, reference
    ), logged as (
      insert into activities (workspace_id, case_id, customer_id, kind, actor_id, occurred_at, data)
      select ${ws}, k.id, i.customer_id, 'payment_recorded', 'import', ${now}::timestamptz,
        jsonb_build_object('payment_id', p.id, 'invoice_number', i.invoice_number, 'reference', p.reference,
          'amount_cents', p.amount_cents, 'currency', i.currency, 'paid_on', p.paid_on,
          'source', 'import', 'file', ${ctx.fileName}::text)
      from added p
      join invoices i on i.id = p.invoice_id
      left join cases k on k.workspace_id = ${ws} and k.customer_id = i.customer_id
        and k.status not in ('resolved', 'written_off')
      order by p.id
    ), paid as (
      insert into import_paid (invoice_id) select distinct invoice_id from added
    ), touched as (
      insert into import_touched (customer_id)
      select distinct i.customer_id from added p join invoices i on i.id = p.invoice_id
      on conflict do nothing
    )
    select count(*)::int as n from added`);

  // A separate statement: it must see the payments inserted above.
  await tx.execute(sql`
    update invoices i set paid_cents = t.total, updated_at = ${now}::timestamptz
    from (
      select p.invoice_id, sum(p.amount_cents)::bigint as total
      from payments p join import_paid n on n.invoice_id = p.invoice_id
      group by p.invoice_id
    ) t
    where i.id = t.invoice_id and i.paid_cents <> t.total`);

  return { inserted: Number(inserted?.n ?? 0), updated: 0 };
}
