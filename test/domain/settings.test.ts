import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/domain/args.ts';
import {
  DEFAULT_SETTINGS, parseBusinessDayList, parseBusinessDays, parseChannel, parseSettingsArgs, parseSettingValue, parseTimeRange,
  resolveChannels, SETTING_KEYS, SETTING_NAMES, SETTING_SPECS, settingNameOf,
} from '../../src/domain/settings.ts';

const here = { currentChannelId: 'C0TEAM' };
const args = (line: string) => parseSettingsArgs(tokenize(line), here);

describe('parseSettingsArgs', () => {
  it('lists, shows one, and sets with or without the word set', () => {
    expect(args('')).toEqual({ ok: true, value: { action: 'list' } });
    expect(args('calling_window')).toEqual({ ok: true, value: { action: 'show', name: 'callingWindow' } });
    expect(args('set promise_grace_days 3')).toEqual({ ok: true, value: { action: 'set', name: 'promiseGraceDays', value: 3 } });
    expect(args('promise_grace_days 3')).toEqual({ ok: true, value: { action: 'set', name: 'promiseGraceDays', value: 3 } });
    expect(args('définir Promise-Grace-Days 3')).toEqual({ ok: true, value: { action: 'set', name: 'promiseGraceDays', value: 3 } });
  });

  it('goes back to the default with default or défaut', () => {
    for (const word of ['default', 'DEFAULT', 'défaut', 'defaut', 'par défaut']) {
      expect(args(`set calling_window ${word}`), word).toEqual({ ok: true, value: { action: 'set', name: 'callingWindow', value: null } });
    }
  });

  it('refuses a missing or unknown key, naming the keys', () => {
    const missing = args('set');
    expect(missing.ok || missing.error.code).toBe('settings.missing_key');
    const unknown = args('set grace 3');
    expect(unknown.ok || unknown.error).toMatchObject({ code: 'settings.unknown_key', input: 'grace' });
    expect(unknown.ok || String(unknown.error.params?.keys)).toContain('promise_grace_days');
  });

  it('refuses a key without a value, and says which setting a bad value was for', () => {
    const noValue = args('set calling_window');
    expect(noValue.ok || noValue.error).toMatchObject({ code: 'settings.missing_value', params: { key: 'calling_window' } });
    const bad = args('set call_backoff_days 1,x');
    expect(bad.ok || bad.error).toMatchObject({ code: 'settings.not_whole_days', input: 'x', name: 'callBackoffDays' });
  });
});

describe('parseChannel', () => {
  it('reads a channel Slack turned into a link, an id, or here', () => {
    expect(parseChannel('<#C0GENERAL|general>', here)).toEqual({ ok: true, value: 'C0GENERAL' });
    expect(parseChannel('<#G0PRIV>', here)).toEqual({ ok: true, value: 'G0PRIV' });
    expect(parseChannel('C0123ABCD', here)).toEqual({ ok: true, value: 'C0123ABCD' });
    expect(parseChannel('here', here)).toEqual({ ok: true, value: 'C0TEAM' });
    expect(parseChannel('Ici', here)).toEqual({ ok: true, value: 'C0TEAM' });
  });

  it('refuses a #name Slack did not link, and here in a direct message', () => {
    expect(parseChannel('#collections', here)).toMatchObject({ ok: false, error: { code: 'settings.not_a_channel', input: '#collections' } });
    expect(parseChannel('collections', here)).toMatchObject({ ok: false, error: { code: 'settings.not_a_channel' } });
    expect(parseChannel('<@U0ADMIN>', here)).toMatchObject({ ok: false, error: { code: 'settings.not_a_channel' } });
    expect(parseChannel('here', { currentChannelId: 'D0DM' })).toMatchObject({ ok: false, error: { code: 'settings.here_not_channel', input: 'here' } });
  });
});

describe('parseBusinessDays', () => {
  const bounds = { min: 0, max: 10 };
  it('reads whole business days, with or without a unit', () => {
    for (const [input, days] of [['0', 0], ['2', 2], ['10', 10], ['3d', 3], ['3 days', 3], ['1 business day', 1], ['2 jours ouvrés', 2], ['2j', 2]] as const) {
      expect(parseBusinessDays(input, bounds), input).toEqual({ ok: true, value: days });
    }
  });
  it('refuses what is not a whole number, and what is out of bounds, quoting it whole', () => {
    expect(parseBusinessDays('1.5', bounds)).toMatchObject({ ok: false, error: { code: 'settings.not_whole_days', input: '1.5' } });
    expect(parseBusinessDays('two', bounds)).toMatchObject({ ok: false, error: { code: 'settings.not_whole_days', input: 'two' } });
    expect(parseBusinessDays('11 days', bounds)).toMatchObject({ ok: false, error: { code: 'settings.days_out_of_range', input: '11 days', params: { min: 0, max: 10 } } });
    expect(parseBusinessDays('-1', bounds)).toMatchObject({ ok: false, error: { code: 'settings.days_out_of_range', input: '-1' } });
  });
});

describe('parseBusinessDayList', () => {
  const bounds = { min: 1, max: 30, maxItems: 10 };
  it('reads commas, spaces and a trailing unit', () => {
    expect(parseBusinessDayList('1,2,4', bounds)).toEqual({ ok: true, value: [1, 2, 4] });
    expect(parseBusinessDayList('1, 3 , 7 days', bounds)).toEqual({ ok: true, value: [1, 3, 7] });
    expect(parseBusinessDayList('2 2', bounds)).toEqual({ ok: true, value: [2, 2] });
    expect(parseBusinessDayList('30', bounds)).toEqual({ ok: true, value: [30] });
  });
  it('quotes the one bad number', () => {
    expect(parseBusinessDayList('1,0,4', bounds)).toMatchObject({ ok: false, error: { code: 'settings.days_out_of_range', input: '0', params: { min: 1, max: 30 } } });
    expect(parseBusinessDayList('1,45', bounds)).toMatchObject({ ok: false, error: { code: 'settings.days_out_of_range', input: '45' } });
    expect(parseBusinessDayList('1,x,4', bounds)).toMatchObject({ ok: false, error: { code: 'settings.not_whole_days', input: 'x' } });
    expect(parseBusinessDayList('1,2,3,4,5,6,7,8,9,10,11', bounds)).toMatchObject({ ok: false, error: { code: 'settings.too_many_days', params: { max: 10 } } });
  });
});

describe('parseTimeRange', () => {
  it('reads the ways people write a range', () => {
    for (const input of ['09:00-19:00', '9h-19h', '09:00 – 19:00', '9am to 7pm', 'de 9h à 19h', '9:00 - 19:00']) {
      expect(parseTimeRange(input), input).toEqual({ ok: true, value: { start: '09:00', end: '19:00' } });
    }
  });
  it('refuses a range that does not end after it starts, and quotes a bad time alone', () => {
    expect(parseTimeRange('19:00-09:00')).toMatchObject({ ok: false, error: { code: 'settings.range_order', input: '19:00-09:00', params: { start: '19:00', end: '09:00' } } });
    expect(parseTimeRange('09:00-09:00')).toMatchObject({ ok: false, error: { code: 'settings.range_order' } });
    expect(parseTimeRange('09:00-25:00')).toMatchObject({ ok: false, error: { code: 'time.out_of_range', input: '25:00' } });
    expect(parseTimeRange('morning-19:00')).toMatchObject({ ok: false, error: { code: 'time.unparseable', input: 'morning' } });
    expect(parseTimeRange('09:00')).toMatchObject({ ok: false, error: { code: 'settings.not_a_time_range', input: '09:00' } });
  });
});

describe('the settings registry', () => {
  it('has a key, a default that its own check accepts, and an example that parses, for every setting', () => {
    for (const name of SETTING_NAMES) {
      expect(settingNameOf(SETTING_KEYS[name])).toBe(name);
      expect(SETTING_SPECS[name].decode(DEFAULT_SETTINGS[name]), name).toEqual(DEFAULT_SETTINGS[name]);
      // A #name in an example is what people type; Slack turns it into a link.
      const typed = SETTING_SPECS[name].example.replace(/^#(\S+)$/, '<#C0123ABCD|$1>');
      expect(parseSettingValue(name, typed, here).ok, name).toBe(true);
    }
  });

  it('reads a stored value that no longer fits as absent', () => {
    expect(SETTING_SPECS.promiseGraceDays.decode(42)).toBeUndefined();
    expect(SETTING_SPECS.promiseGraceDays.decode('2')).toBeUndefined();
    expect(SETTING_SPECS.callBackoffDays.decode([])).toBeUndefined();
    expect(SETTING_SPECS.callBackoffDays.decode([1, 'x'])).toBeUndefined();
    expect(SETTING_SPECS.callingWindow.decode({ start: '19:00', end: '09:00' })).toBeUndefined();
    expect(SETTING_SPECS.channel.decode('#general')).toBeUndefined();
    expect(SETTING_SPECS.callingWindow.decode({ start: '08:00', end: '18:00' })).toEqual({ start: '08:00', end: '18:00' });
  });
});

describe('resolveChannels', () => {
  it('follows the first digest channel, and the team channel for managers', () => {
    expect(resolveChannels(DEFAULT_SETTINGS, 'C0DIGEST')).toEqual({ team: 'C0DIGEST', managers: 'C0DIGEST' });
    expect(resolveChannels({ ...DEFAULT_SETTINGS, channel: 'C0TEAM' }, 'C0DIGEST')).toEqual({ team: 'C0TEAM', managers: 'C0TEAM' });
    expect(resolveChannels({ ...DEFAULT_SETTINGS, managersChannel: 'C0MGR' }, null)).toEqual({ team: null, managers: 'C0MGR' });
  });
});
