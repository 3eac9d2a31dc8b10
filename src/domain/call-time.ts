// When an assigned call is due. Without a time: the assignee's next working
// morning, moved to where their hours meet the debtor's calling window and to
// what the calling profile allows. With one: that time, refused (with the next
// allowed time) when it is past, outside the debtor's calling window or over
// the calling profile; outside the assignee's own hours it is only flagged,
// since a manager may book a call at 8:00 on purpose.
import { checkCallingWindow } from './calling-window.ts';
import { checkCallingProfile, firstAllowedCall, type CallHistory, type CallingProfile, type ProfileCheck } from './calling-profile.ts';
import { todayIn, zonedTimeToUtc, type IsoDate } from './dates.ts';
import { firstCallMoment, isWorkingAt, nextWorkStart, type CallFit } from './working-hours.ts';

export interface CallTimeInput {
  now: Date;
  /** What was typed, read in the assignee's zone; null: the default time. */
  requested: { day: IsoDate; time: string | null } | null;
  fit: CallFit;
  profile: CallingProfile | null;
  history: CallHistory;
}

export type CallTime =
  | { kind: 'ok'; dueAt: Date; movedByProfile: boolean; outsideHours: boolean }
  | { kind: 'past'; at: Date }
  | { kind: 'outside_window'; at: Date; next: Date }
  | { kind: 'refused_by_profile'; at: Date; check: Exclude<ProfileCheck, { kind: 'allowed' }>; next: Date }
  /** No time the profile allows could be found (a default time only). */
  | { kind: 'none' };

const later = (a: Date, b: Date) => (a.getTime() >= b.getTime() ? a : b);

export function planCallTime(input: CallTimeInput): CallTime {
  const { fit, now } = input;
  const inWindow = (after: Date): Date => {
    const check = checkCallingWindow(after, fit.debtorZone, fit.window, fit.country);
    return check.kind === 'inside' ? after : check.next;
  };
  // Inside both the hours and the window when they ever meet, else inside the window alone.
  const slot = (after: Date): Date => firstCallMoment(after, fit) ?? inWindow(after);
  const allowedFrom = (from: Date): Date | null => firstAllowedCall(input.profile, input.history, from, slot);
  const outsideHours = (at: Date) => !isWorkingAt(at, fit.hours, fit.zone, fit.country);

  if (!input.requested) {
    const morning = nextWorkStart(now, fit.hours, fit.zone, fit.country) ?? now;
    const dueAt = allowedFrom(morning);
    if (!dueAt) return { kind: 'none' };
    return { kind: 'ok', dueAt, movedByProfile: dueAt.getTime() !== slot(morning).getTime(), outsideHours: outsideHours(dueAt) };
  }

  const { day, time } = input.requested;
  let at: Date;
  if (time) {
    at = zonedTimeToUtc(day, time, fit.zone);
    if (at.getTime() < now.getTime()) return { kind: 'past', at };
  } else {
    // A day alone: its first good moment (now, if that is today and now is good), else the start of work that day.
    const best = firstCallMoment(later(now, zonedTimeToUtc(day, '00:00', fit.zone)), fit);
    at = best && todayIn(fit.zone, best) === day ? best : later(now, zonedTimeToUtc(day, fit.hours.start, fit.zone));
  }
  const window = checkCallingWindow(at, fit.debtorZone, fit.window, fit.country);
  if (window.kind === 'outside') return { kind: 'outside_window', at, next: allowedFrom(at) ?? window.next };
  const check = checkCallingProfile(input.profile, input.history, at);
  if (check.kind !== 'allowed') return { kind: 'refused_by_profile', at, check, next: allowedFrom(at) ?? check.next };
  return { kind: 'ok', dueAt: at, movedByProfile: false, outsideHours: outsideHours(at) };
}
