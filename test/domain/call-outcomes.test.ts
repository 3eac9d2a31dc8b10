import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/domain/args.ts';
import {
  caseSplits, expectsForm, foldWords, outcomeAt, parseLogRequest, parseOutcome, readAmount, type CallOutcome, type LogOptions,
} from '../../src/domain/call-outcomes.ts';
import { backoffDays, nextCallTime } from '../../src/domain/next-call.ts';

const MONDAY = '2026-11-23';
const en: LogOptions = { locale: 'en', today: MONDAY, currency: 'EUR' };
const fr: LogOptions = { locale: 'fr', today: MONDAY, currency: 'EUR' };

describe('outcome words', () => {
  const cases: [string, CallOutcome][] = [
    ['reached', 'reached'], ['joint', 'reached'], ['Jointe', 'reached'], ['a répondu', 'reached'],
    ['no answer', 'no_answer'], ['no-answer', 'no_answer'], ['no_answer', 'no_answer'], ['NO ANSWER', 'no_answer'],
    ['pas de réponse', 'no_answer'], ['pas de reponse', 'no_answer'], ['Pas-de-réponse', 'no_answer'], ["n'a pas répondu", 'no_answer'],
    ['voicemail', 'voicemail'], ['voice mail', 'voicemail'], ['répondeur', 'voicemail'], ['messagerie', 'voicemail'], ['left a message', 'voicemail'],
    ['wrong number', 'wrong_number'], ['wrong_number', 'wrong_number'], ['faux numéro', 'wrong_number'], ['mauvais numéro', 'wrong_number'],
    ['promised', 'promised'], ['promise', 'promised'], ['promis', 'promised'], ['promesse de paiement', 'promised'],
    ['disputed', 'disputed'], ['litige', 'disputed'], ['contesté', 'disputed'], ['contestation', 'disputed'],
    ['refused', 'refused'], ['refus', 'refused'], ['refusé', 'refused'], ['refuse de payer', 'refused'],
    ['paid', 'paid'], ['payé', 'paid'], ['déjà payé', 'paid'], ['already paid', 'paid'], ['réglé', 'paid'],
  ];
  for (const [text, outcome] of cases) {
    it(`reads "${text}" as ${outcome}`, () => expect(parseOutcome(text)).toBe(outcome));
  }

  it('ignores punctuation at the end and reads the longest phrase', () => {
    expect(parseOutcome('voicemail.')).toBe('voicemail');
    expect(outcomeAt(['no', 'answer,', 'again'])).toEqual({ outcome: 'no_answer', used: 2 });
    expect(outcomeAt(['refused', 'to', 'pay', 'at', 'all'])).toEqual({ outcome: 'refused', used: 3 });
  });

  it('names no outcome in ordinary words', () => {
    for (const text of ['called', 'no', 'answer', 'rappeler', 'tomorrow', 'pas']) expect(parseOutcome(text)).toBeNull();
    expect(foldWords('  Déjà-Payé !')).toBe('deja paye');
  });
});

describe('case splits', () => {
  const texts = (args: string[]) => caseSplits(args).map((s) => s.caseText);

  it('tries the case before an outcome first, longest first, then every prefix longest first', () => {
    expect(texts(['boulangerie', 'martin', 'no', 'answer'])).toEqual([
      'boulangerie martin', 'boulangerie martin no answer', 'boulangerie martin no', 'boulangerie',
    ]);
    expect(caseSplits(['acme', 'voicemail'])[0]).toEqual({ caseText: 'acme', restAt: 1, outcomeNext: true });
  });

  it('takes a quoted name (a word with a space) as the case, and only that', () => {
    const args = tokenize('"boulangerie martin" no answer');
    expect(caseSplits(args)).toEqual([{ caseText: 'boulangerie martin', restAt: 1, outcomeNext: true }]);
  });

  it('looks at no more than six words for the case', () => {
    const words = 'a b c d e f g h i'.split(' ');
    expect(texts(words)[0]).toBe('a b c d e f');
    expect(texts(words)).toHaveLength(6);
    expect(caseSplits([])).toEqual([]);
  });
});

describe('what follows the case', () => {
  it('logs an outcome with its note', () => {
    expect(parseLogRequest(tokenize('no answer rang 6 times'), en)).toEqual({ ok: true, value: { kind: 'log', outcome: 'no_answer', note: 'rang 6 times' } });
    expect(parseLogRequest(['répondeur'], fr)).toEqual({ ok: true, value: { kind: 'log', outcome: 'voicemail', note: null } });
  });

  it('opens the form with the note when no outcome is named', () => {
    expect(parseLogRequest(tokenize('called twice, will try later'), en))
      .toEqual({ ok: true, value: { kind: 'form', outcome: null, note: 'called twice, will try later' } });
    expect(parseLogRequest([], en)).toEqual({ ok: true, value: { kind: 'form', outcome: null, note: null } });
  });

  it('reads a promise: amount and date of several words, then the note', () => {
    const read = parseLogRequest(tokenize('promised 1 200,50 € fin du mois by transfer'), fr);
    expect(read).toMatchObject({ ok: true, value: {
      kind: 'log', outcome: 'promised', note: 'by transfer',
      promise: { amount: { cents: 120_050, currency: 'EUR', currencyTyped: true }, dueOn: '2026-11-30' },
    } });
    const plain = parseLogRequest(tokenize('promis 500 vendredi'), fr);
    expect(plain).toMatchObject({ ok: true, value: { promise: { amount: { cents: 50_000, currencyTyped: false }, dueOn: '2026-11-27' }, note: null } });
  });

  it('opens the form for a promise without an amount', () => {
    expect(parseLogRequest(tokenize('promised will pay next week'), en))
      .toEqual({ ok: true, value: { kind: 'form', outcome: 'promised', note: 'will pay next week' } });
  });

  it('refuses a promise whose amount or date is wrong, quoting it', () => {
    expect(parseLogRequest(tokenize('promised -50 friday'), en)).toMatchObject({ ok: false, error: { code: 'amount.negative', input: '-50' } });
    expect(parseLogRequest(tokenize('promised 0 friday'), en)).toMatchObject({ ok: false, error: { code: 'amount.zero', input: '0' } });
    expect(parseLogRequest(tokenize('promised 500 fridy'), en)).toMatchObject({ ok: false, error: { code: 'date.unparseable', input: 'fridy' } });
    expect(parseLogRequest(tokenize('promised 500 2026-11-01 sorry'), en)).toMatchObject({ ok: false, error: { code: 'date.past', input: '2026-11-01' } });
    expect(parseLogRequest(tokenize('promised 500'), en)).toMatchObject({ ok: false, error: { code: 'log.promise_needs_date', input: '500' } });
  });

  it('reads a dispute reason in either language, or asks for it in the form', () => {
    expect(parseLogRequest(tokenize('disputed not delivered says the pallet never came'), en))
      .toEqual({ ok: true, value: { kind: 'log', outcome: 'disputed', dispute: 'not_delivered', note: 'says the pallet never came' } });
    expect(parseLogRequest(tokenize('litige prix'), fr)).toMatchObject({ ok: true, value: { dispute: 'price' } });
    expect(parseLogRequest(tokenize('litige il conteste'), fr)).toEqual({ ok: true, value: { kind: 'form', outcome: 'disputed', note: 'il conteste' } });
  });

  it('reads what a debtor says they paid, when it is given', () => {
    expect(parseLogRequest(tokenize('paid 250 € by cheque'), en))
      .toMatchObject({ ok: true, value: { outcome: 'paid', paid: { cents: 25_000, currency: 'EUR' }, note: 'by cheque' } });
    expect(parseLogRequest(tokenize('payé la semaine dernière'), fr)).toEqual({ ok: true, value: { kind: 'log', outcome: 'paid', note: 'la semaine dernière' } });
    expect(parseLogRequest(tokenize('paid -3'), en)).toMatchObject({ ok: false, error: { code: 'amount.negative' } });
  });

  it('tells a typed currency from the default one', () => {
    expect(readAmount('500', { locale: 'en', currency: 'GBP' })).toMatchObject({ ok: true, value: { currency: 'GBP', currencyTyped: false } });
    expect(readAmount('500 GBP', { locale: 'en', currency: 'GBP' })).toMatchObject({ ok: true, value: { currency: 'GBP', currencyTyped: true } });
    expect(readAmount('€500', { locale: 'en', currency: 'EUR' })).toMatchObject({ ok: true, value: { currency: 'EUR', currencyTyped: true } });
  });
});

describe('whether the form will open', () => {
  const form = (text: string) => expectsForm(tokenize(text));
  it('is known before any lookup', () => {
    expect(form('acme')).toBe(true);
    expect(form('acme called twice')).toBe(true);
    expect(form('acme promised')).toBe(true);
    expect(form('acme disputed he is angry')).toBe(true);
    expect(form('acme no answer')).toBe(false);
    expect(form('"boulangerie martin" répondeur')).toBe(false);
    expect(form('acme promised 500 friday')).toBe(false);
    expect(form('acme litige qualité')).toBe(false);
  });
});

describe('the next attempt', () => {
  it('waits the back-off of the attempt, the last value repeating', () => {
    expect([1, 2, 3, 4, 9].map((n) => backoffDays([1, 2, 4], n))).toEqual([1, 2, 4, 4, 4]);
    expect(backoffDays([], 3)).toBe(1);
  });

  it('is at the opening of the calling window in the debtor\'s zone, on a business day', () => {
    const window = { start: '09:00', end: '19:00' };
    // Friday 27 Nov, 16:00 in Paris: one business day later is Monday 30.
    const friday = new Date('2026-11-27T15:00:00Z');
    expect(nextCallTime({ now: friday, timeZone: 'Europe/Paris', country: 'FR', window, afterBusinessDays: 1 }))
      .toEqual({ on: '2026-11-30', dueAt: new Date('2026-11-30T08:00:00Z') });
    expect(nextCallTime({ now: friday, timeZone: 'America/New_York', country: 'FR', window, afterBusinessDays: 2 }))
      .toEqual({ on: '2026-12-01', dueAt: new Date('2026-12-01T14:00:00Z') });
  });

  it('takes the day the collector chose, and a chosen today whose window opened is due now', () => {
    const window = { start: '09:00', end: '19:00' };
    const now = new Date('2026-11-23T10:00:00Z');
    expect(nextCallTime({ now, timeZone: 'Europe/Paris', country: 'FR', window, on: '2026-12-05' }))
      .toEqual({ on: '2026-12-05', dueAt: new Date('2026-12-05T08:00:00Z') });
    expect(nextCallTime({ now, timeZone: 'Europe/Paris', country: 'FR', window, on: MONDAY })).toEqual({ on: MONDAY, dueAt: now });
  });
});

describe('an amount after promised or paid', () => {
  it('may start with its currency, as a sign or a code', () => {
    expect(parseLogRequest(tokenize('promised € 500 friday'), en)).toMatchObject({ ok: true, value: { kind: 'log', promise: { amount: { cents: 50_000, currencyTyped: true } } } });
    expect(parseLogRequest(tokenize('paid EUR 80'), en)).toMatchObject({ ok: true, value: { kind: 'log', paid: { cents: 8_000, currency: 'EUR' } } });
    expect(expectsForm(tokenize('acme promised € 500 friday'))).toBe(false);
  });
});
