// The period of `/collect stats`, from what people type in English or French:
// calendar days in the workspace's zone, [start, end] both included, never
// ending after today. Weeks start on Monday.
import { addDays, addMonths, daysBetween, daysInMonth, endOfMonth, isoDate, weekdayOf, ymd, type IsoDate } from './calendar.ts';
import { DATE_YEAR_RANGE, parseDate } from './date-input.ts';
import { fail } from './errors.ts';
import type { Locale } from './money.ts';
import { ok, type Result } from './result.ts';

export interface StatsPeriod {
  start: IsoDate;
  end: IsoDate;
  /** The end asked for was after today and was brought back to today. */
  clamped: boolean;
}

/** The longest "last N days": a longer one is a typo. */
export const MAX_DAYS = 3660;

const MONTHS: Readonly<Record<string, number>> = {
  january: 1, jan: 1, janvier: 1, janv: 1, february: 2, feb: 2, fevrier: 2, fevr: 2, fev: 2,
  march: 3, mar: 3, mars: 3, april: 4, apr: 4, avril: 4, avr: 4, may: 5, mai: 5, june: 6, jun: 6, juin: 6,
  july: 7, jul: 7, juillet: 7, juil: 7, august: 8, aug: 8, aout: 8, september: 9, sep: 9, sept: 9, septembre: 9,
  october: 10, oct: 10, octobre: 10, november: 11, nov: 11, novembre: 11, december: 12, dec: 12, decembre: 12,
};

/** Lower case, no accents, apostrophes as spaces, no abbreviation dots, no article in front ("le mois dernier"). */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
    .replace(/[’‘`´ʼ']/g, ' ').replace(/(\p{L})\.(?=\s|$)/gu, '$1').replace(/\s+/g, ' ').trim()
    .replace(/^(le|la|les|l|the|du|de|depuis) /, '');
}

const monday = (day: IsoDate) => addDays(day, 1 - weekdayOf(day));
const firstOfMonth = (day: IsoDate) => `${day.slice(0, 8)}01`;
const quarterStart = (day: IsoDate) => {
  const [y, m] = ymd(day);
  return isoDate(y, m - ((m - 1) % 3), 1);
};
const monthSpan = (year: number, month: number) => ({ start: isoDate(year, month, 1), end: isoDate(year, month, daysInMonth(year, month)) });
const yearOk = (year: number) => year >= DATE_YEAR_RANGE.min && year <= DATE_YEAR_RANGE.max;

type Span = { start: IsoDate; end: IsoDate };

/** The named periods, each a function of today. */
const NAMED: ReadonlyArray<[RegExp, (today: IsoDate) => Span]> = [
  [/^(today|aujourd hui|aujourdhui|auj)$/, (d) => ({ start: d, end: d })],
  [/^(yesterday|hier)$/, (d) => ({ start: addDays(d, -1), end: addDays(d, -1) })],
  [/^(this week|week to date|wtd|week|cette semaine|semaine en cours|semaine)$/, (d) => ({ start: monday(d), end: d })],
  [/^(last week|previous week|past week|semaine derniere|semaine passee|semaine precedente)$/, (d) => ({ start: addDays(monday(d), -7), end: addDays(monday(d), -1) })],
  [/^(this month|month to date|mtd|month|ce mois|ce mois ci|mois en cours|mois)$/, (d) => ({ start: firstOfMonth(d), end: d })],
  [/^(last month|previous month|past month|mois dernier|mois passe|mois precedent)$/, (d) => {
    const start = addMonths(firstOfMonth(d), -1);
    return { start, end: endOfMonth(start) };
  }],
  [/^(this quarter|quarter to date|qtd|quarter|ce trimestre|trimestre en cours|trimestre)$/, (d) => ({ start: quarterStart(d), end: d })],
  [/^(last quarter|previous quarter|past quarter|trimestre dernier|trimestre passe|trimestre precedent)$/, (d) => {
    const start = addMonths(quarterStart(d), -3);
    return { start, end: addDays(quarterStart(d), -1) };
  }],
  [/^(ytd|this year|year to date|year|cette annee|annee en cours|annee)$/, (d) => ({ start: `${d.slice(0, 4)}-01-01`, end: d })],
  [/^(last year|previous year|past year|annee derniere|annee passee|annee precedente)$/, (d) => {
    const year = ymd(d)[0] - 1;
    return { start: isoDate(year, 1, 1), end: isoDate(year, 12, 31) };
  }],
];

const DAYS_FORMS = [
  /^(\d{1,4}) ?(d|j|days?|jours?)$/,
  /^(?:last|past|the last|the past) (\d{1,4}) days?$/,
  /^(\d{1,4}) (?:derniers|dern) jours$/,
];

/** A span that does not depend on today's words: a month, a quarter, a year. Null when it is none of those. */
function fixedSpan(text: string): Span | 'bad_year' | null {
  const iso = /^(\d{4})-(\d{1,2})$/.exec(text);
  const slash = /^(\d{1,2})\/(\d{4})$/.exec(text);
  const named = /^([a-z]+) (\d{4})$/.exec(text);
  const month = iso ? [Number(iso[1]), Number(iso[2])]
    : slash ? [Number(slash[2]), Number(slash[1])]
      : named && MONTHS[named[1]!] ? [Number(named[2]), MONTHS[named[1]!]!] : null;
  if (month) {
    const [year, mo] = month as [number, number];
    if (mo < 1 || mo > 12) return null;
    return yearOk(year) ? monthSpan(year, mo) : 'bad_year';
  }
  const qFirst = /^(?:q|t)([1-4]) ?(\d{4})$/.exec(text);
  const yFirst = /^(\d{4}) ?-? ?(?:q|t)([1-4])$/.exec(text);
  const quarter = qFirst ? [Number(qFirst[2]), Number(qFirst[1])] : yFirst ? [Number(yFirst[1]), Number(yFirst[2])] : null;
  if (quarter) {
    const [year, n] = quarter as [number, number];
    if (!yearOk(year)) return 'bad_year';
    const start = isoDate(year, 3 * n - 2, 1);
    return { start, end: endOfMonth(addMonths(start, 2)) };
  }
  const year = /^(\d{4})$/.exec(text);
  if (!year) return null;
  const y = Number(year[1]);
  return yearOk(y) ? { start: isoDate(y, 1, 1), end: isoDate(y, 12, 31) } : 'bad_year';
}

/** A month name alone ("october", "octobre"): the latest one that has begun. */
function lastMonthNamed(text: string, today: IsoDate): Span | null {
  const month = MONTHS[text];
  if (!month) return null;
  const [y, m] = ymd(today);
  return monthSpan(month <= m ? y : y - 1, month);
}

// "2026-10-01..2026-10-31", "1/10/2026 to 31/10/2026", "du 1 oct au 31 oct".
const RANGE = /^(?:from |du |de )?(.+?) ?(?:\.\.\.?|…| to | au | à | - |–|—) ?(.+)$/i;

/**
 * The period typed after `/collect stats` (the words joined), or its refusal
 * quoting the input: unreadable, or starting after today. An end after today
 * becomes today.
 */
export function parseStatsPeriod(input: string, opts: { locale: Locale; today: IsoDate }): Result<StatsPeriod> {
  const { today, locale } = opts;
  const text = fold(input);
  const span = resolveSpan(input, text, locale, today);
  if (!span.ok) return span;
  const { start, end } = span.value;
  if (start > end) return fail('stats.range_order', input, { start, end });
  if (start > today) return fail('stats.future_period', input, { start, today });
  return ok({ start, end: end > today ? today : end, clamped: end > today });
}

function resolveSpan(input: string, text: string, locale: Locale, today: IsoDate): Result<Span> {
  if (text === '') return ok({ start: firstOfMonth(today), end: today });
  // Hyphens join words ("ce mois-ci") but also write months ("2026-10"): words only here.
  const words = text.replace(/-/g, ' ');
  for (const [re, span] of NAMED) if (re.test(words)) return ok(span(today));
  for (const re of DAYS_FORMS) {
    const m = re.exec(words);
    if (!m) continue;
    const n = Number(m[1]);
    if (n < 1 || n > MAX_DAYS) return fail('stats.bad_days', input, { max: MAX_DAYS });
    return ok({ start: addDays(today, 1 - n), end: today });
  }
  const fixed = fixedSpan(text);
  if (fixed === 'bad_year') return fail('date.out_of_range', input, { ...DATE_YEAR_RANGE });
  if (fixed) return ok(fixed);
  const named = lastMonthNamed(text, today);
  if (named) return ok(named);
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const day = parseDate(text, { locale, today });
    return day.ok ? ok({ start: day.value, end: day.value }) : day;
  }
  const range = RANGE.exec(input.trim());
  if (range) {
    // Either side is any day parseDate reads: `2026-10-01`, `01/10/2026`, `1 oct`, `yesterday`.
    const from = parseDate(range[1]!, { locale, today });
    if (!from.ok) return from;
    const to = parseDate(range[2]!, { locale, today });
    if (!to.ok) return to;
    return ok({ start: from.value, end: to.value });
  }
  return fail('stats.unknown_period', input);
}

/** Calendar days in the period, both edges included. */
export const periodDays = (p: { start: IsoDate; end: IsoDate }): number => daysBetween(p.start, p.end) + 1;
