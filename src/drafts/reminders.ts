// The wording of the reminders the ladder drafts, per step and language: the
// one place the e-mail sender (a later issue) and the ladder share. Plain
// text for an e-mail, not Slack markup: names and numbers go in as they are.
// Every figure comes from the data given; nothing here reads a database.
import { addressLines, companyIdOf, formatCompanyId } from '../domain/creditor.ts';
import type { IsoDate } from '../domain/dates.ts';
import { fillPaymentLink } from '../domain/mail-settings.ts';
import { formatMoney, minorUnits, sumByCurrency, type Money } from '../domain/money.ts';
import { formatDate } from '../i18n/format.ts';
import type { Locale } from '../i18n/messages.ts';

export type ReminderStage = 'pre_due' | 'reminder_1' | 'reminder_2' | 'reminder_3';

export interface DraftInvoice {
  number: string;
  issueDate: IsoDate;
  dueDate: IsoDate;
  currency: string;
  amountCents: number;
  openCents: number;
}

/** Late fees of a professional debtor as of the draft's day (src/domain/late-fees.ts), per currency. */
export interface DraftLateFees {
  asOf: IsoDate;
  interest: Money[];
  /** €40 per late invoice, summed; null when none is owed. */
  indemnity: Money | null;
  lateInvoices: number;
  /** The customer's own terms set the rate (or its legal floor) rather than ECB + 10 points. */
  contractRate: boolean;
}

export interface ReminderData {
  stage: ReminderStage;
  locale: Locale;
  customerName: string;
  /** The invoices the reminder is about: those due on the date (pre_due), else every overdue one. */
  invoices: DraftInvoice[];
  /** Days since the oldest due date; null before it (pre_due). */
  daysOverdue: number | null;
  /** The earlier reminders of this case, oldest first (their day, workspace calendar). */
  earlierReminders: IsoDate[];
  paymentDetails: string | null;
  /** Who signs: the workspace's name; null for a generic team signature. */
  creditorName: string | null;
  /**
   * The penalties sentence of a firm reminder to a professional debtor under
   * French law: the rule always, with figures when they could be computed.
   */
  penalties: { figures: DraftLateFees | null } | null;
  /** The workspace's mail signature (lines separated by \n): signs instead of the creditor's name when set. */
  signature?: string | null;
  /** The payment link of this reminder, its fields filled (paymentLinkFor); null when none. */
  paymentLink?: string | null;
  /** The creditor's legal mentions, closing the mail; null or all parts unset: none. */
  legal?: LegalMentions | null;
}

/** The creditor's identity as settings hold it (creditor_name, creditor_address, creditor_company_id). */
export interface LegalMentions {
  name: string | null;
  address: string | null;
  /** Compact, as stored. */
  companyId: string | null;
}

export interface RenderedReminder {
  subject: string;
  body: string;
}

interface Words {
  subject(d: ReminderData, total: string): string;
  greeting(d: ReminderData): string;
  opening(d: ReminderData, dates: string): string;
  invoiceLine(i: DraftInvoice, money: (m: Money) => string, date: (d: IsoDate) => string): string;
  total(total: string): string;
  ask(d: ReminderData): string;
  payment(details: string | null, link: string | null): string | null;
  penalties(p: { figures: DraftLateFees | null }, money: (m: Money) => string, date: (d: IsoDate) => string): string;
  closing(stage: ReminderStage): string | null;
  signature(creditor: string | null, signature: string | null): string;
  companyId(kind: 'siren' | 'siret' | 'vat', value: string): string;
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/** The lines given, one paragraph; null when none. */
const lines = (...list: (string | null)[]): string | null => {
  const kept = list.filter((l): l is string => l !== null);
  return kept.length > 0 ? kept.join('\n') : null;
};

const EN: Words = {
  subject(d, total) {
    const n = d.invoices.length;
    const first = d.invoices[0]?.number ?? '';
    switch (d.stage) {
      case 'pre_due': return n === 1 ? `Invoice ${first} falls due on ${formatDate(d.invoices[0]!.dueDate, 'en')}` : `${n} invoices fall due on ${formatDate(d.invoices[0]!.dueDate, 'en')}`;
      case 'reminder_1': return n === 1 ? `Payment reminder: invoice ${first}` : `Payment reminder: ${n} unpaid invoices`;
      case 'reminder_2': return `Second reminder: ${total} overdue`;
      case 'reminder_3': return `Final reminder before formal notice: ${total} overdue`;
    }
  },
  greeting: (d) => `Dear ${d.customerName},`,
  opening(d, dates) {
    const n = d.invoices.length;
    const these = plural(n, 'the following invoice', 'the following invoices');
    switch (d.stage) {
      case 'pre_due': return `This is a courtesy reminder: ${these} ${plural(n, 'falls', 'fall')} due on ${formatDate(d.invoices[0]!.dueDate, 'en')}.`;
      case 'reminder_1': return `Unless we are mistaken, ${these} ${plural(n, 'is', 'are')} still unpaid after ${plural(n, 'its', 'their')} due date.`;
      case 'reminder_2': return `${dates ? `Further to our reminder of ${dates}, ` : ''}${dates ? these : these.charAt(0).toUpperCase() + these.slice(1)} ${plural(n, 'is', 'are')} still unpaid, ${d.daysOverdue} days after the oldest due date.`;
      case 'reminder_3': return `${dates ? `Despite our reminders of ${dates}` : 'Despite our earlier requests'}, ${these} ${plural(n, 'remains', 'remain')} unpaid, ${d.daysOverdue} days after the oldest due date.`;
    }
  },
  invoiceLine: (i, money, date) =>
    `- ${i.number} · issued ${date(i.issueDate)} · due ${date(i.dueDate)} · amount ${money({ cents: i.amountCents, currency: i.currency })} · outstanding ${money({ cents: i.openCents, currency: i.currency })}`,
  total: (total) => `Total outstanding: ${total}`,
  ask(d) {
    switch (d.stage) {
      case 'pre_due': return 'If anything might prevent payment on time (a question about an invoice, a delivery, a change of contact), please tell us now so that we can sort it out together.';
      case 'reminder_1': return 'It is probably an oversight: could you arrange payment at your earliest convenience? If you have paid in the meantime, please ignore this message; if something is holding the payment up, just reply and tell us.';
      case 'reminder_2': return 'Please settle this amount now, by bank transfer or by any payment link below. If paying it all at once is difficult, contact us: we can agree on a payment plan in instalments.';
      case 'reminder_3': return 'We ask you to pay this amount within 8 days. Without payment or a reply from you by then, we will send you a formal notice, and the matter may then go to a collection agency or to court.';
    }
  },
  payment: (details, link) => lines(details ? `How to pay: ${details}` : null, link ? `Pay online: ${link}` : null),
  penalties(p, money, date) {
    const rate = p.figures?.contractRate ? 'at the rate set in our terms' : 'at the European Central Bank\'s refinancing rate plus 10 percentage points';
    const rule = `As a business customer, you also owe by law (French Commercial Code, articles L441-10 and D441-5) late-payment interest from the day after each due date, ${rate}, and a fixed indemnity of €40 for recovery costs per invoice paid late.`;
    const f = p.figures;
    if (!f) return rule;
    const interest = f.interest.filter((m) => m.cents > 0).map(money).join(' · ') || money({ cents: 0, currency: 'EUR' });
    const indemnity = f.indemnity ? ` and the indemnities to ${money(f.indemnity)} (${f.lateInvoices} ${plural(f.lateInvoices, 'invoice', 'invoices')})` : '';
    return `${rule} As of ${date(f.asOf)}, the interest amounts to ${interest}${indemnity}.`;
  },
  closing: (stage) => (stage === 'reminder_3' ? null : 'Thank you in advance.'),
  signature: (creditor, signature) => `Kind regards,\n${signature ?? creditor ?? 'The accounts receivable team'}`,
  companyId: (kind, value) => `${kind === 'vat' ? 'VAT number' : kind.toUpperCase()} ${value}`,
};

const FR: Words = {
  subject(d, total) {
    const n = d.invoices.length;
    const first = d.invoices[0]?.number ?? '';
    switch (d.stage) {
      case 'pre_due': return n === 1 ? `Facture ${first} à échéance le ${formatDate(d.invoices[0]!.dueDate, 'fr')}` : `${n} factures à échéance le ${formatDate(d.invoices[0]!.dueDate, 'fr')}`;
      case 'reminder_1': return n === 1 ? `Rappel de paiement : facture ${first}` : `Rappel de paiement : ${n} factures impayées`;
      case 'reminder_2': return `Deuxième relance : ${total} échus`;
      case 'reminder_3': return `Dernière relance avant mise en demeure : ${total} échus`;
    }
  },
  greeting: (d) => (d.stage === 'reminder_3' ? `${d.customerName}\n\nMadame, Monsieur,` : `${d.customerName}\n\nBonjour,`),
  opening(d, dates) {
    const n = d.invoices.length;
    const these = plural(n, 'la facture suivante', 'les factures suivantes');
    switch (d.stage) {
      case 'pre_due': return `Nous vous rappelons, par simple courtoisie, que ${these} ${plural(n, 'arrive', 'arrivent')} à échéance le ${formatDate(d.invoices[0]!.dueDate, 'fr')}.`;
      case 'reminder_1': return `Sauf erreur de notre part, ${these} ${plural(n, 'reste impayée', 'restent impayées')} après ${plural(n, 'son', 'leur')} échéance.`;
      case 'reminder_2': return `${dates ? `Malgré notre rappel du ${dates}, ` : ''}${dates ? these : these.charAt(0).toUpperCase() + these.slice(1)} ${plural(n, 'reste impayée', 'restent impayées')}, ${d.daysOverdue} jours après la plus ancienne échéance.`;
      case 'reminder_3': return `${dates ? `Malgré nos relances des ${dates}` : 'Malgré nos précédentes demandes'}, ${these} ${plural(n, 'reste impayée', 'restent impayées')}, ${d.daysOverdue} jours après la plus ancienne échéance.`;
    }
  },
  invoiceLine: (i, money, date) =>
    `- ${i.number} · émise le ${date(i.issueDate)} · échéance ${date(i.dueDate)} · montant ${money({ cents: i.amountCents, currency: i.currency })} · reste dû ${money({ cents: i.openCents, currency: i.currency })}`,
  total: (total) => `Total restant dû : ${total}`,
  ask(d) {
    switch (d.stage) {
      case 'pre_due': return 'Si quelque chose pouvait empêcher le règlement à l\'échéance (une question sur une facture, une livraison, un changement d\'interlocuteur), dites-le-nous dès maintenant afin que nous trouvions une solution ensemble.';
      case 'reminder_1': return 'Il s\'agit sans doute d\'un oubli : pourriez-vous procéder au règlement dans les meilleurs délais ? Si vous avez payé entre-temps, ne tenez pas compte de ce message ; si quelque chose bloque le paiement, répondez-nous simplement.';
      case 'reminder_2': return 'Merci de régler ce montant dès maintenant, par virement ou par le lien de paiement ci-dessous. Si un règlement en une fois est difficile, contactez-nous : nous pouvons convenir d\'un échéancier.';
      case 'reminder_3': return 'Nous vous demandons de régler ce montant sous 8 jours. Sans paiement ni réponse de votre part d\'ici là, nous vous adresserons une mise en demeure, et le dossier pourra ensuite être confié à une agence de recouvrement ou porté en justice.';
    }
  },
  payment: (details, link) => lines(details ? `Règlement : ${details}` : null, link ? `Payer en ligne : ${link}` : null),
  penalties(p, money, date) {
    const rate = p.figures?.contractRate ? 'au taux prévu par nos conditions' : 'au taux de refinancement de la Banque centrale européenne majoré de 10 points';
    const rule = `En tant que client professionnel, vous êtes en outre redevable de plein droit (Code de commerce, articles L441-10 et D441-5) d'intérêts de retard à compter du lendemain de chaque échéance, ${rate}, et d'une indemnité forfaitaire pour frais de recouvrement de 40 € par facture payée en retard.`;
    const f = p.figures;
    if (!f) return rule;
    const interest = f.interest.filter((m) => m.cents > 0).map(money).join(' · ') || money({ cents: 0, currency: 'EUR' });
    const indemnity = f.indemnity ? ` et les indemnités à ${money(f.indemnity)} (${f.lateInvoices} ${plural(f.lateInvoices, 'facture', 'factures')})` : '';
    return `${rule} Au ${date(f.asOf)}, les intérêts s'élèvent à ${interest}${indemnity}.`;
  },
  closing: (stage) => (stage === 'reminder_3' ? null : 'Nous vous remercions par avance.'),
  signature: (creditor, signature) => `Cordialement,\n${signature ?? creditor ?? 'Le service recouvrement'}`,
  companyId: (kind, value) => `${kind === 'vat' ? 'N° TVA intracommunautaire' : kind.toUpperCase()} ${value}`,
};

const WORDS: Record<Locale, Words> = { en: EN, fr: FR };

/** "12 Oct 2026 and 21 Oct 2026" / "12/10/2026 et 21/10/2026". */
function dateList(dates: readonly IsoDate[], locale: Locale): string {
  const shown = dates.map((d) => formatDate(d, locale));
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} ${locale === 'fr' ? 'et' : 'and'} ${shown.at(-1)}`;
}

export function renderReminder(d: ReminderData): RenderedReminder {
  const parts = renderReminderParts(d);
  return { subject: parts.subject, body: joinParagraphs(parts.paragraphs) };
}

/**
 * What each paragraph of a reminder is: the prose (greeting, opening, ask,
 * closing) a model may reword in the stage's tone (src/ai/draft-wording.ts),
 * and the paragraphs that carry the figures, kept as rendered.
 */
export type ReminderParagraphKind = 'greeting' | 'opening' | 'invoices' | 'total' | 'ask' | 'penalties' | 'payment' | 'closing' | 'signature' | 'legal';

export interface ReminderParagraph {
  kind: ReminderParagraphKind;
  text: string;
}

/** The body a reminder's paragraphs make. */
export const joinParagraphs = (paragraphs: readonly ReminderParagraph[]): string => paragraphs.map((p) => p.text).join('\n\n');

/** The reminder paragraph by paragraph (renderReminder joins them). */
export function renderReminderParts(d: ReminderData): { subject: string; paragraphs: ReminderParagraph[] } {
  const w = WORDS[d.locale];
  const money = (m: Money) => formatMoney(m, d.locale);
  const date = (x: IsoDate) => formatDate(x, d.locale);
  const totals = sumByCurrency(d.invoices.map((i) => ({ cents: i.openCents, currency: i.currency }))).map(money).join(' · ');
  const earlier = d.stage === 'reminder_2' ? d.earlierReminders.slice(-1) : d.stage === 'reminder_3' ? d.earlierReminders : [];
  const paragraphs: [ReminderParagraphKind, string | null][] = [
    ['greeting', w.greeting(d)],
    ['opening', w.opening(d, dateList(earlier, d.locale))],
    ['invoices', d.invoices.map((i) => w.invoiceLine(i, money, date)).join('\n')],
    ['total', w.total(totals)],
    ['ask', w.ask(d)],
    ['penalties', d.stage === 'reminder_3' && d.penalties ? w.penalties(d.penalties, money, date) : null],
    ['payment', w.payment(d.paymentDetails, d.paymentLink ?? null)],
    ['closing', w.closing(d.stage)],
    ['signature', w.signature(d.creditorName, blankToNull(d.signature))],
    ['legal', legalFooter(d.legal ?? null, d.locale)],
  ];
  return {
    subject: w.subject(d, totals),
    paragraphs: paragraphs.filter((p): p is [ReminderParagraphKind, string] => p[1] !== null && p[1] !== '').map(([kind, text]) => ({ kind, text })),
  };
}

const blankToNull = (s: string | null | undefined): string | null => (s && s.trim() !== '' ? s : null);

/** `Acme SAS · 12 rue de la Paix, 75002 Paris · SIREN 732 829 320`: only the parts set; null when none is. */
export function legalFooter(legal: LegalMentions | null, locale: Locale): string | null {
  if (!legal) return null;
  const id = legal.companyId ? companyIdOf(legal.companyId) : null;
  const parts = [
    blankToNull(legal.name),
    legal.address ? addressLines(legal.address).join(', ') || null : null,
    id ? WORDS[locale].companyId(id.kind, formatCompanyId(id)) : null,
  ].filter((p): p is string => p !== null);
  return parts.length > 0 ? parts.join(' · ') : null;
}

/** The invoice lines of a mail (`- F-1 · issued … · outstanding …`), as the reminders print them. */
export function invoiceLines(invoices: readonly DraftInvoice[], locale: Locale): string {
  const money = (m: Money) => formatMoney(m, locale);
  const date = (x: IsoDate) => formatDate(x, locale);
  return invoices.map((i) => WORDS[locale].invoiceLine(i, money, date)).join('\n');
}

/** What fills a payment-link template (src/domain/mail-settings.ts PAYMENT_LINK_FIELDS). */
export interface PaymentLinkInput {
  customerRef: string;
  invoiceNumbers: readonly string[];
  /** What the debtor is asked to pay, per currency. */
  amounts: readonly Money[];
  /** Null for a courtesy reminder, which has no case. */
  caseId: number | null;
}

/** `1234.50` from 123450 cents: the amount a payment page reads, whatever the mail's language. */
export function majorUnits(m: Money): string {
  const digits = minorUnits(m.currency);
  const abs = Math.abs(m.cents).toString().padStart(digits + 1, '0');
  const whole = abs.slice(0, abs.length - digits);
  return `${m.cents < 0 ? '-' : ''}${digits > 0 ? `${whole}.${abs.slice(abs.length - digits)}` : whole}`;
}

/**
 * The link of one mail, each field URL-encoded; null without a template, or
 * when the amount is in several currencies (no single amount to pay online).
 */
export function paymentLinkFor(template: string | null, input: PaymentLinkInput): string | null {
  if (!template || input.amounts.length !== 1) return null;
  const [amount] = input.amounts as [Money];
  return fillPaymentLink(template, {
    customer_ref: input.customerRef,
    invoices: input.invoiceNumbers.join(','),
    amount: majorUnits(amount),
    currency: amount.currency,
    case: input.caseId === null ? '' : String(input.caseId),
  });
}
