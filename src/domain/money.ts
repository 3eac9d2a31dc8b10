// Money is integer minor units (cents) end to end. Strings are parsed digit by
// digit — never through parseFloat — so 0.1 + 0.2 problems cannot arise.
import { fail } from './errors.ts';
import { ok, type Result } from './result.ts';

export interface Money {
  /** Integer minor units (cents for EUR, yen for JPY, fils for BHD). */
  cents: number;
  /** ISO 4217, upper case. */
  currency: string;
}

export type Locale = 'en' | 'fr';

/** Largest amount accepted, in minor units: safe as a JS integer and in a bigint column. */
export const MAX_MINOR_UNITS = 999_999_999_999_999;

// ISO 4217 minor units, not Intl's: ICU shows HUF, IDR, COP, PKR… without
// decimals, but invoices in those currencies are issued with 2 (and IQD with 3).
const MINOR_UNIT_EXCEPTIONS: Readonly<Record<string, number>> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0,
  RWF: 0, UGX: 0, UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  CLF: 4, UYW: 4,
};

const KNOWN_CURRENCIES = new Set([...Intl.supportedValuesOf('currency'), ...Object.keys(MINOR_UNIT_EXCEPTIONS)]);

export const isCurrency = (code: string): boolean => KNOWN_CURRENCIES.has(code);

/** Digits after the decimal point for an ISO 4217 currency (EUR 2, JPY 0, BHD 3). */
export function minorUnits(currency: string): number {
  const code = currency.toUpperCase();
  if (!isCurrency(code)) throw new RangeError(`unknown currency ${currency}`);
  return MINOR_UNIT_EXCEPTIONS[code] ?? 2;
}

// ---------------------------------------------------------------- formatting

const intlLocale = (locale: Locale) => (locale === 'fr' ? 'fr-FR' : 'en-US');
const symbolCache = new Map<string, string>();

/** The currency sign CLDR uses in that locale: € / $ / $US / £GB / CHF. */
export function currencySymbol(currency: string, locale: Locale): string {
  const key = `${locale}:${currency}`;
  let symbol = symbolCache.get(key);
  if (symbol === undefined) {
    const parts = new Intl.NumberFormat(intlLocale(locale), { style: 'currency', currency }).formatToParts(1);
    symbol = parts.find((p) => p.type === 'currency')?.value ?? currency;
    symbolCache.set(key, symbol);
  }
  return symbol;
}

const NNBSP = '\u202f';
const NBSP = '\u00a0';

/** 123456 minor units with 2 digits → "1,234.56": built from the integer, so no float rounding is involved. */
function formatDigits(cents: number, digits: number, group: string, decimal: string): string {
  const abs = Math.abs(cents).toString().padStart(digits + 1, '0');
  const int = abs.slice(0, abs.length - digits);
  const frac = abs.slice(abs.length - digits);
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return digits > 0 ? `${grouped}${decimal}${frac}` : grouped;
}

/**
 * `1 234,56 €` (fr: U+202F between thousands, U+00A0 before the sign) or
 * `€1,234.56` (en). The sign comes from Intl (CLDR: `$US` in French, `CHF`…);
 * digits, spacing and placement are assembled here so that output does not
 * drift with the ICU version. Negative amounts (a change since the last
 * digest) get a leading hyphen-minus.
 */
export function formatMoney(m: Money, locale: Locale): string {
  const digits = minorUnits(m.currency);
  const symbol = currencySymbol(m.currency, locale);
  const sign = m.cents < 0 ? '-' : '';
  if (locale === 'fr') return `${sign}${formatDigits(m.cents, digits, NNBSP, ',')}${NBSP}${symbol}`;
  // A letter sign ("CHF", "BHD") needs a space before the digits; "€", "$", "CA$" do not.
  const gap = /\p{L}$/u.test(symbol) ? NBSP : '';
  return `${sign}${symbol}${gap}${formatDigits(m.cents, digits, ',', '.')}`;
}

/** formatMoney with every narrow or no-break space as U+00A0, which PDFKit's built-in fonts can draw. */
export const formatMoneyPlain = (m: Money, locale: Locale): string =>
  formatMoney(m, locale).replace(/[\u202f\u00a0]/g, NBSP);

/** One total per currency, never across currencies, sorted by currency code. */
export function sumByCurrency(list: readonly Money[]): Money[] {
  const totals = new Map<string, number>();
  for (const m of list) totals.set(m.currency, (totals.get(m.currency) ?? 0) + m.cents);
  return [...totals.keys()].sort().map((currency) => ({ currency, cents: totals.get(currency) ?? 0 }));
}

// ------------------------------------------------------------------- parsing

interface SplitNumber {
  int: string;
  frac: string;
  /**
   * One mark followed by exactly three digits that could also group thousands
   * (`1,234`, `12.345`): the locale chose the reading, which for a currency
   * with three decimals or more is a guess between two valid amounts.
   */
  loneGroup?: { before: string; after: string };
}

/** Thousands grouped by three once the decimal mark is known: "1 2345" or "12.34.567" are not numbers. */
const GROUPED = /^\d{1,3}(?:[ '.,]\d{3})+$/;

/**
 * Splits "1.234,56" into integer and fraction digits given the decimal mark
 * (null: an integer); every other mark must group thousands by three.
 */
function splitAt(text: string, decimal: '.' | ',' | null): SplitNumber | null {
  const at = decimal === null ? -1 : text.indexOf(decimal);
  if (decimal !== null && text.lastIndexOf(decimal) !== at) return null;
  const intPart = at < 0 ? text : text.slice(0, at);
  const frac = at < 0 ? '' : text.slice(at + 1);
  if (!/^\d*$/.test(frac) || (at >= 0 && frac === '') || (intPart === '' && frac === '')) return null;
  if (/^\d*$/.test(intPart)) return { int: intPart, frac };
  return GROUPED.test(intPart) ? { int: intPart.replace(/\D/g, ''), frac } : null;
}

/**
 * The decimal mark of a typed number, which may follow either convention.
 *
 * - Both `.` and `,` present: the last one is the decimal mark (`1.200,50`, `1,200.50`).
 * - One of them, several times: thousands (`1.200.000`).
 * - One of them, once, NOT followed by exactly three digits: decimal
 *   (`12,5` → 12.50, `1200.5` → 1200.50, `1,20` → 1.20).
 * - One of them, once, followed by exactly three digits (`1,200`, `1.200`):
 *   read with the user's locale — the locale's own decimal mark is a decimal
 *   mark and the other one groups thousands. So in English `1,200` is 1200 and
 *   `1.200` is 1.200, rejected as too many decimals for EUR rather than
 *   misread by a factor of 1000; in French `1.200` is 1200 and `1,200` is
 *   rejected likewise. When spaces or apostrophes already group the digits
 *   (`1 200.500`) or the integer part cannot be a thousands group (`0,500`,
 *   `1234,567`) the mark is a decimal mark. For a currency with three decimals
 *   (KWD, BHD…) both readings are amounts, so parseAmount refuses the form.
 */
function splitTyped(text: string, locale: Locale): SplitNumber | null {
  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  if (lastDot < 0 && lastComma < 0) return splitAt(text, null);
  if (lastDot >= 0 && lastComma >= 0) return splitAt(text, lastDot > lastComma ? '.' : ',');
  const mark = lastDot >= 0 ? '.' : ',';
  if (text.indexOf(mark) !== text.lastIndexOf(mark)) return splitAt(text, null);
  const [before = '', after = ''] = text.split(mark);
  const couldGroup = after.length === 3 && /^[1-9]\d{0,2}$/.test(before);
  const localeDecimal = locale === 'fr' ? ',' : '.';
  const split = splitAt(text, couldGroup && mark !== localeDecimal ? null : mark);
  return split && couldGroup ? { ...split, loneGroup: { before, after } } : split;
}

/**
 * Zeros past the currency's decimals, dropped only from four decimals on
 * (`12.3450`, `10.9900`): three digits after a mark may be a thousands group.
 */
const trimZeros = (frac: string, digits: number): string =>
  frac.length > Math.max(digits, 3) && /^0*$/.test(frac.slice(digits)) ? frac.slice(0, digits) : frac;

/** Integer minor units from digit strings (frac at most `digits` long), or null past MAX_MINOR_UNITS. */
function toMinor(int: string, frac: string, digits: number): number | null {
  const all = (int + frac.padEnd(digits, '0')).replace(/^0+/, '');
  if (all.length > 15) return null;
  const value = Number(all);
  return value > MAX_MINOR_UNITS ? null : value;
}

const maxMajor = (digits: number) => Math.floor(MAX_MINOR_UNITS / 10 ** digits);

// Signs people type beyond the ISO codes themselves. A sign of the workspace's
// default currency wins over this table (so "$" means CAD for a Canadian team).
const SIGNS: Readonly<Record<string, string>> = {
  '€': 'EUR', 'EURO': 'EUR', 'EUROS': 'EUR',
  '$': 'USD', 'US$': 'USD', '$US': 'USD', 'DOLLAR': 'USD', 'DOLLARS': 'USD',
  '£': 'GBP', '£GB': 'GBP', 'GB£': 'GBP',
  '¥': 'JPY', 'JP¥': 'JPY', 'CN¥': 'CNY',
  'CA$': 'CAD', '$CA': 'CAD', 'C$': 'CAD', 'A$': 'AUD', 'AU$': 'AUD', '$AU': 'AUD',
  'NZ$': 'NZD', 'HK$': 'HKD', 'R$': 'BRL', 'MX$': 'MXN',
  '₩': 'KRW', '₹': 'INR', '₪': 'ILS', '₺': 'TRY', '₴': 'UAH', '₫': 'VND', '฿': 'THB', 'ZŁ': 'PLN', 'KČ': 'CZK',
};

const defaultSignsCache = new Map<string, Set<string>>();

function defaultSigns(currency: string): Set<string> {
  let signs = defaultSignsCache.get(currency);
  if (!signs) {
    const narrow = new Intl.NumberFormat('en', { style: 'currency', currency, currencyDisplay: 'narrowSymbol' })
      .formatToParts(1).find((p) => p.type === 'currency')?.value ?? currency;
    signs = new Set([currencySymbol(currency, 'en'), currencySymbol(currency, 'fr'), narrow].map((s) => s.toUpperCase()));
    defaultSignsCache.set(currency, signs);
  }
  return signs;
}

function currencyOf(word: string, defaultCurrency: string): string | null {
  const upper = word.toUpperCase();
  if (/^[A-Z]{3}$/.test(upper) && isCurrency(upper)) return upper;
  if (defaultSigns(defaultCurrency).has(upper)) return defaultCurrency;
  return Object.hasOwn(SIGNS, upper) ? (SIGNS[upper] ?? null) : null;
}

interface Piece {
  kind: 'number' | 'word' | 'sign';
  text: string;
  /** Whether whitespace separates this piece from the one before. */
  spaced: boolean;
}

// A number holds separators and spaces only between digits ("1 200,50"), plus
// an optional trailing ",-" or ".-" meaning "no cents" ("12,-").
const PIECE = /(?<number>[.,]?\d(?:[\d']|[.,](?=\d)|\s(?=\d))*(?:[.,][-–—]?)?)|(?<word>[\p{L}\p{Sc}]+)|(?<sign>[-−–+])|(?<space>\s+)|(?<other>.)/uy;

function pieces(text: string): Piece[] | null {
  const out: Piece[] = [];
  let spaced = false;
  PIECE.lastIndex = 0;
  while (PIECE.lastIndex < text.length) {
    const g = PIECE.exec(text)?.groups ?? {};
    if (g.space !== undefined) { spaced = true; continue; }
    const [kind, value] = g.number !== undefined ? ['number', g.number] as const
      : g.word !== undefined ? ['word', g.word] as const
      : g.sign !== undefined ? ['sign', g.sign] as const : [null, ''] as const;
    if (kind === null) return null;
    out.push({ kind, text: value, spaced });
    spaced = false;
  }
  return out;
}

/**
 * What a person types for an amount in Slack: `1200`, `1 200,50`, `1.200,50 €`,
 * `€1,200.50`, `1200 EUR`, `eur 50`, `$99.90`, `1'200.50`, `12,-`, with any
 * kind of space. See splitTyped for how `1,200` and `12,5` are read, and
 * trimZeros for `12.3450`. Without a currency the amount is in
 * `defaultCurrency`. Errors quote the whole input.
 */
export function parseAmount(input: string, opts: { locale: Locale; defaultCurrency: string }): Result<Money> {
  const fallback = opts.defaultCurrency.toUpperCase();
  if (!isCurrency(fallback)) throw new RangeError(`unknown default currency ${opts.defaultCurrency}`);
  const text = input.normalize('NFKC').replace(/\s+/g, ' ').replace(/[’‘ʼ]/g, "'").trim();
  if (text === '') return fail('amount.empty', input);
  const list = pieces(text);
  const numbers = list?.filter((p) => p.kind === 'number') ?? [];
  const number = numbers[0];
  if (!list || !number || numbers.length > 1) return fail('amount.not_a_number', input);

  const at = list.indexOf(number);
  const signs = list.filter((p) => p.kind === 'sign');
  // A sign may lead the text ("-50 €") or touch the number ("€-50"), nowhere else.
  const signAt = signs[0] ? list.indexOf(signs[0]) : -1;
  if (signs.length > 1 || (signs.length === 1 && signAt !== 0 && signAt !== at - 1)) return fail('amount.not_a_number', input);
  const negative = signs.length === 1 && signs[0]?.text !== '+';

  const currencies = new Set<string>();
  for (const [i, p] of list.entries()) {
    if (p.kind !== 'word') continue;
    const code = currencyOf(p.text, fallback);
    if (code) { currencies.add(code); continue; }
    // "12abc" is a typo in the number; "12 XYZ", "12XYZ" or "₿12" is an attempt at a currency.
    const glued = i === at + 1 && !p.spaced;
    const codeLike = /^[A-Za-z]{3}$/.test(p.text) && (p.text === p.text.toUpperCase() || !glued);
    if (codeLike || /\p{Sc}/u.test(p.text)) return fail('amount.unknown_currency', input, { currency: p.text.toUpperCase() });
    return fail('amount.not_a_number', input);
  }
  const [first, second] = [...currencies];
  if (first !== undefined && second !== undefined) return fail('amount.two_currencies', input, { first, second });
  const currency = first ?? fallback;

  const split = splitTyped(number.text.replace(/[.,][-–—]?$/, ''), opts.locale);
  if (!split) return fail('amount.not_a_number', input);
  const digits = minorUnits(currency);
  const nonZero = /[1-9]/.test(split.int + split.frac);
  if (negative && nonZero) return fail('amount.negative', input);
  if (split.loneGroup && digits >= 3) {
    const { before, after } = split.loneGroup;
    const decimal = `${before}${opts.locale === 'fr' ? ',' : '.'}${after}`;
    return fail('amount.ambiguous_thousands', input, { currency, max: digits, thousands: before + after, decimal });
  }
  const frac = trimZeros(split.frac, digits);
  if (frac.length > digits) return fail('amount.too_many_decimals', input, { currency, max: digits });
  const cents = toMinor(split.int, frac, digits);
  if (cents === null) return fail('amount.too_large', input, { max: maxMajor(digits) });
  if (!nonZero) return fail('amount.zero', input);
  return ok({ cents, currency });
}

/**
 * A number from a CSV cell, whose decimal mark the file declares. Thousands may
 * be grouped by threes with spaces, apostrophes or the other punctuation; a
 * number that only makes sense with the other decimal mark ("1234,56" when "."
 * is declared) is rejected rather than misread. A sign is allowed so the caller
 * can reject negatives in its own words. Extra decimals are accepted only when
 * they are zeros ("12.5000" from an export). Returns integer minor units with
 * `digits` decimals (2 by default; see minorUnits).
 */
export function parseDecimal(input: string, decimal: '.' | ',', digits = 2): Result<number> {
  const text = input.replace(/[\u00a0\u202f\u2007\u2009]/g, ' ').replace(/[’‘ʼ]/g, "'").trim();
  if (text === '') return fail('decimal.empty', input);
  const m = /^([-−+]?)\s*(\d[\d ',.]*|[.,]\d+)$/u.exec(text);
  const split = m ? splitAt(m[2] ?? '', decimal) : null;
  if (!m || !split) return fail('decimal.not_a_number', input, { decimal });
  const frac = /^0*$/.test(split.frac.slice(digits)) ? split.frac.slice(0, digits) : split.frac;
  if (frac.length > digits) return fail('decimal.too_many_decimals', input, { max: digits });
  const value = toMinor(split.int, frac, digits);
  if (value === null) return fail('decimal.too_large', input, { max: maxMajor(digits) });
  return ok(m[1] === '' || m[1] === '+' || value === 0 ? value : -value);
}
