// The periods of `/collect stats`, in English and French, with Monday
// 23 November 2026 as today: edges are calendar days, both included, and a
// period never ends after today.
import { describe, expect, it } from 'vitest';
import { parseStatsPeriod, periodDays } from '../../src/domain/stats-period.ts';

const TODAY = '2026-11-23'; // a Monday
const span = (input: string, locale: 'en' | 'fr' = 'en', today = TODAY) => {
  const r = parseStatsPeriod(input, { locale, today });
  if (!r.ok) throw new Error(`${input}: ${r.error.code}`);
  return [r.value.start, r.value.end];
};
const refusal = (input: string, locale: 'en' | 'fr' = 'en') => {
  const r = parseStatsPeriod(input, { locale, today: TODAY });
  if (r.ok) throw new Error(`${input} was accepted`);
  return r.error;
};

describe('named periods', () => {
  it.each([
    ['', '2026-11-01', '2026-11-23'],
    ['this month', '2026-11-01', '2026-11-23'],
    ['today', '2026-11-23', '2026-11-23'],
    ['yesterday', '2026-11-22', '2026-11-22'],
    ['this week', '2026-11-23', '2026-11-23'],
    ['last week', '2026-11-16', '2026-11-22'],
    ['last month', '2026-10-01', '2026-10-31'],
    ['this quarter', '2026-10-01', '2026-11-23'],
    ['last quarter', '2026-07-01', '2026-09-30'],
    ['ytd', '2026-01-01', '2026-11-23'],
    ['this year', '2026-01-01', '2026-11-23'],
    ['last year', '2025-01-01', '2025-12-31'],
    ['30d', '2026-10-25', '2026-11-23'],
    ['90d', '2026-08-26', '2026-11-23'],
    ['last 30 days', '2026-10-25', '2026-11-23'],
    ['Last  30 Days', '2026-10-25', '2026-11-23'],
  ])('%j in English is %s to %s', (input, start, end) => expect(span(input)).toEqual([start, end]));

  it.each([
    ['ce mois', '2026-11-01', '2026-11-23'],
    ['ce mois-ci', '2026-11-01', '2026-11-23'],
    ['mois dernier', '2026-10-01', '2026-10-31'],
    ['le mois dernier', '2026-10-01', '2026-10-31'],
    ["aujourd'hui", '2026-11-23', '2026-11-23'],
    ['semaine dernière', '2026-11-16', '2026-11-22'],
    ['ce trimestre', '2026-10-01', '2026-11-23'],
    ['trimestre dernier', '2026-07-01', '2026-09-30'],
    ['cette année', '2026-01-01', '2026-11-23'],
    ["l'année dernière", '2025-01-01', '2025-12-31'],
    ['30j', '2026-10-25', '2026-11-23'],
    ['30 derniers jours', '2026-10-25', '2026-11-23'],
    ['les 30 derniers jours', '2026-10-25', '2026-11-23'],
  ])('%j in French is %s to %s', (input, start, end) => expect(span(input, 'fr')).toEqual([start, end]));

  it('a week starts on Monday, and this week on a Sunday is seven days', () => {
    expect(span('this week', 'en', '2026-11-29')).toEqual(['2026-11-23', '2026-11-29']);
    expect(span('last week', 'en', '2026-11-29')).toEqual(['2026-11-16', '2026-11-22']);
  });

  it('last month in January is December of the year before; last quarter in Q1 is Q4', () => {
    expect(span('last month', 'en', '2027-01-05')).toEqual(['2026-12-01', '2026-12-31']);
    expect(span('last quarter', 'en', '2027-02-10')).toEqual(['2026-10-01', '2026-12-31']);
  });

  it('last month ending in February of a leap year', () => {
    expect(span('last month', 'en', '2028-03-10')).toEqual(['2028-02-01', '2028-02-29']);
  });
});

describe('months, quarters, years and ranges', () => {
  it.each([
    ['2026-10', '2026-10-01', '2026-10-31'],
    ['10/2026', '2026-10-01', '2026-10-31'],
    ['oct 2026', '2026-10-01', '2026-10-31'],
    ['Oct. 2026', '2026-10-01', '2026-10-31'],
    ['october 2026', '2026-10-01', '2026-10-31'],
    ['octobre 2026', '2026-10-01', '2026-10-31'],
    ['février 2026', '2026-02-01', '2026-02-28'],
    ['2026-02', '2026-02-01', '2026-02-28'],
    ['october', '2026-10-01', '2026-10-31'],
    ['december', '2025-12-01', '2025-12-31'],
    ['Q3 2026', '2026-07-01', '2026-09-30'],
    ['T3 2026', '2026-07-01', '2026-09-30'],
    ['2026-Q1', '2026-01-01', '2026-03-31'],
    ['2025', '2025-01-01', '2025-12-31'],
    ['2026-10-01..2026-10-31', '2026-10-01', '2026-10-31'],
    ['2026-10-01 .. 2026-10-15', '2026-10-01', '2026-10-15'],
    ['01/10/2026 to 31/10/2026', '2026-10-01', '2026-10-31'],
    ['du 1/10/2026 au 15/10/2026', '2026-10-01', '2026-10-15'],
    ['2026-11-20..2026-11-20', '2026-11-20', '2026-11-20'],
    ['2026-11-20', '2026-11-20', '2026-11-20'],
  ])('%j is %s to %s', (input, start, end) => expect(span(input, 'fr')).toEqual([start, end]));

  it('the current month, quarter or year ends today, and says it was cut', () => {
    const month = parseStatsPeriod('2026-11', { locale: 'en', today: TODAY });
    expect(month).toEqual({ ok: true, value: { start: '2026-11-01', end: TODAY, clamped: true } });
    expect(span('Q4 2026')).toEqual(['2026-10-01', TODAY]);
    expect(span('2026')).toEqual(['2026-01-01', TODAY]);
    expect(span('2026-11-01..2026-12-31')).toEqual(['2026-11-01', TODAY]);
  });

  it('the named periods are never cut', () => {
    const last = parseStatsPeriod('last month', { locale: 'en', today: TODAY });
    expect(last.ok && last.value.clamped).toBe(false);
  });

  it('counts days with both ends included', () => {
    expect(periodDays({ start: '2026-10-01', end: '2026-10-31' })).toBe(31);
    expect(periodDays({ start: TODAY, end: TODAY })).toBe(1);
  });
});

describe('refusals quote the input', () => {
  it('words it does not know', () => {
    expect(refusal('last fortnight')).toEqual({ code: 'stats.unknown_period', input: 'last fortnight' });
    expect(refusal('blah')).toEqual({ code: 'stats.unknown_period', input: 'blah' });
  });

  it('a period entirely after today', () => {
    expect(refusal('2026-12')).toEqual({ code: 'stats.future_period', input: '2026-12', params: { start: '2026-12-01', today: TODAY } });
    expect(refusal('2027')).toMatchObject({ code: 'stats.future_period' });
    expect(refusal('2026-12-01..2026-12-31')).toMatchObject({ code: 'stats.future_period' });
  });

  it('a range the wrong way round', () => {
    expect(refusal('2026-10-31..2026-10-01')).toEqual({
      code: 'stats.range_order', input: '2026-10-31..2026-10-01', params: { start: '2026-10-31', end: '2026-10-01' },
    });
  });

  it('one side of a range that is not a date, quoting that side', () => {
    expect(refusal('2026-10-01..2026-13-45')).toMatchObject({ code: 'date.unparseable', input: '2026-13-45' });
    expect(refusal('2026-02-30..2026-03-10')).toMatchObject({ code: 'date.no_such_day', input: '2026-02-30' });
  });

  it('no days, or too many, or a month that does not exist', () => {
    expect(refusal('0d')).toMatchObject({ code: 'stats.bad_days', input: '0d' });
    expect(refusal('9999d')).toMatchObject({ code: 'stats.bad_days' });
    expect(refusal('2026-13')).toMatchObject({ code: 'stats.unknown_period' });
    expect(refusal('2026-02-30')).toMatchObject({ code: 'date.no_such_day', input: '2026-02-30' });
    expect(refusal('1800')).toMatchObject({ code: 'date.out_of_range' });
  });
});
