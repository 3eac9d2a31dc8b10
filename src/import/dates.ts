// CSV dates: strict ISO (2026-01-31) or the French dd/mm/yyyy (31/01/2026).
// Never words, never mm/dd: a file is data, not a conversation.
import { isValidDay, type IsoDate } from '../domain/dates.ts';
import { err, ok, type Result } from '../domain/result.ts';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const FRENCH = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
// A year outside this range is a typo ("0226", "20026"), not an old invoice.
const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

// Exports repeat the same few hundred dates; remembering them saves most of the work.
const cache = new Map<string, IsoDate | null>();
const CACHE_LIMIT = 20_000;

/** `YYYY-MM-DD`, or null when the text is not a real calendar date in one of the two formats. */
export function parseCsvDate(raw: string): IsoDate | null {
  const hit = cache.get(raw);
  if (hit !== undefined) return hit;
  const value = parse(raw);
  if (cache.size < CACHE_LIMIT) cache.set(raw, value);
  return value;
}

function parse(raw: string): IsoDate | null {
  let m = ISO.exec(raw);
  let y: number, mo: number, d: number;
  if (m) {
    y = Number(m[1]); mo = Number(m[2]); d = Number(m[3]);
  } else if ((m = FRENCH.exec(raw))) {
    d = Number(m[1]); mo = Number(m[2]); y = Number(m[3]);
  } else {
    return null;
  }
  if (y < MIN_YEAR || y > MAX_YEAR || !isValidDay(y, mo, d)) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function csvDate(raw: string): Result<IsoDate, string> {
  const value = parseCsvDate(raw);
  return value === null ? err(`"${raw}" is not a valid date (expected YYYY-MM-DD or dd/mm/yyyy)`) : ok(value);
}
