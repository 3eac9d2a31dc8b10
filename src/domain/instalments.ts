// Payment plans: a debt split into n instalments, each tracked like a promise
// to pay (src/domain/promises.ts). The split is in minor units and loses
// nothing: every instalment but the last gets the same whole part, the last
// one carries the remainder. Instalment k is kept when the payments since the
// plan was agreed reach the instalments up to k by k's last day — cumulative,
// so one early payment can cover several and no payment counts twice.
import { addDays, addMonths, type BusinessCalendar, type IsoDate } from './dates.ts';
import { promiseLastDay, type PaymentLine, type PromiseVerdict } from './promises.ts';

export const PLAN_PERIODS = ['week', '2weeks', 'month'] as const;
export type PlanPeriod = (typeof PLAN_PERIODS)[number];

/** Fewer is a promise; more than three years of monthly instalments is not a plan anyone tracks. */
export const MIN_INSTALMENTS = 2;
export const MAX_INSTALMENTS = 36;

export const isPlanPeriod = (value: unknown): value is PlanPeriod => (PLAN_PERIODS as readonly unknown[]).includes(value);

/**
 * `totalCents` in `n` parts: n − 1 equal parts rounded down and the last one
 * with the remainder (1000.00 / 3 = 333.33, 333.33, 333.34). Null when a part
 * would be less than one minor unit.
 */
export function splitTotal(totalCents: number, n: number): number[] | null {
  if (!Number.isSafeInteger(totalCents) || !Number.isInteger(n) || n < 1) throw new RangeError(`cannot split ${totalCents} in ${n}`);
  const part = Math.floor(totalCents / n);
  if (part < 1) return null;
  return Array.from({ length: n }, (_, k) => (k === n - 1 ? totalCents - part * (n - 1) : part));
}

/**
 * The k-th due date (k = 0 is `first`). Months are counted from the first
 * date, not chained: from 31 January, 28 February then 31 March, never the 28th.
 */
export function nthDueDate(first: IsoDate, k: number, period: PlanPeriod): IsoDate {
  switch (period) {
    case 'week': return addDays(first, 7 * k);
    case '2weeks': return addDays(first, 14 * k);
    case 'month': return addMonths(first, k);
  }
}

/** The default first due date: one period from today. */
export const firstDueDefault = (today: IsoDate, period: PlanPeriod): IsoDate => nthDueDate(today, 1, period);

export interface Instalment {
  /** 1 … n. */
  number: number;
  dueOn: IsoDate;
  amountCents: number;
  /** What the earlier instalments add up to: payments count for this one past that sum. */
  countedFromCents: number;
}

/** The whole schedule, or null when an instalment would be less than one minor unit. */
export function planSchedule(input: { totalCents: number; instalments: number; period: PlanPeriod; firstDueOn: IsoDate }): Instalment[] | null {
  const parts = splitTotal(input.totalCents, input.instalments);
  if (!parts) return null;
  let before = 0;
  return parts.map((amountCents, k) => {
    const line = { number: k + 1, dueOn: nthDueDate(input.firstDueOn, k, input.period), amountCents, countedFromCents: before };
    before += amountCents;
    return line;
  });
}

/**
 * The verdict on one instalment, the plain form of the rule the SQL applies
 * (src/db/promise-verdicts.ts): payments in the plan's currency from the day
 * it was agreed to the instalment's last day, less what the earlier
 * instalments took; what counts for it is clipped to 0…its amount.
 */
export function instalmentVerdict(
  instalment: Instalment & { currency: string; agreedOn: IsoDate },
  payments: readonly PaymentLine[], today: IsoDate, grace: { days: number; calendar: BusinessCalendar },
): PromiseVerdict {
  const lastDay = promiseLastDay(instalment.dueOn, grace.days, grace.calendar);
  const since = payments
    .filter((p) => p.currency === instalment.currency && p.paidOn >= instalment.agreedOn && p.paidOn <= lastDay)
    .reduce((sum, p) => sum + p.amountCents, 0);
  const towards = since - instalment.countedFromCents;
  const paidCents = Math.max(0, Math.min(towards, instalment.amountCents));
  if (towards >= instalment.amountCents) return { status: 'kept', paidCents };
  if (today > lastDay) return { status: 'broken', paidCents, missingCents: instalment.amountCents - paidCents };
  return { status: 'pending', paidCents };
}

/**
 * The first day the plan no longer holds the case: the day after the last
 * instalment's last day, when its verdict is due. The case stays paused until
 * then, so the end of the pause never comes before the plan's own end.
 */
export function planPauseEnd(lastDueOn: IsoDate, grace: { days: number; calendar: BusinessCalendar }): IsoDate {
  return addDays(promiseLastDay(lastDueOn, grace.days, grace.calendar), 1);
}

export type InstalmentOutcome = PromiseVerdict | { status: 'cancelled' };

/**
 * A whole plan decided at once from pending, as one verdict pass does: each
 * instalment by instalmentVerdict, except that the first broken one ends the
 * plan, so those after it are cancelled whatever came. The plan is broken
 * then, kept once every instalment is, and active until either.
 */
export function planVerdicts(
  plan: { schedule: readonly Instalment[]; currency: string; agreedOn: IsoDate },
  payments: readonly PaymentLine[], today: IsoDate, grace: { days: number; calendar: BusinessCalendar },
): { plan: 'active' | 'kept' | 'broken'; instalments: InstalmentOutcome[] } {
  const verdicts = plan.schedule.map((line) => instalmentVerdict({ ...line, currency: plan.currency, agreedOn: plan.agreedOn }, payments, today, grace));
  const broken = verdicts.findIndex((v) => v.status === 'broken');
  if (broken >= 0) return { plan: 'broken', instalments: verdicts.map((v, k) => (k > broken ? { status: 'cancelled' } : v)) };
  return { plan: verdicts.every((v) => v.status === 'kept') ? 'kept' : 'active', instalments: verdicts };
}
