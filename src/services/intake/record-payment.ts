// POST /api/v1/payments: one payment, idempotent by its reference. The same
// reference with the same invoice, amount and date is the payment already
// recorded (a retry); with other values it is a conflict and nothing changes.
// A new payment takes effect in the same transaction: balances and case,
// promise verdicts, and the reminders waiting about the invoice it settles.
import type { Database } from '../../db/client.ts';
import { ingestOne, type IngestOneInput } from './ingest-one.ts';
import type { IngestResult } from './ingest.ts';
import { readPayment, type PaymentView } from './read-ledger.ts';
import { cellsOf } from './records.ts';

export interface PaymentEffects {
  promises_kept: number;
  promises_broken: number;
  reminders_cancelled: number;
  cases_resolved: number;
}

export type RecordPaymentResult =
  | { kind: 'created'; payment: PaymentView; effects: PaymentEffects }
  | { kind: 'existing'; payment: PaymentView }
  | { kind: 'conflict'; payment: PaymentView; reason: string }
  | { kind: 'rejected'; errors: { column: string; reason: string; value: string }[] };

const effectsOf = (r: IngestResult): PaymentEffects => ({
  promises_kept: r.promisesKept,
  promises_broken: r.promisesBroken,
  reminders_cancelled: r.remindersCancelled.mails + r.remindersCancelled.drafts,
  cases_resolved: r.casesResolved,
});

export async function recordPayment(database: Database, input: IngestOneInput & { body: Record<string, unknown> }): Promise<RecordPaymentResult> {
  const cells = cellsOf(input.body);
  const reference = (cells.get('reference') ?? '').trim();
  const outcome = await ingestOne(database, 'payments', cells, input);
  const stored = await readPayment(database.db, input.workspaceId, reference);
  if (outcome.kind === 'rejected') {
    const conflict = outcome.errors.find((e) => e.column === 'reference');
    if (conflict && stored) return { kind: 'conflict', payment: stored, reason: conflict.reason };
    return { kind: 'rejected', errors: outcome.errors };
  }
  if (outcome.kind === 'created') return { kind: 'created', payment: stored!, effects: effectsOf(outcome.result) };
  return { kind: 'existing', payment: stored! };
}
