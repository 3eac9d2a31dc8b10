// Amount cells from accounting exports: "1234.50", "1234,50", "1 234,50",
// "1.234,50", "1,234.50" (quoted in a comma file). Parsed to an exact integer
// and a scale, never through a float, then scaled to the currency's minor unit.
import { MAX_MINOR_UNITS } from '../domain/money.ts';
import { err, ok, type Result } from '../domain/result.ts';

/** `units / 10^scale`, e.g. 1234.50 → { units: 12345, scale: 1 } (trailing zeros dropped). */
export interface Decimal {
  units: number;
  scale: number;
}

export type DecimalMark = '.' | ',';

// Thin spaces and no-break spaces are what French spreadsheets put between thousands.
const SPACES = /[\s\u00a0\u202f']/g;
const MAX_DIGITS = 15; // stays exact in a double and far inside bigint

// The usual cell, "1234" or "1234.50"/"1234,5": a lone mark before one or two digits can only be decimal.
const PLAIN = /^(\d{1,13})(?:[.,](\d{1,2}))?$/;

export function parseAmount(raw: string, fileDecimal: DecimalMark): Result<Decimal, string> {
  const plain = PLAIN.exec(raw);
  if (plain) return ok(trimZeros(Number((plain[1] ?? '') + (plain[2] ?? '')), plain[2]?.length ?? 0));
  const bad = err(`"${raw}" is not an amount (expected e.g. 1234.50 or 1234,50)`);
  let s = raw.replace(SPACES, '');
  let negative = false;
  if (s.startsWith('-') || s.startsWith('+')) {
    negative = s.startsWith('-');
    s = s.slice(1);
  }
  if (!/^[0-9.,]*[0-9][0-9.,]*$/.test(s)) return bad;
  const mark = decimalMarkOf(s, fileDecimal);
  if (mark === null) return bad;
  const point = mark === '' ? -1 : s.lastIndexOf(mark);
  const intPart = point === -1 ? s : s.slice(0, point);
  const fracPart = point === -1 ? '' : s.slice(point + 1);
  const grouping = mark === ',' ? '.' : mark === '.' ? ',' : s.includes('.') ? '.' : ',';
  if (!validGroups(intPart, grouping) || !/^[0-9]*$/.test(fracPart) || (point !== -1 && fracPart === '')) return bad;
  const digits = (intPart.replaceAll(grouping, '') + fracPart).replace(/^0+(?=\d)/, '');
  if (digits.length > MAX_DIGITS) return err(`"${raw}" is too large an amount`);
  const amount = trimZeros(Number(digits), fracPart.length);
  return ok(negative && amount.units !== 0 ? { units: -amount.units, scale: amount.scale } : amount);
}

function trimZeros(units: number, scale: number): Decimal {
  while (scale > 0 && units % 10 === 0) {
    units /= 10;
    scale -= 1;
  }
  return { units, scale };
}

/**
 * Which character is the decimal mark: '' when there is none. A lone mark
 * followed by exactly three digits ("1,234", "1.234") is the only ambiguous
 * case; the file's dialect decides it (a ';' file uses the decimal comma).
 */
function decimalMarkOf(s: string, fileDecimal: DecimalMark): DecimalMark | '' | null {
  const dots = count(s, '.');
  const commas = count(s, ',');
  if (dots === 0 && commas === 0) return '';
  if (dots > 0 && commas > 0) {
    const last: DecimalMark = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
    return count(s, last) === 1 ? last : null;
  }
  const only: DecimalMark = dots > 0 ? '.' : ',';
  if (count(s, only) > 1) return '';
  const at = s.indexOf(only);
  const after = s.length - at - 1;
  const before = s.slice(0, at);
  if (after !== 3 || before === '' || /^0+$/.test(before)) return only;
  return only === fileDecimal ? only : '';
}

function validGroups(intPart: string, grouping: string): boolean {
  if (!intPart.includes(grouping)) return /^[0-9]*$/.test(intPart);
  const groups = intPart.split(grouping);
  return /^[0-9]{1,3}$/.test(groups[0] ?? '') && groups.slice(1).every((g) => /^[0-9]{3}$/.test(g));
}

function count(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i !== -1; i = s.indexOf(ch, i + 1)) n += 1;
  return n;
}

/** The amount in the currency's minor units, or why it cannot be. */
export function toMinorUnits(raw: string, amount: Decimal, exponent: number, currency: string): Result<number, string> {
  if (amount.scale > exponent) {
    return err(`"${raw}" has more decimals than ${currency} allows (${exponent})`);
  }
  const minor = amount.units * 10 ** (exponent - amount.scale);
  return Math.abs(minor) > MAX_MINOR_UNITS ? err(`"${raw}" is too large an amount`) : ok(minor);
}

/** Whether the amount stays within bounds in any currency (exponent up to 4), for amounts scaled later in SQL. */
export const fitsAnyCurrency = (amount: Decimal): boolean =>
  Math.abs(amount.units) * 10 ** Math.max(0, 4 - amount.scale) <= MAX_MINOR_UNITS;
