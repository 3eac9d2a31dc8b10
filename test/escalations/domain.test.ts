// The pure parts of escalations: business hours across weekends, holidays and
// a change of clocks; the kind words of `escalate`; the nudge setting.
import { describe, expect, it } from 'vitest';
import { addBusinessHours } from '../../src/domain/business-hours.ts';
import { kindAt } from '../../src/domain/escalation-args.ts';
import { parseSettingsArgs } from '../../src/domain/settings.ts';

const paris = (iso: string, hours: number, calendar: 'FR' | 'none' = 'FR') =>
  addBusinessHours(new Date(iso), hours, 'Europe/Paris', calendar).toISOString();

describe('addBusinessHours', () => {
  it('counts the hours of business days only', () => {
    // Monday 10:00 Paris + 24 h = Tuesday 10:00.
    expect(paris('2026-11-23T09:00:00Z', 24)).toBe('2026-11-24T09:00:00.000Z');
    // Friday 10:00 + 24 h: 14 h on Friday, the weekend skipped, 10 h on Monday.
    expect(paris('2026-11-27T09:00:00Z', 24)).toBe('2026-11-30T09:00:00.000Z');
    // Made on a Saturday: the count starts on Monday at midnight.
    expect(paris('2026-11-28T15:00:00Z', 24)).toBe('2026-11-30T23:00:00.000Z');
  });

  it('skips the workspace country\'s public holidays, and only those', () => {
    // Thursday 24 Dec 2026, 18:00 Paris + 24 h: 6 h on Thursday, Christmas skipped, then the weekend: Monday 18:00.
    expect(paris('2026-12-24T17:00:00Z', 24)).toBe('2026-12-28T17:00:00.000Z');
    expect(paris('2026-12-24T17:00:00Z', 24, 'none')).toBe('2026-12-25T17:00:00.000Z');
  });

  it('is not shifted by the clocks changing over a weekend', () => {
    // Friday 23 Oct 2026 12:00 CEST + 48 h: 12 h Friday, Monday 24 h (CET from Sunday), 12 h Tuesday.
    expect(paris('2026-10-23T10:00:00Z', 48)).toBe('2026-10-27T11:00:00.000Z');
  });
});

describe('the kind of escalation', () => {
  it('reads English and French words, one or three of them', () => {
    expect(kindAt(['acme', 'notice'], 1)).toEqual({ kind: 'notice', index: 1, length: 1 });
    expect(kindAt(['acme', 'Mise', 'en', 'demeure', 'vite'], 1)).toEqual({ kind: 'notice', index: 1, length: 3 });
    expect(kindAt(['acme', 'agence'], 1)?.kind).toBe('agency');
    expect(kindAt(['acme', 'Judiciaire'], 1)?.kind).toBe('legal');
    expect(kindAt(['acme', 'lawyer'], 1)).toBeNull();
  });
});

describe('escalation_nudge_hours', () => {
  const set = (value: string) => parseSettingsArgs(['set', 'escalation_nudge_hours', ...value.split(' ')], { currentChannelId: 'C1' });
  it('takes whole business hours, with or without the unit', () => {
    for (const value of ['16', '16h', '16 hours', '16 heures ouvrées']) {
      expect(set(value)).toEqual({ ok: true, value: { action: 'set', name: 'escalationNudgeHours', value: 16 } });
    }
    expect(set('default')).toMatchObject({ ok: true, value: { value: null } });
  });

  it('refuses what is not a whole number of hours within 1 to 720', () => {
    expect(set('1.5')).toMatchObject({ ok: false, error: { code: 'settings.not_whole_hours', input: '1.5' } });
    expect(set('0')).toMatchObject({ ok: false, error: { code: 'settings.hours_out_of_range', input: '0', params: { min: 1, max: 720 } } });
    expect(set('2 days')).toMatchObject({ ok: false, error: { code: 'settings.not_whole_hours', input: '2 days' } });
  });
});
