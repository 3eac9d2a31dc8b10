// `/collect plan <case> <n> [every <period>] [from <date>] [<currency>]`,
// `plan <case> cancel` and `plan <case>`, in English and French. After the
// number of instalments the parts may come in any order; each is recognised
// by its own words ("every month", "tous les mois", "monthly", "from 15/12",
// "à partir du 15/12", "EUR"), and a date without "from" is the first due date.
import { parseDate, type IsoDate } from './dates.ts';
import { fail } from './errors.ts';
import { MAX_INSTALMENTS, MIN_INSTALMENTS, type PlanPeriod } from './instalments.ts';
import { isCurrency, type Locale } from './money.ts';
import { ok, type InputError, type Result } from './result.ts';

/** Case lookups a command may try, as for promises. */
export const MAX_PLAN_CASE_SPLITS = 6;
// "mardi 1er décembre 2026", "fin du mois prochain".
const MAX_DATE_WORDS = 5;
// "une semaine sur deux".
const MAX_PERIOD_WORDS = 4;

export interface PlanTerms {
  instalments: number;
  countText: string;
  period: PlanPeriod;
  /** The period as typed; null when it was left to the default (monthly). */
  periodText: string | null;
  /** null: one period from today. */
  firstDueOn: IsoDate | null;
  dateText: string | null;
  /** Upper case; null: the currency the case owes. */
  currency: string | null;
  currencyText: string | null;
}

export type PlanAction = { kind: 'show' } | { kind: 'cancel' } | { kind: 'record'; terms: PlanTerms };

/** Lower case, no accents: what the word tables below are written in. */
const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim();

const CANCEL_WORDS = new Set(['cancel', 'annuler', 'annule', 'annulation', 'stop', 'supprimer']);

const COUNT = /^(?:[x×]\s*)?(\d{1,4})(?:\s*[x×])?$/u;
// Words that may follow the number: "3 instalments", "en 3 fois", "3 mensualités".
const COUNT_NOUNS = new Set([
  'instalments', 'installments', 'instalment', 'installment', 'payments', 'parts', 'times', 'x',
  'fois', 'echeances', 'mensualites', 'versements', 'paiements', 'tranches',
]);

const PERIODS: Readonly<Record<string, PlanPeriod>> = {
  'every week': 'week', 'each week': 'week', weekly: 'week', 'every 7 days': 'week', 'per week': 'week',
  'toutes les semaines': 'week', 'chaque semaine': 'week', 'tous les 7 jours': 'week', 'par semaine': 'week',
  hebdomadaire: 'week', hebdo: 'week', 'une fois par semaine': 'week',
  'every 2 weeks': '2weeks', 'every two weeks': '2weeks', 'every other week': '2weeks', 'every fortnight': '2weeks',
  fortnightly: '2weeks', 'every 14 days': '2weeks', 'toutes les 2 semaines': '2weeks', 'toutes les deux semaines': '2weeks',
  'tous les 15 jours': '2weeks', 'tous les quinze jours': '2weeks', 'tous les 14 jours': '2weeks',
  'une semaine sur deux': '2weeks', 'chaque quinzaine': '2weeks', 'par quinzaine': '2weeks',
  'every month': 'month', 'each month': 'month', monthly: 'month', 'every 1 month': 'month', 'per month': 'month',
  'tous les mois': 'month', 'chaque mois': 'month', 'par mois': 'month',
  mensuel: 'month', mensuelle: 'month', mensuellement: 'month', 'une fois par mois': 'month',
};
/** Words that start a period: what follows them must be one. */
const PERIOD_STARTS = new Set(['every', 'each', 'per', 'tous', 'toutes', 'chaque', 'par']);

const FROM_MARKERS = [
  'starting from', 'starting on', 'starting', 'beginning', 'from', 'first due',
  'a partir du', 'a partir de', 'a compter du', 'a compter de', 'des le', 'des', 'premiere echeance le', 'premiere echeance',
].map((m) => m.split(' '));

const CURRENCY_WORDS: Readonly<Record<string, string>> = { '€': 'EUR', euro: 'EUR', euros: 'EUR', '£': 'GBP' };

/** The currency a word names ("EUR", "usd", "€"), or null. */
function currencyOf(word: string): string | null {
  const upper = word.toUpperCase();
  if (/^[A-Z]{3}$/.test(upper) && isCurrency(upper)) return upper;
  return CURRENCY_WORDS[fold(word)] ?? null;
}

/** How many words starting at `at` spell one of `phrases` (the longest), or 0. */
function matchWords(words: readonly string[], at: number, phrases: readonly string[][]): number {
  let best = 0;
  for (const phrase of phrases) {
    if (phrase.length <= best || at + phrase.length > words.length) continue;
    if (phrase.every((w, i) => fold(words[at + i]!) === w)) best = phrase.length;
  }
  return best;
}

function periodAt(words: readonly string[], at: number): { period: PlanPeriod; used: number } | null {
  for (let used = Math.min(MAX_PERIOD_WORDS, words.length - at); used >= 1; used--) {
    const text = words.slice(at, at + used).map(fold).join(' ');
    if (Object.hasOwn(PERIODS, text)) return { period: PERIODS[text]!, used };
  }
  return null;
}

const isCountWord = (word: string) => COUNT.test(fold(word));
const isCancelWord = (word: string) => CANCEL_WORDS.has(fold(word));

/**
 * Where the case may end, as numbers of leading words, longest first: before
 * each later word that can be the number of instalments or `cancel`, the whole
 * text (`plan <case>` shows the plan) and the first word alone.
 */
export function planCaseSplits(words: readonly string[]): number[] {
  if (words.length === 0) return [];
  const splits = [1, words.length];
  for (let k = 2; k < words.length && splits.length < MAX_PLAN_CASE_SPLITS; k++) {
    if (isCountWord(words[k]!) || isCancelWord(words[k]!)) splits.push(k);
  }
  return [...new Set(splits)].sort((a, b) => b - a);
}

/** The words a person most likely meant as the case: those before the number (or `cancel`), else all of them. */
export function planCaseGuess(words: readonly string[]): string {
  const at = words.findIndex((w, i) => i > 0 && (isCountWord(w) || isCancelWord(w)));
  return words.slice(0, at > 0 ? at : words.length).join(' ');
}

export interface PlanArgsOptions {
  locale: Locale;
  today: IsoDate;
}

/** What follows the case: nothing (show the plan), `cancel`, or the terms of a new plan. */
export function parsePlanArgs(words: readonly string[], opts: PlanArgsOptions): Result<PlanAction> {
  if (words.length === 0) return ok({ kind: 'show' });
  if (words.length === 1 && isCancelWord(words[0]!)) return ok({ kind: 'cancel' });
  const terms = parsePlanTerms(words, opts);
  return terms.ok ? ok({ kind: 'record', terms: terms.value }) : terms;
}

/** The number of instalments first, then the period, the first due date and the currency in any order. */
export function parsePlanTerms(words: readonly string[], opts: PlanArgsOptions): Result<PlanTerms> {
  const countText = words[0] ?? '';
  const count = COUNT.exec(fold(countText));
  if (!count) return fail('plan.bad_count', countText, { min: MIN_INSTALMENTS, max: MAX_INSTALMENTS });
  const instalments = Number(count[1]);
  if (instalments < MIN_INSTALMENTS || instalments > MAX_INSTALMENTS) {
    return fail('plan.count_out_of_range', countText, { min: MIN_INSTALMENTS, max: MAX_INSTALMENTS });
  }
  const terms: PlanTerms = {
    instalments, countText, period: 'month', periodText: null, firstDueOn: null, dateText: null, currency: null, currencyText: null,
  };
  let at = words[1] !== undefined && COUNT_NOUNS.has(fold(words[1])) ? 2 : 1;
  while (at < words.length) {
    const word = words[at]!;
    const period = periodAt(words, at);
    if (period) {
      const text = words.slice(at, at + period.used).join(' ');
      if (terms.periodText !== null) return fail('plan.repeated', text);
      Object.assign(terms, { period: period.period, periodText: text });
      at += period.used;
      continue;
    }
    if (PERIOD_STARTS.has(fold(word))) return fail('plan.bad_period', words.slice(at, nextPart(words, at + 1, 3)).join(' '));
    const currency = currencyOf(word);
    if (currency) {
      if (terms.currency !== null) return fail('plan.repeated', word);
      Object.assign(terms, { currency, currencyText: word });
      at += 1;
      continue;
    }
    const marker = matchWords(words, at, FROM_MARKERS);
    const dateAt = at + marker;
    if (marker > 0 && dateAt >= words.length) return fail('plan.missing_date', words.slice(at).join(' '));
    const date = dateRun(words, dateAt, opts);
    if (!date.ok) {
      // Without a marker, words that are no date are simply not understood.
      if (marker === 0 && date.error.code === 'date.unparseable') return fail('plan.unknown_words', words.slice(at).join(' '));
      return date;
    }
    if (terms.dateText !== null) return fail('plan.repeated', words.slice(at, dateAt + date.value.used).join(' '));
    Object.assign(terms, { firstDueOn: date.value.date, dateText: date.value.text });
    at = dateAt + date.value.used;
  }
  return ok(terms);
}

/** Where the words of one part end: before the next period, currency or date marker, at most `max` words on. */
function nextPart(words: readonly string[], from: number, max: number): number {
  let end = from;
  while (end < words.length && end < from + max) {
    const w = words[end]!;
    if (PERIOD_STARTS.has(fold(w)) || periodAt(words, end) || currencyOf(w) || matchWords(words, end, FROM_MARKERS) > 0) break;
    end++;
  }
  return end;
}

/**
 * The longest run of words from `at` that reads as a date from today on. When
 * none does, the error quotes the words up to the next part: the most specific
 * error of the runs ("is in the past"), else "not a date".
 */
function dateRun(words: readonly string[], at: number, opts: PlanArgsOptions): Result<{ date: IsoDate; used: number; text: string }> {
  const end = nextPart(words, at + 1, MAX_DATE_WORDS - 1);
  let specific: InputError | null = null;
  for (let used = Math.min(MAX_DATE_WORDS, words.length - at); used >= 1; used--) {
    const text = words.slice(at, at + used).join(' ');
    const read = parseDate(text, { locale: opts.locale, today: opts.today, future: true });
    if (read.ok) return ok({ date: read.value, used, text });
    if (read.error.code !== 'date.unparseable' && used <= end - at) specific = read.error;
  }
  return specific ? { ok: false, error: specific } : fail('date.unparseable', words.slice(at, Math.max(end, at + 1)).join(' '));
}
