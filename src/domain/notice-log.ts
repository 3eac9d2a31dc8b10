// What follows the formal notice, logged with `/collect log <case> …` but not
// a call: the letter sent (`letter-sent [tracking no.]`), its acknowledgement
// of receipt (`letter-received <date>`), and money an agency or a court
// recovered (`recovered <amount> [note]`). Read before the call outcomes, so
// "lettre envoyée" never opens the log-call form. Pure.
import { foldWords, MAX_CASE_WORDS, readAmount, type TypedAmount } from './call-outcomes.ts';
import { parseDate } from './date-input.ts';
import type { IsoDate } from './dates.ts';
import { fail } from './errors.ts';
import type { Locale } from './money.ts';
import { ok, type Result } from './result.ts';

export type NoticeEventKind = 'letter_sent' | 'letter_received' | 'recovered';

// Folded phrases (see foldWords: no accents, hyphens as spaces), one to five words.
const EVENT_WORDS: Readonly<Record<string, NoticeEventKind>> = {
  'letter sent': 'letter_sent', 'notice sent': 'letter_sent', 'sent letter': 'letter_sent', 'registered letter sent': 'letter_sent',
  'lettre envoyee': 'letter_sent', 'lettre envoye': 'letter_sent', 'lr envoyee': 'letter_sent', 'lr envoye': 'letter_sent',
  'lrar envoyee': 'letter_sent', 'lrar envoye': 'letter_sent', 'mise en demeure envoyee': 'letter_sent', 'recommande envoye': 'letter_sent',
  'letter received': 'letter_received', 'notice received': 'letter_received', 'receipt signed': 'letter_received',
  'lettre recue': 'letter_received', 'lettre recu': 'letter_received', 'ar recu': 'letter_received', 'ar recue': 'letter_received',
  'lr recue': 'letter_received', 'lr recu': 'letter_received', 'accuse de reception': 'letter_received', 'ar signe': 'letter_received',
  recovered: 'recovered', 'agency recovered': 'recovered', 'recovered by agency': 'recovered', 'recovered by the agency': 'recovered',
  recupere: 'recovered', recuperee: 'recovered', 'encaisse par l agence': 'recovered', 'encaisse par agence': 'recovered',
  'recupere par l agence': 'recovered', 'recouvre': 'recovered', 'recouvre par l agence': 'recovered',
};

const MAX_EVENT_WORDS = 5;

/** The event named at `words[from]`, longest phrase first, and how many words it took. */
export function noticeEventAt(words: readonly string[], from = 0): { kind: NoticeEventKind; used: number } | null {
  for (let used = Math.min(MAX_EVENT_WORDS, words.length - from); used >= 1; used--) {
    const phrase = foldWords(words.slice(from, from + used).join(' '));
    if (Object.hasOwn(EVENT_WORDS, phrase)) return { kind: EVENT_WORDS[phrase]!, used };
  }
  return null;
}

/**
 * Where the case ends and the event starts: the first position (the shortest
 * case) followed by an event word. A quoted first argument is the case.
 */
export function noticeSplit(args: readonly string[]): { caseText: string; restAt: number } | null {
  const first = args[0];
  if (first === undefined || first.trim() === '') return null;
  const last = /\s/.test(first) ? 1 : Math.min(args.length - 1, MAX_CASE_WORDS);
  for (let k = 1; k <= last; k++) {
    if (noticeEventAt(args, k)) return { caseText: args.slice(0, k).join(' '), restAt: k };
  }
  return null;
}

export type NoticeEvent =
  | { kind: 'letter_sent'; trackingNo: string | null }
  | { kind: 'letter_received'; receivedOn: IsoDate; dateText: string }
  | { kind: 'recovered'; amount: TypedAmount; note: string | null };

/** Tracking numbers are short codes (La Poste: 1A 234 567 8901 2); longer text is a note, cut. */
export const TRACKING_MAX_CHARS = 40;

const MAX_AMOUNT_WORDS = 3;
const MAX_DATE_WORDS = 4;

export interface NoticeLogOptions {
  locale: Locale;
  today: IsoDate;
  /** For an amount without a currency: the case's (first) overdue currency. */
  currency: string;
}

/**
 * What follows the case, which starts with an event word. A receipt needs a
 * date, not in the future; an amount must read as money.
 */
export function parseNoticeEvent(rest: readonly string[], opts: NoticeLogOptions): Result<NoticeEvent> | null {
  const named = noticeEventAt(rest);
  if (!named) return null;
  const after = rest.slice(named.used);
  const text = after.join(' ').trim();
  switch (named.kind) {
    case 'letter_sent':
      return ok({ kind: 'letter_sent', trackingNo: text === '' ? null : text.slice(0, TRACKING_MAX_CHARS) });
    case 'letter_received': {
      if (text === '') return fail('notice.received_needs_date', '');
      // The longest start that reads as a date; nothing may follow it.
      let firstError: ReturnType<typeof parseDate> | null = null;
      for (let n = Math.min(MAX_DATE_WORDS, after.length); n >= 1; n--) {
        const dateText = after.slice(0, n).join(' ');
        const date = parseDate(dateText, { locale: opts.locale, today: opts.today });
        if (date.ok) {
          if (n < after.length) return fail('notice.extra_after_date', after.slice(n).join(' '));
          if (date.value > opts.today) return fail('notice.received_in_future', dateText, { date: date.value });
          return ok({ kind: 'letter_received', receivedOn: date.value, dateText });
        }
        if (n === after.length) firstError = date;
      }
      return firstError ?? fail('date.unparseable', text);
    }
    case 'recovered': {
      if (text === '') return fail('notice.recovered_needs_amount', '');
      for (let n = Math.min(MAX_AMOUNT_WORDS, after.length); n >= 1; n--) {
        const amount = readAmount(after.slice(0, n).join(' '), opts);
        if (amount.ok) return ok({ kind: 'recovered', amount: amount.value, note: after.slice(n).join(' ').trim() || null });
        if (n === 1) return amount;
      }
      return fail('notice.recovered_needs_amount', text);
    }
  }
}
