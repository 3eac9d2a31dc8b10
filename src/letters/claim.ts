// What is claimed from a debtor, split as a formal notice and an agency's
// first letter state it (SPEC §2; CPCE R124-4): principal, interest, other
// sums. Per currency, never summed across currencies; the €40 recovery
// indemnity is in euros whatever the invoice's currency, and only a
// professional debtor owes it (late-fees.ts decides, per invoice).
import type { IsoDate } from '../domain/dates.ts';
import type { LateFees, MissingRate } from '../domain/late-fees.ts';

export interface ClaimInvoice {
  number: string;
  issueDate: IsoDate;
  dueDate: IsoDate;
  currency: string;
  /** Amount incl. VAT, minor units. */
  amountCents: number;
  /** What is still unpaid today. */
  balanceCents: number;
  /** Interest and indemnity as of the claim's date. */
  fees: LateFees;
}

export interface ClaimTotal {
  currency: string;
  principalCents: number;
  interestCents: number;
  /** Recovery indemnities (the only "other sums" relance ever claims). */
  otherCents: number;
  totalCents: number;
}

/** The claim per currency, sorted by currency code. */
export function claimTotals(invoices: readonly ClaimInvoice[]): ClaimTotal[] {
  const totals = new Map<string, ClaimTotal>();
  const line = (currency: string) => {
    let total = totals.get(currency);
    if (!total) {
      total = { currency, principalCents: 0, interestCents: 0, otherCents: 0, totalCents: 0 };
      totals.set(currency, total);
    }
    return total;
  };
  for (const invoice of invoices) {
    const own = line(invoice.currency);
    own.principalCents += invoice.balanceCents;
    own.interestCents += invoice.fees.interestCents;
    if (invoice.fees.indemnity) line(invoice.fees.indemnity.currency).otherCents += invoice.fees.indemnity.cents;
  }
  for (const total of totals.values()) total.totalCents = total.principalCents + total.interestCents + total.otherCents;
  return [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}

/** The invoices whose indemnity is claimed, and the indemnity each. */
export function indemnities(invoices: readonly ClaimInvoice[]): { count: number; each: { cents: number; currency: string } | null } {
  const owed = invoices.filter((i) => i.fees.indemnity !== null);
  return { count: owed.length, each: owed[0]?.fees.indemnity ?? null };
}

/** Every half-year whose rate was missing from the tables, once. */
export function missingRates(invoices: readonly ClaimInvoice[]): MissingRate[] {
  const seen = new Map<string, MissingRate>();
  for (const invoice of invoices) for (const m of invoice.fees.missing) seen.set(`${m.kind}:${m.halfYear}`, m);
  return [...seen.values()].sort((a, b) => a.halfYear.localeCompare(b.halfYear) || a.kind.localeCompare(b.kind));
}
