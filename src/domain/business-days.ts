// Business days: Monday to Friday, minus the public holidays of the
// workspace's country. Digests, the promise grace day and "next business
// morning" all count with these.
import { addDays, weekdayOf, type IsoDate } from './calendar.ts';
import { isPublicHoliday, type BusinessCalendar } from './holidays.ts';
import { todayIn, zonedTimeToUtc } from './zones.ts';

export function isBusinessDay(date: IsoDate, country: BusinessCalendar): boolean {
  return weekdayOf(date) <= 5 && !isPublicHoliday(date, country);
}

/**
 * Moves `n` business days forward (or back when negative), counting only
 * business days: Friday + 1 = Monday, Saturday + 1 = Monday. `n = 0` returns
 * the date itself, business day or not.
 */
export function addBusinessDays(date: IsoDate, n: number, country: BusinessCalendar): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`not a whole number of days: ${n}`);
  const step = n < 0 ? -1 : 1;
  let d = date;
  for (let left = Math.abs(n); left > 0;) {
    d = addDays(d, step);
    if (isBusinessDay(d, country)) left--;
  }
  return d;
}

/** The first business day strictly after `date`. */
export const nextBusinessDay = (date: IsoDate, country: BusinessCalendar): IsoDate => addBusinessDays(date, 1, country);

/**
 * "Next business morning": the first business day at `hhmm` (local time in
 * `timeZone`) that is strictly after `now`. So at 07:30 on a Tuesday it is
 * Tuesday 09:00; at 09:00 sharp or later it is Wednesday 09:00; on Friday
 * evening, or on a public holiday eve, it skips to the next business day.
 */
export function nextBusinessMorning(now: Date, timeZone: string, country: BusinessCalendar, hhmm = '09:00'): Date {
  let d = todayIn(timeZone, now);
  for (;;) {
    if (isBusinessDay(d, country)) {
      const at = zonedTimeToUtc(d, hhmm, timeZone);
      if (at.getTime() > now.getTime()) return at;
    }
    d = addDays(d, 1);
  }
}
