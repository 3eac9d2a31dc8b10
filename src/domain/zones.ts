// Instants ↔ wall-clock time in an IANA time zone, through Intl (the tz
// database shipped with Node). Never the server's own zone: `now` is injected.
import { isoDate, ymd, weekdayOf, type IsoDate } from './calendar.ts';

export interface LocalParts {
  date: IsoDate;
  /** 'HH:MM', 24-hour. */
  time: string;
  hour: number;
  minute: number;
  second: number;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // Throws RangeError on an unknown zone, which is what callers should see.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export const isTimeZone = (timeZone: string): boolean => {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
};

/** The wall clock in `timeZone` at the instant `now`. */
export function localParts(now: Date, timeZone: string): LocalParts {
  const parts = formatter(timeZone).formatToParts(now);
  const num = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const date = isoDate(num('year'), num('month'), num('day'));
  const [hour, minute, second] = [num('hour'), num('minute'), num('second')];
  const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
  return { date, time, hour, minute, second, weekday: weekdayOf(date) };
}

/** The calendar date in `timeZone` at the instant `now`. */
export const todayIn = (timeZone: string, now: Date): IsoDate => localParts(now, timeZone).date;

/** Minutes to add to UTC to get the wall clock of `timeZone` at `instant` (Paris in winter: 60). */
function offsetMinutes(instant: number, timeZone: string): number {
  const p = localParts(new Date(instant), timeZone);
  const [y, m, d] = ymd(p.date);
  const wall = Date.UTC(y, m - 1, d, p.hour, p.minute, p.second);
  return Math.round((wall - Math.floor(instant / 1000) * 1000) / 60_000);
}

/**
 * The instant when the wall clock in `timeZone` shows `date` at `hhmm`.
 * Across DST changes it follows the usual "compatible" rule (as Temporal and
 * most calendars do): a time that does not exist on spring-forward day moves
 * forward by the length of the gap (02:30 in Paris becomes 03:30 CEST); a time
 * that happens twice on fall-back day is its first occurrence (the summer one).
 */
export function zonedTimeToUtc(date: IsoDate, hhmm: string, timeZone: string): Date {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  const [hour, minute] = [Number(m?.[1]), Number(m?.[2])];
  if (!m || hour > 23 || minute > 59) throw new RangeError(`not a time 'HH:MM': ${hhmm}`);
  const [y, mo, d] = ymd(date);
  const wall = Date.UTC(y, mo - 1, d, hour, minute);
  // The offsets a day either side cover both sides of any DST change that day.
  const before = offsetMinutes(wall - 86_400_000, timeZone);
  const after = offsetMinutes(wall + 86_400_000, timeZone);
  const fits = [before, after]
    .map((offset) => wall - offset * 60_000)
    .filter((instant) => offsetMinutes(instant, timeZone) * 60_000 === wall - instant)
    .sort((a, b) => a - b);
  return new Date(fits[0] ?? wall - before * 60_000);
}
