// The stats formulas on figures worked out by hand, their rounding, and what
// a collector may see.
import { describe, expect, it } from 'vitest';
import {
  ceiTenths, dsoTenths, formatPercent, formatTenths, promiseKeptTenths, reachTenths, tenths, visibleCollectors,
  type CollectorFigures, type LedgerFigures,
} from '../../src/domain/stats.ts';

const ledger = (f: Partial<LedgerFigures>): LedgerFigures => ({
  currency: 'EUR', receivableBefore: 0, receivableEnd: 0, overdueEnd: 0, creditSales: 0, buckets: [0, 0, 0, 0], ...f,
});
const person = (userId: string, f: Partial<CollectorFigures> = {}): CollectorFigures => ({
  userId, calls: 0, conversations: 0, promisesTaken: 0, promisesKept: 0, promisesDecided: 0, collected: [], ...f,
});

describe('tenths', () => {
  it('rounds half away from zero on the exact quotient, not a float', () => {
    expect(tenths(1, 3, 100)).toBe(333); // 33.33…
    expect(tenths(2, 3, 100)).toBe(667); // 66.66…
    expect(tenths(29, 40, 100)).toBe(725); // 72.5 exactly
    expect(tenths(7245, 10_000, 100)).toBe(725); // 72.45 → 72.5 (a float gives 72.44999…)
    expect(tenths(-1, 8, 100)).toBe(-125);
  });

  it('has no value without a positive denominator', () => {
    expect(tenths(5, 0)).toBeNull();
    expect(tenths(5, -3)).toBeNull();
  });

  it('stays exact past 2^53', () => {
    expect(tenths(999_999_999_999_999, 1_000_000_000_000_000, 3650)).toBe(36_500);
  });
});

describe('DSO, standard method', () => {
  it('receivables at the end ÷ credit sales × days', () => {
    // €4,000 still owed at the end of a 31-day month in which €6,000 was invoiced: 20.666… days.
    expect(dsoTenths(ledger({ receivableEnd: 400_000, creditSales: 600_000 }), 31)).toBe(207);
  });

  it('none without sales in the period', () => {
    expect(dsoTenths(ledger({ receivableEnd: 400_000 }), 31)).toBeNull();
  });
});

describe('CEI', () => {
  it('(before + sales − end) ÷ (before + sales − current at the end) × 100', () => {
    // 10,000 owed before, 6,000 invoiced, 4,000 owed at the end of which 2,500 overdue (1,500 current):
    // (16,000 − 4,000) ÷ (16,000 − 1,500) = 12,000 ÷ 14,500 = 82.758…%.
    expect(ceiTenths(ledger({ receivableBefore: 1_000_000, creditSales: 600_000, receivableEnd: 400_000, overdueEnd: 250_000 }))).toBe(828);
  });

  it('is 100% when everything collectable was collected', () => {
    expect(ceiTenths(ledger({ receivableBefore: 50_000, creditSales: 20_000, receivableEnd: 20_000, overdueEnd: 0 }))).toBe(1000);
  });

  it('none when there was nothing to collect', () => {
    expect(ceiTenths(ledger({}))).toBeNull();
    expect(ceiTenths(ledger({ creditSales: 30_000, receivableEnd: 30_000 }))).toBeNull();
  });
});

describe('rates', () => {
  it('promise-kept rate counts partly kept promises as not kept', () => {
    expect(promiseKeptTenths({ kept: 3, partlyKept: 1, broken: 4 })).toBe(375);
    expect(promiseKeptTenths({ kept: 0, partlyKept: 0, broken: 0 })).toBeNull();
  });

  it('reach rate is conversations ÷ calls', () => {
    expect(reachTenths(person('U1', { calls: 12, conversations: 7 }))).toBe(583);
    expect(reachTenths(person('U1'))).toBeNull();
  });
});

describe('formatting', () => {
  it('one decimal, in each language', () => {
    expect(formatPercent(725, 'en')).toBe('72.5%');
    expect(formatPercent(725, 'fr')).toBe('72,5\u00a0%');
    expect(formatPercent(1000, 'en')).toBe('100.0%');
    expect(formatPercent(4, 'en')).toBe('0.4%');
    expect(formatTenths(12_345, 'en')).toBe('1,234.5');
    expect(formatTenths(12_345, 'fr')).toBe('1\u202f234,5');
    expect(formatTenths(-125, 'en')).toBe('-12.5');
  });
});

describe('who sees which lines', () => {
  const team = [person('UAMY', { calls: 3 }), person('UBOB', { calls: 9 }), person('UCAT', { calls: 9, promisesTaken: 2 })];

  it('managers see everyone, most calls first', () => {
    expect(visibleCollectors(team, { userId: 'UMAN', seesEveryone: true }).map((c) => c.userId)).toEqual(['UCAT', 'UBOB', 'UAMY']);
  });

  it('a collector sees their own line only, even when it is empty', () => {
    expect(visibleCollectors(team, { userId: 'UBOB', seesEveryone: false })).toEqual([team[1]]);
    expect(visibleCollectors(team, { userId: 'UNEW', seesEveryone: false })).toEqual([person('UNEW')]);
  });
});
