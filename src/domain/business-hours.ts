// Business hours: time that passes on business days only (the workspace's
// calendar, midnight to midnight in its zone). "Nudged after 24 business
// hours" means a request made on Friday at 15:00 is nudged on Monday at 15:00,
// and one made on Saturday waits until Tuesday 00:00.
import { addDays } from './calendar.ts';
import { isBusinessDay } from './business-days.ts';
import type { BusinessCalendar } from './holidays.ts';
import { todayIn, zonedTimeToUtc } from './zones.ts';

const HOUR_MS = 3_600_000;
/** Far more weekends and holidays than any calendar has in a row: a bound, not a limit anyone meets. */
const MAX_DAYS = 3_660;

/** The instant when `hours` business hours have passed since `start`. */
export function addBusinessHours(start: Date, hours: number, timeZone: string, calendar: BusinessCalendar): Date {
  if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`not a number of hours: ${hours}`);
  let left = hours * HOUR_MS;
  let cursor = start.getTime();
  let day = todayIn(timeZone, start);
  for (let i = 0; i < MAX_DAYS; i++) {
    // A day's length comes from the zone: 23 or 25 hours on the days clocks change.
    const end = zonedTimeToUtc(addDays(day, 1), '00:00', timeZone).getTime();
    if (isBusinessDay(day, calendar)) {
      if (end - cursor >= left) return new Date(cursor + left);
      left -= end - cursor;
    }
    cursor = end;
    day = addDays(day, 1);
  }
  throw new RangeError(`no ${hours} business hours within ${MAX_DAYS} days of ${start.toISOString()}`);
}
