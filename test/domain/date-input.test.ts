import { describe, expect, it } from 'vitest';
import { parseDate, parseDuration, parseLocalTime, type DateOptions } from '../../src/domain/dates.ts';

// Monday 23 November 2026.
const TODAY = '2026-11-23';
const fr: DateOptions = { locale: 'fr', today: TODAY };
const en: DateOptions = { locale: 'en', today: TODAY };

const date = (input: string, opts: DateOptions = fr) => {
  const r = parseDate(input, opts);
  return r.ok ? r.value : r.error.code;
};

describe('parseDate: numeric forms', () => {
  it.each([
    ['2026-12-01', '2026-12-01'],
    ['2026-12-1', '2026-12-01'],
    ['2026/12/01', '2026-12-01'],
    ['01/12/2026', '2026-12-01'],
    ['1/12/26', '2026-12-01'],
    ['01.12.2026', '2026-12-01'],
    ['01-12-2026', '2026-12-01'],
    ['1/12', '2026-12-01'],
    [' 01/12/2026 ', '2026-12-01'],
  ])('%j → %s in both locales', (input, expected) => {
    expect(date(input, fr)).toBe(expected);
    expect(date(input, en)).toBe(expected);
  });

  it('reads slashes day first in English too (a European product)', () => {
    expect(date('12/01/2026', en)).toBe('2026-01-12');
    expect(date('03/04/2026', en)).toBe('2026-04-03');
  });

  it('reads month first only when day first is impossible', () => {
    expect(date('12/25/2026', en)).toBe('2026-12-25');
    expect(date('12/25/2026', fr)).toBe('2026-12-25');
  });

  it('rejects impossible numbers and missing days distinctly', () => {
    expect(date('32/13/2026')).toBe('date.unparseable');
    expect(date('00/12/2026')).toBe('date.unparseable');
    expect(date('2026-13-01')).toBe('date.unparseable');
    expect(date('31/04/2026')).toBe('date.no_such_day');
    expect(date('29/02/2027')).toBe('date.no_such_day');
    expect(date('29/02/2028')).toBe('2028-02-29');
    const r = parseDate('31/04/2026', fr);
    expect(r.ok ? null : r.error).toEqual({ code: 'date.no_such_day', input: '31/04/2026', params: { day: 31, month: 4, year: 2026 } });
  });

  it('rejects years out of range', () => {
    expect(date('1899-12-31')).toBe('date.out_of_range');
    expect(date('01/12/2200')).toBe('date.out_of_range');
    expect(date('0001-01-01')).toBe('date.out_of_range');
  });
});

describe('parseDate: month names in English and French', () => {
  it.each([
    ['1 déc', '2026-12-01'],
    ['1 dec', '2026-12-01'],
    ['1 déc.', '2026-12-01'],
    ['1 décembre 2026', '2026-12-01'],
    ['1er décembre 2026', '2026-12-01'],
    ['le 1er décembre', '2026-12-01'],
    ['1 DECEMBRE', '2026-12-01'],
    ['Dec 1', '2026-12-01'],
    ['december 1st', '2026-12-01'],
    ['Dec. 1, 2026', '2026-12-01'],
    ['December 1 2026', '2026-12-01'],
    ['1st of December', '2026-12-01'],
    ['the 1st of december 2026', '2026-12-01'],
    ['01-Dec-2026', '2026-12-01'],
    ['15 janvier', '2027-01-15'],
    ['3 mars 2027', '2027-03-03'],
    ['mar 3', '2027-03-03'],
    ['14 juillet 2027', '2027-07-14'],
    ['1 août 2027', '2027-08-01'],
    ['1 aout 2027', '2027-08-01'],
    ['29 février 2028', '2028-02-29'],
    ['mardi 1er décembre 2026', '2026-12-01'],
    ['Tuesday, December 1st', '2026-12-01'],
  ])('%j → %s', (input, expected) => {
    expect(date(input, fr)).toBe(expected);
    expect(date(input, en)).toBe(expected);
  });

  it('refuses a weekday that does not match the date', () => {
    const r = parseDate('lundi 1 décembre 2026', fr);
    expect(r.ok ? null : r.error).toEqual({
      code: 'date.weekday_mismatch', input: 'lundi 1 décembre 2026', params: { date: '2026-12-01', weekday: 1 },
    });
  });

  it('takes the nearest year without one, or the next one when the date must be in the future', () => {
    expect(date('20 nov', fr)).toBe('2026-11-20');
    expect(date('20 nov', { ...fr, future: true })).toBe('2027-11-20');
    expect(date('1 janvier', fr)).toBe('2027-01-01');
    expect(date('1 mai', fr)).toBe('2027-05-01');
    expect(date('1 avril', fr)).toBe('2027-04-01'); // 129 days ahead beats 236 days ago
    expect(date('1 juin', fr)).toBe('2026-06-01'); // 175 days ago beats 190 days ahead
    expect(date('1 juin', { ...fr, future: true })).toBe('2027-06-01');
    expect(date('23/11', { ...fr, future: true })).toBe('2026-11-23');
    expect(date('29 février', { ...fr, future: true })).toBe('2028-02-29');
    expect(date('31 avril')).toBe('date.no_such_day');
  });
});

describe('parseDate: words, in both languages whatever the locale', () => {
  it.each([
    ['today', '2026-11-23'],
    ["aujourd'hui", '2026-11-23'],
    ['aujourd’hui', '2026-11-23'],
    ['Tomorrow', '2026-11-24'],
    ['demain', '2026-11-24'],
    ['après-demain', '2026-11-25'],
    ['apres demain', '2026-11-25'],
    ['the day after tomorrow', '2026-11-25'],
    ['yesterday', '2026-11-22'],
    ['hier', '2026-11-22'],
    ['friday', '2026-11-27'],
    ['vendredi', '2026-11-27'],
    ['Fri', '2026-11-27'],
    ['on friday', '2026-11-27'],
    ['monday', '2026-11-30'], // today is Monday: strictly after
    ['lundi', '2026-11-30'],
    ['next monday', '2026-11-30'],
    ['lundi prochain', '2026-11-30'],
    ['next friday', '2026-11-27'],
    ['vendredi prochain', '2026-11-27'],
    ['ce vendredi', '2026-11-27'],
    ['last friday', '2026-11-20'],
    ['vendredi dernier', '2026-11-20'],
    ['last monday', '2026-11-16'],
    ['in 10 days', '2026-12-03'],
    ['dans 10 jours', '2026-12-03'],
    ["d'ici 10 jours", '2026-12-03'],
    ['in 2 weeks', '2026-12-07'],
    ['dans 2 semaines', '2026-12-07'],
    ['in a week', '2026-11-30'],
    ['dans une semaine', '2026-11-30'],
    ['in 1 month', '2026-12-23'],
    ['dans 1 mois', '2026-12-23'],
    ['dans un mois', '2026-12-23'],
    ['10 days from now', '2026-12-03'],
    ['J+10', '2026-12-03'],
    ['+10', '2026-12-03'],
    ['+2w', '2026-12-07'],
    ['end of month', '2026-11-30'],
    ['end of the month', '2026-11-30'],
    ['fin du mois', '2026-11-30'],
    ['fin de mois', '2026-11-30'],
    ['à la fin du mois', '2026-11-30'],
    ['end of next month', '2026-12-31'],
    ['fin du mois prochain', '2026-12-31'],
    ['fin décembre', '2026-12-31'],
    ['fin février', '2027-02-28'],
    ["fin d'avril", '2027-04-30'],
    ['end of february 2028', '2028-02-29'],
    ['next week', '2026-11-30'],
    ['la semaine prochaine', '2026-11-30'],
    ['next month', '2026-12-01'],
    ['le mois prochain', '2026-12-01'],
    ['end of year', '2026-12-31'],
    ["fin d'année", '2026-12-31'],
    ['now', '2026-11-23'],
    ['maintenant', '2026-11-23'],
    ['end of week', '2026-11-27'],
    ['fin de semaine', '2026-11-27'],
    ['fin de la semaine prochaine', '2026-12-04'],
    ['le 15', '2026-11-15'],
    ['the 30th', '2026-11-30'],
    ['1er', '2026-12-01'],
  ])('%j → %s', (input, expected) => {
    expect(date(input, fr)).toBe(expected);
    expect(date(input, en)).toBe(expected);
  });

  it('resolves relative words against the injected today', () => {
    const opts: DateOptions = { locale: 'en', today: '2026-12-31' };
    expect(date('tomorrow', opts)).toBe('2027-01-01');
    expect(date('in 2 months', opts)).toBe('2027-02-28');
    expect(date('fin du mois', opts)).toBe('2026-12-31');
    expect(date('end of next month', { locale: 'en', today: '2027-01-31' })).toBe('2027-02-28');
    expect(date('friday', { locale: 'en', today: '2026-11-27' })).toBe('2026-12-04');
    expect(date('end of week', { locale: 'en', today: '2026-11-28' })).toBe('2026-12-04');
    expect(date('le 15', { ...fr, future: true })).toBe('2026-12-15');
    expect(date('le 31', { ...fr, future: true })).toBe('2026-12-31');
  });

  it('falls back on chrono-node for other phrasings, whole text only', () => {
    expect(date('3rd of march', en)).toBe('2027-03-03');
    expect(date('tonight', en)).toBe('2026-11-23');
    expect(date('jan 2027', en)).toBe('date.unparseable'); // no day named
    expect(date('blah friday blah', en)).toBe('date.unparseable');
  });
});

describe('parseDate: errors', () => {
  it.each([
    ['', 'date.empty'],
    ['  ', 'date.empty'],
    ['blah', 'date.unparseable'],
    ['15', 'date.unparseable'],
    ['next', 'date.unparseable'],
    ['decembre 2026', 'date.unparseable'],
    ['in 10 parsecs', 'date.unparseable'],
    ['last friday prochain', 'date.unparseable'],
  ])('%j → %s', (input, expected) => {
    expect(date(input, en)).toBe(expected);
  });

  it('refuses a time of day', () => {
    expect(date('friday at 5pm', en)).toBe('date.time_not_allowed');
    expect(date('demain 14h', fr)).toBe('date.time_not_allowed');
  });

  it('refuses the past when a future date is needed, quoting the input and the resolved date', () => {
    const r = parseDate('01/11/2026', { ...fr, future: true });
    expect(r).toEqual({ ok: false, error: { code: 'date.past', input: '01/11/2026', params: { date: '2026-11-01' } } });
    expect(date('yesterday', { ...en, future: true })).toBe('date.past');
    expect(date('last friday', { ...en, future: true })).toBe('date.past');
    expect(date('today', { ...en, future: true })).toBe('2026-11-23');
    expect(date('2026-11-23', { ...en, future: true })).toBe('2026-11-23');
  });

  it('does not depend on the server time zone', () => {
    // chrono gets a reference at noon UTC with a zero offset; our rules use no Date at all.
    expect(date('3rd of march', { locale: 'en', today: '2026-01-01' })).toBe('2026-03-03');
    expect(date('next week', { locale: 'en', today: '2026-01-01' })).toBe('2026-01-05');
  });
});

describe('parseDuration', () => {
  it.each([
    ['10d', { days: 10 }],
    ['10 d', { days: 10 }],
    ['10 days', { days: 10 }],
    ['1 day', { days: 1 }],
    ['2w', { days: 14 }],
    ['3 weeks', { days: 21 }],
    ['1 month', { months: 1 }],
    ['6 months', { months: 6 }],
    ['10 jours', { days: 10 }],
    ['10j', { days: 10 }],
    ['2 semaines', { days: 14 }],
    ['1 mois', { months: 1 }],
    ['un mois', { months: 1 }],
    ['a week', { days: 7 }],
    ['1 an', { months: 12 }],
    ['for 2 weeks', { days: 14 }],
    ['pendant 3 semaines', { days: 21 }],
    [' 2 Weeks ', { days: 14 }],
  ])('%j → %o', (input, expected) => {
    expect(parseDuration(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', 'duration.empty'],
    ['10', 'duration.unparseable'],
    ['ten days', 'duration.unparseable'],
    ['-10d', 'duration.unparseable'],
    ['10 hours', 'duration.unparseable'],
    ['0d', 'duration.zero'],
    ['0 mois', 'duration.zero'],
    ['3661 days', 'duration.too_long'],
    ['11 years', 'duration.too_long'],
  ])('%j → %s', (input, expected) => {
    const r = parseDuration(input);
    expect(r.ok ? r.value : r.error.code).toBe(expected);
  });

  it('quotes the input and the limit', () => {
    expect(parseDuration('11 years')).toEqual({ ok: false, error: { code: 'duration.too_long', input: '11 years', params: { maxYears: 10 } } });
  });
});

describe('parseLocalTime', () => {
  it.each([
    ['09:00', '09:00'],
    ['9:00', '09:00'],
    ['9h', '09:00'],
    ['9H', '09:00'],
    ['9h30', '09:30'],
    ['9 h 30', '09:30'],
    ['17:45', '17:45'],
    ['17h45', '17:45'],
    ['0900', '09:00'],
    ['9', '09:00'],
    ['9.30', '09:30'],
    ['0:00', '00:00'],
    ['23:59', '23:59'],
    ['9am', '09:00'],
    ['5:30 pm', '17:30'],
    ['5 P.M.', '17:00'],
    ['12am', '00:00'],
    ['12pm', '12:00'],
  ])('%j → %s', (input, expected) => {
    expect(parseLocalTime(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', 'time.empty'],
    ['noon', 'time.unparseable'],
    ['9:5', 'time.unparseable'],
    ['9h3', 'time.unparseable'],
    ['24:00', 'time.out_of_range'],
    ['9:60', 'time.out_of_range'],
    ['13pm', 'time.out_of_range'],
    ['0am', 'time.out_of_range'],
  ])('%j → %s', (input, expected) => {
    const r = parseLocalTime(input);
    expect(r.ok ? r.value : r.error.code).toBe(expected);
  });
});
