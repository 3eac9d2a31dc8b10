// What a collector types after `/collect log`: the case, an outcome in English
// or French (`no answer`, `pas de réponse`, `répondeur`…), what that outcome
// needs (a promise's amount and date, a dispute's reason, a claimed payment's
// amount) and a note. Pure: the case lookups happen in the command, which tries
// the splits `caseSplits` proposes in order.
import type { IsoDate } from './dates.ts';
import { fail } from './errors.ts';
import { parseAmount, type Locale, type Money } from './money.ts';
import { DISPUTE_REASONS, type DisputeReason } from './pause-args.ts';
import { canStartAmount, parsePromiseTerms } from './promise-args.ts';
import { ok, type Result } from './result.ts';

export const CALL_OUTCOMES = ['reached', 'no_answer', 'voicemail', 'wrong_number', 'promised', 'disputed', 'refused', 'paid'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];
export const isCallOutcome = (s: string): s is CallOutcome => (CALL_OUTCOMES as readonly string[]).includes(s);

/** Outcomes after which the next attempt is scheduled by itself (the back-off setting). */
export const UNANSWERED_OUTCOMES: readonly CallOutcome[] = ['no_answer', 'voicemail'];

export { DISPUTE_REASONS, type DisputeReason };
export const isDisputeReason = (s: string): s is DisputeReason => (DISPUTE_REASONS as readonly string[]).includes(s);

/** Case names longer than this many words are quoted (or named by reference): each word more is a lookup more. */
export const MAX_CASE_WORDS = 6;

/** Lower case, no accents, `_`, `-` and apostrophes as spaces, no punctuation at the end: "Pas-de-réponse." → "pas de reponse". */
export function foldWords(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
    .replace(/[_\-'’‘ʼ]/g, ' ').replace(/[.,;:!?…]+$/u, '').replace(/\s+/g, ' ').trim();
}

// Folded phrases, one to four words. Plurals and conjugations people type are listed, not guessed.
const OUTCOME_WORDS: Readonly<Record<string, CallOutcome>> = {
  // reached
  reached: 'reached', reach: 'reached', answered: 'reached', spoke: 'reached', 'spoke to': 'reached', talked: 'reached',
  'got through': 'reached', contacted: 'reached', joint: 'reached', jointe: 'reached', 'a repondu': 'reached',
  decroche: 'reached', 'a decroche': 'reached', parle: 'reached', contacte: 'reached', contactee: 'reached',
  // no_answer
  'no answer': 'no_answer', noanswer: 'no_answer', 'no reply': 'no_answer', 'no response': 'no_answer', unanswered: 'no_answer',
  'not answered': 'no_answer', 'did not answer': 'no_answer', 'didn t answer': 'no_answer', 'no pickup': 'no_answer',
  'no pick up': 'no_answer', 'pas de reponse': 'no_answer', 'sans reponse': 'no_answer', 'ne repond pas': 'no_answer',
  'pas repondu': 'no_answer', 'n a pas repondu': 'no_answer', injoignable: 'no_answer', 'sonne dans le vide': 'no_answer',
  // voicemail
  voicemail: 'voicemail', 'voice mail': 'voicemail', vm: 'voicemail', 'left message': 'voicemail', 'left a message': 'voicemail',
  'left voicemail': 'voicemail', 'left a voicemail': 'voicemail', 'answering machine': 'voicemail', repondeur: 'voicemail',
  messagerie: 'voicemail', 'boite vocale': 'voicemail', 'message laisse': 'voicemail', 'laisse un message': 'voicemail',
  // wrong_number
  'wrong number': 'wrong_number', 'wrong no': 'wrong_number', 'wrong phone': 'wrong_number', 'bad number': 'wrong_number',
  'invalid number': 'wrong_number', 'not in service': 'wrong_number', 'faux numero': 'wrong_number', 'faux num': 'wrong_number',
  'mauvais numero': 'wrong_number', 'numero errone': 'wrong_number', 'numero faux': 'wrong_number', 'numero invalide': 'wrong_number',
  // promised
  promised: 'promised', promise: 'promised', promises: 'promised', 'promised to pay': 'promised', 'promises to pay': 'promised',
  'will pay': 'promised', ptp: 'promised', promis: 'promised', promesse: 'promised', 'promesse de paiement': 'promised',
  'a promis': 'promised', 'va payer': 'promised', 'promet de payer': 'promised',
  // disputed
  disputed: 'disputed', dispute: 'disputed', disputes: 'disputed', contested: 'disputed', contests: 'disputed',
  litige: 'disputed', 'en litige': 'disputed', conteste: 'disputed', contestee: 'disputed', contestation: 'disputed',
  // refused
  refused: 'refused', refuses: 'refused', refuse: 'refused', 'refused to pay': 'refused', 'refuses to pay': 'refused',
  'won t pay': 'refused', 'will not pay': 'refused', refus: 'refused', 'refus de payer': 'refused', 'refuse de payer': 'refused',
  'ne veut pas payer': 'refused',
  // paid (claimed)
  paid: 'paid', 'already paid': 'paid', 'says paid': 'paid', 'says it paid': 'paid', 'claims paid': 'paid', 'payment sent': 'paid',
  paye: 'paid', payee: 'paid', 'deja paye': 'paid', 'a paye': 'paid', regle: 'paid', 'deja regle': 'paid', 'a regle': 'paid',
  'virement fait': 'paid', 'virement effectue': 'paid',
};

const DISPUTE_WORDS: Readonly<Record<string, DisputeReason>> = {
  price: 'price', prix: 'price', tarif: 'price', pricing: 'price',
  quality: 'quality', qualite: 'quality',
  'not delivered': 'not_delivered', undelivered: 'not_delivered', 'never delivered': 'not_delivered',
  'non livre': 'not_delivered', 'non livree': 'not_delivered', 'pas livre': 'not_delivered', 'jamais livre': 'not_delivered',
  'already paid': 'already_paid', paid: 'already_paid', 'deja paye': 'already_paid', 'deja regle': 'already_paid', paye: 'already_paid',
  other: 'other', autre: 'other',
};

const MAX_PHRASE_WORDS = 4;

/** The phrase of `table` that starts `words` at `from`, longest first, and how many words it took. */
function phraseAt<T>(table: Readonly<Record<string, T>>, words: readonly string[], from: number): { value: T; used: number } | null {
  for (let used = Math.min(MAX_PHRASE_WORDS, words.length - from); used >= 1; used--) {
    const phrase = foldWords(words.slice(from, from + used).join(' '));
    if (Object.hasOwn(table, phrase)) return { value: table[phrase]!, used };
  }
  return null;
}

/** The outcome named at `words[from]` (an outcome id such as `no_answer` works too), and how many words it took. */
export function outcomeAt(words: readonly string[], from = 0): { outcome: CallOutcome; used: number } | null {
  const found = phraseAt(OUTCOME_WORDS, words, from);
  return found ? { outcome: found.value, used: found.used } : null;
}

/** A single outcome, as written in full: `pas de réponse` → no_answer; null when it is not exactly one. */
export function parseOutcome(text: string): CallOutcome | null {
  const words = text.trim().split(/\s+/);
  const found = outcomeAt(words);
  return found && found.used === words.length ? found.outcome : null;
}

export function disputeAt(words: readonly string[], from = 0): { dispute: DisputeReason; used: number } | null {
  const found = phraseAt(DISPUTE_WORDS, words, from);
  return found ? { dispute: found.value, used: found.used } : null;
}

export interface CaseSplit {
  /** The words taken as the case. */
  caseText: string;
  /** Where the rest (outcome, details, note) starts in the arguments. */
  restAt: number;
  /** The rest starts with an outcome. */
  outcomeNext: boolean;
}

/**
 * The ways to read the start of the arguments as a case, in the order to try
 * them. A quoted first argument (it holds a space) is the case. Otherwise the
 * splits where an outcome follows the case come first, longest case first;
 * then every prefix, longest first, for text that names no outcome. The
 * command takes the first split whose case matches exactly one customer.
 */
export function caseSplits(args: readonly string[]): CaseSplit[] {
  const first = args[0];
  if (first === undefined || first.trim() === '') return [];
  const split = (k: number): CaseSplit => ({ caseText: args.slice(0, k).join(' '), restAt: k, outcomeNext: outcomeAt(args, k) !== null });
  if (/\s/.test(first)) return [split(1)];
  const all: CaseSplit[] = [];
  for (let k = Math.min(args.length, MAX_CASE_WORDS); k >= 1; k--) all.push(split(k));
  return [...all.filter((s) => s.outcomeNext), ...all.filter((s) => !s.outcomeNext)];
}

/** An amount as typed: `currencyTyped` says whether the text named its currency (else it is the default's). */
export interface TypedAmount extends Money {
  currencyTyped: boolean;
  text: string;
}

export interface LogOptions {
  locale: Locale;
  today: IsoDate;
  /** For an amount typed without a currency: the case's (first) overdue currency. */
  currency: string;
}

export type LogRequest =
  | {
    kind: 'log'; outcome: CallOutcome; note: string | null;
    promise?: { amount: TypedAmount; dueOn: IsoDate; dateText: string };
    dispute?: DisputeReason;
    /** What a debtor says they paid, when the collector typed it. */
    paid?: TypedAmount;
  }
  /** Not enough to log: open the log-call form with this much filled in. */
  | { kind: 'form'; outcome: CallOutcome | null; note: string | null };

const startsAmount = (word: string | undefined) => word !== undefined && canStartAmount(word);
const noteOf = (words: readonly string[]): string | null => words.join(' ').trim() || null;

/**
 * The amount at the start of `text` and whether its currency was written:
 * parsed twice with two different default currencies, a typed currency comes
 * out the same both times.
 */
export function readAmount(text: string, opts: { locale: Locale; currency: string }): Result<TypedAmount> {
  const amount = parseAmount(text, { locale: opts.locale, defaultCurrency: opts.currency });
  if (!amount.ok) return amount;
  const other = opts.currency.toUpperCase() === 'EUR' ? 'USD' : 'EUR';
  const again = parseAmount(text, { locale: opts.locale, defaultCurrency: other });
  return ok({ ...amount.value, currencyTyped: again.ok && again.value.currency === amount.value.currency, text });
}

const MAX_AMOUNT_WORDS = 3;

/** `<amount> <date> [note…]` after `promised`, read as `/collect promise` reads them. */
function readPromise(words: readonly string[], opts: LogOptions): Result<{ amount: TypedAmount; dueOn: IsoDate; dateText: string; note: string | null }> {
  const terms = parsePromiseTerms(words, { locale: opts.locale, today: opts.today, defaultCurrency: opts.currency });
  if (!terms.ok) {
    const e = terms.error;
    if (e.kind === 'input') return { ok: false, error: e.error };
    return fail('log.promise_needs_date', e.kind === 'missing_date' ? e.amountText : '');
  }
  const { amount, currencyGiven, amountText, dueOn, dateText, note } = terms.value;
  return ok({ amount: { ...amount, currencyTyped: currencyGiven, text: amountText }, dueOn, dateText, note });
}

/**
 * What follows the case. No outcome: the form, with the text as its note. A
 * promise without an amount, or a dispute without its reason: the form, with
 * that outcome chosen. A promise whose amount or date does not read: the error.
 */
export function parseLogRequest(rest: readonly string[], opts: LogOptions): Result<LogRequest> {
  const named = outcomeAt(rest);
  if (!named) return ok({ kind: 'form', outcome: null, note: noteOf(rest) });
  const { outcome } = named;
  const after = rest.slice(named.used);
  switch (outcome) {
    case 'promised': {
      if (!startsAmount(after[0])) return ok({ kind: 'form', outcome, note: noteOf(after) });
      const read = readPromise(after, opts);
      if (!read.ok) return read;
      const { note, ...promise } = read.value;
      return ok({ kind: 'log', outcome, note, promise });
    }
    case 'disputed': {
      const reason = disputeAt(after);
      if (!reason) return ok({ kind: 'form', outcome, note: noteOf(after) });
      return ok({ kind: 'log', outcome, dispute: reason.dispute, note: noteOf(after.slice(reason.used)) });
    }
    case 'paid': {
      if (!startsAmount(after[0])) return ok({ kind: 'log', outcome, note: noteOf(after) });
      for (let a = Math.min(MAX_AMOUNT_WORDS, after.length); a >= 1; a--) {
        const amount = readAmount(after.slice(0, a).join(' '), opts);
        if (amount.ok) return ok({ kind: 'log', outcome, paid: amount.value, note: noteOf(after.slice(a)) });
        if (a === 1) return amount;
      }
      return ok({ kind: 'log', outcome, note: noteOf(after) });
    }
    default:
      return ok({ kind: 'log', outcome, note: noteOf(after) });
  }
}

/**
 * Whether the command will (probably) end in the form, decided before any
 * lookup so the form can open at once on Slack's 3-second trigger: true
 * unless some way of reading the text names an outcome with all it needs.
 */
export function expectsForm(args: readonly string[]): boolean {
  for (const split of caseSplits(args)) {
    if (!split.outcomeNext) continue;
    const named = outcomeAt(args, split.restAt)!;
    const next = split.restAt + named.used;
    if (named.outcome === 'promised' && !startsAmount(args[next])) continue;
    if (named.outcome === 'disputed' && !disputeAt(args, next)) continue;
    return false;
  }
  return true;
}
