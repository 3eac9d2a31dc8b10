import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/domain/args.ts';
import { addDays } from '../../src/domain/dates.ts';
import { canStartAmount, caseGuess, caseSplits, parsePromiseTerms, type PromiseTermsOptions } from '../../src/domain/promise-args.ts';
import { latestDayPastDeadline, promiseDeadline, promiseLastDay, promiseVerdict, type PaymentLine, type PromiseTerms } from '../../src/domain/promises.ts';

const FR = { days: 1, calendar: 'FR' as const };
// Taken on Monday 23 November 2026, for Friday 27: with one business day of grace it runs to the end of Monday 30.
const PROMISE: PromiseTerms = { amountCents: 120_000, currency: 'EUR', takenOn: '2026-11-23', dueOn: '2026-11-27' };
const pay = (paidOn: string, amountCents: number, currency = 'EUR'): PaymentLine => ({ paidOn, amountCents, currency });

describe('promiseLastDay', () => {
  it('adds the grace in business days: a Friday promise runs to the end of Monday', () => {
    expect(promiseLastDay('2026-11-27', 1, 'FR')).toBe('2026-11-30');
    expect(promiseLastDay('2026-11-25', 1, 'FR')).toBe('2026-11-26');
    expect(promiseLastDay('2026-11-27', 2, 'FR')).toBe('2026-12-01');
  });

  it('skips public holidays of the workspace country in the grace', () => {
    // Armistice (Wed 11 Nov 2026), Christmas (Fri 25 Dec 2026), Easter Monday (29 Mar 2027).
    expect(promiseLastDay('2026-11-10', 1, 'FR')).toBe('2026-11-12');
    expect(promiseLastDay('2026-12-24', 1, 'FR')).toBe('2026-12-28');
    expect(promiseLastDay('2027-03-26', 1, 'FR')).toBe('2027-03-30');
    // Not a holiday for a team without a country calendar.
    expect(promiseLastDay('2026-11-10', 1, 'none')).toBe('2026-11-11');
  });

  it('counts a weekend promise from the next business day, and no grace means the promised day itself', () => {
    expect(promiseLastDay('2026-11-28', 1, 'FR')).toBe('2026-11-30');
    expect(promiseLastDay('2026-11-28', 0, 'FR')).toBe('2026-11-28');
  });
});

describe('latestDayPastDeadline', () => {
  it('is the last promised day whose grace is over', () => {
    // Tuesday 1 December: Friday to Sunday's promises ran to the end of Monday.
    expect(latestDayPastDeadline('2026-12-01', 1, 'FR')).toBe('2026-11-29');
    expect(latestDayPastDeadline('2026-11-30', 1, 'FR')).toBe('2026-11-26');
    expect(latestDayPastDeadline('2026-11-30', 0, 'FR')).toBe('2026-11-29');
  });

  it('splits the promised days exactly: past their deadline up to it, not after', () => {
    for (let offset = 0; offset < 120; offset++) {
      const today = addDays('2026-11-01', offset);
      const cutoff = latestDayPastDeadline(today, 2, 'FR');
      for (let back = -5; back <= 12; back++) {
        const day = addDays(cutoff, -back);
        expect(promiseLastDay(day, 2, 'FR') < today, `${today}: ${day}`).toBe(day <= cutoff);
      }
    }
  });
});

describe('promiseDeadline', () => {
  it('is the end of the last day in the workspace zone', () => {
    expect(promiseDeadline('2026-11-27', 1, 'FR', 'Europe/Paris').toISOString()).toBe('2026-11-30T23:00:00.000Z');
    expect(promiseDeadline('2026-11-27', 1, 'FR', 'America/New_York').toISOString()).toBe('2026-12-01T05:00:00.000Z');
  });
});

describe('promiseVerdict', () => {
  it('is kept by a payment on the last grace day, and not by one the day after', () => {
    expect(promiseVerdict(PROMISE, [pay('2026-11-30', 120_000)], '2026-12-01', FR)).toEqual({ status: 'kept', paidCents: 120_000 });
    expect(promiseVerdict(PROMISE, [pay('2026-12-01', 120_000)], '2026-12-01', FR))
      .toEqual({ status: 'broken', paidCents: 0, missingCents: 120_000 });
  });

  it('waits over the weekend and a holiday in the grace before breaking', () => {
    const christmas: PromiseTerms = { ...PROMISE, takenOn: '2026-12-21', dueOn: '2026-12-24' };
    expect(promiseVerdict(christmas, [], '2026-12-28', FR).status).toBe('pending');
    expect(promiseVerdict(christmas, [pay('2026-12-28', 120_000)], '2026-12-29', FR).status).toBe('kept');
    expect(promiseVerdict(christmas, [], '2026-12-29', FR)).toEqual({ status: 'broken', paidCents: 0, missingCents: 120_000 });
    // Saturday and Sunday after a Friday promise: still pending.
    expect(promiseVerdict(PROMISE, [], '2026-11-29', FR).status).toBe('pending');
    expect(promiseVerdict(PROMISE, [], '2026-11-30', FR).status).toBe('pending');
  });

  it('is kept by exactly the amount, at once, and broken one cent short with what came and what is missing', () => {
    expect(promiseVerdict(PROMISE, [pay('2026-11-24', 120_000)], '2026-11-24', FR)).toEqual({ status: 'kept', paidCents: 120_000 });
    expect(promiseVerdict(PROMISE, [pay('2026-11-24', 119_999)], '2026-11-24', FR)).toEqual({ status: 'pending', paidCents: 119_999 });
    expect(promiseVerdict(PROMISE, [pay('2026-11-24', 119_999)], '2026-12-01', FR))
      .toEqual({ status: 'broken', paidCents: 119_999, missingCents: 1 });
  });

  it('adds several payments, counting those from the day it was taken on', () => {
    const payments = [pay('2026-11-23', 20_000), pay('2026-11-25', 50_000), pay('2026-11-30', 50_000)];
    expect(promiseVerdict(PROMISE, payments, '2026-12-01', FR)).toEqual({ status: 'kept', paidCents: 120_000 });
    // Paid before the promise was taken: that money was already there when the debtor promised more.
    const before = [pay('2026-11-20', 100_000), pay('2026-11-25', 50_000)];
    expect(promiseVerdict(PROMISE, before, '2026-12-01', FR)).toEqual({ status: 'broken', paidCents: 50_000, missingCents: 70_000 });
  });

  it('ignores payments in another currency', () => {
    const payments = [pay('2026-11-25', 500_000, 'USD'), pay('2026-11-25', 20_000)];
    expect(promiseVerdict(PROMISE, payments, '2026-12-01', FR)).toEqual({ status: 'broken', paidCents: 20_000, missingCents: 100_000 });
  });
});

describe('parsing /collect promise', () => {
  const opts: PromiseTermsOptions = { locale: 'en', today: '2026-11-23', defaultCurrency: 'EUR' };
  const terms = (text: string, o = opts) => parsePromiseTerms(tokenize(text), o);

  it('finds where the case may end: before each word an amount can start with, longest first', () => {
    expect(caseSplits(tokenize('acme 1200 friday'))).toEqual([3, 1]);
    expect(caseSplits(tokenize('garage 2000 sarl 1 200,50 € friday'))).toEqual([7, 5, 4, 3, 1]);
    expect(caseSplits(tokenize('"Société Générale" EUR 500 demain'))).toEqual([4, 2, 1]);
    expect(caseSplits(tokenize('C-1 abc friday'))).toEqual([3, 1]);
    expect(caseGuess(tokenize('zorglub corp 500 friday'))).toBe('zorglub corp');
    expect(caseGuess(tokenize('zorglub abc friday'))).toBe('zorglub');
    expect(['1200', '-50', '€12', '$', 'EUR', '.5'].every(canStartAmount)).toBe(true);
    expect(['acme', 'eur', 'demain', 'XYZ'].some(canStartAmount)).toBe(false);
  });

  it('reads amounts and dates of several words, and the rest as the note', () => {
    expect(terms('1 200,50 € fin du mois il paiera par virement', { ...opts, locale: 'fr' })).toEqual({
      ok: true,
      value: {
        amount: { cents: 120_050, currency: 'EUR' }, currencyGiven: true, amountText: '1 200,50 €',
        dueOn: '2026-11-30', dateText: 'fin du mois', note: 'il paiera par virement',
      },
    });
    const plain = terms('600 friday');
    expect(plain.ok && plain.value).toMatchObject({ amount: { cents: 60_000, currency: 'EUR' }, currencyGiven: false, dueOn: '2026-11-27', note: null });
    const usd = terms('$99.90 in 10 days');
    expect(usd.ok && usd.value).toMatchObject({ amount: { cents: 9_990, currency: 'USD' }, currencyGiven: true, dueOn: '2026-12-03' });
    expect(terms('500 today').ok).toBe(true);
  });

  it('quotes the bad part', () => {
    expect(terms('-50 friday')).toEqual({ ok: false, error: { kind: 'input', error: { code: 'amount.negative', input: '-50' } } });
    expect(terms('0 friday')).toMatchObject({ ok: false, error: { kind: 'input', error: { code: 'amount.zero', input: '0' } } });
    expect(terms('500 yesterday')).toMatchObject({ ok: false, error: { kind: 'input', error: { code: 'date.past', input: 'yesterday' } } });
    expect(terms('500 31/02/2027')).toMatchObject({ ok: false, error: { kind: 'input', error: { code: 'date.no_such_day', input: '31/02/2027' } } });
    expect(terms('500 someday soon')).toMatchObject({ ok: false, error: { kind: 'input', error: { code: 'date.unparseable', input: 'someday' } } });
    expect(terms('500')).toEqual({ ok: false, error: { kind: 'missing_date', amountText: '500' } });
    expect(terms('')).toEqual({ ok: false, error: { kind: 'missing_amount' } });
  });
});
