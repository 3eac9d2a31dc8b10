import { describe, expect, it } from 'vitest';
import {
  addBusinessDays, addDays, addMonths, addYears, daysBetween, endOfMonth, HOLIDAY_COUNTRIES, isBusinessCalendar,
  isBusinessDay, isIsoDate, isoDate, isPublicHoliday, isTimeZone, localParts, nextBusinessDay, nextBusinessMorning,
  parseCountry, publicHolidays, todayIn, weekdayOf, zonedTimeToUtc,
} from '../../src/domain/dates.ts';

describe('calendar dates', () => {
  it('recognises real ISO dates only', () => {
    expect(isIsoDate('2026-12-01')).toBe(true);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2100-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-1-01')).toBe(false);
    expect(isIsoDate('2026-12-01T00:00:00Z')).toBe(false);
    expect(isIsoDate(20261201)).toBe(false);
  });

  it('adds days across months, years and DST changes', () => {
    expect(addDays('2026-11-23', 0)).toBe('2026-11-23');
    expect(addDays('2026-11-23', 10)).toBe('2026-12-03');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-10-25', 1)).toBe('2026-10-26');
    expect(addDays('2026-01-01', 365)).toBe('2027-01-01');
  });

  it('counts calendar days as to − from', () => {
    expect(daysBetween('2026-11-23', '2026-12-03')).toBe(10);
    expect(daysBetween('2026-12-03', '2026-11-23')).toBe(-10);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2026-11-23', '2026-11-23')).toBe(0);
  });

  it('gives ISO weekdays, Monday = 1', () => {
    expect(weekdayOf('2026-11-23')).toBe(1);
    expect(weekdayOf('2026-11-27')).toBe(5);
    expect(weekdayOf('2026-11-29')).toBe(7);
    expect(weekdayOf('1970-01-01')).toBe(4);
    expect(weekdayOf('1969-12-31')).toBe(3);
  });

  it('adds months and years, clamping to the month end', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-23', 2)).toBe('2027-01-23');
    expect(addMonths('2026-01-15', -2)).toBe('2025-11-15');
    expect(addYears('2024-02-29', 2)).toBe('2026-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(endOfMonth('2026-02-10')).toBe('2026-02-28');
    expect(endOfMonth('2026-11-30')).toBe('2026-11-30');
  });

  it('throws on malformed dates: a programming error, not user input', () => {
    expect(() => addDays('01/12/2026', 1)).toThrow(RangeError);
    expect(() => daysBetween('2026-02-30', '2026-03-01')).toThrow(RangeError);
    expect(() => isoDate(2026, 2, 30)).toThrow(RangeError);
  });
});

describe('time zones', () => {
  it('gives the local date and time of an instant', () => {
    const now = new Date('2026-11-23T23:30:00Z');
    expect(todayIn('Europe/Paris', now)).toBe('2026-11-24');
    expect(todayIn('UTC', now)).toBe('2026-11-23');
    expect(todayIn('America/New_York', now)).toBe('2026-11-23');
    expect(todayIn('Pacific/Kiritimati', new Date('2026-11-23T10:30:00Z'))).toBe('2026-11-24');
    expect(localParts(now, 'Europe/Paris')).toEqual({ date: '2026-11-24', time: '00:30', hour: 0, minute: 30, second: 0, weekday: 2 });
    expect(localParts(new Date('2026-07-01T07:05:09Z'), 'Europe/Paris')).toMatchObject({ time: '09:05', second: 9, weekday: 3 });
  });

  it('turns a wall-clock time into an instant', () => {
    expect(zonedTimeToUtc('2026-11-23', '09:00', 'Europe/Paris').toISOString()).toBe('2026-11-23T08:00:00.000Z');
    expect(zonedTimeToUtc('2026-07-01', '09:00', 'Europe/Paris').toISOString()).toBe('2026-07-01T07:00:00.000Z');
    expect(zonedTimeToUtc('2026-11-23', '9:00', 'America/New_York').toISOString()).toBe('2026-11-23T14:00:00.000Z');
    expect(zonedTimeToUtc('2026-11-23', '00:00', 'UTC').toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(zonedTimeToUtc('2026-11-23', '09:00', 'Asia/Kolkata').toISOString()).toBe('2026-11-23T03:30:00.000Z');
  });

  it('is right on both sides of a DST change', () => {
    // Paris springs forward on 2026-03-29 at 02:00 and falls back on 2026-10-25 at 03:00.
    expect(zonedTimeToUtc('2026-03-29', '01:30', 'Europe/Paris').toISOString()).toBe('2026-03-29T00:30:00.000Z');
    expect(zonedTimeToUtc('2026-03-29', '09:00', 'Europe/Paris').toISOString()).toBe('2026-03-29T07:00:00.000Z');
    expect(zonedTimeToUtc('2026-10-25', '09:00', 'Europe/Paris').toISOString()).toBe('2026-10-25T08:00:00.000Z');
    expect(zonedTimeToUtc('2026-03-08', '09:00', 'America/New_York').toISOString()).toBe('2026-03-08T13:00:00.000Z');
  });

  it('moves a time that does not exist forward by the gap', () => {
    const t = zonedTimeToUtc('2026-03-29', '02:30', 'Europe/Paris');
    expect(t.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(localParts(t, 'Europe/Paris').time).toBe('03:30');
    expect(zonedTimeToUtc('2026-03-08', '02:15', 'America/New_York').toISOString()).toBe('2026-03-08T07:15:00.000Z');
  });

  it('takes the first of a time that happens twice', () => {
    expect(zonedTimeToUtc('2026-10-25', '02:30', 'Europe/Paris').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(zonedTimeToUtc('2026-11-01', '01:30', 'America/New_York').toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });

  it('validates its inputs', () => {
    expect(() => zonedTimeToUtc('2026-11-23', '9h', 'Europe/Paris')).toThrow(RangeError);
    expect(() => zonedTimeToUtc('2026-11-23', '24:00', 'Europe/Paris')).toThrow(RangeError);
    expect(() => todayIn('Mars/Olympus', new Date())).toThrow(RangeError);
    expect(isTimeZone('Europe/Paris')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});

describe('public holidays', () => {
  it('has the 11 French public holidays, Easter Monday, Ascension and Whit Monday included', () => {
    expect(publicHolidays(2026, 'FR')).toEqual([
      '2026-01-01', '2026-04-06', '2026-05-01', '2026-05-08', '2026-05-14', '2026-05-25',
      '2026-07-14', '2026-08-15', '2026-11-01', '2026-11-11', '2026-12-25',
    ]);
    expect(publicHolidays(2027, 'FR')).toEqual([
      '2027-01-01', '2027-03-29', '2027-05-01', '2027-05-06', '2027-05-08', '2027-05-17',
      '2027-07-14', '2027-08-15', '2027-11-01', '2027-11-11', '2027-12-25',
    ]);
    expect(publicHolidays(2025, 'FR')).toContain('2025-04-21');
    expect(publicHolidays(2025, 'FR')).toContain('2025-05-29');
    expect(publicHolidays(2025, 'FR')).toContain('2025-06-09');
  });

  it('knows the other supported countries', () => {
    expect(publicHolidays(2026, 'BE')).toEqual(expect.arrayContaining(['2026-07-21', '2026-11-11', '2026-05-25']));
    expect(publicHolidays(2026, 'DE')).toEqual([
      '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-01', '2026-05-14', '2026-05-25', '2026-10-03', '2026-12-25', '2026-12-26',
    ]);
    // England & Wales, with substitute days and one-off bank holidays.
    expect(publicHolidays(2026, 'GB')).toEqual([
      '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-26', '2026-12-28',
    ]);
    expect(publicHolidays(2022, 'GB')).toEqual(expect.arrayContaining(['2022-06-02', '2022-06-03', '2022-09-19', '2022-12-27']));
    expect(publicHolidays(2026, 'US')).toEqual(expect.arrayContaining(['2026-07-03', '2026-07-04', '2026-11-26', '2026-06-19', '2026-01-19']));
    expect(publicHolidays(2026, 'US')).not.toContain('2026-11-27');
    expect(publicHolidays(2026, 'ES')).toEqual(expect.arrayContaining(['2026-10-12', '2026-12-08', '2026-04-03']));
    expect(publicHolidays(2026, 'IT')).toEqual(expect.arrayContaining(['2026-04-25', '2026-06-02', '2026-12-26']));
    expect(publicHolidays(2026, 'NL')).toEqual(expect.arrayContaining(['2026-04-27', '2026-05-14', '2026-12-26']));
    expect(publicHolidays(2026, 'LU')).toEqual(expect.arrayContaining(['2026-05-09', '2026-06-23', '2026-12-26']));
    expect(publicHolidays(2026, 'CH')).toEqual(expect.arrayContaining(['2026-08-01', '2026-05-14', '2026-01-01']));
    for (const country of HOLIDAY_COUNTRIES) {
      const list = publicHolidays(2026, country);
      expect(list.length, country).toBeGreaterThanOrEqual(8);
      expect(list.every((d) => d.startsWith('2026-') && isIsoDate(d)), country).toBe(true);
    }
  });

  it('leaves out bank holidays and observances', () => {
    expect(isPublicHoliday('2026-12-24', 'DE')).toBe(false);
    expect(isPublicHoliday('2026-05-31', 'FR')).toBe(false); // Fête des Mères
    expect(isPublicHoliday('2026-05-24', 'FR')).toBe(false); // Pentecost is a Sunday observance
  });

  it('has a weekends-only calendar', () => {
    expect(publicHolidays(2026, 'none')).toEqual([]);
    expect(isPublicHoliday('2026-12-25', 'none')).toBe(false);
  });

  it('parses a country setting', () => {
    expect(parseCountry(' fr ')).toEqual({ ok: true, value: 'FR' });
    expect(parseCountry('UK')).toEqual({ ok: true, value: 'GB' });
    expect(parseCountry('none')).toEqual({ ok: true, value: 'none' });
    const bad = parseCountry('XX');
    expect(bad.ok ? null : bad.error).toEqual({ code: 'country.unsupported', input: 'XX', params: { supported: 'FR, BE, DE, GB, US, ES, IT, NL, LU, CH, none' } });
    expect(isBusinessCalendar('FR')).toBe(true);
    expect(isBusinessCalendar('fr')).toBe(false);
  });
});

describe('business days', () => {
  it('skips weekends and public holidays', () => {
    expect(isBusinessDay('2026-11-23', 'FR')).toBe(true);
    expect(isBusinessDay('2026-11-28', 'FR')).toBe(false);
    expect(isBusinessDay('2026-11-11', 'FR')).toBe(false);
    expect(isBusinessDay('2026-11-11', 'DE')).toBe(true);
    expect(isBusinessDay('2026-11-11', 'none')).toBe(true);
    expect(isBusinessDay('2026-05-14', 'FR')).toBe(false);
  });

  it('adds business days', () => {
    expect(addBusinessDays('2026-11-27', 1, 'FR')).toBe('2026-11-30'); // Friday → Monday
    expect(addBusinessDays('2026-11-28', 1, 'FR')).toBe('2026-11-30'); // Saturday → Monday
    expect(addBusinessDays('2026-11-10', 1, 'FR')).toBe('2026-11-12'); // over 11 November
    expect(addBusinessDays('2026-11-10', 1, 'none')).toBe('2026-11-11');
    expect(addBusinessDays('2026-11-23', 5, 'FR')).toBe('2026-11-30');
    expect(addBusinessDays('2026-12-24', 1, 'FR')).toBe('2026-12-28');
    expect(addBusinessDays('2026-11-30', -1, 'FR')).toBe('2026-11-27');
    expect(addBusinessDays('2026-11-28', 0, 'FR')).toBe('2026-11-28');
    expect(() => addBusinessDays('2026-11-28', 1.5, 'FR')).toThrow(RangeError);
  });

  it('finds the next business day strictly after', () => {
    expect(nextBusinessDay('2026-11-23', 'FR')).toBe('2026-11-24');
    expect(nextBusinessDay('2026-05-13', 'FR')).toBe('2026-05-15'); // over Ascension
    expect(nextBusinessDay('2026-04-02', 'DE')).toBe('2026-04-07'); // Good Friday, weekend, Easter Monday
    expect(nextBusinessDay('2026-04-02', 'FR')).toBe('2026-04-03');
  });

  it('finds the next business morning strictly after now', () => {
    const paris = (iso: string) => nextBusinessMorning(new Date(iso), 'Europe/Paris', 'FR').toISOString();
    expect(paris('2026-11-24T06:30:00Z')).toBe('2026-11-24T08:00:00.000Z'); // Tue 07:30 → today 09:00
    expect(paris('2026-11-24T08:00:00Z')).toBe('2026-11-25T08:00:00.000Z'); // Tue 09:00 sharp → Wednesday
    expect(paris('2026-11-24T15:00:00Z')).toBe('2026-11-25T08:00:00.000Z');
    expect(paris('2026-11-27T17:00:00Z')).toBe('2026-11-30T08:00:00.000Z'); // Friday evening → Monday
    expect(paris('2026-11-10T17:00:00Z')).toBe('2026-11-12T08:00:00.000Z'); // eve of 11 November
    expect(paris('2026-03-27T17:00:00Z')).toBe('2026-03-30T07:00:00.000Z'); // over the DST weekend
    // 23:30 UTC is already Tuesday in Paris.
    expect(paris('2026-11-23T23:30:00Z')).toBe('2026-11-24T08:00:00.000Z');
    expect(nextBusinessMorning(new Date('2026-11-24T06:30:00Z'), 'America/New_York', 'US', '08:30').toISOString())
      .toBe('2026-11-24T13:30:00.000Z');
    expect(nextBusinessMorning(new Date('2026-11-25T20:00:00Z'), 'America/New_York', 'US').toISOString())
      .toBe('2026-11-27T14:00:00.000Z'); // over Thanksgiving
  });
});
