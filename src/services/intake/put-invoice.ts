// PUT /api/v1/invoices/{number}: creates or updates one invoice, as an
// invoices file row would, then the customer's balances and case follow.
import type { Database } from '../../db/client.ts';
import { ingestOne, type IngestOneInput } from './ingest-one.ts';
import { readInvoice, type InvoiceView } from './read-ledger.ts';
import { cellsOf } from './records.ts';

export type PutInvoiceResult =
  | { kind: 'created' | 'updated' | 'unchanged'; invoice: InvoiceView; remindersCancelled: number }
  | { kind: 'rejected'; errors: { column: string; reason: string; value: string }[] };

export async function putInvoice(
  database: Database, input: IngestOneInput & { number: string; body: Record<string, unknown> },
): Promise<PutInvoiceResult> {
  const cells = cellsOf({ ...input.body, invoice_number: input.number });
  const number = input.number.trim();
  const outcome = await ingestOne(database, 'invoices', cells, { ...input, readBack: (tx) => readInvoice(tx, input.workspaceId, number) });
  if (outcome.kind === 'rejected') return { kind: 'rejected', errors: outcome.errors };
  const invoice = outcome.result.read ?? await readInvoice(database.db, input.workspaceId, number);
  const cancelled = outcome.result.remindersCancelled;
  return { kind: outcome.kind, invoice: invoice!, remindersCancelled: cancelled.mails + cancelled.drafts };
}
