import { describe, expect, it } from 'vitest';
import {
  formatPercent, halfYearLabel, halfYearStart, isHalfYearStart, milliToNumeric, missingHalfYears, nextHalfYearStart, numericToMilli,
  parsePercent, parseRateAddition, rateFor, type RateRow,
} from '../../src/domain/rates.ts';

const row = (kind: RateRow['kind'], startsOn: string, milliPercent: number): RateRow => ({ kind, startsOn, milliPercent, source: 's' });
const ROWS = [row('ecb', '2025-07-01', 2150), row('ecb', '2026-01-01', 2150), row('legal', '2026-01-01', 2620)];

describe('half-years', () => {
  it('January–June starts on 1 January, July–December on 1 July', () => {
    expect(halfYearStart('2026-06-30')).toBe('2026-01-01');
    expect(halfYearStart('2026-07-01')).toBe('2026-07-01');
    expect(halfYearStart('2026-12-31')).toBe('2026-07-01');
    expect(nextHalfYearStart('2026-03-15')).toBe('2026-07-01');
    expect(nextHalfYearStart('2026-07-01')).toBe('2027-01-01');
    expect(isHalfYearStart('2027-01-01')).toBe(true);
    expect(isHalfYearStart('2027-01-02')).toBe(false);
    expect(isHalfYearStart('2027-04-01')).toBe(false);
    expect(halfYearLabel('2026-07-01')).toBe('2026 H2');
  });

  it('finds the half-year\'s row, else the latest before it, flagged', () => {
    expect(rateFor(ROWS, 'ecb', '2026-03-01')).toEqual({ row: ROWS[1], halfYear: '2026-01-01', missing: false });
    expect(rateFor(ROWS, 'ecb', '2027-02-01')).toEqual({ row: ROWS[1], halfYear: '2027-01-01', missing: true });
    // Before the table starts: its first row, still flagged.
    expect(rateFor(ROWS, 'ecb', '2024-02-01')).toEqual({ row: ROWS[0], halfYear: '2024-01-01', missing: true });
    expect(() => rateFor([], 'legal', '2026-01-01')).toThrow(RangeError);
    expect(missingHalfYears(ROWS, 'ecb', '2025-01-01', '2026-12-31')).toEqual(['2025-01-01', '2026-07-01']);
  });
});

describe('percents', () => {
  it('reads 2.15, 2,15, 12.5 % and 12,5% exactly, in thousandths of a percent', () => {
    expect(parsePercent('2.15', 30)).toEqual({ ok: true, value: 2150 });
    expect(parsePercent('2,15', 30)).toEqual({ ok: true, value: 2150 });
    expect(parsePercent('12.5 %', 100)).toEqual({ ok: true, value: 12500 });
    expect(parsePercent('12,5%', 100)).toEqual({ ok: true, value: 12500 });
    expect(parsePercent('0.125', 30)).toEqual({ ok: true, value: 125 });
    expect(parsePercent('4.2500', 30)).toEqual({ ok: true, value: 4250 });
    expect(parsePercent('30', 30)).toEqual({ ok: true, value: 30000 });
  });

  it('refuses what is not a percent', () => {
    expect(parsePercent('2.1555', 30)).toEqual({ ok: false, error: 'too_many_decimals' });
    expect(parsePercent('30.001', 30)).toEqual({ ok: false, error: 'out_of_range' });
    for (const bad of ['-1', 'abc', '', '1.2.3', '1 000', '.5', '%']) expect(parsePercent(bad, 30).ok, bad).toBe(false);
  });

  it('prints and stores without floats', () => {
    expect(formatPercent(12150)).toBe('12.15');
    expect(formatPercent(2625)).toBe('2.625');
    expect(formatPercent(0)).toBe('0.00');
    expect(formatPercent(7860, ',')).toBe('7,86');
    expect(milliToNumeric(12150)).toBe('12.150');
    expect(milliToNumeric(5)).toBe('0.005');
    expect(numericToMilli('12.150')).toBe(12150);
    expect(numericToMilli('0.000')).toBe(0);
    expect(numericToMilli('7')).toBe(7000);
  });
});

describe('rates add arguments', () => {
  const parse = (line: string) => parseRateAddition(line.split(' ').filter(Boolean));

  it('kind, half-year, published percent and source (quoted or not)', () => {
    expect(parseRateAddition(['ecb', '2027-01-01', '2.40', 'Banque de France, taux directeurs BCE'])).toEqual({
      ok: true, value: { kind: 'ecb', startsOn: '2027-01-01', milliPercent: 2400, source: 'Banque de France, taux directeurs BCE', replace: false },
    });
    expect(parse('legal 2026-07-01 2,58 % arrêté du 16 juin 2026 --replace')).toEqual({
      ok: true, value: { kind: 'legal', startsOn: '2026-07-01', milliPercent: 2580, source: 'arrêté du 16 juin 2026', replace: true },
    });
  });

  it('refuses each bad part, quoting it', () => {
    expect(parse('')).toMatchObject({ ok: false, error: { code: 'rates.missing_kind' } });
    expect(parse('ecbb 2027-01-01 2.40 x')).toMatchObject({ ok: false, error: { code: 'rates.bad_kind', input: 'ecbb' } });
    expect(parse('ecb')).toMatchObject({ ok: false, error: { code: 'rates.missing_date' } });
    expect(parse('ecb 01/01/2027 2.40 x')).toMatchObject({ ok: false, error: { code: 'rates.bad_date', input: '01/01/2027' } });
    expect(parse('ecb 2027-03-01 2.40 x')).toMatchObject({ ok: false, error: { code: 'rates.not_half_year', input: '2027-03-01', params: { start: '2027-01-01' } } });
    expect(parse('ecb 2027-01-01')).toMatchObject({ ok: false, error: { code: 'rates.missing_percent' } });
    expect(parse('ecb 2027-01-01 two x')).toMatchObject({ ok: false, error: { code: 'rates.bad_percent', input: 'two' } });
    expect(parse('ecb 2027-01-01 2.4055 x')).toMatchObject({ ok: false, error: { code: 'rates.too_many_decimals', input: '2.4055' } });
    expect(parse('legal 2027-01-01 31 x')).toMatchObject({ ok: false, error: { code: 'rates.out_of_range', input: '31' } });
    expect(parse('ecb 2027-01-01 12.40 x')).toMatchObject({ ok: false, error: { code: 'rates.ecb_plus_ten', input: '12.40', params: { ecb: '2.40' } } });
    expect(parse('ecb 2027-01-01 2.40')).toMatchObject({ ok: false, error: { code: 'rates.missing_source' } });
    expect(parse('ecb 2027-01-01 2.40 %')).toMatchObject({ ok: false, error: { code: 'rates.missing_source' } });
  });
});
