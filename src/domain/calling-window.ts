// When a call may be placed: inside the debtor's calling window (settings.
// callingWindow, local time in the debtor's zone) on a business day. A time
// outside it is refused with the next time that is inside.
import { addDays } from './calendar.ts';
import { isBusinessDay, localParts, nextBusinessMorning, zonedTimeToUtc, type BusinessCalendar } from './dates.ts';
import type { TimeRange } from './settings.ts';

export type WindowCheck = { kind: 'inside' } | { kind: 'outside'; next: Date };

/** Whether `at` falls inside the window in `timeZone`; if not, the first moment after it that does. */
export function checkCallingWindow(at: Date, timeZone: string, window: TimeRange, country: BusinessCalendar): WindowCheck {
  const local = localParts(at, timeZone);
  if (isBusinessDay(local.date, country)) {
    if (local.time >= window.start && local.time < window.end) return { kind: 'inside' };
    if (local.time < window.start) return { kind: 'outside', next: zonedTimeToUtc(local.date, window.start, timeZone) };
  }
  let day = addDays(local.date, 1);
  while (!isBusinessDay(day, country)) day = addDays(day, 1);
  return { kind: 'outside', next: zonedTimeToUtc(day, window.start, timeZone) };
}

/**
 * The default time of an assigned call: the assignee's next business morning
 * (the window's opening in their zone), moved to the debtor's window when the
 * debtor lives elsewhere and it is night there.
 */
export function defaultCallTime(input: {
  now: Date; assigneeZone: string; debtorZone: string; window: TimeRange; country: BusinessCalendar;
}): Date {
  const morning = nextBusinessMorning(input.now, input.assigneeZone, input.country, input.window.start);
  const check = checkCallingWindow(morning, input.debtorZone, input.window, input.country);
  return check.kind === 'inside' ? morning : check.next;
}
