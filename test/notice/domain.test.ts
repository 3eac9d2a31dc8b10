// The pure parts of what follows a formal notice: the words of `/collect log`
// for the letter and recoveries, the allocation of a recovery, the legal route.
import { describe, expect, it } from 'vitest';
import { legalRoute } from '../../src/domain/legal-route.ts';
import { noticeSplit, parseNoticeEvent } from '../../src/domain/notice-log.ts';
import { allocate } from '../../src/services/record-recovery.ts';

const opts = { locale: 'fr' as const, today: '2026-05-05', currency: 'EUR' };
const parse = (text: string) => parseNoticeEvent(text.split(' '), opts);

describe('notice events in /collect log', () => {
  it('finds the shortest case before an event word, and none in a call', () => {
    expect(noticeSplit(['acme', 'letter-sent'])).toEqual({ caseText: 'acme', restAt: 1 });
    expect(noticeSplit(['boulangerie', 'martin', 'LR', 'envoyée'])).toEqual({ caseText: 'boulangerie martin', restAt: 2 });
    expect(noticeSplit(['acme', 'no', 'answer'])).toBeNull();
    expect(noticeSplit(['letter-sent'])).toBeNull();
  });

  it('reads the sending, with or without a tracking number, in English and French', () => {
    expect(parse('letter-sent')).toEqual({ ok: true, value: { kind: 'letter_sent', trackingNo: null } });
    expect(parse('lettre envoyee 1A 234 567 8901 2')).toEqual({ ok: true, value: { kind: 'letter_sent', trackingNo: '1A 234 567 8901 2' } });
    expect(parse('LR envoyée')).toMatchObject({ ok: true, value: { kind: 'letter_sent' } });
  });

  it('reads the receipt date, refusing a future one, an extra word or none', () => {
    expect(parse('AR reçu 04/05/2026')).toEqual({ ok: true, value: { kind: 'letter_received', receivedOn: '2026-05-04', dateText: '04/05/2026' } });
    expect(parse('letter-received 4 mai 2026')).toMatchObject({ ok: true, value: { receivedOn: '2026-05-04' } });
    expect(parse('lettre-reçue 06/05/2026')).toMatchObject({ ok: false, error: { code: 'notice.received_in_future', input: '06/05/2026' } });
    expect(parse('letter-received')).toMatchObject({ ok: false, error: { code: 'notice.received_needs_date' } });
    expect(parse('letter-received pizza')).toMatchObject({ ok: false, error: { code: 'date.unparseable', input: 'pizza' } });
  });

  it('reads a recovered amount and its note', () => {
    expect(parse('récupéré 1 200,50 € virement')).toMatchObject({ ok: true, value: { kind: 'recovered', amount: { cents: 120_050, currency: 'EUR' }, note: 'virement' } });
    expect(parse("encaissé par l'agence 300")).toMatchObject({ ok: true, value: { kind: 'recovered', amount: { cents: 30_000 }, note: null } });
    expect(parse('recovered')).toMatchObject({ ok: false, error: { code: 'notice.recovered_needs_amount' } });
  });
});

describe('allocating a recovery', () => {
  it('pays the oldest invoices first, never past what each owes', () => {
    const open = [{ number: 'GX-1', owedCents: 200_000 }, { number: 'GX-2', owedCents: 80_000 }];
    expect(allocate(open, 250_000)).toEqual([{ number: 'GX-1', cents: 200_000 }, { number: 'GX-2', cents: 50_000 }]);
    expect(allocate(open, 100)).toEqual([{ number: 'GX-1', cents: 100 }]);
  });
});

describe('legal route', () => {
  it('offers the small-claims procedure up to €5,000 of principal and interest', () => {
    expect(legalRoute('b2b', { cents: 499_999, currency: 'EUR' })).toEqual({ smallClaims: 'eligible', court: 'commercial' });
    expect(legalRoute('b2b', { cents: 500_000, currency: 'EUR' })).toEqual({ smallClaims: 'eligible', court: 'commercial' });
    expect(legalRoute('b2b', { cents: 500_001, currency: 'EUR' })).toEqual({ smallClaims: 'above', court: 'commercial' });
  });

  it('sends a consumer to the tribunal judiciaire, and never compares other currencies with the euro threshold', () => {
    expect(legalRoute('b2c', { cents: 400_000, currency: 'EUR' })).toEqual({ smallClaims: 'eligible', court: 'judicial' });
    expect(legalRoute('b2c', { cents: 1_200_000, currency: 'EUR' })).toEqual({ smallClaims: 'above', court: 'judicial' });
    expect(legalRoute('b2b', { cents: 100, currency: 'GBP' })).toEqual({ smallClaims: 'not_euros', court: 'commercial' });
  });
});
