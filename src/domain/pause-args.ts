// `/collect pause <case> <until|duration> dispute|plan|other [dispute reason] [note…]`,
// in English and French. The case and the date may both be several words
// ("Société Générale", "fin du mois"), so the reason word is the anchor: the
// words before it are the case then the date, split where the date is the
// longest that reads.
import { addDays, addMonths, addYears, parseDate, parseDuration, type IsoDate } from './dates.ts';
import { fail } from './errors.ts';
import { ok, type InputError, type Result } from './result.ts';

export const PAUSE_REASONS = ['dispute', 'plan', 'other'] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];
export const DISPUTE_REASONS = ['price', 'quality', 'not_delivered', 'already_paid', 'other'] as const;
export type DisputeReason = (typeof DISPUTE_REASONS)[number];

/** The longest pause: a case left alone longer than this is forgotten, not paused. Pause again to extend. */
export const MAX_PAUSE_YEARS = 1;

export interface PauseArgs {
  caseText: string;
  /** The first day the case is back in the worklist. */
  until: IsoDate;
  /** The date or duration as typed, for messages. */
  whenText: string;
  reason: PauseReason;
  dispute?: DisputeReason;
  note: string | null;
}

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim();

const REASON_WORDS: Readonly<Record<string, PauseReason>> = {
  dispute: 'dispute', disputed: 'dispute', litige: 'dispute', contestation: 'dispute', conteste: 'dispute',
  plan: 'plan', echeancier: 'plan', 'payment-plan': 'plan',
  other: 'other', autre: 'other',
};

/** One or two words each; matched on folded text (no accents, lower case, `_`/`-` as spaces). */
const DISPUTE_WORDS: Readonly<Record<string, DisputeReason>> = {
  price: 'price', prix: 'price', tarif: 'price', pricing: 'price',
  quality: 'quality', qualite: 'quality',
  'not delivered': 'not_delivered', undelivered: 'not_delivered', 'non livre': 'not_delivered', 'pas livre': 'not_delivered',
  'non livree': 'not_delivered', 'never delivered': 'not_delivered', 'jamais livre': 'not_delivered',
  'already paid': 'already_paid', 'deja paye': 'already_paid', 'deja regle': 'already_paid', paid: 'already_paid', paye: 'already_paid',
  other: 'other', autre: 'other',
};

const reasonOf = (token: string): PauseReason | null => {
  const w = fold(token);
  return Object.hasOwn(REASON_WORDS, w) ? REASON_WORDS[w] ?? null : null;
};

/** The dispute reason at the head of `words`, and how many words it took. */
function disputeAt(words: readonly string[]): { dispute: DisputeReason; used: number } | null {
  for (const used of [2, 1]) {
    if (words.length < used) continue;
    const text = fold(words.slice(0, used).join(' ')).replace(/[_-]/g, ' ').replace(/\s+/g, ' ');
    if (Object.hasOwn(DISPUTE_WORDS, text)) return { dispute: DISPUTE_WORDS[text]!, used };
  }
  return null;
}

/**
 * The first day back, from a duration (`10d`, `2w`, `3 weeks`, `1 month`,
 * `10 jours`, `2 semaines`, `1 mois`) or a date (`15/12/2026`, `vendredi`,
 * `fin du mois`). The pause must end after today and at most a year from it.
 */
export function parsePauseEnd(input: string, opts: { today: IsoDate; locale: 'en' | 'fr' }): Result<IsoDate> {
  const duration = parseDuration(input);
  let until: IsoDate;
  if (duration.ok) {
    until = 'days' in duration.value ? addDays(opts.today, duration.value.days) : addMonths(opts.today, duration.value.months);
  } else {
    const date = parseDate(input, { locale: opts.locale, today: opts.today, future: true });
    if (!date.ok) return duration.error.code === 'duration.too_long' ? fail('pause.too_far', input, { years: MAX_PAUSE_YEARS }) : date;
    until = date.value;
  }
  if (until <= opts.today) return fail('pause.not_after_today', input);
  if (until > addYears(opts.today, MAX_PAUSE_YEARS)) return fail('pause.too_far', input, { years: MAX_PAUSE_YEARS });
  return ok(until);
}

const GENERIC_DATE_ERRORS = ['date.unparseable', 'duration.unparseable', 'date.empty'];

export function parsePauseArgs(tokens: readonly string[], opts: { today: IsoDate; locale: 'en' | 'fr' }): Result<PauseArgs> {
  if (tokens.length === 0) return fail('pause.missing_case', '');
  let firstError: InputError | null = null;
  let specificError: InputError | null = null;
  for (let r = 2; r < tokens.length; r++) {
    const reason = reasonOf(tokens[r]!);
    if (!reason) continue;
    // The longest date first: the case is then the fewest words.
    for (let s = 1; s < r; s++) {
      const whenText = tokens.slice(s, r).join(' ');
      const until = parsePauseEnd(whenText, opts);
      if (!until.ok) {
        firstError ??= until.error;
        if (!specificError && !GENERIC_DATE_ERRORS.includes(until.error.code)) specificError = until.error;
        continue;
      }
      const rest = tokens.slice(r + 1);
      const caseText = tokens.slice(0, s).join(' ');
      if (reason !== 'dispute') return ok({ caseText, until: until.value, whenText, reason, note: joinNote(rest) });
      const dispute = disputeAt(rest);
      if (!dispute) return rest[0] === undefined ? fail('pause.missing_dispute', '') : fail('pause.unknown_dispute', rest[0]);
      return ok({ caseText, until: until.value, whenText, reason, dispute: dispute.dispute, note: joinNote(rest.slice(dispute.used)) });
    }
  }
  const error = specificError ?? firstError;
  if (error) return { ok: false, error };
  // "acme" or "acme dispute": nothing says until when.
  if (tokens.length === 1 || reasonOf(tokens[1]!)) return fail('pause.missing_when', tokens.join(' '));
  // No reason word: say which are allowed, quoting what followed the case.
  return fail('pause.missing_reason', tokens.slice(1).join(' '));
}

function joinNote(words: readonly string[]): string | null {
  const note = words.join(' ').trim();
  return note === '' ? null : note;
}
