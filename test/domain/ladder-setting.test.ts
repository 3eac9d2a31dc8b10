import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/domain/args.ts';
import { DEFAULT_LADDER } from '../../src/domain/ladder.ts';
import { decodeLadder, parseCalendarDays, parseLadderEdit } from '../../src/domain/ladder-setting.ts';
import { DEFAULT_SETTINGS, parseSettingsArgs } from '../../src/domain/settings.ts';

const days = (r: ReturnType<typeof parseLadderEdit>) => (r.ok ? Object.fromEntries(r.value.map((s) => [s.stage, s.day])) : r.error);

describe('parseLadderEdit', () => {
  it('moves one step, keeping the rest', () => {
    expect(days(parseLadderEdit('reminder_2 +12'))).toEqual({
      pre_due: -7, reminder_1: 1, reminder_2: 12, call: 15, reminder_3: 30, formal_notice: 45, agency_or_legal: 60,
    });
  });

  it('reads days and step names the ways people write them', () => {
    for (const input of ['reminder_2 12', 'reminder-2 +12', 'R2 12d', 'relance_2 J+12', 'reminder_2 12 days', 'reminder_2 +12 jours']) {
      expect(days(parseLadderEdit(input)), input).toMatchObject({ reminder_2: 12 });
    }
    expect(days(parseLadderEdit('pre_due −5'))).toMatchObject({ pre_due: -5 });
    expect(days(parseLadderEdit('notice +40 agency 55'))).toMatchObject({ formal_notice: 40, agency_or_legal: 55 });
  });

  it('moves several steps at once, in any order', () => {
    expect(days(parseLadderEdit('call +25, reminder_2 +20'))).toMatchObject({ reminder_2: 20, call: 25, reminder_3: 30 });
  });

  it('turns a step off and back on', () => {
    const off = parseLadderEdit('call off');
    expect(off.ok && off.value.map((s) => s.stage)).not.toContain('call');
    const on = parseLadderEdit('call +16', off.ok ? off.value : []);
    expect(days(on)).toMatchObject({ call: 16 });
  });

  it('edits the ladder in effect, not the default', () => {
    const current = parseLadderEdit('reminder_2 +12');
    expect(days(parseLadderEdit('call +20', current.ok ? current.value : []))).toMatchObject({ reminder_2: 12, call: 20 });
  });

  it('accepts a manager step\'s own approval and refuses another one', () => {
    expect(parseLadderEdit('formal_notice +40 manager').ok).toBe(true);
    expect(parseLadderEdit('formal_notice none')).toMatchObject({ ok: false, error: { code: 'settings.ladder_approval_fixed', input: 'formal_notice none', params: { stage: 'formal_notice', approval: 'manager' } } });
    expect(parseLadderEdit('reminder_1 +2 manager')).toMatchObject({ ok: false, error: { code: 'settings.ladder_approval_fixed', params: { approval: 'none' } } });
  });

  it('refuses what breaks the ladder, quoting the words at fault', () => {
    expect(parseLadderEdit('reminder_9 +3')).toMatchObject({ ok: false, error: { code: 'settings.ladder_unknown_stage', input: 'reminder_9' } });
    expect(parseLadderEdit('reminder_2')).toMatchObject({ ok: false, error: { code: 'settings.ladder_missing_day', input: 'reminder_2' } });
    expect(parseLadderEdit('reminder_2 twelve')).toMatchObject({ ok: false, error: { code: 'settings.ladder_bad_day', input: 'reminder_2 twelve' } });
    expect(parseLadderEdit('reminder_2 +12 soon')).toMatchObject({ ok: false, error: { code: 'settings.ladder_unknown_stage', input: 'soon' } });
    expect(parseLadderEdit('pre_due +3')).toMatchObject({ ok: false, error: { code: 'settings.ladder_day_range', input: 'pre_due +3', params: { min: -60, max: -1 } } });
    expect(parseLadderEdit('reminder_1 -2')).toMatchObject({ ok: false, error: { code: 'settings.ladder_day_range', params: { min: 1, max: 730 } } });
    expect(parseLadderEdit('reminder_2 +20')).toMatchObject({
      ok: false, error: { code: 'settings.ladder_order', input: 'reminder_2 +20', params: { stage: 'call', day: 15, other: 'reminder_2', otherDay: 20 } },
    });
    expect(parseLadderEdit('call +5')).toMatchObject({
      ok: false, error: { code: 'settings.ladder_order', input: 'call +5', params: { stage: 'call', day: 5, other: 'reminder_2', otherDay: 10 } },
    });
    expect(parseLadderEdit('call +16 call +17')).toMatchObject({ ok: false, error: { code: 'settings.ladder_repeated', input: 'call' } });
  });
});

describe('decodeLadder', () => {
  it('keeps a stored ladder that keeps the rules, and drops one that does not', () => {
    expect(decodeLadder(DEFAULT_LADDER)).toEqual(DEFAULT_LADDER);
    expect(decodeLadder([{ stage: 'call', day: 3, approval: 'none' }, { stage: 'reminder_1', day: 5, approval: 'none' }])).toBeUndefined();
    expect(decodeLadder([{ stage: 'formal_notice', day: 45, approval: 'none' }])).toBeUndefined();
    expect(decodeLadder([{ stage: 'nope', day: 45, approval: 'none' }])).toBeUndefined();
    expect(decodeLadder('reminder_1')).toBeUndefined();
  });
});

describe('the ladder settings', () => {
  const context = (current = DEFAULT_SETTINGS) => ({ currentChannelId: 'C0TEAM', current });

  it('are set through /collect settings', () => {
    const r = parseSettingsArgs(tokenize('set ladder reminder_2 +12'), context());
    expect(r.ok && r.value.action === 'set' && r.value.name).toBe('ladder');
    expect(parseSettingsArgs(tokenize('ladder default'), context())).toMatchObject({ ok: true, value: { action: 'set', name: 'ladder', value: null } });
    expect(parseSettingsArgs(tokenize('ladder_catch_up_days 14 days'), context())).toMatchObject({ ok: true, value: { value: 14 } });
    expect(parseSettingsArgs(tokenize('set payment_details IBAN FR76 3000 6000, BIC AGRIFRPP'), context()))
      .toMatchObject({ ok: true, value: { value: 'IBAN FR76 3000 6000, BIC AGRIFRPP' } });
  });

  it('refuse a catch-up window that is not 0 to 90 days', () => {
    expect(parseCalendarDays('91', { min: 0, max: 90 })).toMatchObject({ ok: false, error: { code: 'settings.calendar_days_out_of_range' } });
    expect(parseCalendarDays('a week', { min: 0, max: 90 })).toMatchObject({ ok: false, error: { code: 'settings.not_calendar_days' } });
  });
});
