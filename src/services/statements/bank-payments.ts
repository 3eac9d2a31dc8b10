// Payments found on a bank statement go through the very code path of the
// intake API's payments (src/services/intake/ingest.ts): the import's checks
// and writes, balances and cases refreshed, promise verdicts, reminders
// waiting about settled invoices cancelled. Here it runs inside the
// statement's transaction (a savepoint), so the statement lines and their
// payments are committed together or not at all.
import { sql } from 'drizzle-orm';
import type { Database, Db, Queryable } from '../../db/client.ts';
import { minorUnits } from '../../domain/money.ts';
import { ingestRecords, type IngestResult, type RecordFeed } from '../intake/ingest.ts';

export interface BankPayment {
  invoiceNumber: string;
  cents: number;
  currency: string;
  paidOn: string;
  reference: string;
}

/** Minor units as the decimal the import reads ("1250.00"). */
export function decimalOf(cents: number, currency: string): string {
  const exponent = minorUnits(currency);
  if (exponent === 0) return String(cents);
  const digits = String(cents).padStart(exponent + 1, '0');
  return `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

const COLUMNS = ['invoice_number', 'amount', 'paid_on', 'reference'] as const;

/**
 * Records the payments in the caller's transaction `tx`; a payment the import
 * refuses aborts everything (the matcher only proposes open invoices of the
 * workspace, so a refusal is a bug, not bad input).
 */
export async function recordBankPayments(
  tx: Queryable, database: Database, input: { workspaceId: string; payments: readonly BankPayment[]; origin: string; now: Date },
): Promise<IngestResult | null> {
  if (input.payments.length === 0) return null;
  const feed: RecordFeed = {
    columns: COLUMNS,
    headerInRows: false,
    decimal: '.',
    async run(sink) {
      let line = 0;
      for (const p of input.payments) {
        line += 1;
        await sink.record([p.invoiceNumber, decimalOf(p.cents, p.currency), p.paidOn, p.reference], line);
      }
    },
  };
  // ingestRecords opens a transaction on the handle it is given: on `tx`, that is a savepoint of ours.
  const nested: Database = { ...database, db: tx as Db };
  const result = await ingestRecords(nested, {
    workspaceId: input.workspaceId, kind: 'payments', origin: input.origin, now: input.now, stageMethod: 'batch',
  }, feed);
  if (result.rejected > 0) {
    const first = result.errors[0];
    throw new Error(`the ledger refused a statement payment (${first ? `${first.key}: ${first.column} ${first.reason}` : 'no detail'})`);
  }
  const references = `{${input.payments.map((p) => `"${p.reference.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
  await tx.execute(sql`update payments set source = 'statement'
    where workspace_id = ${input.workspaceId} and reference = any(${references}::text[]) and created_at = ${input.now.toISOString()}::timestamptz`);
  // The import's temporary tables live until commit: dropped now, a second call in the same transaction can make its own.
  await tx.execute(sql.raw('drop table if exists import_rows, import_rejects, import_touched, intake_keys, import_paid'));
  return result;
}
