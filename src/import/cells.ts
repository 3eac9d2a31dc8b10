// Per-cell checks shared by the three kinds. Each returns the clean value or
// the reason it is refused, quoting the cell as the user typed it.
import { parseIban } from '../domain/creditor.ts';
import { milliToNumeric, parsePercent } from '../domain/rates.ts';
import { err, ok, type Result } from '../domain/result.ts';
import { isCurrency } from './currencies.ts';

export const MISSING = 'required value is missing';

/** The trimmed cell, '' when the row is short of it. */
export const cellAt = (record: readonly string[], index: number | undefined): string =>
  index === undefined ? '' : (record[index] ?? '').trim();

/** The trimmed cell; rejects it when empty. (Encoding, characters and length are checked before, in row-handler.) */
export function requiredText(
  record: readonly string[], index: number | undefined, column: string,
  ctx: { reject(column: string, reason: string, value: string): void }, missing = MISSING,
): string {
  const raw = cellAt(record, index);
  if (raw === '') ctx.reject(column, missing, raw);
  return raw;
}

const currencies = new Map<string, Result<string, string>>();

export function currency(raw: string): Result<string, string> {
  let result = currencies.get(raw);
  if (!result) {
    const code = raw.toUpperCase();
    result = /^[A-Z]{3}$/.test(code) && isCurrency(code)
      ? ok(code)
      : err(`"${raw}" is not an ISO 4217 currency code (e.g. EUR, USD)`);
    if (currencies.size < 1000) currencies.set(raw, result);
  }
  return result;
}

export function customerKind(raw: string): Result<'b2b' | 'b2c', string> {
  const kind = raw.toLowerCase();
  return kind === 'b2b' || kind === 'b2c' ? ok(kind) : err(`"${raw}" is not a customer kind (expected b2b or b2c)`);
}

/** `fr`, `FR`, `fr-FR` and `fr_CA` all mean French; only the language matters to relance. */
export function locale(raw: string): Result<'en' | 'fr', string> {
  const lang = raw.toLowerCase().split(/[-_]/)[0];
  return lang === 'en' || lang === 'fr' ? ok(lang) : err(`"${raw}" is not a supported locale (expected en or fr)`);
}

const zones = new Map<string, string | null>();

/** An IANA zone, in its canonical spelling ("europe/paris" → "Europe/Paris"). */
export function timeZone(raw: string): Result<string, string> {
  let zone = zones.get(raw);
  if (zone === undefined) {
    zone = null;
    // Intl also takes offsets such as "+01:00" on newer Node versions; a customer's zone must be a place.
    if (/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(raw)) {
      try {
        zone = new Intl.DateTimeFormat('en', { timeZone: raw }).resolvedOptions().timeZone;
      } catch {
        zone = null;
      }
    }
    if (zones.size < 1000) zones.set(raw, zone);
  }
  return zone === null ? err(`"${raw}" is not an IANA time zone (e.g. Europe/Paris)`) : ok(zone);
}

export function email(raw: string): Result<string, string> {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(raw) ? ok(raw) : err(`"${raw}" is not an e-mail address`);
}

/** The highest contractual late-payment rate accepted, percent a year. */
export const MAX_LATE_RATE = 100;

/** A contractual late-payment rate, percent a year (`12.5`, `12,5`, `12.5 %`), as numeric(6,3) text. */
export function lateRate(raw: string): Result<string, string> {
  const parsed = parsePercent(raw, MAX_LATE_RATE);
  if (parsed.ok) return ok(milliToNumeric(parsed.value));
  switch (parsed.error) {
    case 'too_many_decimals': return err(`"${raw}" has more than 3 decimals (e.g. 12.5)`);
    case 'out_of_range': return err(`"${raw}" is more than ${MAX_LATE_RATE} % a year`);
    default: return err(`"${raw}" is not a rate in percent a year (e.g. 12.5, 12,5 or 12.5 %)`);
  }
}

/** A collector is a Slack user: "U012ABCDEF" or the mention form "<@U012ABCDEF>". */
export function slackUser(raw: string): Result<string, string> {
  const id = /^<@([A-Z0-9]+)(\|[^>]*)?>$/.exec(raw)?.[1] ?? raw;
  return /^[UW][A-Z0-9]{2,}$/.test(id) ? ok(id) : err(`"${raw}" is not a Slack user id (e.g. U012ABCDEF)`);
}

/** A debtor's IBAN as printed or pasted (spaces, dots, dashes, any case), its check digits verified; kept compact. */
export function iban(raw: string): Result<string, string> {
  const parsed = parseIban(raw);
  return parsed.ok ? ok(parsed.value) : err(`"${raw}" is not a valid IBAN (e.g. FR76 3000 6000 0112 3456 7890 189)`);
}
