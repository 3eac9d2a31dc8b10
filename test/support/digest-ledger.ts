import { addDays } from '../../src/domain/dates.ts';
import type { LedgerCustomer } from './ledger.ts';

/** `n` debtors, the k-th 3k days overdue with €1,000, so priority order is known: most overdue first. */
export function debtors(n: number, today: string): LedgerCustomer[] {
  return Array.from({ length: n }, (_, i) => ({
    ref: `D${String(i + 1).padStart(2, '0')}`,
    name: `Debtor ${String(i + 1).padStart(2, '0')}`,
    invoices: [{ number: `INV-${i + 1}`, issued: addDays(today, -(i + 1) * 3 - 30), due: addDays(today, -(i + 1) * 3), cents: 100_000 }],
  }));
}
