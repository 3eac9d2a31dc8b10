import { describe, expect, it } from 'vitest';
import {
  firstDueDefault, instalmentVerdict, nthDueDate, planPauseEnd, planSchedule, planVerdicts, splitTotal,
} from '../../src/domain/instalments.ts';

describe('splitTotal', () => {
  it('puts the rounding remainder on the last instalment and loses nothing', () => {
    expect(splitTotal(100_000, 3)).toEqual([33_333, 33_333, 33_334]);
    expect(splitTotal(100, 7)).toEqual([14, 14, 14, 14, 14, 14, 16]);
    expect(splitTotal(90_000, 3)).toEqual([30_000, 30_000, 30_000]);
    for (const [total, n] of [[1, 1], [999_999_999_999_999, 36], [12_345, 12], [36, 36]] as const) {
      const parts = splitTotal(total, n)!;
      expect(parts).toHaveLength(n);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
    }
  });

  it('refuses parts under one minor unit', () => {
    expect(splitTotal(2, 3)).toBeNull();
    expect(splitTotal(3, 3)).toEqual([1, 1, 1]);
  });
});

describe('due dates', () => {
  it('steps by a week, two weeks or a month from the first date', () => {
    expect([0, 1, 2].map((k) => nthDueDate('2026-12-01', k, 'week'))).toEqual(['2026-12-01', '2026-12-08', '2026-12-15']);
    expect([0, 1, 2].map((k) => nthDueDate('2026-12-01', k, '2weeks'))).toEqual(['2026-12-01', '2026-12-15', '2026-12-29']);
    expect([0, 1, 2].map((k) => nthDueDate('2026-11-15', k, 'month'))).toEqual(['2026-11-15', '2026-12-15', '2027-01-15']);
  });

  it('clamps a month step from the 31st to the month\'s last day, counted from the first date, not chained', () => {
    expect([0, 1, 2, 3].map((k) => nthDueDate('2027-01-31', k, 'month'))).toEqual(['2027-01-31', '2027-02-28', '2027-03-31', '2027-04-30']);
    expect(nthDueDate('2027-12-31', 2, 'month')).toBe('2028-02-29');
  });

  it('starts one period from today by default', () => {
    expect(firstDueDefault('2026-11-23', 'month')).toBe('2026-12-23');
    expect(firstDueDefault('2026-11-23', 'week')).toBe('2026-11-30');
    expect(firstDueDefault('2026-11-23', '2weeks')).toBe('2026-12-07');
  });
});

describe('planSchedule', () => {
  it('gives each instalment its date, amount and what the earlier ones add up to', () => {
    expect(planSchedule({ totalCents: 100_000, instalments: 3, period: 'month', firstDueOn: '2026-12-23' })).toEqual([
      { number: 1, dueOn: '2026-12-23', amountCents: 33_333, countedFromCents: 0 },
      { number: 2, dueOn: '2027-01-23', amountCents: 33_333, countedFromCents: 33_333 },
      { number: 3, dueOn: '2027-02-23', amountCents: 33_334, countedFromCents: 66_666 },
    ]);
    expect(planSchedule({ totalCents: 1, instalments: 2, period: 'week', firstDueOn: '2026-12-01' })).toBeNull();
  });

  it('keeps the case paused to the day after the last instalment\'s grace', () => {
    // Tuesday 23 February 2027 + 1 business day = Wednesday 24; the verdict is due Thursday 25.
    expect(planPauseEnd('2027-02-23', { days: 1, calendar: 'FR' })).toBe('2027-02-25');
    // Friday + 1 business day = Monday; back on Tuesday.
    expect(planPauseEnd('2026-11-27', { days: 1, calendar: 'FR' })).toBe('2026-12-01');
  });
});

describe('instalmentVerdict', () => {
  const grace = { days: 1, calendar: 'FR' as const };
  const [first, second, third] = planSchedule({ totalCents: 100_000, instalments: 3, period: 'month', firstDueOn: '2026-12-23' })!;
  const line = (i: typeof first) => ({ ...i!, currency: 'EUR', agreedOn: '2026-11-23' });
  const pay = (amountCents: number, paidOn: string, currency = 'EUR') => ({ amountCents, paidOn, currency });

  it('counts payments past the earlier instalments, cumulatively', () => {
    const payments = [pay(33_333, '2026-12-20')];
    expect(instalmentVerdict(line(first), payments, '2026-12-21', grace)).toEqual({ status: 'kept', paidCents: 33_333 });
    expect(instalmentVerdict(line(second), payments, '2026-12-21', grace)).toEqual({ status: 'pending', paidCents: 0 });
    expect(instalmentVerdict(line(second), payments, '2027-01-26', grace)).toEqual({ status: 'broken', paidCents: 0, missingCents: 33_333 });
  });

  it('lets one early payment keep every instalment, and records at most each one\'s amount', () => {
    const payments = [pay(100_000, '2026-11-30')];
    for (const i of [first, second, third]) expect(instalmentVerdict(line(i), payments, '2026-12-01', grace)).toMatchObject({ status: 'kept', paidCents: i!.amountCents });
  });

  it('ignores payments before the plan, in another currency or after the last day', () => {
    const payments = [pay(50_000, '2026-11-20'), pay(50_000, '2026-12-01', 'GBP'), pay(50_000, '2026-12-28')];
    expect(instalmentVerdict(line(first), payments, '2026-12-29', grace)).toEqual({ status: 'broken', paidCents: 0, missingCents: 33_333 });
  });

  it('breaks a partly paid instalment, saying what came', () => {
    const payments = [pay(40_000, '2026-12-01')];
    expect(instalmentVerdict(line(second), payments, '2027-01-26', grace)).toEqual({ status: 'broken', paidCents: 6_667, missingCents: 26_666 });
  });
});

describe('planVerdicts', () => {
  const grace = { days: 1, calendar: 'FR' as const };
  const plan = { schedule: planSchedule({ totalCents: 90_000, instalments: 3, period: 'week', firstDueOn: '2026-12-01' })!, currency: 'EUR', agreedOn: '2026-11-23' };
  const pay = (amountCents: number, paidOn: string) => ({ amountCents, paidOn, currency: 'EUR' });

  it('cancels what follows the first missed instalment, even if a late payment would cover it', () => {
    expect(planVerdicts(plan, [pay(60_000, '2026-12-04')], '2026-12-04', grace)).toEqual({
      plan: 'broken', instalments: [{ status: 'broken', paidCents: 0, missingCents: 30_000 }, { status: 'cancelled' }, { status: 'cancelled' }],
    });
  });

  it('keeps the plan once every instalment is kept, and leaves it active before', () => {
    expect(planVerdicts(plan, [pay(90_000, '2026-11-30')], '2026-11-30', grace).plan).toBe('kept');
    expect(planVerdicts(plan, [pay(30_000, '2026-11-30')], '2026-12-01', grace)).toMatchObject({
      plan: 'active', instalments: [{ status: 'kept' }, { status: 'pending' }, { status: 'pending' }],
    });
  });
});
