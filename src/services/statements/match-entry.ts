// Match on a review list: a person picks the invoices a bank credit pays. Its
// amount is spread over them, oldest first, each up to what it has open (the
// rest, if any, is not recorded: told back as an overpayment), and the
// payments take effect at once through the intake API's code path. Only a
// credit still waiting changes: a second submission changes nothing.
import { sql } from 'drizzle-orm';
import { rows, textArray, type Database } from '../../db/client.ts';
import { paymentReferences, spreadOver, type Allocation } from '../../domain/statement-matching.ts';
import { todayIn } from '../../domain/dates.ts';
import { recordBankPayments } from './bank-payments.ts';
import { toOpenInvoice } from './ledger.ts';
import { loadReviewEntry } from './review-post.ts';

type Entry = NonNullable<Awaited<ReturnType<typeof loadReviewEntry>>>;

export type MatchEntryResult =
  | { kind: 'matched'; entry: Entry; allocations: Allocation[]; unallocatedCents: number }
  | { kind: 'already'; entry: Entry }
  | { kind: 'invoice_gone'; number: string }
  | { kind: 'no_invoice' }
  | { kind: 'not_found' };

export async function matchEntry(database: Database, input: {
  workspaceId: string; entryId: number; invoiceNumbers: readonly string[]; userId: string; now: Date;
}): Promise<MatchEntryResult> {
  const ws = input.workspaceId;
  if (input.invoiceNumbers.length === 0) return { kind: 'no_invoice' };
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('relance.import'), hashtext(${ws}))`);
    const [line] = await rows<{ reference: string; amount_cents: number | string; currency: string; booked_on: string | null; value_on: string | null; status: string; debtor_iban: string | null }>(tx, sql`
      select reference, amount_cents, currency, booked_on, value_on, status, debtor_iban
      from statement_entries where workspace_id = ${ws} and id = ${input.entryId} for update`);
    const entry = await loadReviewEntry(tx, ws, input.entryId);
    if (!line || !entry) return { kind: 'not_found' };
    if (line.status !== 'unmatched') return { kind: 'already', entry };
    const currency = line.currency.trim();
    const found = (await rows<Parameters<typeof toOpenInvoice>[0]>(tx, sql`
      select id, invoice_number, customer_id, currency, amount_cents - paid_cents as open_cents, due_date
      from invoices where workspace_id = ${ws} and invoice_number = any(${textArray(input.invoiceNumbers)}::text[])
        and paid_cents < amount_cents and currency = ${currency}`)).map(toOpenInvoice);
    const gone = input.invoiceNumbers.find((n) => !found.some((i) => i.number === n));
    if (gone !== undefined) return { kind: 'invoice_gone', number: gone };

    const { allocations, unallocatedCents } = spreadOver(Number(line.amount_cents), found);
    const refs = paymentReferences(line.reference, allocations);
    const [workspace] = await rows<{ timezone: string }>(tx, sql`select timezone from workspaces where id = ${ws}`);
    const paidOn = line.booked_on ?? line.value_on ?? todayIn(workspace?.timezone ?? 'UTC', input.now);
    await recordBankPayments(tx, database, {
      workspaceId: ws, origin: `slack:${input.userId}`, now: input.now,
      payments: allocations.map((a, i) => ({ invoiceNumber: a.invoiceNumber, cents: a.cents, currency, paidOn: String(paidOn), reference: refs[i]! })),
    });
    const customerId = allocations[0]!.customerId;
    const now = input.now.toISOString();
    await tx.execute(sql`update statement_entries set status = 'matched', payment_references = ${textArray(refs)}::text[],
      customer_id = ${customerId}, decided_by = ${input.userId}, decided_at = ${now}::timestamptz
      where workspace_id = ${ws} and id = ${input.entryId}`);
    for (const id of new Set(allocations.map((a) => a.customerId))) {
      const cents = allocations.filter((a) => a.customerId === id).reduce((sum, a) => sum + a.cents, 0);
      await tx.execute(sql`
        insert into activities (workspace_id, case_id, customer_id, kind, actor_id, occurred_at, data)
        select ${ws}, (select k.id from cases k where k.workspace_id = ${ws} and k.customer_id = ${id} order by k.opened_at desc limit 1),
          ${id}, 'statement_matched', ${input.userId}, ${now}::timestamptz,
          jsonb_build_object('amount_cents', ${cents}::bigint, 'currency', ${currency}::text, 'reference', ${line.reference}::text,
            'invoices', ${JSON.stringify(allocations.filter((a) => a.customerId === id).map((a) => a.invoiceNumber))}::jsonb)`);
    }
    // The person vouched for the payer: their account is known from now on (if no one else has it).
    if (line.debtor_iban) {
      await tx.execute(sql`update customers set iban = ${line.debtor_iban}
        where workspace_id = ${ws} and id = ${customerId} and iban is null
          and not exists (select 1 from customers o where o.workspace_id = ${ws} and o.iban = ${line.debtor_iban})`);
    }
    const matched = await loadReviewEntry(tx, ws, input.entryId);
    return { kind: 'matched', entry: matched!, allocations, unallocatedCents };
  });
}
