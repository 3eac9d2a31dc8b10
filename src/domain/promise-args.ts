// `/collect promise <case> <amount> <date> [note…]`. The case, the amount and
// the date may each be several words ("Société Générale", "1 200,50 €", "fin du
// mois"), so the words are split where they read: the case ends before a word
// that can start an amount (the command tries those places, longest case
// first, against the ledger), the amount is the longest run of words that
// reads as one, the date the longest run after it, and the rest is the note.
import { parseDate, type IsoDate } from './dates.ts';
import { isCurrency, parseAmount, type Locale, type Money } from './money.ts';
import { err, ok, type InputError, type Result } from './result.ts';

/** Case lookups a command may try; the earliest places win when a note has many numbers. */
export const MAX_CASE_SPLITS = 6;
const MAX_AMOUNT_WORDS = 3;
// "mardi 1 décembre 2026", "the day after tomorrow", "fin du mois prochain".
const MAX_DATE_WORDS = 5;

/** "1200", "-50", "€1,200", "+20", ".5", "$", "EUR": a word an amount can start with. */
export function canStartAmount(word: string): boolean {
  return /^[-−–+]?\p{Sc}*[.,]?\d/u.test(word) || /^\p{Sc}+$/u.test(word) || (/^[A-Z]{3}$/.test(word) && isCurrency(word));
}

/**
 * Where the case may end, as numbers of leading words, longest first: before
 * each later word that can start an amount, the whole text (a case with no
 * amount after it, which the command then asks for) and the first word alone
 * (a reference followed by an amount that does not read, which is then quoted).
 */
export function caseSplits(words: readonly string[]): number[] {
  if (words.length === 0) return [];
  const splits = [1, words.length];
  for (let k = 2; k < words.length && splits.length < MAX_CASE_SPLITS; k++) {
    if (canStartAmount(words[k] ?? '')) splits.push(k);
  }
  return [...new Set(splits)].sort((a, b) => b - a);
}

/** The words a person most likely meant as the case: those before the first amount, else the first one. */
export function caseGuess(words: readonly string[]): string {
  const amountAt = words.findIndex((w, i) => i > 0 && canStartAmount(w));
  return words.slice(0, amountAt > 0 ? amountAt : 1).join(' ');
}

export interface PromiseTermsInput {
  amount: Money;
  /** Whether the text named the currency ("1200 €", "USD 50"); otherwise it is the default's. */
  currencyGiven: boolean;
  amountText: string;
  dueOn: IsoDate;
  dateText: string;
  note: string | null;
}

export type PromiseTermsError =
  | { kind: 'input'; error: InputError }
  | { kind: 'missing_amount' }
  | { kind: 'missing_date'; amountText: string };

export interface PromiseTermsOptions {
  locale: Locale;
  today: IsoDate;
  /** The currency of an amount typed without one (the case's only overdue currency, when it has one). */
  defaultCurrency: string;
}

const wrong = (error: InputError): Result<never, PromiseTermsError> => err({ kind: 'input', error });

/**
 * The amount, date and note after the case. Each part is the longest run of
 * words that reads; when none does, the error quotes the shortest run that
 * says something more useful than "not an amount" or "not a date".
 */
export function parsePromiseTerms(words: readonly string[], opts: PromiseTermsOptions): Result<PromiseTermsInput, PromiseTermsError> {
  if (words.length === 0) return err({ kind: 'missing_amount' });
  const amount = longestRun(words, MAX_AMOUNT_WORDS, (text) => parseAmount(text, opts), 'amount.not_a_number');
  if (!amount.ok) return wrong(amount.error);
  const { value: money, used: amountWords, text: amountText } = amount.value;

  const rest = words.slice(amountWords);
  if (rest.length === 0) return err({ kind: 'missing_date', amountText });
  const date = longestRun(rest, MAX_DATE_WORDS, (text) => parseDate(text, { locale: opts.locale, today: opts.today }), 'date.unparseable');
  if (!date.ok) return wrong(date.error);
  const { value: dueOn, used: dateWords, text: dateText } = date.value;
  if (dueOn < opts.today) return wrong({ code: 'date.past', input: dateText, params: { date: dueOn } });

  const note = rest.slice(dateWords).join(' ').trim();
  return ok({ amount: money, currencyGiven: currencyNamed(amountText, opts), amountText, dueOn, dateText, note: note || null });
}

function longestRun<T>(
  words: readonly string[], max: number, read: (text: string) => Result<T>, vague: string,
): Result<{ value: T; used: number; text: string }> {
  const tries = [];
  for (let used = Math.min(max, words.length); used >= 1; used--) {
    const text = words.slice(0, used).join(' ');
    const result = read(text);
    if (result.ok) return ok({ value: result.value, used, text });
    tries.unshift(result.error);
  }
  // Shortest first: "-50" is negative, whatever words follow it.
  return err(tries.find((e) => e.code !== vague) ?? tries[0]!);
}

/**
 * Whether the amount names its currency: read with two different defaults, it
 * comes out in the same currency only if the text itself said which.
 */
function currencyNamed(text: string, opts: PromiseTermsOptions): boolean {
  const other = opts.defaultCurrency === 'USD' ? 'EUR' : 'USD';
  const a = parseAmount(text, opts);
  const b = parseAmount(text, { ...opts, defaultCurrency: other });
  return a.ok && b.ok && a.value.currency === b.value.currency;
}
