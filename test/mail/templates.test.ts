// The words of each reminder e-mail, per stage and language, field by field:
// what a person approves in Slack is the text part verbatim, and the HTML part
// is made from it (src/mail/html.ts).
import { describe, expect, it } from 'vitest';
import { legalFooter, majorUnits, paymentLinkFor, renderReminder, type ReminderData, type ReminderStage } from '../../src/drafts/reminders.ts';
import { reminderHtml } from '../../src/mail/html.ts';
import { renderNoticeCopy, type NoticeCopyData } from '../../src/mail/notice-copy.ts';

const NNBSP = '\u202f';
const NBSP = '\u00a0';

const invoices = [
  { number: 'F-2026-101', issueDate: '2026-09-15', dueDate: '2026-10-15', currency: 'EUR', amountCents: 1_000_000, openCents: 400_000 },
  { number: 'F-2026-118', issueDate: '2026-09-30', dueDate: '2026-10-30', currency: 'EUR', amountCents: 250_000, openCents: 250_000 },
];
const TEMPLATE = 'https://pay.example.com/p?ref={customer_ref}&inv={invoices}&amount={amount}&cur={currency}&case={case}';
const LINK = paymentLinkFor(TEMPLATE, {
  customerRef: 'C-ACME & Co', invoiceNumbers: invoices.map((i) => i.number), caseId: 42,
  amounts: [{ cents: 650_000, currency: 'EUR' }],
});
const SIGNATURE = 'Jeanne Martin\nService recouvrement\n+33 1 23 45 67 89';
const LEGAL = { name: 'Relance Démo SAS', address: '12, rue de la Paix, 75002 Paris', companyId: '732829320' };
const FOOTER = 'Relance Démo SAS · 12, rue de la Paix, 75002 Paris · SIREN 732 829 320';
const FEES = { asOf: '2026-11-23', interest: [{ cents: 7_322, currency: 'EUR' }], indemnity: { cents: 8_000, currency: 'EUR' }, lateInvoices: 2, contractRate: false };

const data = (stage: ReminderStage, locale: 'en' | 'fr'): ReminderData => ({
  stage, locale, customerName: 'Boulangerie Martin SARL', invoices,
  daysOverdue: stage === 'pre_due' ? null : 39,
  earlierReminders: stage === 'reminder_2' ? ['2026-10-16'] : stage === 'reminder_3' ? ['2026-10-16', '2026-10-25'] : [],
  paymentDetails: 'IBAN FR76 3000 6000 0112 3456 7890 189', creditorName: 'Acme SAS',
  penalties: stage === 'reminder_3' ? { figures: FEES } : null,
  signature: SIGNATURE, paymentLink: LINK, legal: LEGAL,
});

const EXPECTED = {
  en: {
    subject: {
      pre_due: '2 invoices fall due on 15 Oct 2026',
      reminder_1: 'Payment reminder: 2 unpaid invoices',
      reminder_2: 'Second reminder: €6,500.00 overdue',
      reminder_3: 'Final reminder before formal notice: €6,500.00 overdue',
    },
    greeting: 'Dear Boulangerie Martin SARL,',
    lines: [
      '- F-2026-101 · issued 15 Sept 2026 · due 15 Oct 2026 · amount €10,000.00 · outstanding €4,000.00',
      '- F-2026-118 · issued 30 Sept 2026 · due 30 Oct 2026 · amount €2,500.00 · outstanding €2,500.00',
    ],
    total: 'Total outstanding: €6,500.00',
    payment: `How to pay: IBAN FR76 3000 6000 0112 3456 7890 189\nPay online: ${LINK}`,
    signature: `Kind regards,\n${SIGNATURE}`,
  },
  fr: {
    subject: {
      pre_due: '2 factures à échéance le 15/10/2026',
      reminder_1: 'Rappel de paiement : 2 factures impayées',
      reminder_2: `Deuxième relance : 6${NNBSP}500,00${NBSP}€ échus`,
      reminder_3: `Dernière relance avant mise en demeure : 6${NNBSP}500,00${NBSP}€ échus`,
    },
    greeting: 'Boulangerie Martin SARL\n\n',
    lines: [
      `- F-2026-101 · émise le 15/09/2026 · échéance 15/10/2026 · montant 10${NNBSP}000,00${NBSP}€ · reste dû 4${NNBSP}000,00${NBSP}€`,
      `- F-2026-118 · émise le 30/09/2026 · échéance 30/10/2026 · montant 2${NNBSP}500,00${NBSP}€ · reste dû 2${NNBSP}500,00${NBSP}€`,
    ],
    total: `Total restant dû : 6${NNBSP}500,00${NBSP}€`,
    payment: `Règlement : IBAN FR76 3000 6000 0112 3456 7890 189\nPayer en ligne : ${LINK}`,
    signature: `Cordialement,\n${SIGNATURE}`,
  },
} as const;

describe('reminder texts', () => {
  it('fills the payment link: every field URL-encoded, the amount in major units with a point', () => {
    expect(LINK).toBe('https://pay.example.com/p?ref=C-ACME%20%26%20Co&inv=F-2026-101%2CF-2026-118&amount=6500.00&cur=EUR&case=42');
    expect(majorUnits({ cents: 123_450, currency: 'EUR' })).toBe('1234.50');
    expect(majorUnits({ cents: 5, currency: 'EUR' })).toBe('0.05');
    expect(majorUnits({ cents: 1_200, currency: 'JPY' })).toBe('1200');
    expect(paymentLinkFor(TEMPLATE, { customerRef: 'C', invoiceNumbers: ['A'], caseId: null, amounts: [{ cents: 100, currency: 'EUR' }] })).toContain('&case=');
    // No single amount to pay online across currencies, and no link without a template.
    expect(paymentLinkFor(TEMPLATE, {
      customerRef: 'C', invoiceNumbers: ['A', 'B'], caseId: 1, amounts: [{ cents: 100, currency: 'EUR' }, { cents: 100, currency: 'USD' }],
    })).toBeNull();
    expect(paymentLinkFor(null, { customerRef: 'C', invoiceNumbers: ['A'], caseId: 1, amounts: [{ cents: 100, currency: 'EUR' }] })).toBeNull();
  });

  for (const locale of ['en', 'fr'] as const) {
    for (const stage of ['pre_due', 'reminder_1', 'reminder_2', 'reminder_3'] as const) {
      it(`${locale} ${stage}: subject, greeting, invoices, total, how to pay, link, signature and legal footer`, () => {
        const e = EXPECTED[locale];
        const { subject, body } = renderReminder(data(stage, locale));
        expect(subject).toBe(e.subject[stage]);
        expect(body.startsWith(e.greeting)).toBe(true);
        expect(body).toContain(`\n\n${e.lines.join('\n')}\n\n`);
        expect(body).toContain(`\n\n${e.total}\n\n`);
        expect(body).toContain(`\n\n${e.payment}\n\n`);
        // The signature replaces the creditor's name; the legal mentions close the mail.
        expect(body.endsWith(`\n\n${e.signature}\n\n${FOOTER}`)).toBe(true);
        expect(body).not.toContain('Acme SAS');
      });
    }
  }

  it('reminder_3 to a professional states the interest and the €40 indemnities with their figures; a consumer gets no fee', () => {
    const fr = renderReminder(data('reminder_3', 'fr')).body;
    expect(fr).toContain('Malgré nos relances des 16/10/2026 et 25/10/2026');
    expect(fr).toContain('indemnité forfaitaire pour frais de recouvrement de 40 € par facture payée en retard');
    expect(fr).toContain(`Au 23/11/2026, les intérêts s'élèvent à 73,22${NBSP}€ et les indemnités à 80,00${NBSP}€ (2 factures).`);
    const en = renderReminder(data('reminder_3', 'en')).body;
    expect(en).toContain('As of 23 Nov 2026, the interest amounts to €73.22 and the indemnities to €80.00 (2 invoices).');
    const consumer = renderReminder({ ...data('reminder_3', 'en'), penalties: null }).body;
    for (const word of ['interest', 'indemnit', '€40', '€80.00', '€73.22']) expect(consumer).not.toContain(word);
    // The earlier stages never carry fees, whoever the debtor is.
    for (const stage of ['pre_due', 'reminder_1', 'reminder_2'] as const) {
      expect(renderReminder({ ...data(stage, 'en'), penalties: { figures: FEES } }).body).not.toContain('indemnit');
    }
  });

  it('without the mail settings, signs with the creditor\'s name, prints no link and no footer (as before)', () => {
    const plain = { ...data('reminder_1', 'en'), signature: null, paymentLink: null, legal: null };
    const { body } = renderReminder(plain);
    expect(body.endsWith('\n\nHow to pay: IBAN FR76 3000 6000 0112 3456 7890 189\n\nThank you in advance.\n\nKind regards,\nAcme SAS')).toBe(true);
    expect(renderReminder({ ...plain, paymentDetails: null, paymentLink: LINK }).body).toContain(`\n\nPay online: ${LINK}\n\n`);
    expect(renderReminder({ ...plain, signature: '  ' }).body.endsWith('Kind regards,\nAcme SAS')).toBe(true);
  });

  it('prints only the legal mentions that are set, the company id labelled per kind and language', () => {
    expect(legalFooter({ name: null, address: null, companyId: null }, 'fr')).toBeNull();
    expect(legalFooter(null, 'en')).toBeNull();
    expect(legalFooter({ name: 'Acme', address: null, companyId: null }, 'en')).toBe('Acme');
    expect(legalFooter({ name: null, address: '1 High St; London', companyId: '73282932000074' }, 'en')).toBe('1 High St, London · SIRET 732 829 320 00074');
    expect(legalFooter({ name: 'Acme', address: null, companyId: 'FR40303265045' }, 'fr')).toBe('Acme · N° TVA intracommunautaire FR40303265045');
    expect(legalFooter({ name: 'Acme', address: null, companyId: 'FR40303265045' }, 'en')).toBe('Acme · VAT number FR40303265045');
  });
});

describe('the HTML part', () => {
  it('is the approved text laid out: escaped, paragraphs, the invoice list, links, line breaks', () => {
    const { subject, body } = renderReminder(data('reminder_2', 'fr'));
    const html = reminderHtml({ subject, text: body, locale: 'fr' });
    expect(html.startsWith('<!doctype html>\n<html lang="fr">')).toBe(true);
    expect(html).toContain(`<title>${subject}</title>`);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<p style="margin:0 0 16px 0;">Boulangerie Martin SARL</p>');
    expect(html).toMatch(/<ul style="[^"]*">\n<li style="[^"]*">F-2026-101 · émise le 15\/09\/2026[^<]*<\/li>\n<li style="[^"]*">F-2026-118 [^<]*<\/li>\n<\/ul>/);
    const href = LINK!.replace(/&/g, '&amp;');
    expect(html).toContain(`Payer en ligne : <a href="${href}" style="color:#0b57d0;text-decoration:underline;">${href}</a></p>`);
    expect(html).toContain('<p style="margin:0 0 16px 0;">Cordialement,<br>\nJeanne Martin<br>\nService recouvrement<br>\n+33 1 23 45 67 89</p>');
    expect(html).toContain(`<p style="margin:0 0 16px 0;">${FOOTER}</p>`);
  });

  it('escapes whatever an edit typed, and keeps sentence punctuation out of a link', () => {
    const html = reminderHtml({
      subject: 'Tom & <Jerry>',
      text: 'Hello <b>"you"</b> & \'co\'\n\nSee https://acme.fr/pay?a=1&b=2. Or (https://x.io/p).\n\n- <script>alert(1)</script>',
      locale: 'en',
    });
    expect(html).toContain('<title>Tom &amp; &lt;Jerry&gt;</title>');
    expect(html).toContain('aria-label="Tom &amp; &lt;Jerry&gt;"');
    expect(html).toContain('Hello &lt;b&gt;&quot;you&quot;&lt;/b&gt; &amp; &#39;co&#39;');
    expect(html).toContain('See <a href="https://acme.fr/pay?a=1&amp;b=2" style="color:#0b57d0;text-decoration:underline;">https://acme.fr/pay?a=1&amp;b=2</a>. Or (<a href="https://x.io/p"');
    expect(html).toContain('<li style="margin:0 0 6px 0;">&lt;script&gt;alert(1)&lt;/script&gt;</li>');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
  });

  it('shows an edit: the HTML is a function of the text only', () => {
    const a = reminderHtml({ subject: 's', text: 'Hello\n\nPay now', locale: 'en' });
    expect(reminderHtml({ subject: 's', text: 'Hello\n\nPay now', locale: 'en' })).toBe(a);
    expect(reminderHtml({ subject: 's', text: 'Hello\n\nPay today', locale: 'en' })).toContain('Pay today');
  });
});

describe('the copy of a formal notice', () => {
  const copy = (locale: 'en' | 'fr', over: Partial<NoticeCopyData> = {}): NoticeCopyData => ({
    locale, customerName: 'Acme SA', customerRef: 'C-ACME', letterDate: '2026-05-01', deadline: '2026-05-11',
    invoices: [{ number: 'F-2026-0042', issueDate: '2026-03-02', dueDate: '2026-04-01', currency: 'EUR', amountCents: 1_000_000, openCents: 1_000_000 }],
    claim: [{ currency: 'EUR', principalCents: 1_000_000, interestCents: 9_986, otherCents: 4_000, totalCents: 1_013_986 }],
    paymentDetails: 'IBAN FR76 3000 6000 0112 3456 7890 189, BIC BNPAFRPP', paymentLink: 'https://pay.example.com/?r=C-ACME',
    creditorName: 'Relance Démo SAS', signature: null, legal: LEGAL, ...over,
  });

  it('French: the attached letter, its invoices, the total claimed with its parts, the deadline, how to pay, the footer', () => {
    const { subject, body } = renderNoticeCopy(copy('fr'));
    expect(subject).toBe('Copie de notre mise en demeure du 1er mai 2026');
    expect(body).toBe([
      'Acme SA\n\nMadame, Monsieur,',
      'Veuillez trouver ci-joint notre mise en demeure du 1er mai 2026 (également adressée par lettre recommandée avec demande d\'avis de réception).',
      `Elle porte sur la facture suivante :\n- F-2026-0042 · émise le 02/03/2026 · échéance 01/04/2026 · montant 10${NNBSP}000,00${NBSP}€ · reste dû 10${NNBSP}000,00${NBSP}€`,
      `Total réclamé : 10${NNBSP}139,86${NBSP}€ (principal 10${NNBSP}000,00${NBSP}€ · intérêts 99,86${NBSP}€ · indemnités forfaitaires de recouvrement 40,00${NBSP}€)`,
      'Nous vous demandons de régler cette somme au plus tard le 11 mai 2026. À défaut de paiement à cette date, nous pourrons saisir la juridiction compétente sans autre avis.',
      'Règlement : IBAN FR76 3000 6000 0112 3456 7890 189, BIC BNPAFRPP\nRéférence à rappeler : C-ACME\nPayer en ligne : https://pay.example.com/?r=C-ACME',
      'Si vous avez réglé entre-temps, ne tenez pas compte de ce message.',
      'Cordialement,\nRelance Démo SAS',
      FOOTER,
    ].join('\n\n'));
  });

  it('English, for a consumer: no fee part when only the principal is claimed; the signature setting signs', () => {
    const { subject, body } = renderNoticeCopy(copy('en', {
      customerName: 'Jean Dupont', signature: SIGNATURE, paymentLink: null, deadline: '2026-06-01',
      claim: [{ currency: 'EUR', principalCents: 120_000, interestCents: 0, otherCents: 0, totalCents: 120_000 }],
    }));
    expect(subject).toBe('Copy of our formal notice of 1 May 2026');
    expect(body.startsWith('Dear Jean Dupont,\n\nPlease find attached our formal notice of 1 May 2026 (also sent by registered letter with acknowledgement of receipt).')).toBe(true);
    expect(body).toContain('\n\nTotal claimed: €1,200.00\n\n');
    expect(body).toContain('We ask you to pay this amount by 1 June 2026 at the latest.');
    expect(body).toContain('\n\nHow to pay: IBAN FR76 3000 6000 0112 3456 7890 189, BIC BNPAFRPP\nPayment reference: C-ACME\n\n');
    expect(body).not.toContain('indemnit');
    expect(body).not.toContain('Pay online');
    expect(body.endsWith(`Kind regards,\n${SIGNATURE}\n\n${FOOTER}`)).toBe(true);
  });
});
