// What the statement matcher reads of the ledger: every customer (name and
// IBAN, compared in the domain with accents, case and legal forms set aside),
// and the open invoices it could need: those whose number a line's remittance
// text may hold, and those of the customers the lines' payers are.
import { sql } from 'drizzle-orm';
import { rows, textArray, type Queryable } from '../../db/client.ts';
import { idArray } from '../../db/balances.ts';
import {
  candidateKeys, identifyCustomer, type BankLine, type KnownCustomer, type MatchingLedger, type OpenInvoice,
} from '../../domain/statement-matching.ts';

type InvoiceRow = { id: number | string; invoice_number: string; customer_id: number | string; currency: string; open_cents: number | string; due_date: string };

export const toOpenInvoice = (r: InvoiceRow): OpenInvoice => ({
  id: Number(r.id), number: r.invoice_number, customerId: Number(r.customer_id), currency: r.currency.trim(),
  openCents: Number(r.open_cents), dueDate: String(r.due_date),
});

export async function loadCustomers(tx: Queryable, workspaceId: string): Promise<KnownCustomer[]> {
  const found = await rows<{ id: number | string; name: string; iban: string | null }>(tx, sql`
    select id, name, iban from customers where workspace_id = ${workspaceId} order by id`);
  return found.map((r) => ({ id: Number(r.id), name: r.name, iban: r.iban }));
}

export async function loadMatchingLedger(tx: Queryable, workspaceId: string, credits: readonly BankLine[]): Promise<MatchingLedger> {
  const customers = await loadCustomers(tx, workspaceId);
  const keys = new Set<string>();
  const payers = new Set<number>();
  for (const line of credits) {
    for (const key of candidateKeys(line.remittance)) keys.add(key);
    const payer = identifyCustomer(line, customers);
    if (payer.kind === 'one') payers.add(payer.customerId);
  }
  const invoices = new Map<number, OpenInvoice>();
  if (keys.size === 0 && payers.size === 0) return { customers, invoices };
  const found = await rows<InvoiceRow>(tx, sql`
    select id, invoice_number, customer_id, currency, amount_cents - paid_cents as open_cents, due_date
    from invoices
    where workspace_id = ${workspaceId} and paid_cents < amount_cents
      and (customer_id = any(${idArray([...payers])}::bigint[])
        or regexp_replace(upper(invoice_number), '[^A-Z0-9]', '', 'g') = any(${textArray(keys)}::text[]))`);
  for (const r of found) invoices.set(Number(r.id), toOpenInvoice(r));
  return { customers, invoices };
}
