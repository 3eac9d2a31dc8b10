// The worklist score: higher = call first. It is stored per balance row by SQL
// (src/db), so the formula only uses operations PostgreSQL has with the same
// meaning: + − ×, least/greatest, log10 and floor.

/** Coefficients shared with the SQL twin; change them here only. */
export const PRIORITY = {
  /** Points per day overdue of the oldest unpaid invoice… */
  pointsPerDayOverdue: 0.5,
  /** …counted up to this many days (so at most 90 points). */
  maxDaysOverdue: 180,
  /** Points per power of ten of the overdue amount. */
  amountWeight: 20,
  /** The amount counts in minor units / 100: major units for 2-decimal currencies. */
  amountDivisor: 100,
  /** Points per broken promise… */
  pointsPerBrokenPromise: 15,
  /** …counted up to this many. */
  maxBrokenPromises: 3,
  /** Points when the claim is within the time-bar warning window. */
  timeBarPoints: 40,
  /** Multiplier while a promise is pending (not yet due or broken). */
  pendingPromiseFactor: 0.25,
} as const;

export interface PriorityInput {
  /** Overdue balance in minor units, in the row's own currency. */
  overdueCents: number;
  /** Days overdue of the oldest unpaid invoice (negative if none is due yet). */
  daysOverdue: number;
  brokenPromises: number;
  /** A promise to pay is pending (neither kept nor broken yet). */
  promisePending: boolean;
  /** The case is paused (dispute, payment plan…). */
  paused: boolean;
  /** The claim is within the time-bar warning window (see aging.ts isNearTimeBar). */
  nearTimeBar: boolean;
}

/**
 * The priority score, in plain words:
 *
 * - 0 if nothing is overdue or the case is paused;
 * - otherwise the sum of
 *   - age: 0.5 point per day overdue of the oldest unpaid invoice, at most 180 days (90 points);
 *   - amount: 20 × log10(1 + overdue amount / 100), i.e. about 20 points per
 *     power of ten: €100 → 40, €1,000 → 60, €10,000 → 80;
 *   - broken promises: 15 points each, at most 3 (45 points);
 *   - time bar: 40 points when the claim is within the warning window;
 * - multiplied by 0.25 while a promise is pending (the debtor has committed,
 *   so the call can wait until the promise is due or broken);
 * - rounded half up to an integer: floor(x + 0.5).
 *
 * Amounts count in the row's own currency: there are no exchange rates, so
 * ¥10,000 weighs like €10,000 would — and since the divisor is a fixed 100
 * (not the currency's minor unit), that is ¥100 of "major units", which keeps
 * yen amounts from swamping the list. Each currency of a customer is a
 * separate row and gets its own score.
 *
 * In SQL: case when overdue_cents <= 0 or paused then 0 else floor((
 *   0.5 * least(greatest(days_overdue, 0), 180)
 *   + 20 * log10(1 + overdue_cents / 100.0)
 *   + 15 * least(broken, 3) + case when near_time_bar then 40 else 0 end
 * ) * case when pending then 0.25 else 1 end + 0.5) end
 */
export function priorityScore(input: PriorityInput): number {
  const p = PRIORITY;
  if (input.overdueCents <= 0 || input.paused) return 0;
  const age = p.pointsPerDayOverdue * Math.min(Math.max(input.daysOverdue, 0), p.maxDaysOverdue);
  const amount = p.amountWeight * Math.log10(1 + input.overdueCents / p.amountDivisor);
  const broken = p.pointsPerBrokenPromise * Math.min(Math.max(input.brokenPromises, 0), p.maxBrokenPromises);
  const timeBar = input.nearTimeBar ? p.timeBarPoints : 0;
  const factor = input.promisePending ? p.pendingPromiseFactor : 1;
  return Math.floor((age + amount + broken + timeBar) * factor + 0.5);
}
