import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WORKING_HOURS, firstCallMoment, isWorkingAt, nextWorkStart, parseWorkingHours, worksLaterToday, type CallFit,
} from '../../src/domain/working-hours.ts';

const hours = (days: number[], start: string, end: string) => ({ days, start, end });
const window = { start: '09:00', end: '19:00' };

describe('parseWorkingHours', () => {
  it.each([
    ['mon-fri 09:00-17:30', hours([1, 2, 3, 4, 5], '09:00', '17:30')],
    ['lun-ven 9h-17h30', hours([1, 2, 3, 4, 5], '09:00', '17:30')],
    ['mon,tue,thu 8:30-16:00', hours([1, 2, 4], '08:30', '16:00')],
    ['mon, tue, thu 8:30-16:00', hours([1, 2, 4], '08:30', '16:00')],
    ['tue-sat 08:00-16:00', hours([2, 3, 4, 5, 6], '08:00', '16:00')],
    ['Monday-Friday 9am to 5pm', hours([1, 2, 3, 4, 5], '09:00', '17:00')],
    ['du lundi au vendredi de 9h à 17h', hours([1, 2, 3, 4, 5], '09:00', '17:00')],
    ['mardi,jeudi 14h-18h', hours([2, 4], '14:00', '18:00')],
    ['fri-mon 10:00-14:00', hours([1, 5, 6, 7], '10:00', '14:00')],
    ['weekdays 07:30-15:30', hours([1, 2, 3, 4, 5], '07:30', '15:30')],
  ])('%s', (input, expected) => {
    expect(parseWorkingHours(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['09:00-17:30', 'hours.missing_days', '09:00-17:30'],
    ['mon-fri', 'hours.missing_time', 'mon-fri'],
    ['mon-fry 09:00-17:30', 'hours.bad_days', 'mon-fry'],
    ['someday 09:00-17:30', 'hours.bad_days', 'someday'],
    ['mon-fri 17:30-09:00', 'settings.range_order', '17:30-09:00'],
    ['mon-fri 09:00-25:00', 'time.out_of_range', '25:00'],
    ['mon-fri 9 heures', 'settings.not_a_time_range', '9 heures'],
  ])('refuses %s, quoting the bad part', (input, code, quoted) => {
    expect(parseWorkingHours(input)).toMatchObject({ ok: false, error: { code, input: quoted } });
  });
});

describe('when someone works', () => {
  const ny = 'America/New_York';
  const h = hours([1, 2, 3, 4, 5], '09:00', '17:30');

  it('reads the hours in their own zone', () => {
    // Monday 23 Nov 2026, 14:00 UTC = 09:00 in New York.
    expect(isWorkingAt(new Date('2026-11-23T14:00:00Z'), h, ny, 'US')).toBe(true);
    expect(isWorkingAt(new Date('2026-11-23T13:59:00Z'), h, ny, 'US')).toBe(false);
    expect(isWorkingAt(new Date('2026-11-23T22:30:00Z'), h, ny, 'US')).toBe(false);
  });

  it('public holidays are days off, whatever days they work', () => {
    // Thanksgiving, Thursday 26 Nov 2026.
    expect(isWorkingAt(new Date('2026-11-26T15:00:00Z'), h, ny, 'US')).toBe(false);
    expect(worksLaterToday(new Date('2026-11-26T12:00:00Z'), h, ny, 'US')).toBe(false);
  });

  it('works later today until their day ends', () => {
    expect(worksLaterToday(new Date('2026-11-23T09:30:00Z'), h, ny, 'US')).toBe(true);
    expect(worksLaterToday(new Date('2026-11-23T22:30:00Z'), h, ny, 'US')).toBe(false);
    expect(worksLaterToday(new Date('2026-11-28T15:00:00Z'), h, ny, 'US')).toBe(false);
  });

  it('next work start: strictly later, skipping days off', () => {
    expect(nextWorkStart(new Date('2026-11-23T09:30:00Z'), h, ny, 'US')).toEqual(new Date('2026-11-23T14:00:00Z'));
    expect(nextWorkStart(new Date('2026-11-23T14:00:00Z'), h, ny, 'US')).toEqual(new Date('2026-11-24T14:00:00Z'));
    // Friday evening before a Monday: Monday.
    expect(nextWorkStart(new Date('2026-11-27T23:00:00Z'), h, ny, 'US')).toEqual(new Date('2026-11-30T14:00:00Z'));
    // Tuesday to Saturday: Saturday is a working day.
    expect(nextWorkStart(new Date('2026-11-27T23:00:00Z'), hours([2, 3, 4, 5, 6], '08:00', '16:00'), 'Europe/Paris', 'FR'))
      .toEqual(new Date('2026-11-28T07:00:00Z'));
    expect(nextWorkStart(new Date('2026-11-27T23:00:00Z'), hours([], '08:00', '16:00'), 'Europe/Paris', 'FR')).toBeNull();
  });

  it('follows daylight saving: 09:00 stays 09:00', () => {
    const paris = DEFAULT_WORKING_HOURS;
    // Friday 27 March 2026, then Monday 30 March after the clocks went forward.
    expect(nextWorkStart(new Date('2026-03-27T10:00:00Z'), paris, 'Europe/Paris', 'FR')).toEqual(new Date('2026-03-30T07:00:00Z'));
  });
});

describe('firstCallMoment', () => {
  const fit = (over: Partial<CallFit>): CallFit => ({ hours: DEFAULT_WORKING_HOURS, zone: 'Europe/Paris', window, debtorZone: 'Europe/Paris', country: 'FR', ...over });

  it('now, when both are open', () => {
    expect(firstCallMoment(new Date('2026-11-23T09:30:00Z'), fit({}))).toEqual(new Date('2026-11-23T09:30:00Z'));
  });

  it('a Paris collector and a New York debtor: when New York opens, 15:00 in Paris', () => {
    expect(firstCallMoment(new Date('2026-11-23T09:30:00Z'), fit({ debtorZone: 'America/New_York' }))).toEqual(new Date('2026-11-23T14:00:00Z'));
  });

  it('after the collector\'s day: the next day they overlap', () => {
    expect(firstCallMoment(new Date('2026-11-23T17:30:00Z'), fit({ debtorZone: 'America/New_York' }))).toEqual(new Date('2026-11-24T14:00:00Z'));
  });

  it('a collector working Saturdays: not a business day for the debtor, so Tuesday', () => {
    const tueSat = hours([2, 3, 4, 5, 6], '08:00', '16:00');
    expect(firstCallMoment(new Date('2026-11-28T06:00:00Z'), fit({ hours: tueSat }))).toEqual(new Date('2026-12-01T08:00:00Z'));
  });

  it('hours that never meet the window: null', () => {
    expect(firstCallMoment(new Date('2026-11-23T09:30:00Z'), fit({ hours: hours([1, 2, 3, 4, 5], '19:30', '23:00') }))).toBeNull();
  });

  it('across the date line: a Sydney debtor and a Paris collector overlap before 09:00 Paris', () => {
    // Sydney is UTC+11 in November: 09:00–19:00 there is 22:00–08:00 UTC. Paris 07:00–10:00 is 06:00–09:00 UTC.
    const early = hours([1, 2, 3, 4, 5], '07:00', '10:00');
    expect(firstCallMoment(new Date('2026-11-23T05:00:00Z'), fit({ hours: early, debtorZone: 'Australia/Sydney' }))).toEqual(new Date('2026-11-23T06:00:00Z'));
  });
});
