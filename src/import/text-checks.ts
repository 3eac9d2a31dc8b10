// Checks every imported value and header cell gets before anything else looks
// at it: characters that would act rather than show where the value is later
// displayed (a terminal, a Slack modal), and lengths an index or a message
// line cannot take. Messages quote values in a form safe to print.
import { CONTROL_CLASS, firstControl, replaceControls } from '../domain/control-characters.ts';

/** Longest value per column, in characters: keys stay far inside PostgreSQL's index limit, names fit a line. */
const MAX_CHARS: Readonly<Record<string, number>> = {
  customer_ref: 64,
  invoice_number: 64,
  // A SEPA transfer's remittance information is at most 140 characters; some banks' exports use it as the reference.
  reference: 140,
  name: 200,
  // The longest address SMTP can carry (RFC 5321).
  email: 254,
  phone: 40,
  company_id: 32,
};

/**
 * Every other column (kind, locale, timezone, owner, currency, dates, amounts)
 * has a format that refuses far shorter wrong values; this bound keeps what an
 * error quotes, and what the staging table receives, small.
 */
const MAX_CODE_CHARS = 64;

const MAX_COLUMN_NAME_CHARS = 100;

export const maxChars = (column: string): number => MAX_CHARS[column] ?? MAX_CODE_CHARS;

// Stored identifiers and names take none of the control characters
// (control-characters.ts), not even a tab or a line break. U+FFFD is what
// invalid UTF-8 decodes to: a file saved in another encoding (often Windows-1252).
const UNWANTED = new RegExp(`[${CONTROL_CLASS}\\ufffd]`);

const NAMES: Readonly<Record<number, string>> = {
  0x00: 'NUL', 0x07: 'bell', 0x08: 'backspace', 0x09: 'tab', 0x0a: 'line break', 0x0b: 'vertical tab',
  0x0c: 'form feed', 0x0d: 'carriage return', 0x1b: 'escape', 0x7f: 'delete',
  0x2028: 'line separator', 0x2029: 'paragraph separator',
  0x202a: 'left-to-right embedding', 0x202b: 'right-to-left embedding', 0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override', 0x202e: 'right-to-left override',
  0x2066: 'left-to-right isolate', 0x2067: 'right-to-left isolate', 0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
};

const codePoint = (ch: string): string => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

function describe(ch: string): string {
  const name = NAMES[ch.codePointAt(0) ?? -1];
  return `the control character ${codePoint(ch)}${name ? ` (${name})` : ''}`;
}

/** Values longer than this are quoted by their beginning only. */
const QUOTE_WHOLE = 40;
const QUOTE_START = 20;

/** The text with control characters spelled out as <U+001B>-style code points, safe to print on a terminal or in Slack. */
export const spellControls = (text: string): string => replaceControls(text, (ch) => `<${codePoint(ch)}>`);

/** The value as a message may quote it: shortened, and with control characters spelled out. */
export function quotable(value: string): string {
  let text = value;
  if (text.length > QUOTE_WHOLE) {
    const chars = Array.from(text);
    if (chars.length > QUOTE_WHOLE) text = `${chars.slice(0, QUOTE_START).join('')}…`;
  }
  return spellControls(text);
}

/** Characters, not UTF-16 units: an emoji counts once. */
function charCount(value: string): number {
  let n = 0;
  for (const _ of value) n += 1;
  return n;
}

export interface TextProblem {
  reason: string;
  /** The value as quoted in the reason. */
  quoted: string;
}

/** Why a (trimmed, non-empty) value cannot be imported, or null. Runs on every cell: the usual case is one regex test. */
export function textProblem(value: string, max: number): TextProblem | null {
  const unwanted = UNWANTED.exec(value)?.[0];
  if (unwanted !== undefined) {
    const quoted = quotable(value);
    return unwanted === '\uFFFD'
      ? { quoted, reason: `"${quoted}" contains characters that are not UTF-8 (save the file as "CSV UTF-8")` }
      : { quoted, reason: `"${quoted}" contains ${describe(unwanted)}; remove it` };
  }
  if (value.length > max) {
    const length = charCount(value);
    if (length > max) {
      const quoted = quotable(value);
      return { quoted, reason: `"${quoted}" is too long (${length} characters; at most ${max})` };
    }
  }
  return null;
}

/** Why a header cell makes the file unreadable, or null: its names end up in reports and messages. */
export function headerCellProblem(cell: string): string | null {
  const value = cell.replace(/^\uFEFF/, '').trim();
  const control = firstControl(value);
  if (control !== undefined) return `the header cell "${quotable(value)}" contains ${describe(control)}; fix the header row`;
  const length = value.length > MAX_COLUMN_NAME_CHARS ? charCount(value) : 0;
  if (length > MAX_COLUMN_NAME_CHARS) {
    return `the header cell "${quotable(value)}" is too long to be a column name (${length} characters; at most ${MAX_COLUMN_NAME_CHARS})`;
  }
  return null;
}
