// Promises to pay: when one is kept and when it is broken (SPEC §1). This is
// the rule in its plain form; src/db/promise-verdicts.ts applies the same rule
// to every pending promise of a workspace in one statement, and its tests
// check that both agree.
import { addBusinessDays, addDays, zonedTimeToUtc, type BusinessCalendar, type IsoDate } from './dates.ts';

/**
 * The last day whose payments count: the promised day plus the grace, in
 * business days of the workspace's calendar. Grace 1: Friday's promise runs to
 * the end of Monday (Tuesday after an Easter Monday); Saturday's too.
 */
export function promiseLastDay(dueOn: IsoDate, graceDays: number, calendar: BusinessCalendar): IsoDate {
  return addBusinessDays(dueOn, graceDays, calendar);
}

/**
 * The latest promised day whose promises are past their deadline on `today`:
 * every promise due on it or before is decided. Last days never go backwards
 * as the promised day moves forward, so one day splits them.
 */
export function latestDayPastDeadline(today: IsoDate, graceDays: number, calendar: BusinessCalendar): IsoDate {
  let day = addDays(today, -1);
  while (promiseLastDay(day, graceDays, calendar) >= today) day = addDays(day, -1);
  return day;
}

/** The instant the promise can no longer be kept: the end of its last day, in the workspace's zone. */
export function promiseDeadline(dueOn: IsoDate, graceDays: number, calendar: BusinessCalendar, timeZone: string): Date {
  return zonedTimeToUtc(addDays(promiseLastDay(dueOn, graceDays, calendar), 1), '00:00', timeZone);
}

export interface PromiseTerms {
  amountCents: number;
  currency: string;
  /** The day the promise was taken, in the workspace's zone: payments from that day on count. */
  takenOn: IsoDate;
  dueOn: IsoDate;
}

export interface PaymentLine {
  amountCents: number;
  currency: string;
  paidOn: IsoDate;
}

export type PromiseVerdict =
  | { status: 'pending'; paidCents: number }
  | { status: 'kept'; paidCents: number }
  /** A partly kept promise is broken too: it says how much came and how much is missing. */
  | { status: 'broken'; paidCents: number; missingCents: number };

/**
 * Kept as soon as the customer's payments in the promise's currency, dated
 * from the day it was taken to its last day, reach the amount; broken once
 * `today` (the workspace's date) is past the last day without that; pending
 * until then. Payments dated after the last day do not count, even when they
 * are recorded before the check runs.
 */
export function promiseVerdict(
  promise: PromiseTerms, payments: readonly PaymentLine[], today: IsoDate, grace: { days: number; calendar: BusinessCalendar },
): PromiseVerdict {
  const lastDay = promiseLastDay(promise.dueOn, grace.days, grace.calendar);
  const paidCents = payments
    .filter((p) => p.currency === promise.currency && p.paidOn >= promise.takenOn && p.paidOn <= lastDay)
    .reduce((sum, p) => sum + p.amountCents, 0);
  if (paidCents >= promise.amountCents) return { status: 'kept', paidCents };
  if (today > lastDay) return { status: 'broken', paidCents, missingCents: promise.amountCents - paidCents };
  return { status: 'pending', paidCents };
}
