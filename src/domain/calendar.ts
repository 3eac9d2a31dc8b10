// Calendar dates as 'YYYY-MM-DD' strings. Ledger dates (issue, due, paid,
// promised) have no time zone, so they are never turned into local Date
// objects: arithmetic runs on day numbers since 1970-01-01, in UTC, which has
// no DST and gives the same answer on every server.

/** A calendar date, 'YYYY-MM-DD'. */
export type IsoDate = string;

const DAY_MS = 86_400_000;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

/** Whether the three numbers name a real day (31 April does not). */
export const isValidDay = (year: number, month: number, day: number): boolean =>
  Number.isInteger(year) && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);

export function isIsoDate(value: unknown): value is IsoDate {
  const m = typeof value === 'string' ? ISO.exec(value) : null;
  return m !== null && isValidDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** [year, month 1-12, day]; throws on a malformed date, which is a programming error here. */
export function ymd(date: IsoDate): [number, number, number] {
  if (!isIsoDate(date)) throw new RangeError(`not an ISO date: ${String(date)}`);
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function isoDate(year: number, month: number, day: number): IsoDate {
  if (!isValidDay(year, month, day) || year < 0 || year > 9999) throw new RangeError(`no such day: ${year}-${month}-${day}`);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function toDayNumber(date: IsoDate): number {
  const [y, m, d] = ymd(date);
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d); // unlike Date.UTC, keeps years 0–99 as they are
  return Math.round(t.getTime() / DAY_MS);
}

function fromDayNumber(n: number): IsoDate {
  const t = new Date(n * DAY_MS);
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

export const addDays = (date: IsoDate, n: number): IsoDate => fromDayNumber(toDayNumber(date) + n);

/** Calendar days from `from` to `to` (`to − from`): negative when `to` is earlier. */
export const daysBetween = (from: IsoDate, to: IsoDate): number => toDayNumber(to) - toDayNumber(from);

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export const weekdayOf = (date: IsoDate): number => ((((toDayNumber(date) + 3) % 7) + 7) % 7) + 1;

/** Adds calendar months; a day that the target month lacks becomes its last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: IsoDate, n: number): IsoDate {
  const [y, m, d] = ymd(date);
  const index = y * 12 + (m - 1) + n;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return isoDate(year, month, Math.min(d, daysInMonth(year, month)));
}

/** Adds years; 29 February becomes 28 February in a common year. */
export const addYears = (date: IsoDate, n: number): IsoDate => addMonths(date, 12 * n);

export function endOfMonth(date: IsoDate): IsoDate {
  const [y, m] = ymd(date);
  return isoDate(y, m, daysInMonth(y, m));
}
