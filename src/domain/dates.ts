// The date and time API of the domain in one import. Split by concern behind
// it: calendar arithmetic (calendar.ts), time zones (zones.ts), public
// holidays (holidays.ts), business days (business-days.ts) and what people
// type (date-input.ts).
export {
  addDays, addMonths, addYears, daysBetween, daysInMonth, endOfMonth, isIsoDate, isoDate, isValidDay, weekdayOf, ymd,
  type IsoDate,
} from './calendar.ts';
export { isTimeZone, localParts, todayIn, zonedTimeToUtc, type LocalParts } from './zones.ts';
export {
  HOLIDAY_COUNTRIES, WEEKENDS_ONLY, isBusinessCalendar, isPublicHoliday, parseCountry, publicHolidays,
  type BusinessCalendar, type HolidayCountry,
} from './holidays.ts';
export { addBusinessDays, isBusinessDay, nextBusinessDay, nextBusinessMorning } from './business-days.ts';
export {
  DATE_YEAR_RANGE, MAX_DURATION, TWO_DIGIT_YEAR_WINDOW, parseDate, parseDuration, parseLocalTime, type DateOptions, type Duration,
} from './date-input.ts';
