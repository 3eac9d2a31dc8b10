// When a channel's next digest is due: the schedule's local time on the next
// scheduled weekday that is a business day. Computed per calendar date in the
// schedule's zone, so a daylight-saving change neither moves it nor repeats it.
import { addDays, isBusinessDay, weekdayOf, zonedTimeToUtc, type BusinessCalendar, type IsoDate } from './dates.ts';
import { todayIn } from './zones.ts';

export interface DigestSchedule {
  localTime: string;
  timezone: string;
  /** ISO weekdays, 1 = Monday. */
  weekdays: readonly number[];
}

export interface DigestRun {
  businessDate: IsoDate;
  at: Date;
}

/** A digest may run on `date` under `schedule`. */
export const isDigestDay = (schedule: DigestSchedule, date: IsoDate, calendar: BusinessCalendar): boolean =>
  schedule.weekdays.includes(weekdayOf(date)) && isBusinessDay(date, calendar);

/** The first run strictly after `after`; searches a year ahead (a schedule with no valid day has none). */
export function nextDigestRun(schedule: DigestSchedule, after: Date, calendar: BusinessCalendar): DigestRun | null {
  const today = todayIn(schedule.timezone, after);
  for (let d = -1; d <= 366; d++) {
    const date = addDays(today, d);
    if (!isDigestDay(schedule, date, calendar)) continue;
    const at = zonedTimeToUtc(date, schedule.localTime, schedule.timezone);
    if (at.getTime() > after.getTime()) return { businessDate: date, at };
  }
  return null;
}

/** Today's run if it is due already (its time has passed) — a restart or a flushed Redis must not skip it. */
export function dueTodayRun(schedule: DigestSchedule, now: Date, calendar: BusinessCalendar): DigestRun | null {
  const today = todayIn(schedule.timezone, now);
  if (!isDigestDay(schedule, today, calendar)) return null;
  const at = zonedTimeToUtc(today, schedule.localTime, schedule.timezone);
  return at.getTime() <= now.getTime() ? { businessDate: today, at } : null;
}
