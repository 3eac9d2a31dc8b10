// Late-payment interest and the fixed recovery indemnity of one invoice under
// French law (SPEC §1 "Late fees", FACTS-fr.md), as a breakdown a letter can
// print line by line: each line has its period, days, base, rate and source.
//
// Interest accrues day by day on the balance of that day, incl. VAT:
//   Σ over late days of balance × annual rate / 365
// grouped into segments that break at every half-year (the rate may change)
// and every payment (the balance changes from the payment's date). The sum is
// exact (integers, no floats) and rounded ONCE, at the end, to the cent, half
// away from zero; the segments' printed amounts are that total apportioned by
// largest remainder, so the lines of a letter always add up to its total.
import { addDays, daysBetween, type IsoDate } from './calendar.ts';
import type { Money } from './money.ts';
import { MILLI, nextHalfYearStart, rateFor, rateAddCommand, type RateKind, type RateRow } from './rates.ts';

export type DebtorKind = 'b2b' | 'b2c';

/** D441-5: the fixed recovery indemnity per late invoice, owed by a professional debtor only. */
export const RECOVERY_INDEMNITY: Money = { cents: 4000, currency: 'EUR' };

/** L441-10: the default B2B rate is the ECB rate + 10 points; a contractual rate may not be below 3 × the legal rate. */
export const ECB_MARGIN_MILLI = 10 * MILLI;
export const LEGAL_FLOOR_MULTIPLE = 3;

/** Days in the year the annual rate is spread over. FACTS-fr: 365 is common practice, not law. */
export type DayCountBasis = 365 | 360;

export interface LateFeeInput {
  invoice: { amountCents: number; currency: string; dueDate: IsoDate };
  payments: readonly { paidOn: IsoDate; amountCents: number }[];
  debtor: DebtorKind;
  /** The customer's contractual annual rate (customers.late_rate), thousandths of a percent; B2B only. */
  contractMilliPercent?: number | null;
  /** The last day counted (inclusive): usually today in the workspace zone, or a letter's date. */
  asOf: IsoDate;
  /** B2C: the formal notice. Interest runs from its receipt, else from its sending; without one, none. */
  notice?: { sentOn: IsoDate; receivedOn?: IsoDate | null } | null;
  rates: readonly RateRow[];
  dayCountBasis?: DayCountBasis;
}

/**
 * Why interest starts when it does; the letter says which. Interest counts
 * the days after this date: from the day after the due date (B2B), from the
 * day after the notice was received or sent (B2C) — the date itself is day 0,
 * as in `days late = as-of − due date`.
 */
export type InterestStart =
  | { date: IsoDate; reason: 'due_date' }
  | { date: IsoDate; reason: 'notice_received' | 'notice_sent' };

/** Which rate a segment used and why. */
export type RateBasis =
  /** B2B default: the ECB rate of the half-year + 10 points. */
  | 'ecb_plus_10'
  /** B2B: the customer's contractual rate. */
  | 'contract'
  /** B2B: the contractual rate was below 3 × the legal rate, so the floor applies. */
  | 'legal_floor'
  /** B2C: the legal rate of the half-year (professional creditor). */
  | 'legal';

export interface LateFeeSegment {
  /** First and last day counted, inclusive. */
  from: IsoDate;
  to: IsoDate;
  days: number;
  /** The invoice balance incl. VAT on each of those days, minor units. */
  baseCents: number;
  /** Annual rate applied, thousandths of a percent (12.15 % = 12150). */
  milliPercent: number;
  basis: RateBasis;
  /**
   * The table row the rate came from (for `ecb_plus_10` the ECB row, for
   * `legal_floor` and `legal` the legal-rate row); null for a contractual rate.
   */
  rate: { kind: RateKind; startsOn: IsoDate; milliPercent: number; source: string } | null;
  /** The half-year had no row of its own: the latest known rate stood in (see `missing`). */
  rateMissing: boolean;
  /** This line's share of the total, minor units; lines sum to `interestCents`. */
  interestCents: number;
}

export interface MissingRate {
  kind: RateKind;
  /** The half-year without a row (its first day). */
  halfYear: IsoDate;
  /** The row used instead. */
  usedStartsOn: IsoDate;
  usedMilliPercent: number;
  /** What an admin types to add it. */
  command: string;
}

export interface LateFees {
  currency: string;
  /** Null: no interest runs yet (not late, or B2C without a notice). */
  interestFrom: InterestStart | null;
  segments: LateFeeSegment[];
  /** Total interest, rounded once to the minor unit, half away from zero. */
  interestCents: number;
  /** €40 for a late invoice of a professional debtor; null otherwise (never for B2C). */
  indemnity: Money | null;
  /** Half-years whose rate was not in the table; every letter or request using this breakdown must say so. */
  missing: MissingRate[];
  /** The contractual rate was below 3 × the legal rate in at least one half-year: the floor was applied there. */
  floored: boolean;
  /** B2C with a contractual rate: relance applies the legal rate and ignores it (see README). */
  contractRateIgnored: boolean;
  dayCountBasis: DayCountBasis;
}

/** Whether recovery costs may be charged to this debtor at all: never to a consumer (CPCE L111-8). */
export const mayChargeRecoveryCosts = (debtor: DebtorKind): boolean => debtor === 'b2b';

function interestStart(input: LateFeeInput): InterestStart | null {
  const due = input.invoice.dueDate;
  if (input.debtor === 'b2b') return { date: due, reason: 'due_date' };
  const notice = input.notice;
  if (!notice) return null;
  const start: InterestStart = notice.receivedOn
    ? { date: notice.receivedOn, reason: 'notice_received' }
    : { date: notice.sentOn, reason: 'notice_sent' };
  // A notice before the due date cannot make a debt late earlier than its term.
  return start.date < due ? { date: due, reason: 'due_date' } : start;
}

/** The balance from `day` on: the amount less every payment made that day or before, never below zero. */
function balanceOn(input: LateFeeInput, day: IsoDate): number {
  const paid = input.payments.reduce((sum, p) => (p.paidOn <= day ? sum + p.amountCents : sum), 0);
  return Math.max(0, input.invoice.amountCents - paid);
}

/** First days of the segments between `first` and `last`: half-year starts and payment dates. */
function breakpoints(input: LateFeeInput, first: IsoDate, last: IsoDate): IsoDate[] {
  const days = new Set<IsoDate>([first]);
  for (let h = nextHalfYearStart(first); h <= last; h = nextHalfYearStart(h)) days.add(h);
  for (const p of input.payments) if (p.paidOn > first && p.paidOn <= last) days.add(p.paidOn);
  return [...days].sort();
}

interface Priced {
  milliPercent: number;
  basis: RateBasis;
  rate: LateFeeSegment['rate'];
  used: { kind: RateKind; lookup: ReturnType<typeof rateFor> }[];
}

const rowOf = (r: RateRow) => ({ kind: r.kind, startsOn: r.startsOn, milliPercent: r.milliPercent, source: r.source });

function priceHalfYear(input: LateFeeInput, day: IsoDate): Priced {
  if (input.debtor === 'b2c') {
    const legal = rateFor(input.rates, 'legal', day);
    return { milliPercent: legal.row.milliPercent, basis: 'legal', rate: rowOf(legal.row), used: [{ kind: 'legal', lookup: legal }] };
  }
  const contract = input.contractMilliPercent;
  if (contract === undefined || contract === null) {
    const ecb = rateFor(input.rates, 'ecb', day);
    return { milliPercent: ecb.row.milliPercent + ECB_MARGIN_MILLI, basis: 'ecb_plus_10', rate: rowOf(ecb.row), used: [{ kind: 'ecb', lookup: ecb }] };
  }
  const legal = rateFor(input.rates, 'legal', day);
  const floor = LEGAL_FLOOR_MULTIPLE * legal.row.milliPercent;
  const used = [{ kind: 'legal' as const, lookup: legal }];
  return contract < floor
    ? { milliPercent: floor, basis: 'legal_floor', rate: rowOf(legal.row), used }
    : { milliPercent: contract, basis: 'contract', rate: null, used };
}

/** n / d rounded to the nearest integer, halves away from zero (d > 0). */
export function roundHalfAwayFromZero(n: bigint, d: bigint): bigint {
  const q = n / d;
  const r2 = 2n * (n % d);
  if (r2 >= d) return q + 1n;
  if (r2 <= -d) return q - 1n;
  return q;
}

/** Splits `total` over parts proportional to `numerators` (each over `den`) by largest remainder, earlier parts first on ties. */
function apportion(numerators: readonly bigint[], den: bigint, total: bigint): number[] {
  const floors = numerators.map((n) => n / den);
  let left = total - floors.reduce((a, b) => a + b, 0n);
  const order = numerators.map((n, i) => ({ i, rem: n % den })).sort((a, b) => (a.rem === b.rem ? a.i - b.i : a.rem > b.rem ? -1 : 1));
  const out = floors.slice();
  for (const { i } of order) {
    if (left <= 0n) break;
    out[i] = (out[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return out.map(Number);
}

/**
 * The late fees of one invoice as of `asOf` (SPEC §1): B2B interest from the
 * day after the due date at the ECB rate of the half-year + 10 points, or the
 * customer's contractual rate floored at 3 × the legal rate, plus €40; B2C
 * interest at the legal rate from the formal notice, and nothing else.
 */
export function computeLateFees(input: LateFeeInput): LateFees {
  const basis = input.dayCountBasis ?? 365;
  const start = interestStart(input);
  const currency = input.invoice.currency;
  const contractRateIgnored = input.debtor === 'b2c' && input.contractMilliPercent !== undefined && input.contractMilliPercent !== null;
  const firstLateDay = addDays(input.invoice.dueDate, 1);
  const late = input.asOf >= firstLateDay && balanceOn(input, firstLateDay) > 0;
  const indemnity = input.debtor === 'b2b' && late ? RECOVERY_INDEMNITY : null;
  const empty: LateFees = {
    currency, interestFrom: null, segments: [], interestCents: 0, indemnity, missing: [], floored: false, contractRateIgnored, dayCountBasis: basis,
  };
  if (!start) return empty;
  const first = addDays(start.date, 1);
  if (first > input.asOf) return { ...empty, interestFrom: start };

  const points = breakpoints(input, first, input.asOf);
  const drafts: (Omit<LateFeeSegment, 'interestCents'> & { numerator: bigint })[] = [];
  const missing = new Map<string, MissingRate>();
  points.forEach((from, i) => {
    const next = points[i + 1];
    const to = next ? addDays(next, -1) : input.asOf;
    const baseCents = balanceOn(input, from);
    if (baseCents === 0) return;
    const priced = priceHalfYear(input, from);
    for (const { kind, lookup } of priced.used) {
      if (!lookup.missing) continue;
      missing.set(`${kind}:${lookup.halfYear}`, {
        kind, halfYear: lookup.halfYear, usedStartsOn: lookup.row.startsOn, usedMilliPercent: lookup.row.milliPercent,
        command: rateAddCommand(kind, lookup.halfYear),
      });
    }
    const days = daysBetween(from, to) + 1;
    drafts.push({
      from, to, days, baseCents, milliPercent: priced.milliPercent, basis: priced.basis, rate: priced.rate,
      rateMissing: priced.used.some((u) => u.lookup.missing),
      numerator: BigInt(baseCents) * BigInt(priced.milliPercent) * BigInt(days),
    });
  });

  // base × (milli / 1000 / 100) × days / basis, over one common denominator.
  const den = BigInt(100 * MILLI * basis);
  const total = roundHalfAwayFromZero(drafts.reduce((sum, d) => sum + d.numerator, 0n), den);
  const shares = apportion(drafts.map((d) => d.numerator), den, total);
  const segments = drafts.map(({ numerator: _n, ...d }, i) => ({ ...d, interestCents: shares[i] ?? 0 }));
  return {
    ...empty,
    interestFrom: start,
    segments,
    interestCents: Number(total),
    missing: [...missing.values()].sort((a, b) => a.halfYear.localeCompare(b.halfYear) || a.kind.localeCompare(b.kind)),
    floored: segments.some((s) => s.basis === 'legal_floor'),
  };
}
