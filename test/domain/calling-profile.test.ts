import { describe, expect, it } from 'vitest';
import { planCallTime } from '../../src/domain/call-time.ts';
import { checkCallingProfile, decodeCallingProfile, firstAllowedCall, parseCallingProfile } from '../../src/domain/calling-profile.ts';
import { DEFAULT_WORKING_HOURS } from '../../src/domain/working-hours.ts';

const d = (iso: string) => new Date(iso);
const none = { logged: [], lastConversation: null };

describe('parseCallingProfile', () => {
  it.each([
    ['3/7d 2d', { maxPerWeek: 3, quietDays: 2 }],
    ['3/7j 2j', { maxPerWeek: 3, quietDays: 2 }],
    ['3/week', { maxPerWeek: 3, quietDays: 0 }],
    ['max 3 per week, 2 days after a conversation', { maxPerWeek: 3, quietDays: 2 }],
    ['3 calls per 7 days and no call within 2 days after a conversation', { maxPerWeek: 3, quietDays: 2 }],
    ['3 appels par semaine, 2 jours après une conversation', { maxPerWeek: 3, quietDays: 2 }],
    ['au plus 4 par semaine', { maxPerWeek: 4, quietDays: 0 }],
    ['2d', { maxPerWeek: null, quietDays: 2 }],
    ['pas d\'appel dans les 3 jours après une conversation', { maxPerWeek: null, quietDays: 3 }],
  ])('%s', (input, expected) => {
    expect(parseCallingProfile(input)).toEqual({ ok: true, value: expected });
  });

  it('off in either language', () => {
    for (const word of ['off', 'OFF', 'none', 'aucun', 'désactivé']) expect(parseCallingProfile(word), word).toEqual({ ok: true, value: null });
  });

  it.each([
    ['often', 'profile.unparseable', 'often'],
    ['3', 'profile.unparseable', '3'],
    ['3/7d sometimes', 'profile.unparseable', '3/7d sometimes'],
    ['0/7d', 'profile.cap_out_of_range', '0/7d'],
    ['50 per week', 'profile.cap_out_of_range', '50 per week'],
    ['3/7d 45 days', 'profile.days_out_of_range', '45 days'],
  ])('refuses %s', (input, code, quoted) => {
    expect(parseCallingProfile(input)).toMatchObject({ ok: false, error: { code, input: quoted } });
  });

  it('decodes only what fits', () => {
    expect(decodeCallingProfile(null)).toBeNull();
    expect(decodeCallingProfile({ maxPerWeek: 3, quietDays: 2 })).toEqual({ maxPerWeek: 3, quietDays: 2 });
    expect(decodeCallingProfile({ maxPerWeek: null, quietDays: 0 })).toBeUndefined();
    expect(decodeCallingProfile({ maxPerWeek: 99, quietDays: 0 })).toBeUndefined();
    expect(decodeCallingProfile('3/7d')).toBeUndefined();
  });
});

describe('checkCallingProfile', () => {
  const cap3 = { maxPerWeek: 3, quietDays: 0 };
  const logged = [d('2026-11-17T10:00:00Z'), d('2026-11-19T10:00:00Z'), d('2026-11-20T10:00:00Z')];

  it('off allows anything', () => {
    expect(checkCallingProfile(null, { logged, lastConversation: logged[2]! }, d('2026-11-20T11:00:00Z'))).toEqual({ kind: 'allowed' });
  });

  it('three calls in the 7 days before: a fourth waits until the oldest is 7 days old', () => {
    expect(checkCallingProfile(cap3, { logged, lastConversation: null }, d('2026-11-23T09:00:00Z')))
      .toEqual({ kind: 'over_cap', max: 3, logged: 3, next: d('2026-11-24T10:00:00Z') });
    expect(checkCallingProfile(cap3, { logged, lastConversation: null }, d('2026-11-24T10:00:00Z'))).toEqual({ kind: 'allowed' });
    expect(checkCallingProfile(cap3, { logged: logged.slice(1), lastConversation: null }, d('2026-11-23T09:00:00Z'))).toEqual({ kind: 'allowed' });
  });

  it('quiet days after a conversation', () => {
    const profile = { maxPerWeek: null, quietDays: 2 };
    const talk = d('2026-11-20T10:00:00Z');
    expect(checkCallingProfile(profile, { logged: [talk], lastConversation: talk }, d('2026-11-21T09:00:00Z')))
      .toEqual({ kind: 'after_conversation', days: 2, conversation: talk, next: d('2026-11-22T10:00:00Z') });
    expect(checkCallingProfile(profile, { logged: [talk], lastConversation: talk }, d('2026-11-22T10:00:00Z'))).toEqual({ kind: 'allowed' });
  });

  it('firstAllowedCall moves past both rules and into what fit accepts', () => {
    const profile = { maxPerWeek: 3, quietDays: 2 };
    // Quiet until Sunday 22 10:00, then the cap until Tuesday 24 10:00; fit moves to the next 09:00 UTC or later on a weekday.
    const fit = (after: Date) => {
      const at = new Date(after);
      if (at.getUTCHours() < 9) at.setUTCHours(9, 0, 0, 0);
      while ([0, 6].includes(at.getUTCDay())) at.setUTCDate(at.getUTCDate() + 1);
      return at;
    };
    expect(firstAllowedCall(profile, { logged, lastConversation: logged[2]! }, d('2026-11-21T08:00:00Z'), fit)).toEqual(d('2026-11-24T10:00:00Z'));
  });
});

describe('planCallTime', () => {
  const fit = { hours: DEFAULT_WORKING_HOURS, zone: 'America/New_York', window: { start: '09:00', end: '19:00' }, debtorZone: 'Europe/Paris', country: 'FR' as const };
  const now = d('2026-11-23T09:30:00Z');

  it('by default, the assignee\'s next working morning in their zone, inside the debtor\'s window', () => {
    // 09:00 in New York is 15:00 in Paris: inside.
    expect(planCallTime({ now, requested: null, fit, profile: null, history: none }))
      .toEqual({ kind: 'ok', dueAt: d('2026-11-23T14:00:00Z'), movedByProfile: false, outsideHours: false });
  });

  it('a time outside the assignee\'s hours but inside the debtor\'s window: allowed, flagged', () => {
    expect(planCallTime({ now, requested: { day: '2026-11-24', time: '08:00' }, fit, profile: null, history: none }))
      .toEqual({ kind: 'ok', dueAt: d('2026-11-24T13:00:00Z'), movedByProfile: false, outsideHours: true });
  });

  it('outside the debtor\'s window: refused with the first time inside both', () => {
    expect(planCallTime({ now, requested: { day: '2026-11-24', time: '14:00' }, fit, profile: null, history: none }))
      .toEqual({ kind: 'outside_window', at: d('2026-11-24T19:00:00Z'), next: d('2026-11-25T14:00:00Z') });
  });

  it('over the profile: refused with the next allowed time; the default moves there instead', () => {
    const profile = { maxPerWeek: 1, quietDays: 0 };
    const history = { logged: [d('2026-11-20T15:00:00Z')], lastConversation: null };
    expect(planCallTime({ now, requested: { day: '2026-11-24', time: '09:00' }, fit, profile, history }))
      .toMatchObject({ kind: 'refused_by_profile', check: { kind: 'over_cap', logged: 1, max: 1 }, next: d('2026-11-27T15:00:00Z') });
    expect(planCallTime({ now, requested: null, fit, profile, history }))
      .toEqual({ kind: 'ok', dueAt: d('2026-11-27T15:00:00Z'), movedByProfile: true, outsideHours: false });
  });

  it('a day without a time: its first good moment', () => {
    expect(planCallTime({ now, requested: { day: '2026-11-25', time: null }, fit, profile: null, history: none }))
      .toEqual({ kind: 'ok', dueAt: d('2026-11-25T14:00:00Z'), movedByProfile: false, outsideHours: false });
  });

  it('a time already past', () => {
    expect(planCallTime({ now, requested: { day: '2026-11-23', time: '04:00' }, fit, profile: null, history: none }))
      .toEqual({ kind: 'past', at: d('2026-11-23T09:00:00Z') });
  });
});
