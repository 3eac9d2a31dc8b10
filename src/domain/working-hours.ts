// A team member's working days and hours (`/collect team hours @jane mon-fri
// 09:00-17:30`), read in their own time zone, and when a call fits both their
// hours and the debtor's calling window. Public holidays of the workspace's
// country are days off for everyone, whatever days they work.
import { parseWeekdays } from './digest-args.ts';
import { addDays, isBusinessDay, isPublicHoliday, todayIn, weekdayOf, zonedTimeToUtc, type BusinessCalendar, type IsoDate } from './dates.ts';
import { fail } from './errors.ts';
import { ok, type Result } from './result.ts';
import { parseTimeRange, type TimeRange } from './settings.ts';

export interface WorkingHours extends TimeRange {
  /** ISO weekdays worked, 1 = Monday, sorted. */
  days: number[];
}

/** Whoever set no hours: business days, 09:00–18:00 in their zone. */
export const DEFAULT_WORKING_HOURS: WorkingHours = { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' };

const RANGE_OPENERS = ['from', 'between', 'de', 'entre'];

/** Days, then a time range: `mon-fri 09:00-17:30`, `lun-ven 9h-17h30`, `mon, tue, thu 8:30-16:00`, `du lundi au vendredi 9h à 17h`. */
export function parseWorkingHours(input: string): Result<WorkingHours> {
  const words = input.trim().split(/\s+/).filter(Boolean);
  let firstTime = words.findIndex((w) => /^\d/.test(w));
  if (firstTime < 0) firstTime = words.length;
  // "lun-ven de 9h à 17h": the word that opens the range belongs to it.
  while (firstTime > 0 && RANGE_OPENERS.includes(words[firstTime - 1]!.toLowerCase())) firstTime--;
  const dayWords = words.slice(0, firstTime);
  const timeText = words.slice(firstTime).join(' ');
  if (dayWords.length === 0) return fail('hours.missing_days', input);
  const daysText = dayWords.join(' ');
  const days = parseWeekdays(normalizeDays(daysText));
  if (!days.ok) return fail('hours.bad_days', daysText);
  if (!timeText) return fail('hours.missing_time', input);
  const range = parseTimeRange(timeText);
  if (!range.ok) return range;
  return ok({ days: days.value, ...range.value });
}

/** "du lundi au vendredi" → "lundi-vendredi"; "mon, tue thu" → "mon,tue,thu"; the form parseWeekdays reads. */
function normalizeDays(text: string): string {
  return text.toLowerCase()
    .replace(/^(?:from|du|de)\s+/, '')
    .replace(/\s+(?:to|through|au|à|a)\s+/g, '-')
    .replace(/\s*([,-])\s*/g, '$1')
    .replace(/\s+/g, ',');
}

/** Whether `date` (in the person's zone) is one they work. */
export const worksOn = (date: IsoDate, hours: WorkingHours, country: BusinessCalendar): boolean =>
  hours.days.includes(weekdayOf(date)) && !isPublicHoliday(date, country);

export interface Interval { start: Date; end: Date }

/** Their working time on `date` in `zone`; null on a day off. */
export function workOn(date: IsoDate, hours: WorkingHours, zone: string, country: BusinessCalendar): Interval | null {
  if (!worksOn(date, hours, country)) return null;
  return { start: zonedTimeToUtc(date, hours.start, zone), end: zonedTimeToUtc(date, hours.end, zone) };
}

const contains = (i: Interval | null, at: Date) => i !== null && i.start.getTime() <= at.getTime() && at.getTime() < i.end.getTime();

export function isWorkingAt(at: Date, hours: WorkingHours, zone: string, country: BusinessCalendar): boolean {
  return contains(workOn(todayIn(zone, at), hours, zone, country), at);
}

/** Today is one of their days and their day is not over yet. */
export function worksLaterToday(now: Date, hours: WorkingHours, zone: string, country: BusinessCalendar): boolean {
  const today = workOn(todayIn(zone, now), hours, zone, country);
  return today !== null && now.getTime() < today.end.getTime();
}

/** How far ahead a search for a working day goes: someone who works one day a week still has one. */
const HORIZON_DAYS = 14;

/** The start of their next working day strictly after `now` ("next working morning"); null if they work no day at all. */
export function nextWorkStart(now: Date, hours: WorkingHours, zone: string, country: BusinessCalendar): Date | null {
  const today = todayIn(zone, now);
  for (let d = 0; d <= HORIZON_DAYS; d++) {
    const work = workOn(addDays(today, d), hours, zone, country);
    if (work && work.start.getTime() > now.getTime()) return work.start;
  }
  return null;
}

/** The debtor's calling window on their `date`, on business days only. */
function windowOn(date: IsoDate, window: TimeRange, zone: string, country: BusinessCalendar): Interval | null {
  if (!isBusinessDay(date, country)) return null;
  return { start: zonedTimeToUtc(date, window.start, zone), end: zonedTimeToUtc(date, window.end, zone) };
}

export interface CallFit {
  hours: WorkingHours;
  /** The caller's zone. */
  zone: string;
  /** The debtor's calling window, in the debtor's zone. */
  window: TimeRange;
  debtorZone: string;
  country: BusinessCalendar;
}

/**
 * The first moment at or after `after` inside both the caller's working hours
 * and the debtor's calling window: today if they overlap later today, else the
 * next day they do. Null when they never overlap within two weeks.
 */
export function firstCallMoment(after: Date, fit: CallFit): Date | null {
  const first = todayIn(fit.zone, after);
  for (let d = 0; d <= HORIZON_DAYS; d++) {
    const work = workOn(addDays(first, d), fit.hours, fit.zone, fit.country);
    if (!work || work.end.getTime() <= after.getTime()) continue;
    const from = Math.max(work.start.getTime(), after.getTime());
    // The debtor's days that this stretch of work touches (one, or two across a date line).
    const debtorFirst = todayIn(fit.debtorZone, new Date(from));
    const debtorLast = todayIn(fit.debtorZone, new Date(work.end.getTime() - 1));
    for (let day = debtorFirst; day <= debtorLast; day = addDays(day, 1)) {
      const open = windowOn(day, fit.window, fit.debtorZone, fit.country);
      if (!open) continue;
      const start = Math.max(from, open.start.getTime());
      if (start < Math.min(work.end.getTime(), open.end.getTime())) return new Date(start);
    }
  }
  return null;
}
