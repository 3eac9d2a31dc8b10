// The creditor's identity as letters print it (SPEC §2 "Formal notice letter",
// CPCE R124-4): name, address, company id, bank account and signatory, typed by
// an admin with `/collect settings set creditor_<…> <value>`. Identifiers carry
// check digits, so a typo is refused here rather than printed on a letter that
// asks a debtor to pay into a wrong account.
import { fail } from './errors.ts';
import { ok, type Result } from './result.ts';

// ------------------------------------------------------------------------ IBAN

/** ISO 13616 registry: the length of each country's IBAN. */
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27, BR: 29, BY: 28, CH: 21, CR: 22, CY: 28,
  CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FK: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23,
  GL: 18, GR: 27, GT: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32,
  LI: 21, LT: 20, LU: 20, LV: 21, LY: 25, MC: 27, MD: 24, ME: 22, MK: 19, MN: 20, MR: 27, MT: 31, MU: 30, NI: 28, NL: 18,
  NO: 15, OM: 23, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, RU: 33, SA: 24, SC: 31, SD: 18, SE: 24, SI: 19,
  SK: 24, SM: 27, SO: 23, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26, UA: 29, VA: 22, VG: 24, XK: 20, YE: 30,
};

/** Spaces, dashes and dots people copy from statements, removed; letters upper case. */
const compact = (input: string) => input.replace(/[\s.\-\u00a0\u202f]/g, '').toUpperCase();

/** ISO 7064 mod 97-10 over the IBAN moved round, letters as 10…35: 1 for a valid IBAN. */
function ibanRemainder(iban: string): number {
  const moved = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of moved) {
    const digits = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const d of digits) remainder = (remainder * 10 + Number(d)) % 97;
  }
  return remainder;
}

/** `FR76 3000 6000 0112 3456 7890 189` as typed or pasted → `FR7630006000011234567890189`, its check digits verified. */
export function parseIban(input: string): Result<string> {
  const iban = compact(input.replace(/^IBAN\s*:?\s*/i, ''));
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return fail('settings.not_an_iban', input);
  const country = iban.slice(0, 2);
  const expected = IBAN_LENGTHS[country];
  if (expected !== undefined && iban.length !== expected) {
    return fail('settings.iban_length', input, { country, expected, length: iban.length });
  }
  if (ibanRemainder(iban) !== 1) return fail('settings.iban_checksum', input);
  return ok(iban);
}

/** In groups of four, as printed on statements and letters. */
export const formatIban = (iban: string): string => iban.replace(/(.{4})(?=.)/g, '$1 ');

// ------------------------------------------------------------------------- BIC

/** ISO 9362: bank (4 letters), country (2), location (2), optional branch (3). */
export function parseBic(input: string): Result<string> {
  const bic = compact(input.replace(/^(?:BIC|SWIFT)\s*:?\s*/i, ''));
  return /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}(?:[A-Z0-9]{3})?$/.test(bic) ? ok(bic) : fail('settings.not_a_bic', input);
}

// ------------------------------------------------------------------ company id

export type CompanyIdKind = 'siren' | 'siret' | 'vat';

export interface CompanyId {
  kind: CompanyIdKind;
  /** Digits only for SIREN and SIRET, the compact number for VAT (`FR40303265045`). */
  value: string;
}

/** The Luhn check SIREN and SIRET numbers carry. */
function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

// La Poste's establishments share one SIREN and do not follow Luhn: their SIRET digits sum to a multiple of 5.
const LA_POSTE = '356000000';
const digitSum = (digits: string) => [...digits].reduce((s, d) => s + Number(d), 0);

/** The French VAT key of a SIREN: (12 + 3 × (SIREN mod 97)) mod 97, on two digits. */
export const frenchVatKey = (siren: string): string => String((12 + 3 * (Number(siren) % 97)) % 97).padStart(2, '0');

/**
 * A SIREN (9 digits), a SIRET (14 digits) or an EU VAT number (`FR40303265045`,
 * `DE123456789`), spaces allowed. SIREN and SIRET are Luhn-checked, a French
 * VAT number's key is checked against its SIREN; other countries' VAT numbers
 * only for their shape.
 */
export function parseCompanyId(input: string): Result<CompanyId> {
  const text = compact(input.replace(/^(?:SIREN|SIRET|TVA|VAT|N°\s*TVA)\s*:?\s*/i, ''));
  if (/^\d{9}$/.test(text)) return luhn(text) ? ok({ kind: 'siren', value: text }) : fail('settings.company_id_checksum', input, { kind: 'SIREN' });
  if (/^\d{14}$/.test(text)) {
    const valid = text.startsWith(LA_POSTE) ? digitSum(text) % 5 === 0 : luhn(text);
    return valid ? ok({ kind: 'siret', value: text }) : fail('settings.company_id_checksum', input, { kind: 'SIRET' });
  }
  const french = /^FR([0-9A-Z]{2})(\d{9})$/.exec(text);
  if (french) {
    const [, key, siren] = french as unknown as [string, string, string];
    // Keys with letters are issued to some companies and cannot be recomputed.
    const valid = /\D/.test(key) || (key === frenchVatKey(siren) && luhn(siren));
    return valid ? ok({ kind: 'vat', value: text }) : fail('settings.company_id_checksum', input, { kind: 'VAT' });
  }
  if (/^(?:[A-Z]{2}|EL)[0-9A-Z]{2,12}$/.test(text) && /\d/.test(text.slice(2))) return ok({ kind: 'vat', value: text });
  return fail('settings.not_a_company_id', input);
}

/** What a stored id is (the setting stores the compact value). */
export function companyIdOf(value: string): CompanyId {
  if (/^\d{9}$/.test(value)) return { kind: 'siren', value };
  if (/^\d{14}$/.test(value)) return { kind: 'siret', value };
  return { kind: 'vat', value };
}

/** `732 829 320`, `732 829 320 00074`, `FR40303265045`. */
export function formatCompanyId(id: CompanyId): string {
  if (id.kind === 'siren') return id.value.replace(/^(\d{3})(\d{3})(\d{3})$/, '$1 $2 $3');
  if (id.kind === 'siret') return id.value.replace(/^(\d{3})(\d{3})(\d{3})(\d{5})$/, '$1 $2 $3 $4');
  return id.value;
}

// ----------------------------------------------------------------------- texts

/** A name, an address, a signatory: one line as Slack sends it, at most `max` characters. */
export function parseCreditorText(input: string, max: number): Result<string> {
  const text = input.replace(/\s+/g, ' ').trim();
  if (text.length > max) return fail('settings.text_too_long', `${text.slice(0, 40)}…`, { max, length: text.length });
  return ok(text);
}

export const CREDITOR_TEXT_MAX = { name: 120, address: 300, signatory: 120 } as const;

/**
 * An address typed on one line, as the lines of a letter: split at `;` or
 * ` / ` when the admin used them, else at commas — a comma right after a house
 * number ("12, rue de la Paix") stays in its line.
 */
export function addressLines(address: string): string[] {
  const explicit = /;|\s\/\s/.test(address);
  const parts = address.split(explicit ? /\s*(?:;|\s\/\s)\s*/ : /\s*,\s*/).filter((p) => p !== '');
  if (explicit) return parts;
  const lines: string[] = [];
  for (const part of parts) {
    const last = lines.at(-1);
    if (last !== undefined && /^\d+\s?(?:bis|ter|quater|[a-z])?$/i.test(last)) lines[lines.length - 1] = `${last}, ${part}`;
    else lines.push(part);
  }
  return lines;
}
