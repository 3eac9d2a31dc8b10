import { describe, expect, it } from 'vitest';
import { checkEditedDraft, draftFacts, EDIT_BODY_MAX } from '../../src/domain/draft-edit.ts';

const body = 'Bonjour,\n\n- F-1 · montant 1 200,00 € · reste dû 1 200,00 €\n- F-2 · montant 30,00 $US\n\nTotal restant dû : 1 200,00 € · 30,00 $US';
const facts = draftFacts('fr', body, { totals: [{ cents: 120_000, currency: 'EUR' }, { cents: 3_000, currency: 'USD' }], invoices: [{ number: 'F-1' }, { number: 'F-2' }] });

describe('checkEditedDraft', () => {
  it('keeps an edit that keeps every total and invoice number, typed spaces and all', () => {
    const edited = checkEditedDraft(facts, { subject: ' Rappel \n', body: `Bonjour,\r\nF-1 et F-2 : 1 200,00 € et ${facts.totals.length ? '30,00 $US' : ''}.` });
    expect(edited).toEqual({ ok: true, value: { subject: 'Rappel', body: 'Bonjour,\nF-1 et F-2 : 1 200,00 € et 30,00 $US.' } });
  });

  it('names what an edit dropped, with the draft\'s own line as the example', () => {
    const result = checkEditedDraft(facts, { subject: 'Rappel', body: 'Bonjour, merci de payer F-1.' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toHaveLength(1);
    expect(result.error[0]).toMatchObject({ field: 'body', kind: 'missing', invoices: ['F-2'], example: 'Total restant dû : 1 200,00 € · 30,00 $US' });
    expect((result.error[0] as { amounts: string[] }).amounts).toHaveLength(2);
  });

  it('refuses an empty subject, an empty text and a text past the limit', () => {
    expect(checkEditedDraft(facts, { subject: '  ', body: '' })).toEqual({ ok: false, error: [{ field: 'subject', kind: 'empty' }, { field: 'body', kind: 'empty' }] });
    const long = checkEditedDraft(facts, { subject: 'x', body: 'y'.repeat(EDIT_BODY_MAX + 1) });
    expect(long).toEqual({ ok: false, error: [{ field: 'body', kind: 'too_long', length: EDIT_BODY_MAX + 1, max: EDIT_BODY_MAX }] });
  });

  it('checks nothing the draft\'s data does not hold', () => {
    expect(checkEditedDraft(draftFacts('en', 'x', null), { subject: 's', body: 'anything' }).ok).toBe(true);
  });
});
