import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/domain/args.ts';
import { parsePauseArgs, parsePauseEnd } from '../../src/domain/pause-args.ts';

// Monday 23 November 2026.
const TODAY = '2026-11-23';
type Opts = { today: string; locale: 'en' | 'fr' };
const en: Opts = { today: TODAY, locale: 'en' };
const fr: Opts = { today: TODAY, locale: 'fr' };
const parse = (text: string, opts = en) => parsePauseArgs(tokenize(text), opts);
const errorOf = (text: string, opts = en) => {
  const r = parse(text, opts);
  if (r.ok) throw new Error(`expected an error for ${text}`);
  return r.error;
};

describe('parsePauseEnd', () => {
  it.each([
    ['10d', '2026-12-03'], ['2w', '2026-12-07'], ['3 weeks', '2026-12-14'], ['1 month', '2026-12-23'],
    ['10 jours', '2026-12-03'], ['2 semaines', '2026-12-07'], ['1 mois', '2026-12-23'], ['a year', '2027-11-23'],
    ['15/12/2026', '2026-12-15'], ['vendredi', '2026-11-27'], ['fin du mois', '2026-11-30'], ['tomorrow', '2026-11-24'],
  ])('%s → %s', (input, until) => {
    expect(parsePauseEnd(input, fr)).toEqual({ ok: true, value: until });
  });

  it('refuses today and the past, quoting the input', () => {
    expect(parsePauseEnd('today', en)).toMatchObject({ ok: false, error: { code: 'pause.not_after_today', input: 'today' } });
    expect(parsePauseEnd("aujourd'hui", fr)).toMatchObject({ ok: false, error: { code: 'pause.not_after_today' } });
    expect(parsePauseEnd('01/11/2026', fr)).toMatchObject({ ok: false, error: { code: 'date.past', input: '01/11/2026' } });
  });

  it('refuses more than a year, by date or by duration', () => {
    expect(parsePauseEnd('2027-11-24', en)).toMatchObject({ ok: false, error: { code: 'pause.too_far', params: { years: 1 } } });
    expect(parsePauseEnd('13 months', en)).toMatchObject({ ok: false, error: { code: 'pause.too_far' } });
    expect(parsePauseEnd('366d', en)).toMatchObject({ ok: false, error: { code: 'pause.too_far' } });
    expect(parsePauseEnd('20 years', en)).toMatchObject({ ok: false, error: { code: 'pause.too_far' } });
    expect(parsePauseEnd('365d', en).ok).toBe(true);
  });

  it('refuses what is neither a date nor a duration', () => {
    expect(parsePauseEnd('someday', en)).toMatchObject({ ok: false, error: { code: 'date.unparseable', input: 'someday' } });
  });
});

describe('parsePauseArgs', () => {
  it('reads each reason, in English and French', () => {
    expect(parse('acme 30d plan')).toEqual({ ok: true, value: { caseText: 'acme', until: '2026-12-23', whenText: '30d', reason: 'plan', note: null } });
    expect(parse('acme 30d other waiting for the new owner')).toMatchObject({ ok: true, value: { reason: 'other', note: 'waiting for the new owner' } });
    expect(parse('acme 2 semaines échéancier', fr)).toMatchObject({ ok: true, value: { reason: 'plan', until: '2026-12-07' } });
    expect(parse('acme 1 mois autre', fr)).toMatchObject({ ok: true, value: { reason: 'other' } });
    expect(parse('acme 30d dispute price wrong unit price on F-100')).toMatchObject({
      ok: true, value: { reason: 'dispute', dispute: 'price', note: 'wrong unit price on F-100' },
    });
  });

  it.each([
    ['dispute price', 'price'], ['dispute quality', 'quality'], ['dispute not delivered', 'not_delivered'],
    ['dispute not_delivered', 'not_delivered'], ['dispute already paid', 'already_paid'], ['dispute other', 'other'],
    ['litige prix', 'price'], ['litige qualité', 'quality'], ['litige non livré', 'not_delivered'],
    ['litige déjà payé', 'already_paid'], ['litige autre', 'other'], ['Litige Non-Livré', 'not_delivered'],
  ])('dispute reason "%s"', (words, dispute) => {
    expect(parse(`acme 10d ${words} a note`)).toMatchObject({ ok: true, value: { reason: 'dispute', dispute, note: 'a note' } });
  });

  it('takes several words for the case and for the date', () => {
    expect(parse('Société Générale fin du mois litige prix', fr)).toMatchObject({
      ok: true, value: { caseText: 'Société Générale', until: '2026-11-30', whenText: 'fin du mois', reason: 'dispute', dispute: 'price' },
    });
    expect(parse('"Plan B SARL" 2w other')).toMatchObject({ ok: true, value: { caseText: 'Plan B SARL', reason: 'other' } });
    expect(parse('Studio 54 3 weeks plan')).toMatchObject({ ok: true, value: { caseText: 'Studio 54', until: '2026-12-14' } });
  });

  it('asks for the dispute reason when it is missing or unknown', () => {
    expect(errorOf('acme 30d dispute')).toEqual({ code: 'pause.missing_dispute', input: '' });
    expect(errorOf('acme 30d dispute customer says the invoice is wrong')).toEqual({ code: 'pause.unknown_dispute', input: 'customer' });
  });

  it('says what is missing', () => {
    expect(errorOf('')).toMatchObject({ code: 'pause.missing_case' });
    expect(errorOf('acme')).toEqual({ code: 'pause.missing_when', input: 'acme' });
    expect(errorOf('acme dispute price')).toEqual({ code: 'pause.missing_when', input: 'acme dispute price' });
    expect(errorOf('acme 30d')).toEqual({ code: 'pause.missing_reason', input: '30d' });
    expect(errorOf('acme 30d because')).toEqual({ code: 'pause.missing_reason', input: '30d because' });
  });

  it('quotes a bad or past date', () => {
    expect(errorOf('acme yesterday dispute price')).toMatchObject({ code: 'date.past', input: 'yesterday' });
    expect(errorOf('acme today plan')).toMatchObject({ code: 'pause.not_after_today', input: 'today' });
    expect(errorOf('acme someday plan')).toMatchObject({ code: 'date.unparseable', input: 'someday' });
    expect(errorOf('Société Générale hier litige prix', fr)).toMatchObject({ code: 'date.past', input: 'hier' });
  });
});
