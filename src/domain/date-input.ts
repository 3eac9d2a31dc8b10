// Dates, durations and times as people type them in Slack, in English and
// French whatever the user's locale. The forms listed in the SPEC are matched
// by explicit rules below, so their meaning is ours and tested; chrono-node is
// only a fallback for other phrasings ("next week", "3rd of march" …), and
// only when it reads the whole text.
import * as chrono from 'chrono-node';
import {
  addDays, addMonths, daysBetween, daysInMonth, endOfMonth, isoDate, isValidDay, weekdayOf, ymd, type IsoDate,
} from './calendar.ts';
import { fail, type DomainErrorCode } from './errors.ts';
import { ok, type InputError, type Result } from './result.ts';

export interface DateOptions {
  locale: 'en' | 'fr';
  today: IsoDate;
  /** Weeks start on Monday ("next week" is next Monday). Only 1 is supported. */
  weekStartsOn?: 1;
  /** Reject dates before today (today itself is fine: "I'll pay today"). */
  future?: boolean;
}

export type Duration = { days: number } | { months: number };

/** Years accepted in dates: a wider range is a typo (0026, 20026) or would break Date. */
export const DATE_YEAR_RANGE = { min: 1900, max: 2199 } as const;

/**
 * A two-digit year is the year ending in those digits at most this many years
 * from today (in 2026: 06 → 2006, 46 → 2046); any other (62: 1962 or 2062?)
 * is refused rather than guessed.
 */
export const TWO_DIGIT_YEAR_WINDOW = 20;

// ----------------------------------------------------------------- words

const MONTHS: Readonly<Record<string, number>> = {
  january: 1, jan: 1, janvier: 1, janv: 1, february: 2, feb: 2, fevrier: 2, fevr: 2, fev: 2,
  march: 3, mar: 3, mars: 3, april: 4, apr: 4, avril: 4, avr: 4, may: 5, mai: 5, june: 6, jun: 6, juin: 6,
  july: 7, jul: 7, juillet: 7, juil: 7, august: 8, aug: 8, aout: 8, september: 9, sep: 9, sept: 9, septembre: 9,
  october: 10, oct: 10, octobre: 10, november: 11, nov: 11, novembre: 11, december: 12, dec: 12, decembre: 12,
};

const WEEKDAYS_EN: Readonly<Record<string, number>> = {
  monday: 1, mon: 1, tuesday: 2, tue: 2, tues: 2, wednesday: 3, wed: 3, thursday: 4, thu: 4, thur: 4, thurs: 4,
  friday: 5, fri: 5, saturday: 6, sat: 6, sunday: 7, sun: 7,
};
const WEEKDAYS_FR: Readonly<Record<string, number>> = {
  lundi: 1, lun: 1, mardi: 2, mar: 2, mercredi: 3, mer: 3, jeudi: 4, jeu: 4, vendredi: 5, ven: 5, samedi: 6, sam: 6, dimanche: 7, dim: 7,
};

const DAY_WORDS: Readonly<Record<string, number>> = {
  today: 0, now: 0, "aujourd'hui": 0, aujourdhui: 0, auj: 0, maintenant: 0,
  tomorrow: 1, tmrw: 1, tmr: 1, demain: 1,
  'day after tomorrow': 2, 'the day after tomorrow': 2, 'apres-demain': 2, 'apres demain': 2, apresdemain: 2,
  yesterday: -1, hier: -1, 'day before yesterday': -2, 'the day before yesterday': -2, 'avant-hier': -2, 'avant hier': -2,
};

const UNITS: Readonly<Record<string, ['days' | 'months', number]>> = {
  d: ['days', 1], day: ['days', 1], days: ['days', 1], j: ['days', 1], jour: ['days', 1], jours: ['days', 1],
  w: ['days', 7], wk: ['days', 7], wks: ['days', 7], week: ['days', 7], weeks: ['days', 7],
  sem: ['days', 7], semaine: ['days', 7], semaines: ['days', 7],
  mo: ['months', 1], month: ['months', 1], months: ['months', 1], mois: ['months', 1],
  y: ['months', 12], yr: ['months', 12], yrs: ['months', 12], year: ['months', 12], years: ['months', 12],
  an: ['months', 12], ans: ['months', 12], annee: ['months', 12], annees: ['months', 12],
};

const COUNT_WORDS: Readonly<Record<string, number>> = { a: 1, an: 1, one: 1, un: 1, une: 1 };

const alt = (table: object) => Object.keys(table).sort((a, b) => b.length - a.length).join('|');
const MONTH = `(${alt(MONTHS)})`;

/**
 * Words read differently per locale. "mar" is Tuesday's French abbreviation
 * (CLDR "mar."; March is "mars" in French) and March's English one. So in
 * French it is mardi wherever a weekday fits ("mar", "ce mar", "mar 3",
 * "mar 1er déc"); in English it is March ("mar 3", "end of mar"), and alone it
 * is as vague as "jan". After a day number ("3 mar") it can only be March.
 */
interface LocaleWords {
  weekdays: Readonly<Record<string, number>>;
  /** A weekday word, as a capturing group. */
  weekday: string;
  /** A month name that may come before the day ("Dec 1"), as a capturing group. */
  monthFirst: string;
}

function localeWords(weekdays: Readonly<Record<string, number>>, monthFirst: Readonly<Record<string, number>>): LocaleWords {
  return { weekdays, weekday: `(${alt(weekdays)})`, monthFirst: `(${alt(monthFirst)})` };
}

const withoutMar = (table: Readonly<Record<string, number>>) => Object.fromEntries(Object.entries(table).filter(([word]) => word !== 'mar'));
const WORDS: Readonly<Record<DateOptions['locale'], LocaleWords>> = {
  en: localeWords({ ...WEEKDAYS_EN, ...withoutMar(WEEKDAYS_FR) }, MONTHS),
  fr: localeWords({ ...WEEKDAYS_EN, ...WEEKDAYS_FR }, withoutMar(MONTHS)),
};
const UNIT = `(${alt(UNITS)})`;
const COUNT = `(\\d{1,4}|${alt(COUNT_WORDS)})`;
const ORDINAL = '(?:st|nd|rd|th|er|eme|e)?';

/** Lower case, no accents, one kind of apostrophe and space, no abbreviation dots or commas. */
function normalize(input: string): string {
  return input.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
    .replace(/[’‘`´ʼ]/g, "'")
    .replace(/(\p{L})\.(?!\d)/gu, '$1')
    .replace(/[,;!?]/g, ' ')
    .replace(/\s+/g, ' ').trim()
    .replace(/\.$/, '');
}

/** The number of days or months in "10 days", "2 semaines", "a month", "un an". */
function amountOf(count: string, unit: string): Duration | null {
  const n = COUNT_WORDS[count] ?? Number(count);
  const u = UNITS[unit];
  if (!u || !Number.isInteger(n)) return null;
  return u[0] === 'days' ? { days: n * u[1] } : { months: n * u[1] };
}

const shift = (today: IsoDate, d: Duration): IsoDate => ('days' in d ? addDays(today, d.days) : addMonths(today, d.months));

// ------------------------------------------------------------ resolution

type Resolution = { date: IsoDate; weekday?: number } | { error: DomainErrorCode; params?: InputError['params'] };

const nonsense = (month: number, day: number) => month < 1 || month > 12 || day < 1 || day > 31;

/** A day, month and year as typed; errors distinguish nonsense (32/13) from a day the month lacks (31/04). */
function build(year: number, month: number, day: number, weekday?: number): Resolution {
  if (nonsense(month, day)) return { error: 'date.unparseable' };
  if (year < DATE_YEAR_RANGE.min || year > DATE_YEAR_RANGE.max) return { error: 'date.out_of_range', params: { ...DATE_YEAR_RANGE } };
  if (!isValidDay(year, month, day)) return { error: 'date.no_such_day', params: { day, month, year } };
  return { date: isoDate(year, month, day), weekday };
}

/** The year "62" stands for, within TWO_DIGIT_YEAR_WINDOW of today, or the error naming both centuries. */
function fullYear(yy: string, today: IsoDate): number | Resolution {
  const [current] = ymd(today);
  const sameCentury = current - (current % 100) + Number(yy);
  const candidates = [sameCentury - 100, sameCentury, sameCentury + 100];
  const year = candidates.find((y) => Math.abs(y - current) <= TWO_DIGIT_YEAR_WINDOW);
  if (year !== undefined) return year;
  const earlier = candidates.filter((y) => y < current).at(-1) ?? sameCentury - 100;
  const later = candidates.find((y) => y > current) ?? sameCentury + 100;
  return { error: 'date.two_digit_year', params: { year: yy, earlier, later } };
}

/** build with the year as typed: four digits as they are, two through fullYear. */
function withYear(typed: string, month: number, day: number, today: IsoDate, weekday?: number): Resolution {
  if (typed.length !== 2) return build(Number(typed), month, day, weekday);
  if (nonsense(month, day)) return { error: 'date.unparseable' };
  const year = fullYear(typed, today);
  return typeof year === 'number' ? build(year, month, day, weekday) : year;
}

/**
 * Which of several readings of a partial date to take. With `future`, the
 * first one from today on ("1 Dec" typed on 23 Nov is this year; "1 Nov" is
 * next year). Otherwise the one closest to today, so "20 nov" typed on 23 Nov
 * to log a receipt is last week; a tie goes to the later one.
 */
function pick(candidates: IsoDate[], opts: DateOptions): IsoDate | undefined {
  const sorted = [...candidates].sort();
  if (opts.future) return sorted.find((d) => d >= opts.today);
  const distance = (d: IsoDate) => Math.abs(daysBetween(opts.today, d));
  return sorted.reduce<IsoDate | undefined>((best, d) => (best === undefined || distance(d) <= distance(best) ? d : best), undefined);
}

/** A day and month without a year ("1 déc", "01/12"), the year chosen by pick. */
function withoutYear(month: number, day: number, opts: DateOptions, weekday?: number): Resolution {
  if (nonsense(month, day)) return { error: 'date.unparseable' };
  const [year] = ymd(opts.today);
  // Nine years either side, so 29 February finds a leap year.
  const years = Array.from({ length: 17 }, (_, i) => year - 8 + i).filter((yy) => isValidDay(yy, month, day));
  const best = pick(years.map((yy) => isoDate(yy, month, day)), opts);
  return best ? { date: best, weekday } : { error: 'date.no_such_day', params: { day, month, year } };
}

/** "fin décembre", "end of february": the last day of that month, the year chosen by pick. */
function endOfNamedMonth(month: number, opts: DateOptions): Resolution {
  const [year] = ymd(opts.today);
  const best = pick([year - 1, year, year + 1].map((yy) => isoDate(yy, month, daysInMonth(yy, month))), opts);
  return best ? { date: best } : { error: 'date.unparseable' };
}

/** "le 15", "the 15th": the 15th of this month or a neighbouring one, chosen by pick. */
function dayOfMonth(day: number, opts: DateOptions): Resolution {
  if (day < 1 || day > 31) return { error: 'date.unparseable' };
  const [y, m] = ymd(opts.today);
  const months = [-2, -1, 0, 1, 2].map((k) => ymd(addMonths(isoDate(y, m, 1), k)));
  const best = pick(months.filter(([yy, mm]) => day <= daysInMonth(yy, mm)).map(([yy, mm]) => isoDate(yy, mm, day)), opts);
  return best ? { date: best } : { error: 'date.unparseable' };
}

/** The given weekday strictly after (or, going back, strictly before) today. */
function nextWeekday(today: IsoDate, weekday: number, back = false): IsoDate {
  const diff = weekday - weekdayOf(today);
  return back ? addDays(today, diff < 0 ? diff : diff - 7) : addDays(today, diff > 0 ? diff : diff + 7);
}

const mondayOf = (d: IsoDate) => addDays(d, 1 - weekdayOf(d));

type Rule = (t: string, opts: DateOptions, marked: boolean) => Resolution | null;

const exact = (re: string, t: string) => new RegExp(`^${re}$`).exec(t);

const dayWord: Rule = (t, { today }) => (Object.hasOwn(DAY_WORDS, t) ? { date: addDays(today, DAY_WORDS[t] ?? 0) } : null);

const numeric: Rule = (t, opts) => {
  let m = exact('(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})', t);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]));
  m = exact('(\\d{1,2})[-/.](\\d{1,2})(?:[-/.](\\d{4}|\\d{2}))?', t);
  if (!m) return null;
  // Day first in both locales (a European product); the month-first reading
  // is used only when it is the only possible one (12/25/2026).
  let [day, month] = [Number(m[1]), Number(m[2])];
  if (month > 12 && day <= 12) [day, month] = [month, day];
  if (m[3] === undefined) return withoutYear(month, day, opts);
  return withYear(m[3], month, day, opts.today);
};

/**
 * "friday", "next monday", "lundi prochain": the first such day strictly after
 * today; "last friday" strictly before. "this friday" / "ce vendredi" is the
 * first one from today on, so said on a Friday it is today.
 */
const weekday: Rule = (t, { today, locale }) => {
  const words = WORDS[locale];
  const m = exact(`(?:(next|this|coming|ce|last)\\s+)?${words.weekday}(?:\\s+(prochain|qui vient|dernier))?`, t);
  if (!m) return null;
  const back = m[1] === 'last' || m[3] === 'dernier';
  if (back && (m[1] === 'next' || m[3] === 'prochain')) return null;
  const day = words.weekdays[m[2] ?? ''] ?? 0;
  const fromToday = (m[1] === 'this' || m[1] === 'ce') && m[3] === undefined;
  if (fromToday && weekdayOf(today) === day) return { date: today };
  return { date: nextWeekday(today, day, back) };
};

/**
 * "mardi 3", "mardi 1er", "tuesday the 1st": the day of the month chosen by
 * pick, whose weekday must agree. An English weekday needs "the" or an
 * ordinal, since "friday 4" is more likely four o'clock.
 */
const weekdayAndDay: Rule = (t, opts) => {
  const words = WORDS[opts.locale];
  const m = exact(`${words.weekday}\\s+(the\\s+|le\\s+)?(\\d{1,2})(st|nd|rd|th|er|eme|e)?`, t);
  if (!m) return null;
  const name = m[1] ?? '';
  if (m[2] === undefined && m[4] === undefined && !Object.hasOwn(WEEKDAYS_FR, name)) return null;
  const r = dayOfMonth(Number(m[3]), opts);
  return 'date' in r ? { date: r.date, weekday: words.weekdays[name] } : r;
};

/** "in 10 days", "dans 2 semaines", "10 days from now", "J+10", "+2w". */
const offset: Rule = (t, { today }) => {
  const m = exact(`(?:in|dans|d'ici|within)\\s+${COUNT}\\s*${UNIT}`, t)
    ?? exact(`${COUNT}\\s*${UNIT}\\s+(?:from now|from today|later|plus tard)`, t)
    ?? exact(`(?:j\\s*)?\\+\\s*(\\d{1,4})\\s*${UNIT}?`, t);
  const d = m ? amountOf(m[1] ?? '', m[2] ?? 'd') : null;
  return d ? { date: shift(today, d) } : null;
};

/**
 * Weeks, months and years by name. A vague period ("next week", "next month")
 * means its first day — the earliest reading, so a promise is checked early;
 * the end of a week is its Friday.
 */
const period: Rule = (t, opts) => {
  const { today } = opts;
  const friday = addDays(mondayOf(today), 4);
  if (/^(?:next week|(?:la )?semaine prochaine)$/.test(t)) return { date: addDays(mondayOf(today), 7) };
  if (/^(?:next month|(?:le )?mois prochain)$/.test(t)) return { date: addDays(endOfMonth(today), 1) };
  if (/^(?:(?:the )?end of (?:the |this )?week|(?:a la |en )?fin (?:de (?:la |cette )?)?semaine)$/.test(t)) {
    return { date: friday >= today ? friday : addDays(friday, 7) };
  }
  if (/^(?:(?:the )?end of next week|(?:a la |en )?fin (?:de (?:la )?)?semaine prochaine)$/.test(t)) return { date: addDays(friday, 7) };
  if (/^(?:(?:the )?end of (?:the |this )?month|eom|(?:a la |en )?fin (?:du|de|de ce) mois)$/.test(t)) return { date: endOfMonth(today) };
  if (/^(?:(?:the )?end of next month|(?:a la |en )?fin (?:du |de )?mois prochain)$/.test(t)) return { date: endOfMonth(addMonths(today, 1)) };
  if (/^(?:(?:the )?end of (?:the |this )?year|(?:a la |en )?fin (?:de l'|d')?annee)$/.test(t)) return { date: isoDate(ymd(today)[0], 12, 31) };
  const m = exact(`(?:(?:the )?end of |(?:a la |en )?fin (?:de |d')?)${MONTH}(?:\\s+(\\d{4}))?`, t);
  if (!m) return null;
  const month = MONTHS[m[1] ?? ''] ?? 0;
  return m[2] === undefined ? endOfNamedMonth(month, opts) : build(Number(m[2]), month, daysInMonth(Number(m[2]), month));
};

/** "1er décembre 2026", "Dec 1, 26", with an optional weekday that must agree ("mardi 1er décembre"). */
const namedMonth: Rule = (t, opts) => {
  const words = WORDS[opts.locale];
  const wd = `(?:${words.weekday}\\s+)?`;
  const dmy = exact(`${wd}(?:the\\s+|le\\s+)?(\\d{1,2})${ORDINAL}[\\s-]*(?:of\\s+)?${MONTH}(?:[\\s-]+(\\d{4}|\\d{2}))?`, t);
  const mdy = dmy ? null : exact(`${wd}${words.monthFirst}\\s+(?:the\\s+)?(\\d{1,2})${ORDINAL}(?:\\s+(\\d{4}|\\d{2}))?`, t);
  const parts = dmy ? [dmy[1], dmy[2], dmy[3], dmy[4]] : mdy ? [mdy[1], mdy[3], mdy[2], mdy[4]] : null;
  if (!parts) return null;
  const [wdName, day, monthName, year] = parts;
  const wdNumber = wdName === undefined ? undefined : words.weekdays[wdName];
  const month = MONTHS[monthName ?? ''] ?? 0;
  return year === undefined ? withoutYear(month, Number(day), opts, wdNumber) : withYear(year, month, Number(day), opts.today, wdNumber);
};

/** A bare day of the month needs a marker ("le 15", "the 15th", "1er"), else "15" could be anything. */
const bareDay: Rule = (t, opts, marked) => {
  const m = exact('(\\d{1,2})(st|nd|rd|th|er|eme|e)?', t);
  return m && (marked || m[2] !== undefined) ? dayOfMonth(Number(m[1]), opts) : null;
};

const RULES: readonly Rule[] = [dayWord, numeric, weekday, weekdayAndDay, offset, period, namedMonth, bareDay];

const FILLER = /^(?:on|by|for|until|till|the|le|pour|jusqu'au|jusqu'a|au)\s+/;

/** Our own rules, in order, after leading words like "on", "until", "le"; null when none applies. */
function resolve(text: string, opts: DateOptions): Resolution | null {
  let t = text;
  let marked = false;
  for (let m = FILLER.exec(t); m; m = FILLER.exec(t)) {
    t = t.slice(m[0].length);
    marked = true;
  }
  for (const rule of RULES) {
    const r = rule(t, opts, marked);
    if (r) return r;
  }
  return null;
}

/** The two digits chrono read as a year ("3 mars 62" → 1962), when the text has them and not the full year. */
function twoDigitYearIn(text: string, year: number): string | null {
  if (text.includes(String(year))) return null;
  const yy = String(year % 100).padStart(2, '0');
  return new RegExp(`(?<!\\d)${yy}(?!\\d)`).test(text) ? yy : null;
}

/** chrono-node for phrasings our rules miss, accepted only when it reads the whole text as one date. */
function viaChrono(text: string, opts: DateOptions): Resolution | null {
  const [y, m, d] = ymd(opts.today);
  // Noon UTC with a zero offset: the reference day is `today` whatever the server's zone.
  const ref = { instant: new Date(Date.UTC(y, m - 1, d, 12)), timezone: 0 };
  const own = opts.locale === 'fr' ? chrono.fr : chrono.en;
  // chrono.fr reads "mar" as mardi and chrono.en as March: only the locale's reading (see WORDS).
  const parsers = /\bmar\b/.test(text) ? [own] : opts.locale === 'fr' ? [chrono.fr, chrono.en] : [chrono.en, chrono.fr];
  for (const parser of parsers) {
    const results = parser.parse(text, ref, { forwardDate: opts.future ?? false });
    const r = results[0];
    if (results.length !== 1 || !r || r.index !== 0 || r.text.length !== text.length || r.end) continue;
    if (r.start.isCertain('hour')) return { error: 'date.time_not_allowed' };
    // A day must be named: "jan 2027" or "next month" alone is too vague to promise on.
    if (!r.start.isCertain('day') && !r.start.isCertain('weekday')) continue;
    // chrono keeps the date of "tuesday 2026-12-02" and drops the weekday: ours must agree with it.
    const chronoWeekday = r.start.isCertain('weekday') ? r.start.get('weekday') : null;
    const weekday = chronoWeekday === null ? undefined : chronoWeekday === 0 ? 7 : chronoWeekday;
    const [year, month, day] = [r.start.get('year') ?? 0, r.start.get('month') ?? 0, r.start.get('day') ?? 0];
    const yy = r.start.isCertain('year') ? twoDigitYearIn(text, year) : null;
    return yy === null ? build(year, month, day, weekday) : withYear(yy, month, day, opts.today, weekday);
  }
  return null;
}

/**
 * A date as typed in Slack: ISO `2026-12-01`; `01/12/2026`, `1/12/26`, `01.12.2026`
 * (day first in both locales; `12/25/2026` is read month first only because
 * no 25th month exists; a two-digit year see TWO_DIGIT_YEAR_WINDOW); `1 déc`,
 * `1er décembre 2026`, `Dec 1`, `december 1st`, `mardi 3`, `tuesday the 1st`;
 * and words in English and French whatever the locale (but "mar", see WORDS):
 * today, tomorrow, aujourd'hui, demain, après-demain, weekday names and
 * `next monday` / `lundi prochain` (the first such day strictly after today;
 * `this friday` / `ce vendredi` from today on), `in 10 days`,
 * `dans 2 semaines`, `in 1 month`, `J+10`, `end of month`, `fin du mois`,
 * `end of next month`, `fin du mois prochain`, `fin décembre`, `end of year`,
 * `next week` (next Monday), `next month` (its 1st), `end of week` (Friday).
 * Without a year, see pick.
 * Never a time of day: "friday 5pm" is refused with its own code.
 */
export function parseDate(input: string, opts: DateOptions): Result<IsoDate> {
  const text = normalize(input);
  if (text === '') return fail('date.empty', input);
  const r = resolve(text, opts) ?? viaChrono(text, opts);
  if (!r) return fail('date.unparseable', input);
  if ('error' in r) return fail(r.error, input, r.params);
  if (r.weekday !== undefined && weekdayOf(r.date) !== r.weekday) {
    return fail('date.weekday_mismatch', input, { date: r.date, weekday: r.weekday });
  }
  if (opts.future && r.date < opts.today) return fail('date.past', input, { date: r.date });
  return ok(r.date);
}

/** Longest duration accepted, e.g. for /collect pause. */
export const MAX_DURATION = { days: 3660, months: 120 } as const;

/**
 * `10d`, `2w`, `3 weeks`, `1 month`, `10 jours`, `2 semaines`, `1 mois`, `a year`.
 * Weeks become days (×7); years become months (×12).
 */
export function parseDuration(input: string): Result<Duration> {
  const text = normalize(input).replace(/^(?:for|pendant|during)\s+/, '');
  if (text === '') return fail('duration.empty', input);
  const m = new RegExp(`^${COUNT}\\s*${UNIT}$`).exec(text);
  const d = m ? amountOf(m[1] ?? '', m[2] ?? '') : null;
  if (!d) return fail('duration.unparseable', input);
  const n = 'days' in d ? d.days : d.months;
  if (n === 0) return fail('duration.zero', input);
  if ('days' in d ? d.days > MAX_DURATION.days : d.months > MAX_DURATION.months) {
    return fail('duration.too_long', input, { maxYears: MAX_DURATION.months / 12 });
  }
  return ok(d);
}

/** A time of day: `09:00`, `9:00`, `9h`, `9h30`, `9 h 30`, `17:45`, `0900`, `9am`, `5:30 pm` → 'HH:MM'. */
export function parseLocalTime(input: string): Result<string> {
  const text = input.trim().toLowerCase().replace(/\s+/g, '').replace(/([ap])\.?m\.?$/, '$1m');
  if (text === '') return fail('time.empty', input);
  const m = /^(\d{1,2})(?:[:.](\d{2})|h(\d{2})?)?(am|pm)?$/.exec(text) ?? /^(\d{2})(\d{2})()()$/.exec(text);
  if (!m) return fail('time.unparseable', input);
  let hour = Number(m[1]);
  const minute = Number(m[2] || m[3] || 0);
  const meridiem = m[4] || undefined;
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return fail('time.out_of_range', input);
    hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return fail('time.out_of_range', input);
  return ok(`${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`);
}
