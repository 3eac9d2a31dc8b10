// The freshness guard (issue #18 item 5): reminders are computed from the
// ledger relance was given, so when it stops arriving (a broken export, an
// expired API token) relance stops contacting debtors rather than chase debts
// that may have been paid since. Mails already queued wait (never cancelled),
// the ladder drafts nothing a debtor would receive, and both resume by
// themselves with the next sync. Pure: the last sync, the setting and the
// clock in, a verdict out.
import { todayIn, type IsoDate } from './dates.ts';
import { fail } from './errors.ts';
import { ok, type Result } from './result.ts';

/**
 * How the ledger last arrived. `backfill`: a workspace that had a ledger when
 * the guard was installed (drizzle/0020_ledger_sync.sql); the migration's time
 * counts as its sync, so no existing workspace is held the moment it deploys.
 */
export type LedgerSyncSource = 'import' | 'api' | 'statement' | 'backfill';

export interface LedgerSync {
  at: Date;
  source: LedgerSyncSource;
}

/** The `ledger_max_age` setting: whole hours, or `off` (the guard never holds). */
export type LedgerMaxAge = number | 'off';

export const DEFAULT_LEDGER_MAX_AGE: LedgerMaxAge = 36;
/** At least an hour (a sync takes minutes), at most 60 days. */
export const LEDGER_MAX_AGE_BOUNDS = { min: 1, max: 60 * 24 };

export type LedgerFreshness =
  /** The setting is `off`. */
  | { state: 'off' }
  /**
   * No sync was ever recorded: the ledger never came through an import, the
   * API or a statement, so there is no feed that could have stopped (a
   * workspace without a ledger has nothing to send; one seeded otherwise, as
   * the demo is, is not held).
   */
  | { state: 'never' }
  | { state: 'fresh'; sync: LedgerSync; maxAgeHours: number }
  /** Older than the setting allows: debtor-facing work waits. */
  | { state: 'stale'; sync: LedgerSync; maxAgeHours: number; ageMs: number };

const HOUR_MS = 3_600_000;

/** The verdict at `now`. A sync exactly `maxAge` old is still fresh; one in the future (clock skew) is fresh. */
export function ledgerFreshness(sync: LedgerSync | null, maxAge: LedgerMaxAge, now: Date): LedgerFreshness {
  if (maxAge === 'off') return { state: 'off' };
  if (!sync) return { state: 'never' };
  const ageMs = now.getTime() - sync.at.getTime();
  if (ageMs <= maxAge * HOUR_MS) return { state: 'fresh', sync, maxAgeHours: maxAge };
  return { state: 'stale', sync, maxAgeHours: maxAge, ageMs };
}

export type LedgerHold = Extract<LedgerFreshness, { state: 'stale' }>;

/** The verdict when it holds debtor-facing work, else null. */
export const ledgerHold = (freshness: LedgerFreshness): LedgerHold | null => (freshness.state === 'stale' ? freshness : null);

/** How old the ledger is, as a person says it: hours under two days, whole days beyond. */
export function ledgerAge(ageMs: number): { unit: 'hours' | 'days'; count: number } {
  const hours = Math.floor(ageMs / HOUR_MS);
  return hours < 48 ? { unit: 'hours', count: Math.max(1, hours) } : { unit: 'days', count: Math.floor(hours / 24) };
}

// "36h", "36 h", "36 hours", "2d", "2 days", "off". Calendar hours, not
// business hours: an export breaks on a Saturday as well. A bare number is
// refused, hours and days being both plausible.
const AGE = /^(\d{1,5})\s*(h|hrs?|hours?|d|days?)$/i;
const OFF_WORDS = ['off', 'none', 'never', 'disabled'];

export function parseLedgerMaxAge(input: string): Result<LedgerMaxAge> {
  const text = input.trim().toLowerCase();
  if (OFF_WORDS.includes(text)) return ok('off');
  const match = AGE.exec(text);
  if (!match) return fail('settings.not_a_max_age', input);
  const hours = Number(match[1]) * (match[2]!.startsWith('d') ? 24 : 1);
  if (hours < LEDGER_MAX_AGE_BOUNDS.min || hours > LEDGER_MAX_AGE_BOUNDS.max) {
    return fail('settings.max_age_out_of_range', input, { min: LEDGER_MAX_AGE_BOUNDS.min, max: LEDGER_MAX_AGE_BOUNDS.max / 24 });
  }
  return ok(hours);
}

export const decodeLedgerMaxAge = (stored: unknown): LedgerMaxAge | undefined =>
  stored === 'off' || (Number.isInteger(stored) && (stored as number) >= LEDGER_MAX_AGE_BOUNDS.min && (stored as number) <= LEDGER_MAX_AGE_BOUNDS.max)
    ? stored as LedgerMaxAge : undefined;

/** The setting as typed back: `36h`, `2d` for whole days, `off`. */
export const formatLedgerMaxAge = (maxAge: LedgerMaxAge): string =>
  maxAge === 'off' ? 'off' : maxAge % 24 === 0 ? `${maxAge / 24}d` : `${maxAge}h`;

/** What a hold message says: how old the ledger is, how it last came, and the day it came in the workspace's zone. */
export interface LedgerHoldView {
  count: number;
  unit: 'hours' | 'days';
  source: LedgerSyncSource;
  syncedOn: IsoDate;
}

export function ledgerHoldView(hold: LedgerHold, timezone: string): LedgerHoldView {
  return { ...ledgerAge(hold.ageMs), source: hold.sync.source, syncedOn: todayIn(timezone, hold.sync.at) };
}
