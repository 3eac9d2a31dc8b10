// `/collect log <case> recovered <amount>`: money an agency (or a court's
// enforcement) recovered on a handed-off case is a real payment. It goes on
// the customer's open invoices of that currency, oldest due date first, never
// past what they owe, as payments with source `agency` and references
// `agency-<case>-<n>`; then the balances are rebuilt (a case paid in full
// resolves) and promise verdicts decided, as an import of payments does, all
// in one transaction. The agency's commission is the creditor's cost: nothing
// here ever adds to what the debtor owes.
import { and, asc, eq, notInArray, sql } from 'drizzle-orm';
import { refreshBalances } from '../db/balances.ts';
import { rows, type Db } from '../db/client.ts';
import { decidePromises } from '../db/promise-verdicts.ts';
import { activities, cases, customers, invoices, payments } from '../db/schema.ts';
import type { IsoDate } from '../domain/dates.ts';
import type { Money } from '../domain/money.ts';

/** The statuses on which recoveries are logged: the case was handed off. */
export const HANDED_OFF = ['agency', 'legal'] as const;

export interface RecoveryInput {
  workspaceId: string;
  customerId: number;
  userId: string;
  now: Date;
  today: IsoDate;
  amount: Money;
  note: string | null;
}

export interface Allocation {
  invoiceNumber: string;
  cents: number;
  reference: string;
}

export type RecoveryResult =
  | { kind: 'recorded'; name: string; amount: Money; allocations: Allocation[]; leftCents: number; resolved: boolean }
  | { kind: 'no_case'; name: string }
  | { kind: 'not_handed_off'; name: string; status: string }
  | { kind: 'nothing_owed'; name: string; currency: string }
  | { kind: 'more_than_balance'; name: string; balance: Money };

/** Oldest due date first, each invoice up to what it still owes. */
export function allocate(open: readonly { number: string; owedCents: number }[], cents: number): { number: string; cents: number }[] {
  const parts: { number: string; cents: number }[] = [];
  let left = cents;
  for (const invoice of open) {
    if (left <= 0) break;
    const part = Math.min(left, invoice.owedCents);
    if (part > 0) parts.push({ number: invoice.number, cents: part });
    left -= part;
  }
  return parts;
}

export async function recordRecovery(db: Db, input: RecoveryInput): Promise<RecoveryResult> {
  const ws = input.workspaceId;
  return db.transaction(async (tx) => {
    // Same lock as imports and the daily rebuild: ledger writes and balances never interleave.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('relance.balances'), hashtext(${ws}))`);
    const [found] = await tx.select({ caseId: cases.id, status: cases.status, name: customers.name })
      .from(customers)
      .leftJoin(cases, and(eq(cases.workspaceId, customers.workspaceId), eq(cases.customerId, customers.id),
        notInArray(cases.status, ['resolved', 'written_off'])))
      .where(and(eq(customers.workspaceId, ws), eq(customers.id, input.customerId)));
    if (!found) throw new Error(`customer ${input.customerId} vanished`);
    const { name } = found;
    if (found.caseId === null || found.status === null) return { kind: 'no_case', name };
    if (!(HANDED_OFF as readonly string[]).includes(found.status)) return { kind: 'not_handed_off', name, status: found.status };
    const caseId = found.caseId;
    const { currency } = input.amount;

    const open = await tx.select({ id: invoices.id, number: invoices.invoiceNumber, amountCents: invoices.amountCents, paidCents: invoices.paidCents })
      .from(invoices)
      .where(and(eq(invoices.workspaceId, ws), eq(invoices.customerId, input.customerId), eq(invoices.currency, currency),
        sql`${invoices.paidCents} < ${invoices.amountCents}`))
      .orderBy(asc(invoices.dueDate), asc(invoices.invoiceNumber)).for('update');
    const owed = open.map((i) => ({ id: i.id, number: i.number, owedCents: i.amountCents - i.paidCents }));
    const balanceCents = owed.reduce((sum, i) => sum + i.owedCents, 0);
    if (balanceCents === 0) return { kind: 'nothing_owed', name, currency };
    if (input.amount.cents > balanceCents) return { kind: 'more_than_balance', name, balance: { cents: balanceCents, currency } };

    const [count] = await rows<{ n: number }>(tx, sql`
      select count(*)::int as n from payments where workspace_id = ${ws} and reference like ${`agency-${caseId}-%`}`);
    let n = count?.n ?? 0;
    const allocations: Allocation[] = [];
    for (const part of allocate(owed, input.amount.cents)) {
      const invoice = owed.find((i) => i.number === part.number)!;
      n += 1;
      const reference = `agency-${caseId}-${n}`;
      const [payment] = await tx.insert(payments).values({
        workspaceId: ws, invoiceId: invoice.id, amountCents: part.cents, paidOn: input.today, reference, source: 'agency', createdAt: input.now,
      }).returning({ id: payments.id });
      await tx.update(invoices).set({ paidCents: sql`${invoices.paidCents} + ${part.cents}`, updatedAt: input.now }).where(eq(invoices.id, invoice.id));
      await tx.insert(activities).values({
        workspaceId: ws, caseId, customerId: input.customerId, kind: 'payment_recorded', actorId: input.userId, occurredAt: input.now,
        data: {
          payment_id: payment!.id, invoice_number: part.number, reference, amount_cents: part.cents, currency, paid_on: input.today,
          source: 'agency',
        },
        note: input.note,
      });
      allocations.push({ invoiceNumber: part.number, cents: part.cents, reference });
    }

    await refreshBalances(tx, { workspaceId: ws, today: input.today, customerIds: [input.customerId], actorId: input.userId, now: input.now });
    await decidePromises(tx, { workspaceId: ws, now: input.now, customerIds: [input.customerId] });
    const [after] = await tx.select({ status: cases.status }).from(cases).where(eq(cases.id, caseId));
    return {
      kind: 'recorded', name, amount: input.amount, allocations, leftCents: balanceCents - input.amount.cents,
      resolved: after?.status === 'resolved',
    };
  });
}

