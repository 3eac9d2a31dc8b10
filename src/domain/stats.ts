// The formulas of `/collect stats`, on figures already summed per currency
// (src/db/stats.ts). Ratios are rounded to one decimal from the integers
// themselves (BigInt), so 72.45 % is never shown as 72.4 % by a float.
import type { CallOutcome } from './call-outcomes.ts';
import type { Locale, Money } from './money.ts';

/** Call outcomes where someone was spoken to: the numerator of the reach rate, and what counts as contact. */
export const CONVERSATION_OUTCOMES: readonly CallOutcome[] = ['reached', 'promised', 'disputed', 'refused', 'paid'];

/** A payment counts as collected after contact when a conversation took place at most this many days before it. */
export const CONTACT_WINDOW_DAYS = 30;

/** The overdue buckets of the stats, in days past due at the period's end. */
export const STATS_BUCKETS = [
  { key: '1_30', minDays: 1, maxDays: 30 },
  { key: '31_60', minDays: 31, maxDays: 60 },
  { key: '61_90', minDays: 61, maxDays: 90 },
  { key: '91_plus', minDays: 91, maxDays: null },
] as const;

/** One currency's ledger over the period, in minor units. */
export interface LedgerFigures {
  currency: string;
  /** Receivables at the end of the day before the period. */
  receivableBefore: number;
  /** Receivables at the end of the period's last day. */
  receivableEnd: number;
  /** Of which overdue (due date before the last day). */
  overdueEnd: number;
  /** Amounts of the invoices issued in the period. */
  creditSales: number;
  /** overdueEnd split by days past due at the end: 1–30, 31–60, 61–90, 91+. */
  buckets: [number, number, number, number];
}

export interface CollectorFigures {
  userId: string;
  calls: number;
  conversations: number;
  promisesTaken: number;
  /** Promises they took, decided in the period: kept, and all decided (kept, partly kept, broken). */
  promisesKept: number;
  promisesDecided: number;
  /** Payments in the period attributed to their last conversation with the customer, per currency. */
  collected: Money[];
}

export interface PromiseOutcomes {
  kept: number;
  partlyKept: number;
  broken: number;
}

/** numerator ÷ denominator × scale, in tenths, rounded half away from zero; null when the denominator is not positive. */
export function tenths(numerator: number, denominator: number, scale = 1): number | null {
  if (denominator <= 0) return null;
  const n = BigInt(numerator) * BigInt(scale) * 10n;
  const d = BigInt(denominator);
  const q = (2n * (n < 0n ? -n : n) + d) / (2n * d);
  return Number(n < 0n ? -q : q);
}

/**
 * DSO, standard (simple) method: receivables at the end ÷ credit sales of the
 * period × days in the period, in tenths of a day. Null without sales.
 */
export const dsoTenths = (f: LedgerFigures, days: number): number | null => tenths(f.receivableEnd, f.creditSales, days);

/**
 * Collection Effectiveness Index, in tenths of a percent:
 * (receivables before + sales − receivables at end) ÷ (receivables before + sales − current receivables at end) × 100,
 * current meaning not overdue at the end. Null when there was nothing to collect.
 */
export function ceiTenths(f: LedgerFigures): number | null {
  const available = f.receivableBefore + f.creditSales;
  const current = f.receivableEnd - f.overdueEnd;
  return tenths(available - f.receivableEnd, available - current, 100);
}

/** Kept ÷ (kept + partly kept + broken), in tenths of a percent. */
export const promiseKeptTenths = (p: PromiseOutcomes): number | null => tenths(p.kept, p.kept + p.partlyKept + p.broken, 100);

export const reachTenths = (c: CollectorFigures): number | null => tenths(c.conversations, c.calls, 100);

/** "72.5" / "72,5": tenths with the locale's decimal mark. */
export function formatTenths(value: number, locale: Locale): string {
  const abs = Math.abs(value);
  const whole = Math.floor(abs / 10).toString().replace(/\B(?=(\d{3})+(?!\d))/g, locale === 'fr' ? '\u202f' : ',');
  return `${value < 0 ? '-' : ''}${whole}${locale === 'fr' ? ',' : '.'}${abs % 10}`;
}

/** "72.5%" in English, "72,5 %" in French (a no-break space before the sign). */
export const formatPercent = (value: number, locale: Locale): string =>
  `${formatTenths(value, locale)}${locale === 'fr' ? '\u00a0%' : '%'}`;

const noFigures = (userId: string): CollectorFigures =>
  ({ userId, calls: 0, conversations: 0, promisesTaken: 0, promisesKept: 0, promisesDecided: 0, collected: [] });

/**
 * The lines a person may see: everyone's for managers and admins (most calls
 * first), their own for a collector, shown even when it is all zeros (the
 * team figures are for everyone).
 */
export function visibleCollectors(list: readonly CollectorFigures[], viewer: { userId: string; seesEveryone: boolean }): CollectorFigures[] {
  if (viewer.seesEveryone) return sortCollectors(list);
  return [list.find((c) => c.userId === viewer.userId) ?? noFigures(viewer.userId)];
}

/** Most calls first, then most promises taken, then by user id: a stable order. */
export function sortCollectors(list: readonly CollectorFigures[]): CollectorFigures[] {
  return [...list].sort((a, b) => b.calls - a.calls || b.promisesTaken - a.promisesTaken || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
}
