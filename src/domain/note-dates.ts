// Dates inside a free-text call note ("ok pour 1200 vendedi par vir.", "paid
// it friday", "rappeler lundi prochain"). parseDate reads one date typed on
// its own; this finder slides over the note's words, hands parseDate every
// short run of words that could be a date (longest first) and keeps the runs
// that read. What parseDate does not read, and a note does, is added here
// rather than in parseDate: typos and chat abbreviations ("vendedi",
// "tmorow", "eow", "fds", "sous 8 jours"), "friday next week", "mi-décembre",
// and the two readings of a date whose direction the note decides ("le 10"
// is the next 10th for a promise, the last one for a payment claimed).
// Pure: no I/O, no clock.
import { addDays, endOfMonth, weekdayOf, ymd, type IsoDate } from './calendar.ts';
import { parseDate } from './date-input.ts';

export interface NoteDateContext {
  today: IsoDate;
  locale: 'en' | 'fr';
}

/** A run of the note's words that reads as a date, and its two readings. */
export interface DateSpan {
  /** Offsets in the note (end exclusive). */
  start: number;
  end: number;
  /** The words as the finder saw them (folded). */
  text: string;
  /** The reading from today on (a promise's date): null when the words only read as a past day ("hier"). */
  ahead: IsoDate | null;
  /** The reading up to today (a payment claimed): the last such weekday, the last 10th; null for "demain". */
  back: IsoDate | null;
}

/** A word of the note with its offsets, trailing punctuation left out. */
export interface NoteToken {
  word: string;
  start: number;
  end: number;
}

/** The note's words, split on spaces, without the punctuation that ends or opens them ("vir.", "(ok", "12/11,"). */
export function noteTokens(text: string): NoteToken[] {
  const out: NoteToken[] = [];
  for (const m of text.matchAll(/\S+/g)) {
    let start = m.index;
    let end = start + m[0].length;
    while (start < end && /[("'«“[]/.test(text[start] ?? '')) start++;
    while (end > start && /[)"'»”\],.;:!?…]/.test(text[end - 1] ?? '')) end--;
    if (end > start) out.push({ word: text.slice(start, end), start, end });
  }
  return out;
}

// ------------------------------------------------------------ what parseDate misses

/** Chat spellings of words parseDate knows. */
const ALIASES: Readonly<Record<string, string>> = {
  tmorow: 'tomorrow', tmoro: 'tomorrow', tomoro: 'tomorrow', tomorow: 'tomorrow', tommorow: 'tomorrow', tommorrow: 'tomorrow',
  '2moro': 'tomorrow', '2morrow': 'tomorrow', tmrrw: 'tomorrow', dem1: 'demain',
  eow: 'end of week', fds: 'fin de semaine', eom: 'end of month', fdm: 'fin du mois',
  // "sous 8 jours" is "within 8 days": parseDate reads "dans 8 jours".
  sous: 'dans', under: 'within', ds: 'dans',
};

/** Weekday names long enough that one typo ("vendedi", "thursay") cannot be another word. */
const LONG_WEEKDAYS: Readonly<Record<string, number>> = {
  monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7,
  mercredi: 3, vendredi: 5, samedi: 6, dimanche: 7,
};

/** Short weekday abbreviations that are ordinary words in the other language ("mon" ami, "sam" the debtor). */
const FOREIGN_SHORT: Readonly<Record<'en' | 'fr', readonly string[]>> = {
  en: ['lun', 'mar', 'mer', 'jeu', 'ven', 'sam', 'dim'],
  fr: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
};

/** Words that parseDate reads as today but that, in a note, say "not now" ("pas possible mtn", "can't pay now"). */
const NOT_A_DATE = new Set(['now', 'maintenant', 'mtn']);

/**
 * Runs chrono-node reads as a day but a note does not: a duration ("a week",
 * "for 8 weeks", "pendant 5 mois": a plan's length) and a past or current
 * period ("last week", "cette semaine", "ce mois-ci": no day is named).
 */
const NOT_A_DAY = [
  /^(?:last|this|past|cette|la|ce|le)\s+(?:week|month|year|semaine|sem|mois(?:-ci)?|annee)(?:\s+(?:derniere|dernier|passee|passe|-ci))?$/,
  /^(?:la\s+)?semaine\s+(?:derniere|passee)$|^(?:le\s+)?mois\s+(?:dernier|passe)$/,
];
const UNIT = String.raw`(?:weeks?|wks?|days?|months?|mo|years?|semaines?|sem|jours?|j|mois|ans?)\b`;
/** "a week", "8 weeks", "pendant 5 mois": a length, not a day … */
const DURATION = new RegExp(String.raw`(?:^|\s)(?:a|an|one|un|une|for|pendant|per|par|\d+)\s*${UNIT}`);
/** … unless counted from today: "in 2 weeks", "dans 8 jours", "sous 8 jours", "within 10 days". */
const FROM_TODAY = new RegExp(String.raw`(?:^|\s)(?:in|dans|within|d'ici|sous|under)\s+(?:\d+|a|an|one|un|une)\s*${UNIT}`);

function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  // Substitution, deletion, insertion, or two letters swapped.
  return a.slice(i + 1) === b.slice(i + 1) || a.slice(i) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i)
    || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
}

/** The word parseDate should see: an alias, a weekday with one typo, or the word itself. */
function spell(word: string): string {
  const alias = ALIASES[word];
  if (alias !== undefined) return alias;
  if (word.length >= 5 && !Object.hasOwn(LONG_WEEKDAYS, word)) {
    const near = Object.keys(LONG_WEEKDAYS).find((name) => oneEditApart(word, name));
    if (near !== undefined) return near;
  }
  return word;
}

const WEEKDAY_NAMES: Readonly<Record<string, number>> = {
  ...LONG_WEEKDAYS, mon: 1, tue: 2, tues: 2, wed: 3, thu: 4, thur: 4, thurs: 4, fri: 5, sat: 6, sun: 7,
  lundi: 1, lun: 1, mardi: 2, mar: 2, mer: 3, jeudi: 4, jeu: 4, ven: 5, sam: 6, dim: 7,
};

const mondayOf = (d: IsoDate) => addDays(d, 1 - weekdayOf(d));

/** "friday next week", "vendredi de la semaine prochaine", "vendredi semaine pro": that day in next week. */
function weekdayNextWeek(phrase: string, today: IsoDate): IsoDate | null {
  const m = /^(\p{L}+) (?:next week|of next week|de la semaine prochaine|semaine prochaine|la semaine prochaine|semaine pro)$/u.exec(phrase);
  const day = m ? WEEKDAY_NAMES[m[1] ?? ''] : undefined;
  return day === undefined ? null : addDays(mondayOf(today), 7 + day - 1);
}

const MID_MONTH = /^(?:mi|mid|mi-|mid-)\s?(\p{L}+)$/u;

/** "mi-décembre", "mid december", "mid-dec": the 15th of that month (its next one from today). */
function midMonth(phrase: string, ctx: NoteDateContext): IsoDate | null {
  const m = MID_MONTH.exec(phrase);
  if (!m) return null;
  const r = parseDate(`15 ${m[1] ?? ''}`, { locale: ctx.locale, today: ctx.today, future: true });
  return r.ok ? r.value : null;
}

/** A weekday alone ("friday", "ce vendredi"): for a payment claimed it is the last one before today. */
function lastWeekday(phrase: string, today: IsoDate): IsoDate | null {
  const m = /^(?:on |ce |this |le )?(\p{L}+)$/u.exec(phrase);
  const day = m ? WEEKDAY_NAMES[m[1] ?? ''] : undefined;
  if (day === undefined) return null;
  const diff = day - weekdayOf(today);
  return addDays(today, diff < 0 ? diff : diff - 7);
}

/**
 * French shorthands rewritten to what parseDate reads: "semaine pro" is
 * "semaine prochaine"; "sous quinzaine" / "sous huitaine" are 15 and 8 days,
 * as French business letters count them ("mardi en huit" below is an idiom
 * for a week later, a different thing).
 */
function frenchShorthand(phrase: string): string {
  return phrase
    .replace(/^((?:la )?semaine|(?:le )?mois) pro$/, (_, w: string) => (w.endsWith('semaine') ? `${w} prochaine` : `${w} prochain`))
    .replace(/^(?:dans|d'ici) (?:une )?(quinzaine|huitaine)$/, (_, w: string) => `dans ${w === 'quinzaine' ? 15 : 8} jours`);
}

/**
 * "mardi en huit", "lundi en 15": the first such day from today on (today
 * included), a week (two) later. Said on a Wednesday, "mardi en huit" is not
 * the coming Tuesday but the one after it, and "mercredi en huit" is today + 7.
 */
function weekdayEnHuit(phrase: string, today: IsoDate): IsoDate | null {
  const m = /^(?:ce |le )?(\p{L}+) en (huit|8|quinze|15)$/u.exec(phrase);
  const day = m ? WEEKDAY_NAMES[m[1] ?? ''] : undefined;
  if (day === undefined) return null;
  const weeks = m?.[2] === 'huit' || m?.[2] === '8' ? 1 : 2;
  return addDays(today, ((day - weekdayOf(today) + 7) % 7) + 7 * weeks);
}

/**
 * "debut decembre", "debut de janvier", "debut du mois prochain", "debut
 * semaine pro": the first day of that month (its next one from today) or
 * the Monday of next week. "debut du mois" alone is the next 1st.
 */
function startOf(phrase: string, ctx: NoteDateContext): IsoDate | null {
  const m = /^(?:au |en )?debut (?:de |du |d')?(?:la )?(.+)$/.exec(phrase);
  if (!m) return null;
  const what = m[1] ?? '';
  const { today } = ctx;
  if (/^semaine (?:prochaine|pro)$/.test(what)) return addDays(mondayOf(today), 7);
  if (/^mois (?:prochain|pro)$/.test(what)) return addDays(endOfMonth(today), 1);
  if (what === 'mois') return ymd(today)[2] === 1 ? today : addDays(endOfMonth(today), 1);
  if (!/^\p{L}+$/u.test(what)) return null;
  const r = parseDate(`1 ${what}`, { locale: ctx.locale, today, future: true });
  return r.ok ? r.value : null;
}

/** Words before a date that keep its day: "d'ici vendredi", "avant le 10", "avant la fin du mois". */
const BEFORE = new Set(["d'ici", 'avant']);

// ------------------------------------------------------------ reading one run

/** A word that makes a run an amount rather than a date: a currency, "2k", a number of 3 digits or more that is no year. */
function amountWord(word: string): boolean {
  if (/[€$£¥]/u.test(word) || /^\d+(?:[.,]\d+)?k\d*$/.test(word)) return true;
  if (/^\d{1,3}(?:[.,]\d{3})+/.test(word) && !/^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/.test(word)) return true;
  return /^\d+$/.test(word) && word.length >= 3 && !/^(?:19|20|21)\d\d$/.test(word);
}

type Readings = { ahead: IsoDate | null; back: IsoDate | null };

/**
 * Both readings of a run of words, or null when it is no date. A run opened by
 * "d'ici" or "avant" (and "la") that does not read as a whole ("avant-hier"
 * does) reads as the words after them.
 */
function readRun(words: readonly string[], ctx: NoteDateContext): Readings | null {
  const whole = readWords(words, ctx);
  if (whole || words.length < 2 || !BEFORE.has(words[0] ?? '')) return whole;
  return readWords(words.slice(words[1] === 'la' && words.length > 2 ? 2 : 1), ctx);
}

/** Both readings of a run of (spelled) words, or null when it is no date. */
function readWords(words: readonly string[], ctx: NoteDateContext): Readings | null {
  if (words.some((w) => amountWord(w) || NOT_A_DATE.has(w))) return null;
  const phrase = frenchShorthand(words.map(spell).join(' '));
  if (NOT_A_DAY.some((re) => re.test(phrase)) || (DURATION.test(phrase) && !FROM_TODAY.test(phrase))) return null;
  // A number alone ("15th", "1er", "2e") is a count or an ordinal unless "le", "the", "on" mark it;
  // "for 8", "pour 3" count too.
  if (/^(?:(?:for|pour|by|until|till)\s+)?\d{1,2}(?:st|nd|rd|th|er|ere|eme|e)?$/.test(phrase) && !/^(?:by|until|till)\s+\d{1,2}(?:st|nd|rd|th|er)$/.test(phrase)) return null;
  if (words.length === 1 && FOREIGN_SHORT[ctx.locale].includes(phrase)) return null;
  const nextWeek = weekdayNextWeek(phrase, ctx.today);
  if (nextWeek) return { ahead: nextWeek, back: null };
  const mid = midMonth(phrase, ctx);
  if (mid) return { ahead: mid, back: null };
  const inAWeek = weekdayEnHuit(phrase, ctx.today);
  if (inAWeek) return { ahead: inAWeek, back: null };
  const start = startOf(phrase, ctx);
  if (start) return { ahead: start, back: null };
  const opts = { locale: ctx.locale, today: ctx.today };
  const ahead = parseDate(phrase, { ...opts, future: true });
  const near = parseDate(phrase, opts);
  const weekdayBack = lastWeekday(phrase, ctx.today);
  const back = weekdayBack ?? (near.ok && near.value <= ctx.today ? near.value : null);
  if (!ahead.ok && back === null) return null;
  return { ahead: ahead.ok ? ahead.value : null, back };
}

/** Longest run tried: "vendredi de la semaine prochaine", "fin du mois prochain". */
const MAX_RUN = 5;

/** A run followed by "fois", "times" ("2e fois", "3rd time") counts occurrences, not days. */
const COUNTING = /^\s*(?:fois|time|times)\b/;

/**
 * Every run of words in `text` that reads as a date, left to right; at each
 * word the longest run wins and the search goes on after it. `text` is the
 * note folded to lower case without accents (same length as the note, so
 * offsets point into the note as typed).
 */
export function findDates(text: string, ctx: NoteDateContext): DateSpan[] {
  const tokens = noteTokens(text);
  const spans: DateSpan[] = [];
  for (let i = 0; i < tokens.length;) {
    let found: DateSpan | null = null;
    let used = 0;
    for (let n = Math.min(MAX_RUN, tokens.length - i); n >= 1 && !found; n--) {
      const run = tokens.slice(i, i + n);
      const first = run[0]!;
      const last = run[n - 1]!;
      if (COUNTING.test(text.slice(last.end))) continue;
      const read = readRun(run.map((t) => t.word), ctx);
      if (read) {
        found = { start: first.start, end: last.end, text: text.slice(first.start, last.end), ...read };
        used = n;
      }
    }
    if (found) spans.push(found);
    i += found ? used : 1;
  }
  return spans;
}

/** Every date the note names or implies, each reading once, with the words it was read from. */
export function datesOf(spans: readonly DateSpan[], note: string): { date: IsoDate; text: string }[] {
  const out: { date: IsoDate; text: string }[] = [];
  for (const s of spans) {
    for (const date of [s.ahead, s.back]) {
      if (date !== null && !out.some((o) => o.date === date && o.text === note.slice(s.start, s.end))) {
        out.push({ date, text: note.slice(s.start, s.end) });
      }
    }
  }
  return out;
}
