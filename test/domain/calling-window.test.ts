import { describe, expect, it } from 'vitest';
import { checkCallingWindow, defaultCallTime } from '../../src/domain/calling-window.ts';

const window = { start: '09:00', end: '19:00' };

describe('checkCallingWindow', () => {
  it('accepts a business-day time inside the window in the debtor\'s zone', () => {
    expect(checkCallingWindow(new Date('2026-11-24T15:00:00Z'), 'America/New_York', window, 'FR')).toEqual({ kind: 'inside' });
  });
  it('before the window opens: the opening that day', () => {
    expect(checkCallingWindow(new Date('2026-11-24T09:00:00Z'), 'America/New_York', window, 'FR'))
      .toEqual({ kind: 'outside', next: new Date('2026-11-24T14:00:00Z') });
  });
  it('at closing time on a Friday: Monday\'s opening', () => {
    expect(checkCallingWindow(new Date('2026-11-27T18:00:00Z'), 'Europe/Paris', window, 'FR'))
      .toEqual({ kind: 'outside', next: new Date('2026-11-30T08:00:00Z') });
  });
  it('on a public holiday: the next business day', () => {
    expect(checkCallingWindow(new Date('2026-12-25T10:00:00Z'), 'Europe/Paris', window, 'FR'))
      .toEqual({ kind: 'outside', next: new Date('2026-12-28T08:00:00Z') });
  });
});

describe('defaultCallTime', () => {
  it('the assignee\'s next business morning, moved into a distant debtor\'s window', () => {
    const now = new Date('2026-11-23T09:30:00Z');
    expect(defaultCallTime({ now, assigneeZone: 'Europe/Paris', debtorZone: 'Europe/Paris', window, country: 'FR' })).toEqual(new Date('2026-11-24T08:00:00Z'));
    expect(defaultCallTime({ now, assigneeZone: 'Europe/Paris', debtorZone: 'America/New_York', window, country: 'FR' })).toEqual(new Date('2026-11-24T14:00:00Z'));
  });
});
