// Aging buckets and time limits. The bucket boundaries are data because the
// SQL that builds balances (src/db/balances.ts) must use the very same numbers.
import { addYears, daysBetween, type IsoDate } from './calendar.ts';

/**
 * Days overdue = today − due date, in calendar days (negative before the due
 * date). An invoice is overdue from the day after its due date: on the due
 * date itself it is 0 days overdue and still "due soon".
 */
export const daysOverdue = (dueDate: IsoDate, today: IsoDate): number => daysBetween(dueDate, today);

export const isOverdue = (dueDate: IsoDate, today: IsoDate): boolean => daysOverdue(dueDate, today) > 0;

export type AgingBucketKey = 'due_soon' | '1_30' | '31_60' | '61_90' | '91_plus';

export interface AgingBucket {
  key: AgingBucketKey;
  /** Inclusive bounds on days overdue; `maxDays: null` is unbounded. */
  minDays: number;
  maxDays: number | null;
}

/**
 * The digest's buckets (SPEC §2), inclusive on both ends, without gaps:
 * due_soon = due today or within the next 7 days (−7…0), then 1–30, 31–60,
 * 61–90 and 91+ days overdue. Invoices due more than 7 days ahead are in none.
 */
export const AGING_BUCKETS: readonly AgingBucket[] = [
  { key: 'due_soon', minDays: -7, maxDays: 0 },
  { key: '1_30', minDays: 1, maxDays: 30 },
  { key: '31_60', minDays: 31, maxDays: 60 },
  { key: '61_90', minDays: 61, maxDays: 90 },
  { key: '91_plus', minDays: 91, maxDays: null },
];

export function agingBucket(dueDate: IsoDate, today: IsoDate): AgingBucketKey | null {
  const days = daysOverdue(dueDate, today);
  return AGING_BUCKETS.find((b) => days >= b.minDays && (b.maxDays === null || days <= b.maxDays))?.key ?? null;
}

// ------------------------------------------------------------- time limits

export type CustomerKind = 'b2b' | 'b2c';

/** Code de commerce L110-4 (between businesses) and Code de la consommation L218-2 (against a consumer). */
export const TIME_BAR_YEARS: Readonly<Record<CustomerKind, number>> = { b2b: 5, b2c: 2 };

/** How long before the time bar a case is flagged (a workspace setting; this is the default). */
export const TIME_BAR_WARNING_DAYS = 90;

/**
 * The last day to act on a claim: the anniversary of `startDate`
 * (delivered_on, else the issue date — earlier than the legal start, so the
 * warning comes early). From the next day the claim is time-barred. A start
 * on 29 February ends on 28 February, the earlier reading.
 */
export const timeBarDate = (kind: CustomerKind, startDate: IsoDate): IsoDate => addYears(startDate, TIME_BAR_YEARS[kind]);

export type TimeBarStatus = 'ok' | 'near' | 'barred';

/** 'barred' after the time-bar date, 'near' within `windowDays` of it (inclusive), else 'ok'. */
export function timeBarStatus(kind: CustomerKind, startDate: IsoDate, today: IsoDate, windowDays = TIME_BAR_WARNING_DAYS): TimeBarStatus {
  const left = daysBetween(today, timeBarDate(kind, startDate));
  return left < 0 ? 'barred' : left <= windowDays ? 'near' : 'ok';
}

/** Within the warning window and not yet barred: the cases to push before it is too late. */
export const isNearTimeBar = (kind: CustomerKind, startDate: IsoDate, today: IsoDate, windowDays = TIME_BAR_WARNING_DAYS): boolean =>
  timeBarStatus(kind, startDate, today, windowDays) === 'near';
