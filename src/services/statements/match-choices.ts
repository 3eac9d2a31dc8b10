// The invoices the Match form offers for a bank credit: the open invoices of
// its currency, the payer's when relance knows who paid (else everyone's),
// oldest first.
import { sql } from 'drizzle-orm';
import { rows, type Queryable } from '../../db/client.ts';
import { MAX_CHOICES, type InvoiceChoice } from '../../slack/blocks/statement-review.ts';

export async function matchChoices(
  db: Queryable, input: { workspaceId: string; currency: string; customerId: number | null },
): Promise<InvoiceChoice[]> {
  const read = (customerId: number | null) => rows<{ invoice_number: string; name: string; open_cents: number | string; currency: string; due_date: string }>(db, sql`
    select i.invoice_number, c.name, i.amount_cents - i.paid_cents as open_cents, i.currency, i.due_date
    from invoices i join customers c on c.id = i.customer_id
    where i.workspace_id = ${input.workspaceId} and i.currency = ${input.currency} and i.paid_cents < i.amount_cents
      ${customerId === null ? sql`` : sql`and i.customer_id = ${customerId}`}
    order by i.due_date, i.id limit ${MAX_CHOICES}`);
  let found = input.customerId === null ? [] : await read(input.customerId);
  if (found.length === 0) found = await read(null);
  return found.map((r) => ({
    number: r.invoice_number, customerName: r.name, openCents: Number(r.open_cents), currency: r.currency.trim(), dueDate: String(r.due_date),
  }));
}
