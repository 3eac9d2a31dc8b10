// The wording of the drafted reminders (src/drafts/reminders.ts), per step and language.
import { describe, expect, it } from 'vitest';
import { renderReminder, type ReminderData } from '../../src/drafts/reminders.ts';

const invoices = [
  { number: 'F-2026-101', issueDate: '2026-09-15', dueDate: '2026-10-15', currency: 'EUR', amountCents: 1_000_000, openCents: 400_000 },
  { number: 'F-2026-118', issueDate: '2026-09-30', dueDate: '2026-10-30', currency: 'EUR', amountCents: 250_000, openCents: 250_000 },
  { number: 'US-7', issueDate: '2026-09-30', dueDate: '2026-10-30', currency: 'USD', amountCents: 99_990, openCents: 99_990 },
];
const base: ReminderData = {
  stage: 'reminder_3', locale: 'fr', customerName: 'Boulangerie Martin SARL', invoices, daysOverdue: 39,
  earlierReminders: ['2026-10-16', '2026-10-25'], paymentDetails: 'IBAN FR76 3000 6000 0112 3456 7890 189', creditorName: 'Acme SAS',
  penalties: { figures: { asOf: '2026-11-23', interest: [{ cents: 7_322, currency: 'EUR' }, { cents: 1_110, currency: 'USD' }], indemnity: { cents: 8_000, currency: 'EUR' }, lateInvoices: 2, contractRate: false } },
};

describe('renderReminder', () => {
  it('writes a firm French reminder: earlier reminders, every invoice, totals per currency, penalties with figures, how to pay', () => {
    const { subject, body } = renderReminder(base);
    expect(subject).toBe('Dernière relance avant mise en demeure : 6\u202f500,00\u00a0€ · 999,90\u00a0$US échus');
    expect(body).toContain('Boulangerie Martin SARL\n\nMadame, Monsieur,');
    expect(body).toContain('Malgré nos relances des 16/10/2026 et 25/10/2026, les factures suivantes restent impayées, 39 jours après la plus ancienne échéance.');
    expect(body).toContain('- F-2026-101 · émise le 15/09/2026 · échéance 15/10/2026 · montant 10\u202f000,00\u00a0€ · reste dû 4\u202f000,00\u00a0€');
    expect(body).toContain('Total restant dû : 6\u202f500,00\u00a0€ · 999,90\u00a0$US');
    expect(body).toContain('(Code de commerce, articles L441-10 et D441-5)');
    expect(body).toContain('Au 23/11/2026, les intérêts s\'élèvent à 73,22\u00a0€ · 11,10\u00a0$US et les indemnités à 80,00\u00a0€ (2 factures).');
    expect(body).toContain('Règlement : IBAN FR76 3000 6000 0112 3456 7890 189');
    expect(body.endsWith('Cordialement,\nAcme SAS')).toBe(true);
  });

  it('states the penalties rule without figures when they could not be computed, and never to a consumer', () => {
    const rule = renderReminder({ ...base, locale: 'en', penalties: { figures: null } }).body;
    expect(rule).toContain('a fixed indemnity of €40 for recovery costs per invoice paid late.');
    expect(rule).not.toContain('As of');
    const consumer = renderReminder({ ...base, locale: 'en', penalties: null }).body;
    expect(consumer).not.toContain('indemnity');
    expect(consumer).not.toContain('interest');
  });

  it('names the contractual rate when the customer\'s terms set it', () => {
    const body = renderReminder({ ...base, locale: 'en', penalties: { figures: { ...base.penalties!.figures!, contractRate: true } } }).body;
    expect(body).toContain('late-payment interest from the day after each due date, at the rate set in our terms,');
  });

  it('writes the earlier steps in their own tone, and leaves out what it does not have', () => {
    const one = { ...base, invoices: invoices.slice(0, 1), locale: 'en' as const, paymentDetails: null, creditorName: null, penalties: null };
    expect(renderReminder({ ...one, stage: 'reminder_1', earlierReminders: [] })).toMatchObject({ subject: 'Payment reminder: invoice F-2026-101' });
    const second = renderReminder({ ...one, stage: 'reminder_2', earlierReminders: [] });
    expect(second.body).toContain('The following invoice is still unpaid, 39 days after the oldest due date.');
    expect(second.body).not.toContain('How to pay');
    expect(second.body.endsWith('Kind regards,\nThe accounts receivable team')).toBe(true);
    expect(renderReminder({ ...one, stage: 'reminder_3', earlierReminders: [] }).body).toContain('Despite our earlier requests, the following invoice remains unpaid');
    const courtesy = renderReminder({ ...one, stage: 'pre_due', daysOverdue: null, locale: 'fr' });
    expect(courtesy.subject).toBe('Facture F-2026-101 à échéance le 15/10/2026');
    expect(courtesy.body).toContain('Bonjour,');
  });
});
