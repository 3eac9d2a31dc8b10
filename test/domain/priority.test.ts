import { describe, expect, it } from 'vitest';
import { PRIORITY, priorityScore, type PriorityInput } from '../../src/domain/priority.ts';

const base: PriorityInput = {
  overdueCents: 100_000, // €1,000
  daysOverdue: 40,
  brokenPromises: 0,
  promisePending: false,
  paused: false,
  nearTimeBar: false,
};
const score = (over: Partial<PriorityInput>) => priorityScore({ ...base, ...over });

describe('priorityScore', () => {
  it('adds age and amount points', () => {
    // 0.5 × 40 + 20 × log10(1 + 1000) = 20 + 60.0087
    expect(score({})).toBe(80);
    expect(score({ overdueCents: 10_000, daysOverdue: 0 })).toBe(40); // €100 → 20 × log10(101)
    expect(score({ overdueCents: 1_000_000, daysOverdue: 0 })).toBe(80); // €10,000
  });

  it('caps age at 180 days and ignores a negative age', () => {
    expect(score({ daysOverdue: 180 })).toBe(score({ daysOverdue: 1000 }));
    expect(score({ daysOverdue: 180 }) - score({ daysOverdue: 0 })).toBe(90);
    expect(score({ daysOverdue: -5 })).toBe(score({ daysOverdue: 0 }));
  });

  it('adds 15 per broken promise, at most 3', () => {
    expect(score({ brokenPromises: 1 }) - score({})).toBe(15);
    expect(score({ brokenPromises: 3 }) - score({})).toBe(45);
    expect(score({ brokenPromises: 7 })).toBe(score({ brokenPromises: 3 }));
  });

  it('adds 40 near the time bar', () => {
    expect(score({ nearTimeBar: true }) - score({})).toBe(40);
  });

  it('quarters the score while a promise is pending', () => {
    // (20 + 60.0087) × 0.25 = 20.002
    expect(score({ promisePending: true })).toBe(20);
  });

  it('is 0 when paused or when nothing is overdue', () => {
    expect(score({ paused: true, brokenPromises: 3, nearTimeBar: true })).toBe(0);
    expect(score({ overdueCents: 0, brokenPromises: 2 })).toBe(0);
    expect(score({ overdueCents: -500 })).toBe(0);
  });

  it('rounds half up', () => {
    // 0.5 × 1 day = 0.5, plus a tiny amount: rounds to 1.
    expect(score({ overdueCents: 1, daysOverdue: 1 })).toBe(1);
    expect(score({ overdueCents: 1, daysOverdue: 0 })).toBe(0);
  });

  it('orders older, bigger, less trustworthy debts first', () => {
    const small = score({ overdueCents: 5_000, daysOverdue: 10 });
    const big = score({ overdueCents: 5_000_000, daysOverdue: 10 });
    const old = score({ overdueCents: 5_000, daysOverdue: 120 });
    const liar = score({ overdueCents: 5_000, daysOverdue: 10, brokenPromises: 2 });
    expect(big).toBeGreaterThan(small);
    expect(old).toBeGreaterThan(small);
    expect(liar).toBeGreaterThan(small);
    expect(Number.isInteger(big)).toBe(true);
  });

  it('exports its coefficients for the SQL twin', () => {
    expect(PRIORITY).toEqual({
      pointsPerDayOverdue: 0.5, maxDaysOverdue: 180, amountWeight: 20, amountDivisor: 100,
      pointsPerBrokenPromise: 15, maxBrokenPromises: 3, timeBarPoints: 40, pendingPromiseFactor: 0.25,
    });
  });
});
