import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/domain/args.ts';
import { parsePlanArgs, planCaseGuess, planCaseSplits } from '../../src/domain/plan-args.ts';

// Monday 23 November 2026.
const TODAY = '2026-11-23';
type Opts = { locale: 'en' | 'fr'; today: string };
const en: Opts = { locale: 'en', today: TODAY };
const fr: Opts = { locale: 'fr', today: TODAY };
const parse = (text: string, opts = en) => parsePlanArgs(tokenize(text), opts);
const terms = (text: string, opts = en) => {
  const r = parse(text, opts);
  if (!r.ok || r.value.kind !== 'record') throw new Error(`expected terms for "${text}": ${JSON.stringify(r)}`);
  return r.value.terms;
};
const errorOf = (text: string, opts = en) => {
  const r = parse(text, opts);
  if (r.ok) throw new Error(`expected an error for "${text}"`);
  return r.error;
};

describe('parsePlanArgs', () => {
  it('shows the plan with nothing after the case, and cancels with cancel or annuler', () => {
    expect(parse('')).toEqual({ ok: true, value: { kind: 'show' } });
    expect(parse('cancel')).toEqual({ ok: true, value: { kind: 'cancel' } });
    expect(parse('Annuler', fr)).toEqual({ ok: true, value: { kind: 'cancel' } });
  });

  it('defaults to monthly, from one period on', () => {
    expect(terms('3')).toMatchObject({ instalments: 3, period: 'month', periodText: null, firstDueOn: null, currency: null });
    expect(terms('3 instalments').instalments).toBe(3);
    expect(terms('6x').instalments).toBe(6);
    expect(terms('3 fois', fr).instalments).toBe(3);
  });

  it.each([
    ['3 every month', 'month'], ['3 monthly', 'month'], ['3 tous les mois', 'month'], ['3 chaque mois', 'month'], ['3 mensuel', 'month'],
    ['4 every week', 'week'], ['4 weekly', 'week'], ['4 toutes les semaines', 'week'], ['4 hebdomadaire', 'week'],
    ['4 every 2 weeks', '2weeks'], ['4 every two weeks', '2weeks'], ['4 fortnightly', '2weeks'],
    ['4 toutes les 2 semaines', '2weeks'], ['4 tous les 15 jours', '2weeks'], ['4 une semaine sur deux', '2weeks'],
  ])('%s → %s', (text, period) => {
    expect(terms(text, fr).period).toBe(period);
  });

  it.each([
    ['3 every month from 15/12', '2026-12-15'], ['3 from 15/12/2026 every month', '2026-12-15'],
    ['3 tous les mois à partir du 15/12', '2026-12-15'], ['3 tous les mois dès le 15/12', '2026-12-15'],
    ['3 des le 1er decembre', '2026-12-01'], ['3 à compter du 15 décembre', '2026-12-15'], ['3 starting friday', '2026-11-27'],
    ['3 every month 15/12', '2026-12-15'], ['3 from today', '2026-11-23'], ['3 à partir de fin du mois', '2026-11-30'],
  ])('%s: first due %s', (text, date) => {
    expect(terms(text, fr).firstDueOn).toBe(date);
  });

  it('reads a currency anywhere after the number', () => {
    expect(terms('3 GBP every month')).toMatchObject({ currency: 'GBP', currencyText: 'GBP', period: 'month' });
    expect(terms('3 every 2 weeks from 1/12 usd')).toMatchObject({ currency: 'USD', period: '2weeks', firstDueOn: '2026-12-01' });
    expect(terms('3 €').currency).toBe('EUR');
  });

  it('refuses a number of instalments it cannot read or take, quoting it', () => {
    expect(errorOf('three every month')).toMatchObject({ code: 'plan.bad_count', input: 'three', params: { min: 2, max: 36 } });
    expect(errorOf('2.5')).toMatchObject({ code: 'plan.bad_count', input: '2.5' });
    expect(errorOf('1')).toMatchObject({ code: 'plan.count_out_of_range', input: '1' });
    expect(errorOf('37 weekly')).toMatchObject({ code: 'plan.count_out_of_range', input: '37' });
  });

  it('refuses a period it does not know, quoting it', () => {
    expect(errorOf('3 every 3 weeks from 15/12')).toMatchObject({ code: 'plan.bad_period', input: 'every 3 weeks' });
    expect(errorOf('3 tous les ans', fr)).toMatchObject({ code: 'plan.bad_period', input: 'tous les ans' });
  });

  it('refuses a past or unreadable first date, quoting it', () => {
    expect(errorOf('3 from 01/11/2026')).toMatchObject({ code: 'date.past', input: '01/11/2026' });
    expect(errorOf('3 à partir du 32/12', fr)).toMatchObject({ code: 'date.unparseable', input: '32/12' });
    expect(errorOf('3 every month from')).toMatchObject({ code: 'plan.missing_date', input: 'from' });
  });

  it('refuses words that are no part of a plan, and a part given twice', () => {
    expect(errorOf('3 every month please')).toMatchObject({ code: 'plan.unknown_words', input: 'please' });
    expect(errorOf('3 weekly monthly')).toMatchObject({ code: 'plan.repeated', input: 'monthly' });
    expect(errorOf('3 EUR GBP')).toMatchObject({ code: 'plan.repeated', input: 'GBP' });
    expect(errorOf('3 from 1/12 from 15/12')).toMatchObject({ code: 'plan.repeated', input: 'from 15/12' });
  });
});

describe('where the case ends', () => {
  it('tries the longest case first, before a number or cancel', () => {
    expect(planCaseSplits(tokenize('"Société Générale" 3 every month'))).toEqual([4, 1]);
    expect(planCaseSplits(tokenize('boulangerie 2000 3 monthly'))).toEqual([4, 2, 1]);
    expect(planCaseSplits(tokenize('acme sa cancel'))).toEqual([3, 2, 1]);
    expect(planCaseSplits(tokenize('acme'))).toEqual([1]);
  });

  it('guesses the case for an error message', () => {
    expect(planCaseGuess(tokenize('nobody corp 3 every month'))).toBe('nobody corp');
    expect(planCaseGuess(tokenize('nobody corp'))).toBe('nobody corp');
  });
});
