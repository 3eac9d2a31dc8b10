// When to call again after nobody answered: the back-off setting gives the
// number of business days by attempt (the last value repeats), and the call
// goes at the start of the debtor's calling window, in the debtor's own zone.
import { addBusinessDays, todayIn, zonedTimeToUtc, type BusinessCalendar, type IsoDate } from './dates.ts';
import type { TimeRange } from './settings.ts';

/** Business days to wait before attempt `attempt + 1`, after `attempt` unanswered calls in a row (1 = the first). */
export function backoffDays(schedule: readonly number[], attempt: number): number {
  if (schedule.length === 0) return 1;
  const index = Math.min(Math.max(attempt, 1), schedule.length) - 1;
  return Math.max(1, Math.trunc(schedule[index] ?? 1));
}

export interface NextCallInput {
  now: Date;
  /** The debtor's zone (else the workspace's). */
  timeZone: string;
  country: BusinessCalendar;
  window: TimeRange;
  /** Either a day the collector chose… */
  on?: IsoDate;
  /** …or this many business days from today, in the debtor's zone. */
  afterBusinessDays?: number;
}

/**
 * The next call: on the chosen day, or after the back-off, at the opening of
 * the calling window. A day chosen as today whose window has already opened
 * is due now: the collector meant "later today".
 */
export function nextCallTime(input: NextCallInput): { on: IsoDate; dueAt: Date } {
  const today = todayIn(input.timeZone, input.now);
  const on = input.on ?? addBusinessDays(today, input.afterBusinessDays ?? 1, input.country);
  const opening = zonedTimeToUtc(on, input.window.start, input.timeZone);
  return { on, dueAt: opening.getTime() < input.now.getTime() ? input.now : opening };
}
