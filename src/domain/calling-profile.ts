// The optional stricter calling profile (setting `calling_profile`): at most
// so many call attempts to a debtor per 7 days, and no call within so many
// days after a conversation with them. Off by default. Attempts are the calls
// logged in the 7 days before the new call, plus the new call itself (a case
// has at most one open call, and assigning a call replaces it, so open calls
// never add to the count); a conversation is a logged call whose outcome shows
// someone answered.
import type { CallOutcome } from './call-outcomes.ts';
import { fail } from './errors.ts';
import { ok, type Result } from './result.ts';

export interface CallingProfile {
  /** At most this many calls per 7 days; null: no cap. */
  maxPerWeek: number | null;
  /** No call within this many days (24 h each) after a conversation; 0: no such rule. */
  quietDays: number;
}

export const CAP_DAYS = 7;
export const CAP_BOUNDS = { min: 1, max: 20 } as const;
export const QUIET_BOUNDS = { min: 1, max: 30 } as const;
export const CONVERSATION_OUTCOMES: readonly CallOutcome[] = ['reached', 'promised', 'disputed', 'refused', 'paid'];

const DAY_MS = 86_400_000;

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’']/g, ' ').replace(/\s+/g, ' ').trim();

const OFF_WORDS = ['off', 'none', 'no', 'non', 'aucun', 'desactive', 'sans'];
const DAYS = String.raw`(?:d|days?|j|jours?)`;
const CAP = new RegExp(String.raw`(?:^|[\s,;+])(?:max(?:imum)?\s+|at most\s+|au plus\s+)?(\d+)\s*(?:calls?\s*|appels?\s*|attempts?\s*|tentatives?\s*)?(?:\/|per\s|par\s|a\s)\s*(?:7\s*${DAYS}|week|semaine|wk|sem)(?=$|[\s,;+.])`);
// Words around the quiet days that say nothing more than the number does.
const FILLER = /\b(?:no calls?|pas d appels?|aucun appel|within|dans les|sous|gap|quiet|then|puis|and|et|(?:after|apres)(?: (?:a|the last|une|la derniere))? conversations?|conversations?)\b|[,;+.]/g;
const QUIET = new RegExp(String.raw`^(\d+)\s*${DAYS}$`);

/**
 * `off`, or a cap and/or quiet days: `3/7d 2d`, `3/week`, `max 3 per week, 2 days after a conversation`,
 * `3 par semaine, 2 jours après une conversation`, `2d` alone.
 */
export function parseCallingProfile(input: string): Result<CallingProfile | null> {
  const text = fold(input);
  if (OFF_WORDS.includes(text)) return ok(null);
  const cap = CAP.exec(text);
  const rest = (cap ? text.slice(0, cap.index) + ' ' + text.slice(cap.index + cap[0].length) : text).replace(FILLER, ' ').replace(/\s+/g, ' ').trim();
  const quiet = rest === '' ? null : QUIET.exec(rest);
  if (!cap && !quiet) return fail('profile.unparseable', input);
  if (rest !== '' && !quiet) return fail('profile.unparseable', input);
  const maxPerWeek = cap ? Number(cap[1]) : null;
  if (maxPerWeek !== null && (maxPerWeek < CAP_BOUNDS.min || maxPerWeek > CAP_BOUNDS.max)) {
    return fail('profile.cap_out_of_range', cap![0].trim(), { ...CAP_BOUNDS });
  }
  const quietDays = quiet ? Number(quiet[1]) : 0;
  if (quiet && (quietDays < QUIET_BOUNDS.min || quietDays > QUIET_BOUNDS.max)) return fail('profile.days_out_of_range', quiet[0], { ...QUIET_BOUNDS });
  return ok({ maxPerWeek, quietDays });
}

const inBounds = (n: unknown, b: { min: number; max: number }): n is number => Number.isInteger(n) && (n as number) >= b.min && (n as number) <= b.max;

/** A stored value checked against the setting's shape; undefined when it does not fit. */
export function decodeCallingProfile(stored: unknown): CallingProfile | null | undefined {
  if (stored === null) return null;
  const p = stored as Partial<CallingProfile> | undefined;
  if (!p || typeof p !== 'object') return undefined;
  const capOk = p.maxPerWeek === null || inBounds(p.maxPerWeek, CAP_BOUNDS);
  const quietOk = p.quietDays === 0 || inBounds(p.quietDays, QUIET_BOUNDS);
  if (!capOk || !quietOk || (p.maxPerWeek === null && p.quietDays === 0)) return undefined;
  return { maxPerWeek: p.maxPerWeek ?? null, quietDays: p.quietDays ?? 0 };
}

export interface CallHistory {
  /** When each call to this debtor was logged (recent ones are enough: the last CAP_DAYS and quiet days). */
  logged: readonly Date[];
  /** The last logged call someone answered. */
  lastConversation: Date | null;
}

export type ProfileCheck =
  | { kind: 'allowed' }
  /** `logged` calls in the 7 days before `at`, which with this one would pass `max`; `next`: when one falls out. */
  | { kind: 'over_cap'; max: number; logged: number; next: Date }
  | { kind: 'after_conversation'; days: number; conversation: Date; next: Date };

/** Whether a call at `at` is allowed, and if not why and from when the rule that refused it allows it. */
export function checkCallingProfile(profile: CallingProfile | null, history: CallHistory, at: Date): ProfileCheck {
  if (!profile) return { kind: 'allowed' };
  const conversation = history.lastConversation;
  if (profile.quietDays > 0 && conversation && at.getTime() < conversation.getTime() + profile.quietDays * DAY_MS) {
    return { kind: 'after_conversation', days: profile.quietDays, conversation, next: new Date(conversation.getTime() + profile.quietDays * DAY_MS) };
  }
  if (profile.maxPerWeek !== null) {
    const from = at.getTime() - CAP_DAYS * DAY_MS;
    const recent = history.logged.map((d) => d.getTime()).filter((ms) => ms > from && ms <= at.getTime()).sort((a, b) => a - b);
    if (recent.length + 1 > profile.maxPerWeek) {
      // Once this many of the oldest have left the 7 days, the new call is within the cap.
      const oldest = recent[recent.length - profile.maxPerWeek]!;
      return { kind: 'over_cap', max: profile.maxPerWeek, logged: recent.length, next: new Date(oldest + CAP_DAYS * DAY_MS) };
    }
  }
  return { kind: 'allowed' };
}

/**
 * The first time from `from` that the profile allows and `fit` accepts (`fit`
 * moves a time to the next one inside the calling window, working hours…;
 * null: none). Each refusal moves the time forward, so this ends.
 */
export function firstAllowedCall(profile: CallingProfile | null, history: CallHistory, from: Date, fit: (after: Date) => Date | null): Date | null {
  let after = from;
  // A cap and quiet days can each push the time at most a few times.
  for (let step = 0; step < 10; step++) {
    const at = fit(after);
    if (!at) return null;
    const check = checkCallingProfile(profile, history, at);
    if (check.kind === 'allowed') return at;
    after = check.next;
  }
  return null;
}
