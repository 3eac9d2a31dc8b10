import { describe, expect, it } from 'vitest';
import {
  AGING_BUCKETS, agingBucket, daysOverdue, isNearTimeBar, isOverdue, TIME_BAR_WARNING_DAYS, TIME_BAR_YEARS, timeBarDate,
  timeBarStatus,
} from '../../src/domain/aging.ts';
import { addDays } from '../../src/domain/dates.ts';

const TODAY = '2026-11-23';
const dueDaysAgo = (n: number) => addDays(TODAY, -n);

describe('days overdue', () => {
  it('is today − due date, negative before the due date', () => {
    expect(daysOverdue('2026-11-13', TODAY)).toBe(10);
    expect(daysOverdue(TODAY, TODAY)).toBe(0);
    expect(daysOverdue('2026-11-30', TODAY)).toBe(-7);
  });
  it('counts an invoice as overdue from the day after its due date', () => {
    expect(isOverdue(TODAY, TODAY)).toBe(false);
    expect(isOverdue('2026-11-22', TODAY)).toBe(true);
  });
});

describe('aging buckets', () => {
  it('covers −7 … ∞ without gaps or overlaps, in order', () => {
    expect(AGING_BUCKETS.map((b) => b.key)).toEqual(['due_soon', '1_30', '31_60', '61_90', '91_plus']);
    expect(AGING_BUCKETS[0]?.minDays).toBe(-7);
    for (let i = 1; i < AGING_BUCKETS.length; i++) {
      expect(AGING_BUCKETS[i]?.minDays).toBe((AGING_BUCKETS[i - 1]?.maxDays ?? NaN) + 1);
    }
    expect(AGING_BUCKETS.at(-1)?.maxDays).toBeNull();
  });

  it.each([
    [-8, null],
    [-7, 'due_soon'],
    [0, 'due_soon'],
    [1, '1_30'],
    [30, '1_30'],
    [31, '31_60'],
    [60, '31_60'],
    [61, '61_90'],
    [90, '61_90'],
    [91, '91_plus'],
    [2000, '91_plus'],
  ])('%i days overdue → %s', (days, key) => {
    expect(agingBucket(dueDaysAgo(days), TODAY)).toBe(key);
  });
});

describe('time bar', () => {
  it('is 5 years between businesses and 2 against a consumer', () => {
    expect(TIME_BAR_YEARS).toEqual({ b2b: 5, b2c: 2 });
    expect(timeBarDate('b2b', '2021-12-15')).toBe('2026-12-15');
    expect(timeBarDate('b2c', '2024-12-15')).toBe('2026-12-15');
    expect(timeBarDate('b2c', '2024-02-29')).toBe('2026-02-28');
  });

  it('flags the warning window, 90 days by default, inclusive', () => {
    expect(TIME_BAR_WARNING_DAYS).toBe(90);
    // Bar on 2026-12-15: 22 days left.
    expect(timeBarStatus('b2b', '2021-12-15', TODAY)).toBe('near');
    expect(isNearTimeBar('b2b', '2021-12-15', TODAY)).toBe(true);
    expect(isNearTimeBar('b2b', '2021-12-15', TODAY, 10)).toBe(false);
    // Exactly 90 days left, then 91.
    expect(isNearTimeBar('b2c', addDays('2024-11-23', 90), TODAY)).toBe(true);
    expect(isNearTimeBar('b2c', addDays('2024-11-23', 91), TODAY)).toBe(false);
    expect(timeBarStatus('b2c', addDays('2024-11-23', 91), TODAY)).toBe('ok');
  });

  it('is still actionable on the bar date itself and barred the day after', () => {
    expect(timeBarStatus('b2c', '2024-11-23', TODAY)).toBe('near');
    expect(timeBarStatus('b2c', '2024-11-22', TODAY)).toBe('barred');
    expect(isNearTimeBar('b2c', '2024-11-22', TODAY)).toBe(false);
  });
});
