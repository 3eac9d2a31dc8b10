// The statement matcher's rules, without a database: names, invoice numbers
// in noisy remittance text, amounts, sums, reversals.
import { describe, expect, it } from 'vitest';
import {
  candidateKeys, identifyCustomer, invoiceKey, matchCredit, normalizeName, paymentReferences, reversedCredit, settle, spreadOver, subsetWithSum,
  type BankLine, type KnownCustomer, type MatchingLedger, type OpenInvoice,
} from '../../src/domain/statement-matching.ts';

const line = (over: Partial<BankLine>): BankLine => ({
  reference: 'REF-1', statementId: 'S1', direction: 'credit', reversal: false, amountCents: 10_000, currency: 'EUR',
  bookedOn: '2026-11-20', valueOn: null, partyName: null, partyIban: null, remittance: '', endToEndId: null, ...over,
});

const customers: KnownCustomer[] = [
  { id: 1, name: "Société Générale d'Équipement SARL", iban: null },
  { id: 2, name: 'Acme SAS', iban: 'FR76 3000 1007 9412 3456 7890 185' },
  { id: 3, name: 'Müller Maschinenbau GmbH', iban: null },
  { id: 4, name: 'Dupont & Fils', iban: null },
  { id: 5, name: 'DUPONT ET FILS S.A.R.L.', iban: null },
];

let nextId = 100;
const invoice = (customerId: number, number: string, openCents: number, dueDate: string, currency = 'EUR'): OpenInvoice =>
  ({ id: nextId++, number, customerId, currency, openCents, dueDate });

function ledgerOf(list: OpenInvoice[]): MatchingLedger {
  return { customers, invoices: new Map(list.map((i) => [i.id, i])) };
}

describe('names', () => {
  it('sets accents, case, apostrophes and legal forms aside', () => {
    expect(normalizeName('SOCIETE GENERALE D EQUIPEMENT')).toBe(normalizeName("Société Générale d'Équipement SARL"));
    expect(normalizeName('Müller Maschinenbau GmbH')).toBe('MULLER MASCHINENBAU');
    expect(normalizeName('Globex Ltd.')).toBe(normalizeName('GLOBEX LIMITED'));
    expect(normalizeName('DUPONT ET FILS S.A.R.L.')).toBe(normalizeName('Dupont & Fils'));
    expect(normalizeName('SAS')).toBe('SAS');
  });

  it('identifies the customer by IBAN first, then by name; two of a name is ambiguous', () => {
    expect(identifyCustomer({ partyName: 'SOCIETE GENERALE D EQUIPEMENT', partyIban: null }, customers)).toEqual({ kind: 'one', customerId: 1 });
    expect(identifyCustomer({ partyName: 'SOMEONE ELSE', partyIban: 'fr7630001007941234567890185' }, customers)).toEqual({ kind: 'one', customerId: 2 });
    expect(identifyCustomer({ partyName: 'MULLER MASCHINENBAU', partyIban: null }, customers)).toEqual({ kind: 'one', customerId: 3 });
    expect(identifyCustomer({ partyName: 'Dupont et fils', partyIban: null }, customers)).toEqual({ kind: 'ambiguous' });
    expect(identifyCustomer({ partyName: 'ACME', partyIban: null }, customers)).toEqual({ kind: 'one', customerId: 2 });
    expect(identifyCustomer({ partyName: 'ACMEX', partyIban: null }, customers)).toEqual({ kind: 'none' });
    // A bank's cut of a long name still names it.
    expect(identifyCustomer({ partyName: 'SOCIETE GENERALE D EQUIP', partyIban: null }, customers)).toEqual({ kind: 'one', customerId: 1 });
  });
});

describe('invoice numbers in remittance text', () => {
  it('finds them whatever the spacing, case and prefix', () => {
    const key = invoiceKey('F-2026-0042');
    for (const text of [
      'VIR SEPA RECU /DE ACME /MOTIF Reglement Facture n° f 2026-0042 merci',
      'FACTF-2026-0042', 'INV F 2026 0042', 'facture N°F2026/0042.', 'Fact. f-2026-0042, acompte',
    ]) expect(candidateKeys(text).has(key), text).toBe(true);
    expect(candidateKeys('F-2026-00421').has(key)).toBe(false);
    expect(candidateKeys('INV2026-0042').has(invoiceKey('2026-0042'))).toBe(true);
  });

  it('pays the invoice named, in part when less is paid; more than open goes to review', () => {
    const f42 = invoice(2, 'F-2026-0042', 125_000, '2026-10-20');
    const noisy = 'VIR SEPA RECU /DE ACME SAS /MOTIF Reglement Facture n° f 2026-0042 merci /REF 88120001';
    expect(matchCredit(line({ amountCents: 125_000, remittance: noisy }), ledgerOf([f42])))
      .toMatchObject({ kind: 'paid', rule: 'invoice_number', allocations: [{ invoiceNumber: 'F-2026-0042', cents: 125_000 }] });
    expect(matchCredit(line({ amountCents: 50_000, remittance: noisy }), ledgerOf([f42])))
      .toMatchObject({ kind: 'paid', rule: 'invoice_number', allocations: [{ invoiceNumber: 'F-2026-0042', cents: 50_000 }] });
    expect(matchCredit(line({ amountCents: 130_000, remittance: noisy }), ledgerOf([f42])))
      .toEqual({ kind: 'review', reason: 'more_than_open', customerId: 2 });
  });

  it('pays several named invoices when the amount is their sum, else sends it to review', () => {
    const a = invoice(2, 'F-1001', 30_000, '2026-10-01');
    const b = invoice(2, 'F-1002', 20_000, '2026-10-15');
    expect(matchCredit(line({ amountCents: 50_000, remittance: 'F-1001 + F-1002' }), ledgerOf([a, b])))
      .toMatchObject({ kind: 'paid', allocations: [{ invoiceNumber: 'F-1001', cents: 30_000 }, { invoiceNumber: 'F-1002', cents: 20_000 }] });
    expect(matchCredit(line({ amountCents: 20_000, remittance: 'F-1001 F-1002' }), ledgerOf([a, b])))
      .toMatchObject({ kind: 'paid', allocations: [{ invoiceNumber: 'F-1002', cents: 20_000 }] });
    expect(matchCredit(line({ amountCents: 45_000, remittance: 'F-1001 F-1002' }), ledgerOf([a, b])))
      .toEqual({ kind: 'review', reason: 'amounts_differ', customerId: 2 });
  });

  it('ignores numbers of invoices that are paid or unknown', () => {
    const paid = invoice(2, 'F-2000', 0, '2026-10-01');
    expect(matchCredit(line({ remittance: 'F-2000', partyName: 'NOBODY' }), ledgerOf([paid]))).toEqual({ kind: 'review', reason: 'no_match', customerId: null });
  });

  it('never pays an invoice of another currency', () => {
    const f43 = invoice(2, 'F-2026-0043', 40_000, '2026-10-25');
    expect(matchCredit(line({ amountCents: 40_000, currency: 'USD', remittance: 'F-2026-0043', partyName: 'ACME SAS' }), ledgerOf([f43])))
      .toEqual({ kind: 'review', reason: 'other_currency', customerId: 2 });
    expect(matchCredit(line({ amountCents: 40_000, currency: 'USD', partyName: 'ACME SAS' }), ledgerOf([f43])))
      .toEqual({ kind: 'review', reason: 'no_amount', customerId: 2 });
  });
});

describe('amounts', () => {
  it('pays the one open invoice of the identified customer with that open amount', () => {
    const f61 = invoice(1, 'F-2026-0061', 98_000, '2026-10-10');
    const other = invoice(2, 'F-9', 98_000, '2026-09-10');
    expect(matchCredit(line({ amountCents: 98_000, partyName: 'SOCIETE GENERALE D EQUIPEMENT', remittance: 'PAIEMENT NOVEMBRE' }), ledgerOf([f61, other])))
      .toMatchObject({ kind: 'paid', rule: 'amount', customerId: 1, allocations: [{ invoiceNumber: 'F-2026-0061' }] });
    expect(matchCredit(line({ amountCents: 98_000, partyName: 'Dupont et Fils' }), ledgerOf([f61])))
      .toEqual({ kind: 'review', reason: 'ambiguous_customer', customerId: null });
  });

  it('pays a sum of the customer’s open invoices, the oldest first', () => {
    const list = [
      invoice(3, 'M-3', 50_000, '2026-11-15'), invoice(3, 'M-1', 120_000, '2026-09-30'), invoice(3, 'M-2', 180_000, '2026-10-30'),
    ];
    expect(matchCredit(line({ amountCents: 300_000, partyName: 'Müller Maschinenbau' }), ledgerOf(list)))
      .toMatchObject({ kind: 'paid', rule: 'sum', allocations: [{ invoiceNumber: 'M-1', cents: 120_000 }, { invoiceNumber: 'M-2', cents: 180_000 }] });
    expect(subsetWithSum(list, 170_000)?.map((i) => i.number)).toEqual(['M-1', 'M-3']);
    expect(subsetWithSum(list, 1)).toBeNull();
  });

  it('bounds the sums to the oldest twelve invoices', () => {
    const many = Array.from({ length: 14 }, (_, i) => invoice(3, `X-${i}`, 1000 * (i + 1), `2026-01-${String(i + 1).padStart(2, '0')}`));
    expect(subsetWithSum(many, 14_000)?.map((i) => i.number)).toEqual(['X-0', 'X-1', 'X-2', 'X-7']);
    // The newest alone would do, but it is not among the twelve oldest.
    const capped = [...Array.from({ length: 12 }, (_, i) => invoice(3, `Y-${i}`, 1000, `2026-02-${String(i + 1).padStart(2, '0')}`)), invoice(3, 'Y-new', 50_000, '2026-03-01')];
    expect(subsetWithSum(capped, 50_000)).toBeNull();
    expect(subsetWithSum(capped.slice(-1), 50_000)?.map((i) => i.number)).toEqual(['Y-new']);
  });

  it('sees invoices paid by earlier lines of the same statement', () => {
    const f = invoice(1, 'F-500', 10_000, '2026-10-10');
    const ledger = ledgerOf([f]);
    const first = matchCredit(line({ amountCents: 10_000, remittance: 'F-500' }), ledger);
    expect(first.kind).toBe('paid');
    if (first.kind === 'paid') settle(ledger, first.allocations);
    expect(matchCredit(line({ amountCents: 10_000, remittance: 'F-500' }), ledger).kind).toBe('review');
  });
});

describe('a person’s pick, references, reversals', () => {
  it('spreads the amount over the invoices picked, oldest first, and tells what is left over', () => {
    const a = invoice(1, 'A', 30_000, '2026-10-01');
    const b = invoice(1, 'B', 20_000, '2026-09-01');
    expect(spreadOver(40_000, [a, b])).toMatchObject({ allocations: [{ invoiceNumber: 'B', cents: 20_000 }, { invoiceNumber: 'A', cents: 20_000 }], unallocatedCents: 0 });
    expect(spreadOver(60_000, [a, b]).unallocatedCents).toBe(10_000);
  });

  it('names one payment by the line, several by the line and invoice', () => {
    const a = invoice(1, 'A', 1, '2026-10-01');
    const b = invoice(1, 'B', 1, '2026-10-01');
    expect(paymentReferences('BNK-1/2', spreadOver(1, [a]).allocations)).toEqual(['BNK-1/2']);
    expect(paymentReferences('BNK-1', spreadOver(2, [a, b]).allocations)).toEqual(['BNK-1:A', 'BNK-1:B']);
  });

  it('finds the credit a debit reverses: end-to-end id, quoted reference, or the bank’s reversal flag and the payer', () => {
    const credits = [
      { reference: 'BNK-1', amountCents: 98_000, currency: 'EUR', endToEndId: 'E2E-1', partyIban: null, partyName: 'SOCIETE GENERALE D EQUIPEMENT' },
      { reference: 'BNK-2/1', amountCents: 100_000, currency: 'EUR', endToEndId: 'NOTPROVIDED', partyIban: 'GB33BUKB20201555555555', partyName: 'GLOBEX' },
    ];
    const debit = (over: Partial<BankLine>) => line({ direction: 'debit', ...over });
    expect(reversedCredit(debit({ amountCents: 98_000, endToEndId: 'E2E-1' }), credits)?.reference).toBe('BNK-1');
    expect(reversedCredit(debit({ amountCents: 100_000, remittance: 'RETOUR IMPAYE bnk-2/1' }), credits)?.reference).toBe('BNK-2/1');
    expect(reversedCredit(debit({ amountCents: 100_000, reversal: true, partyIban: 'GB33 BUKB 2020 1555 5555 55' }), credits)?.reference).toBe('BNK-2/1');
    // No reversal flag, nothing quoted: a debit of the same amount is just a debit.
    expect(reversedCredit(debit({ amountCents: 100_000, partyIban: 'GB33BUKB20201555555555' }), credits)).toBeNull();
    expect(reversedCredit(debit({ amountCents: 99_000, endToEndId: 'E2E-1' }), credits)).toBeNull();
    expect(reversedCredit(debit({ amountCents: 100_000, endToEndId: 'NOTPROVIDED', reversal: true }), credits)).toBeNull();
  });
});
