// One sentence per activity, for the case card and the case thread alike:
// the message `activity.<kind>` with parameters derived from the data by one
// convention, in English and French, data escaped, and the kind in words when
// there is no message or the data lacks what it needs.
import { describe, expect, it } from 'vitest';
import { translator, type Locale } from '../../src/i18n/messages.ts';
import { activityBy, activityParams, describeActivity } from '../../src/slack/blocks/activity-text.ts';

// French money: a narrow no-break space between thousands, a no-break space before the sign.
const eur = (text: string) => text.replace(/ (?=\d)/g, '\u202f').replace(/ €/g, '\u00a0€');
const view = (locale: Locale) => ({ locale, t: translator(locale) });
const en = view('en');
const fr = view('fr');
const say = (kind: string, data: Record<string, unknown>, v = en) => describeActivity({ kind, data }, v);

describe('activityParams', () => {
  it('derives money, dates and labels by the naming convention', () => {
    expect(activityParams({
      amount_cents: 50_000, paid_cents: 20_000, missing_cents: 30_000, currency: 'EUR',
      due_on: '2026-11-19', until: '2026-12-15', next_on: '2026-11-25', outcome: 'no_answer', reason: 'dispute', dispute: 'not_delivered',
    }, en)).toEqual({
      amount: '€500.00', paid: '€200.00', missing: '€300.00', date: '19 Nov 2026', until: '15 Dec 2026', next: '25 Nov 2026',
      outcome: 'no answer', reason: 'dispute', dispute: 'not delivered',
    });
    expect(activityParams({ amount_cents: 123_456, currency: 'EUR', due_on: '2026-11-19', outcome: 'voicemail' }, fr))
      .toEqual({ amount: eur('1 234,56 €'), date: '19/11/2026', outcome: 'messagerie' });
  });

  it('leaves out what the data does not hold in the expected shape', () => {
    expect(activityParams({ amount_cents: 100 }, en)).toEqual({});
    expect(activityParams({ amount_cents: '100', currency: 'EUR', due_on: '19/11/2026', outcome: '' }, en)).toEqual({});
  });
});

describe('describeActivity', () => {
  it('says what happened, in the reader\'s language', () => {
    expect(say('payment_recorded', { amount_cents: 102_050, currency: 'EUR' })).toBe('Payment recorded: €1,020.50');
    expect(say('payment_recorded', { amount_cents: 102_050, currency: 'EUR' }, fr)).toBe(`Paiement enregistré : ${eur('1 020,50 €')}`);
    expect(say('call_logged', { outcome: 'wrong_number' })).toBe('Call logged: wrong number');
    expect(say('call_logged', { outcome: 'wrong_number' }, fr)).toBe('Appel noté : mauvais numéro');
    expect(say('case_paused', { until: '2026-12-15', reason: 'dispute', dispute: 'price' })).toBe('Paused until 15 Dec 2026: dispute (price)');
    expect(say('case_opened', {})).toBe('Case opened');
  });

  it('gives a broken promise its amount, date, what came and what is missing', () => {
    const broken = say('promise_broken', { amount_cents: 50_000, currency: 'EUR', paid_cents: 20_000, missing_cents: 30_000, due_on: '2026-11-19' });
    for (const part of ['€500.00', '19 Nov 2026', '€200.00', '€300.00']) expect(broken).toContain(part);
    const enFrancais = say('promise_broken', { amount_cents: 50_000, currency: 'EUR', paid_cents: 20_000, missing_cents: 30_000, due_on: '2026-11-19' }, fr);
    for (const part of ['500,00 €', '19/11/2026', '200,00 €', '300,00 €']) expect(enFrancais).toContain(eur(part));
  });

  it('names a kind it has no sentence for in words', () => {
    expect(say('ladder_moved', { stage: 'reminder_2' })).toBe('ladder moved');
    expect(say('by', {})).toBe('by');
    expect(say('other', {})).toBe('other');
  });

  it('falls back to the kind in words when the data lacks what the sentence needs', () => {
    expect(say('payment_recorded', { amount_cents: 100 })).toBe('payment recorded');
    expect(say('call_logged', {})).toBe('call logged');
  });

  it('escapes data: an unknown outcome cannot become markup', () => {
    expect(say('call_logged', { outcome: '<!channel> *now*' })).toBe('Call logged: &lt;!channel&gt; \u2217now\u2217');
    expect(say('<b>_x_</b>', {})).toBe('&lt;b&gt;\u02CDx\u02CD&lt;/b&gt;');
  });
});

describe('activityBy', () => {
  it('names a person, and nobody for relance itself or an import', () => {
    expect(activityBy('U0COLLECTOR', en)).toBe(' by <@U0COLLECTOR>');
    expect(activityBy('U0COLLECTOR', fr)).toBe(' par <@U0COLLECTOR>');
    expect(activityBy('import', en)).toBe('');
    expect(activityBy('relance', en)).toBe('');
  });
});
