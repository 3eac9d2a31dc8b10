// Public holidays come from date-holidays (bundled data, no I/O) rather than
// hand-written tables: it already knows moving feasts, substitute days (GB, US)
// and one-off days such as the 2022 state funeral in the UK, and it is updated
// when a country adds a holiday (Italy's 4 October from 2026). Only holidays of
// type "public" count: bank holidays like Christmas Eve in Germany and
// observances like Mother's Day do not close a business.
import Holidays from 'date-holidays';
import type { IsoDate } from './calendar.ts';
import { fail } from './errors.ts';
import { ok, type Result } from './result.ts';

/**
 * National calendars relance supports, pinned by tests. Regions are not
 * modelled: GB is England & Wales, DE and CH are the nation-wide holidays
 * (German Länder and Swiss cantons add their own), US the federal holidays
 * with their observed days.
 */
export const HOLIDAY_COUNTRIES = ['FR', 'BE', 'DE', 'GB', 'US', 'ES', 'IT', 'NL', 'LU', 'CH'] as const;
export type HolidayCountry = (typeof HOLIDAY_COUNTRIES)[number];

/** The calendar with weekends only, for teams with no country or one not listed. */
export const WEEKENDS_ONLY = 'none';
export type BusinessCalendar = HolidayCountry | typeof WEEKENDS_ONLY;

export const isBusinessCalendar = (value: string): value is BusinessCalendar =>
  value === WEEKENDS_ONLY || (HOLIDAY_COUNTRIES as readonly string[]).includes(value);

/** A country code typed by an admin ("fr", "FR", "UK", "none"). */
export function parseCountry(input: string): Result<BusinessCalendar> {
  const code = input.trim().toUpperCase().replace(/^UK$/, 'GB');
  if (code === 'NONE' || code === '-') return ok(WEEKENDS_ONLY);
  if (isBusinessCalendar(code)) return ok(code);
  return fail('country.unsupported', input, { supported: [...HOLIDAY_COUNTRIES, WEEKENDS_ONLY].join(', ') });
}

// The library's nation-wide GB list lacks the August bank holiday, which differs
// between Scotland and the rest; England's list is also Wales's.
const REGIONS: Partial<Record<HolidayCountry, string>> = { GB: 'ENG' };

// Memoised per country and year: the digest, the ladder and every business-day
// computation ask for the same few years over and over.
const calendars = new Map<HolidayCountry, Holidays>();
const byYear = new Map<string, ReadonlySet<IsoDate>>();

function holidaySet(year: number, country: BusinessCalendar): ReadonlySet<IsoDate> {
  if (country === WEEKENDS_ONLY) return new Set();
  const key = `${country}:${year}`;
  let set = byYear.get(key);
  if (!set) {
    let calendar = calendars.get(country);
    if (!calendar) {
      const region = REGIONS[country];
      calendar = region ? new Holidays(country, region) : new Holidays(country);
      calendars.set(country, calendar);
    }
    set = new Set(calendar.getHolidays(year).filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)));
    byYear.set(key, set);
  }
  return set;
}

/** The public holidays of a year, sorted, including those that fall on a weekend. */
export function publicHolidays(year: number, country: BusinessCalendar): IsoDate[] {
  return [...holidaySet(year, country)].sort();
}

export function isPublicHoliday(date: IsoDate, country: BusinessCalendar): boolean {
  return holidaySet(Number(date.slice(0, 4)), country).has(date);
}
