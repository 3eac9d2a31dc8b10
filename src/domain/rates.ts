// The dated rate tables behind late fees (SPEC §1 "Late fees", FACTS-fr.md):
// public figures that change each half-year, so they are data with a source,
// never constants. Rates are integer thousandths of a percent (12.15 % =
// 12150) so that no interest computation goes through a float.
import { isIsoDate, ymd, type IsoDate } from './calendar.ts';
import { inputError, ok, type InputError, type Result } from './result.ts';

/**
 * `ecb`: the ECB main refinancing operations rate in force on 1 January or
 * 1 July (Code de commerce L441-10). `legal`: the legal interest rate of the
 * half-year for "all other cases" (Code monétaire et financier L313-2), the one
 * that applies to a company creditor; the rate for a private creditor is never
 * used by relance, so it is not stored.
 */
export type RateKind = 'ecb' | 'legal';
export const RATE_KINDS: readonly RateKind[] = ['ecb', 'legal'];

/** One half-year of one table: the published rate, in force from `startsOn` until the next row. */
export interface RateRow {
  kind: RateKind;
  /** 1 January or 1 July. */
  startsOn: IsoDate;
  /** Thousandths of a percent: 2.15 % = 2150. */
  milliPercent: number;
  source: string;
}

/** Thousandths of a percent in one percent. */
export const MILLI = 1000;

/** 1 January for a day in January–June, 1 July for July–December. */
export function halfYearStart(date: IsoDate): IsoDate {
  const [year, month] = ymd(date);
  return `${String(year).padStart(4, '0')}-${month <= 6 ? '01' : '07'}-01`;
}

/** The next half-year's first day. */
export function nextHalfYearStart(date: IsoDate): IsoDate {
  const [year, month] = ymd(halfYearStart(date));
  return month === 1 ? `${String(year).padStart(4, '0')}-07-01` : `${String(year + 1).padStart(4, '0')}-01-01`;
}

export const isHalfYearStart = (date: string): boolean => isIsoDate(date) && halfYearStart(date) === date;

/** `{ year: 2026, half: 2 }` for 1 July 2026: letters name the half-year in words. */
export function halfYearOf(date: IsoDate): { year: number; half: 1 | 2 } {
  const [year, month] = ymd(date);
  return { year, half: month <= 6 ? 1 : 2 };
}

/** `2026 H2`, as the CLI prints it. */
export function halfYearLabel(date: IsoDate): string {
  const { year, half } = halfYearOf(date);
  return `${year} H${half}`;
}

export interface RateLookup {
  row: RateRow;
  /** The half-year asked for (its first day). */
  halfYear: IsoDate;
  /** No row for that half-year: `row` is the latest earlier one (or, before the table starts, its first row). */
  missing: boolean;
}

/**
 * The `kind` rate for the half-year holding `date`. A half-year without its
 * row falls back to the latest known rate before it, and says so — the SPEC
 * forbids a silent guess. Throws when the table has no row of that kind at
 * all: the migration seeds both, so that is a bug, not an input.
 */
export function rateFor(rows: readonly RateRow[], kind: RateKind, date: IsoDate): RateLookup {
  const halfYear = halfYearStart(date);
  let exact: RateRow | undefined;
  let before: RateRow | undefined;
  let first: RateRow | undefined;
  for (const row of rows) {
    if (row.kind !== kind) continue;
    if (row.startsOn === halfYear) exact = row;
    if (row.startsOn < halfYear && (!before || row.startsOn > before.startsOn)) before = row;
    if (!first || row.startsOn < first.startsOn) first = row;
  }
  if (exact) return { row: exact, halfYear, missing: false };
  const fallback = before ?? first;
  if (!fallback) throw new RangeError(`the rate table has no ${kind} row`);
  return { row: fallback, halfYear, missing: true };
}

/** Half-years from `from` to `to` (inclusive) that have no row of `kind`. */
export function missingHalfYears(rows: readonly RateRow[], kind: RateKind, from: IsoDate, to: IsoDate): IsoDate[] {
  const have = new Set(rows.filter((r) => r.kind === kind).map((r) => r.startsOn));
  const out: IsoDate[] = [];
  for (let h = halfYearStart(from); h <= to; h = nextHalfYearStart(h)) if (!have.has(h)) out.push(h);
  return out;
}

/** The command an admin types to fill a missing half-year (the figure and source are theirs to find). */
export const rateAddCommand = (kind: RateKind, startsOn: IsoDate): string =>
  `relance rates add ${kind} ${startsOn} <percent> "<source>"`;

// ------------------------------------------------------------------- percents

/** `12150` → `"12.15"`; at least two decimals, at most three, as rates are published. */
export function formatPercent(milliPercent: number, decimalMark: '.' | ',' = '.'): string {
  const sign = milliPercent < 0 ? '-' : '';
  const abs = Math.abs(milliPercent);
  const int = Math.floor(abs / MILLI);
  const frac = String(abs % MILLI).padStart(3, '0').replace(/0$/, '');
  return `${sign}${int}${decimalMark}${frac}`;
}

/** `12150` → `"12.150"`: the exact text of a numeric(6,3) column. */
export const milliToNumeric = (milliPercent: number): string =>
  `${Math.floor(milliPercent / MILLI)}.${String(milliPercent % MILLI).padStart(3, '0')}`;

/** A numeric(6,3) column's text (`"12.150"`, `"0.000"`, `"7"`) → thousandths of a percent, exactly. */
export function numericToMilli(text: string): number {
  const m = /^(\d+)(?:\.(\d{1,3})0*)?$/.exec(text.trim());
  if (!m) throw new RangeError(`not a stored percent: ${text}`);
  return Number(m[1]) * MILLI + Number((m[2] ?? '').padEnd(3, '0'));
}

export type PercentProblem = 'not_a_number' | 'too_many_decimals' | 'out_of_range';

/**
 * A percent as people type it: `2.15`, `2,15`, `12.5 %`, `12,5%`. At most
 * three decimals (published rates have two or three). `max` is inclusive.
 */
export function parsePercent(text: string, max: number): Result<number, PercentProblem> {
  const m = /^(\d{1,3})(?:[.,](\d+))?\s*%?$/.exec(text.replace(/[\u00a0\u202f]/g, ' ').trim());
  if (!m) return { ok: false, error: 'not_a_number' };
  const frac = (m[2] ?? '').replace(/0+$/, '');
  if (frac.length > 3) return { ok: false, error: 'too_many_decimals' };
  const milli = Number(m[1]) * MILLI + Number(frac.padEnd(3, '0'));
  return milli > max * MILLI ? { ok: false, error: 'out_of_range' } : ok(milli);
}

// ------------------------------------------------------------ `rates add` args

/** The highest rate `rates add` takes: far above any ECB or legal rate ever published. */
export const MAX_TABLE_PERCENT = 30;
/**
 * An ECB rate this high is the B2B late-payment rate (ECB + 10) typed by
 * mistake: the ECB main refinancing rate has never reached 10 %.
 */
export const ECB_PLUS_TEN_HINT = 10;

export interface RateAddition {
  kind: RateKind;
  startsOn: IsoDate;
  milliPercent: number;
  source: string;
  /** Overwrite a different figure already stored for that half-year. */
  replace: boolean;
}

export type RatesArgCode =
  | 'rates.missing_kind' | 'rates.bad_kind' | 'rates.missing_date' | 'rates.bad_date' | 'rates.not_half_year'
  | 'rates.missing_percent' | 'rates.bad_percent' | 'rates.too_many_decimals' | 'rates.out_of_range'
  | 'rates.ecb_plus_ten' | 'rates.missing_source';

const refuse = (code: RatesArgCode, input: string, params?: InputError['params']) => inputError(code, input, params);

/**
 * `ecb|legal <YYYY-01-01|YYYY-07-01> <percent> <source…> [--replace]`, the
 * words after `relance rates add`. The source may be typed unquoted: every
 * word after the percent is part of it. A lone `%` after the number is the
 * number's.
 */
export function parseRateAddition(args: readonly string[]): Result<RateAddition> {
  const replace = args.includes('--replace');
  const words = args.filter((a) => a !== '--replace');
  const [kind, date, percent, ...rest] = words;
  if (kind === undefined) return refuse('rates.missing_kind', '');
  if (kind !== 'ecb' && kind !== 'legal') return refuse('rates.bad_kind', kind);
  if (date === undefined) return refuse('rates.missing_date', '', { kind });
  if (!isIsoDate(date)) return refuse('rates.bad_date', date, { kind });
  if (!isHalfYearStart(date)) return refuse('rates.not_half_year', date, { kind, start: halfYearStart(date) });
  if (percent === undefined) return refuse('rates.missing_percent', '', { kind, date });
  const parsed = parsePercent(percent, MAX_TABLE_PERCENT);
  if (!parsed.ok) {
    const code = parsed.error === 'not_a_number' ? 'rates.bad_percent' : `rates.${parsed.error}` as const;
    return refuse(code, percent, { kind, date, max: MAX_TABLE_PERCENT });
  }
  if (kind === 'ecb' && parsed.value >= ECB_PLUS_TEN_HINT * MILLI) {
    return refuse('rates.ecb_plus_ten', percent, { kind, date, ecb: formatPercent(parsed.value - 10 * MILLI) });
  }
  const source = (rest[0] === '%' ? rest.slice(1) : rest).join(' ').trim();
  if (source === '') return refuse('rates.missing_source', '', { kind, date, percent: formatPercent(parsed.value) });
  return ok({ kind, startsOn: date, milliPercent: parsed.value, source, replace });
}
