// The formal notice rendered from a plain data object, read back from the PDF:
// the hand-computed example of issue #13 (€10,000 incl. VAT, 30 days late in
// the first half of 2026 at 12.15 % = €99.86, plus €40), in French and English.
import { describe, expect, it } from 'vitest';
import { computeLateFees, type DebtorKind } from '../../src/domain/late-fees.ts';
import type { RateRow } from '../../src/domain/rates.ts';
import type { ClaimInvoice } from '../../src/letters/claim.ts';
import { missingGlyphs } from '../../src/letters/fonts.ts';
import { renderFormalNotice, type FormalNoticeData } from '../../src/letters/formal-notice.ts';
import { noticeDeadline } from '../../src/letters/notice-data.ts';
import { drawnText, pageCount, pdfText } from './pdf-text.ts';

const NNBSP = '\u202f';
const NBSP = '\u00a0';

/** The published figures, as migration 0012 seeds them (only what these letters need). */
const RATES: RateRow[] = [
  { kind: 'ecb', startsOn: '2025-07-01', milliPercent: 2150, source: 'ECB' },
  { kind: 'ecb', startsOn: '2026-01-01', milliPercent: 2150, source: 'ECB' },
  { kind: 'legal', startsOn: '2025-07-01', milliPercent: 2760, source: 'arrêté' },
  { kind: 'legal', startsOn: '2026-01-01', milliPercent: 2620, source: 'arrêté' },
];

function invoice(number: string, dueDate: string, cents: number, asOf: string, debtor: DebtorKind = 'b2b', paid: { paidOn: string; amountCents: number }[] = []): ClaimInvoice {
  const fees = computeLateFees({ invoice: { amountCents: cents, currency: 'EUR', dueDate }, payments: paid, debtor, asOf, rates: RATES });
  const paidCents = paid.reduce((s, p) => s + p.amountCents, 0);
  return { number, issueDate: '2026-03-02', dueDate, currency: 'EUR', amountCents: cents, balanceCents: cents - paidCents, fees };
}

function letter(overrides: Partial<FormalNoticeData> = {}): FormalNoticeData {
  return {
    locale: 'fr',
    date: '2026-05-01',
    creditor: {
      name: 'Relance Démo SAS', addressLines: ['12, rue de la Paix', '75002 Paris'], companyId: { kind: 'siren', value: '732829320' },
      iban: 'FR7630006000011234567890189', bic: 'BNPAFRPP', signatory: 'Jeanne Martin, directrice financière',
    },
    debtor: { name: 'Boulangerie Martin SARL', ref: 'C-1001', kind: 'b2b', companyId: null, addressLines: [] },
    invoices: [invoice('F-2026-0042', '2026-04-01', 1_000_000, '2026-05-01')],
    noticeDays: 8,
    deadline: '2026-05-11',
    earlierReminders: ['2026-04-02', '2026-04-15'],
    legalRate: null,
    paymentReference: 'C-1001',
    ...overrides,
  };
}

/** The drawn characters with line wraps undone; no-break spaces stay what they are. */
const drawn = (pdf: Buffer) => drawnText(pdf).replace(/ *\n+ */g, ' ');

describe('formal notice, French, professional debtor', () => {
  it('prints the hand-computed late fees with how each was computed, in French figures', async () => {
    const pdf = await renderFormalNotice(letter());
    const text = drawn(pdf);
    expect(text).toContain('MISE EN DEMEURE DE PAYER');
    expect(text).toContain(`Objet${NBSP}: mise en demeure de payer — factures impayées`);
    expect(text).toContain('Lettre recommandée avec demande d\'avis de réception');
    expect(text).toContain('Le 1er mai 2026');
    // Both identities.
    expect(text).toContain(`Relance Démo SAS 12, rue de la Paix 75002 Paris SIREN${NBSP}: 732 829 320`);
    expect(text).toContain('Boulangerie Martin SARL');
    expect(text).toContain(`Votre référence client${NBSP}: C-1001`);
    // The invoice: number, issue date, due date, amount, balance.
    expect(text).toContain(`F-2026-0042 02/03/2026 01/04/2026 10${NNBSP}000,00${NBSP}€ 10${NNBSP}000,00${NBSP}€`);
    expect(text).toContain(`Total du principal 10${NNBSP}000,00${NBSP}€`);
    // €10,000 × 12.15 % × 30 / 365 = €99.86: the period, the days, the rate and where it comes from.
    expect(text).toContain(`F-2026-0042 02/04/2026 – 01/05/2026 30 10${NNBSP}000,00${NBSP}€ × 12,15${NNBSP}% × 30 / 365 (taux BCE de 2,15${NNBSP}% au 1er janvier 2026 + 10 points) 99,86${NBSP}€`);
    expect(text).toContain(`Indemnité forfaitaire pour frais de recouvrement (article D441-5)${NBSP}: 1 facture × 40,00${NBSP}€ = 40,00${NBSP}€.`);
    expect(text).toContain(`Principal restant dû 10${NNBSP}000,00${NBSP}€`);
    expect(text).toContain(`Pénalités de retard au 1er mai 2026 99,86${NBSP}€`);
    expect(text).toContain(`Indemnités forfaitaires pour frais de recouvrement 40,00${NBSP}€`);
    expect(text).toContain(`Total réclamé 10${NNBSP}139,86${NBSP}€`);
  });

  it('demands payment by a date, says how to pay, names the earlier reminders and the injonction de payer', async () => {
    const text = drawn(await renderFormalNotice(letter()));
    expect(text).toContain('malgré nos relances du 2 avril 2026 et du 15 avril 2026');
    expect(text).toContain(`nous vous mettons en demeure de nous régler la somme de 10${NNBSP}139,86${NBSP}€ dans un délai de 8 jours à compter de la date de la présente lettre, soit au plus tard le 11 mai 2026.`);
    expect(text).toContain(`IBAN${NBSP}: FR76 3000 6000 0112 3456 7890 189`);
    expect(text).toContain(`BIC${NBSP}: BNPAFRPP`);
    expect(text).toContain(`Référence à indiquer${NBSP}: C-1001`);
    expect(text).toContain('À défaut de paiement dans ce délai, nous saisirons sans autre avis la juridiction compétente d\'une requête en injonction de payer');
    expect(text).toContain('Jeanne Martin, directrice financière Relance Démo SAS');
  });

  it('is what a reader copies from the page too (pdf.js folds the no-break spaces)', async () => {
    const pdf = await renderFormalNotice(letter());
    const text = await pdfText(pdf);
    expect(text).toContain('99,86 €');
    expect(text).toContain('Total réclamé 10 139,86 €');
    expect(text).toContain('mise en demeure');
    expect(await pageCount(pdf)).toBe(2);
    expect(text).toContain('Mise en demeure — Relance Démo SAS — réf. C-1001 — page 1/2');
    expect(text).toContain('page 2/2');
  });

  it('draws every character with the embedded font, and the same letter twice is the same file', async () => {
    const pdf = await renderFormalNotice(letter());
    expect(missingGlyphs(drawnText(pdf))).toEqual([]);
    expect(missingGlyphs(`10${NNBSP}000,00${NBSP}€ « œ » éèêàç`)).toEqual([]);
    const fonts = pdf.toString('latin1').match(/\/BaseFont \/[A-Z]{6}\+[\w-]+/g) ?? [];
    expect(new Set(fonts.map((f) => f.replace(/.*\+/, '')))).toEqual(new Set(['DejaVuSans', 'DejaVuSans-Bold']));
    expect((await renderFormalNotice(letter())).equals(pdf)).toBe(true);
  });

  it('says when a half-year had no rate and which one stood in, and splits the period at payments and half-years', async () => {
    const partial = invoice('F-2025-0900', '2025-12-01', 500_000, '2026-11-23', 'b2b', [{ paidOn: '2026-02-01', amountCents: 200_000 }]);
    const text = drawn(await renderFormalNotice(letter({ date: '2026-11-23', deadline: '2026-12-01', invoices: [partial], earlierReminders: [] })));
    expect(text).toContain('restent impayées à ce jour:'.replace(':', `${NBSP}:`));
    expect(text).toContain(`02/12/2025 – 31/12/2025 30 5${NNBSP}000,00${NBSP}€ × 12,15${NNBSP}% × 30 / 365`);
    expect(text).toContain(`01/01/2026 – 31/01/2026 31 5${NNBSP}000,00${NBSP}€ × 12,15${NNBSP}%`);
    expect(text).toContain(`01/02/2026 – 30/06/2026 150 3${NNBSP}000,00${NBSP}€ × 12,15${NNBSP}%`);
    expect(text).toContain(`01/07/2026 – 23/11/2026 146 3${NNBSP}000,00${NBSP}€ × 12,15${NNBSP}%`);
    expect(text).toContain(`Le taux de la BCE du second semestre 2026 ne figure pas encore dans nos tables${NBSP}: le dernier taux connu (2,15${NNBSP}%, en vigueur au 1er janvier 2026) a été appliqué pour cette période.`);
    expect(text).toContain('soit au plus tard le 1er décembre 2026.');
  });
});

describe('formal notice, English and consumer', () => {
  it('prints the same figures in English', async () => {
    const pdf = await renderFormalNotice(letter({ locale: 'en' }));
    const text = drawn(pdf);
    expect(text).toContain('FORMAL NOTICE TO PAY (MISE EN DEMEURE)');
    expect(text).toContain('Registered letter with acknowledgement of receipt');
    expect(text).toContain('1 May 2026');
    expect(text).toContain('F-2026-0042 2 Mar 2026 1 Apr 2026 €10,000.00 €10,000.00');
    expect(text).toContain('F-2026-0042 2 Apr 2026 – 1 May 2026 30 €10,000.00 × 12.15% × 30 / 365 (ECB rate of 2.15% on 1 January 2026 + 10 points) €99.86');
    expect(text).toContain('Fixed indemnity for recovery costs (article D441-5): 1 invoice × €40.00 = €40.00.');
    expect(text).toContain('Total claimed €10,139.86');
    expect(text).toContain('despite our reminders of 2 April 2026 and 15 April 2026');
    expect(text).toContain('We therefore give you formal notice to pay us €10,139.86 within 8 days of the date of this letter, that is by 11 May 2026 at the latest.');
    expect(text).toContain('we will apply without further notice to the competent court for an order for payment (injonction de payer)');
    expect(text).toContain('Formal notice — Relance Démo SAS — ref. C-1001 — page 1 of 2');
  });

  it('asks a consumer for no indemnity and says the notice starts the legal interest', async () => {
    const text = drawn(await renderFormalNotice(letter({
      debtor: { name: 'Jean Dupont', ref: 'P-77', kind: 'b2c', companyId: null, addressLines: ['3 allée des Tilleuls', '69006 Lyon'] },
      invoices: [invoice('F-2026-0050', '2026-04-01', 120_000, '2026-05-01', 'b2c')],
      legalRate: { milliPercent: 2620, startsOn: '2026-01-01' },
      paymentReference: 'P-77',
    })));
    expect(text).toContain('Jean Dupont 3 allée des Tilleuls 69006 Lyon');
    expect(text).toContain(`la présente mise en demeure fait courir, à compter de sa réception, les intérêts au taux légal (2,62${NNBSP}% pour le premier semestre 2026) sur les sommes dues.`);
    expect(text).toContain(`Total réclamé 1${NNBSP}200,00${NBSP}€`);
    expect(text).toContain('Aucune indemnité forfaitaire ni aucuns frais de recouvrement ne vous sont réclamés (article L111-8 du Code des procédures civiles d\'exécution).');
    expect(text).not.toContain('40,00');
    expect(text).not.toContain('Indemnit');
    expect(text).not.toContain('continueront de courir');
  });
});

describe('notice deadline', () => {
  it('counts calendar days and moves a deadline off a weekend or public holiday', () => {
    expect(noticeDeadline('2026-11-23', 8, 'FR')).toBe('2026-12-01');
    // 1 May 2026 + 8 = Saturday 9 May: Monday 11 May.
    expect(noticeDeadline('2026-05-01', 8, 'FR')).toBe('2026-05-11');
    // 3 Nov + 8 = Wednesday 11 November, Armistice day: the 12th.
    expect(noticeDeadline('2026-11-03', 8, 'FR')).toBe('2026-11-12');
  });
});
