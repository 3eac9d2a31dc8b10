// The e-mail copy of a formal notice, in the debtor's language: it announces
// the attached letter (the registered letter is what counts in law), repeats
// what the letter claims and by when, and how to pay. Every figure comes from
// the data given (src/services/mail/draft-notice-copy.ts reads it from the
// letter and the claim as of the letter's day); nothing here reads a database.
import type { ProseSlot } from '../ai/prose-wording.ts';
import type { IsoDate } from '../domain/dates.ts';
import { formatMoney, type Money } from '../domain/money.ts';
import { invoiceLines, legalFooter, type DraftInvoice, type LegalMentions, type RenderedReminder } from '../drafts/reminders.ts';
import type { Locale } from '../i18n/messages.ts';
import type { ClaimTotal } from '../letters/claim.ts';
import { longDate } from '../letters/format.ts';

export interface NoticeCopyData {
  locale: Locale;
  customerName: string;
  /** What the debtor quotes with a payment, as the letter prints it. */
  customerRef: string;
  /** The letter's date: its figures are as of this day. */
  letterDate: IsoDate;
  /** The day the letter gives to pay by (letters.deadline_on). */
  deadline: IsoDate | null;
  invoices: DraftInvoice[];
  /** The claim per currency: principal, interest, indemnities (src/letters/claim.ts). */
  claim: ClaimTotal[];
  paymentDetails: string | null;
  paymentLink: string | null;
  creditorName: string | null;
  /** The mail signature setting; signs instead of the creditor's name when set. */
  signature: string | null;
  legal: LegalMentions | null;
}

interface Words {
  subject(date: string): string;
  greeting(name: string): string;
  attached(date: string): string;
  concerns(n: number): string;
  total(amount: string, parts: string[]): string;
  principal: string;
  interest: string;
  indemnities: string;
  deadline(date: string | null): string;
  howToPay(details: string | null, reference: string, link: string | null): string;
  paid: string;
  signature(name: string): string;
  team: string;
}

const EN: Words = {
  subject: (date) => `Copy of our formal notice of ${date}`,
  greeting: (name) => `Dear ${name},`,
  attached: (date) => `Please find attached our formal notice of ${date} (also sent by registered letter with acknowledgement of receipt).`,
  concerns: (n) => (n === 1 ? 'It concerns the following invoice:' : 'It concerns the following invoices:'),
  total: (amount, parts) => `Total claimed: ${amount}${parts.length > 0 ? ` (${parts.join(' · ')})` : ''}`,
  principal: 'principal',
  interest: 'interest',
  indemnities: 'recovery indemnities',
  deadline: (date) => (date
    ? `We ask you to pay this amount by ${date} at the latest. Without payment by then, we may bring the matter before the courts without further notice.`
    : 'We ask you to pay this amount within the time the letter gives. Without payment by then, we may bring the matter before the courts without further notice.'),
  howToPay: (details, reference, link) => [
    details ? `How to pay: ${details}` : null, `Payment reference: ${reference}`, link ? `Pay online: ${link}` : null,
  ].filter(Boolean).join('\n'),
  paid: 'If you have paid in the meantime, please disregard this message.',
  signature: (name) => `Kind regards,\n${name}`,
  team: 'The accounts receivable team',
};

const FR: Words = {
  subject: (date) => `Copie de notre mise en demeure du ${date}`,
  greeting: (name) => `${name}\n\nMadame, Monsieur,`,
  attached: (date) => `Veuillez trouver ci-joint notre mise en demeure du ${date} (également adressée par lettre recommandée avec demande d'avis de réception).`,
  concerns: (n) => (n === 1 ? 'Elle porte sur la facture suivante :' : 'Elle porte sur les factures suivantes :'),
  total: (amount, parts) => `Total réclamé : ${amount}${parts.length > 0 ? ` (${parts.join(' · ')})` : ''}`,
  principal: 'principal',
  interest: 'intérêts',
  indemnities: 'indemnités forfaitaires de recouvrement',
  deadline: (date) => (date
    ? `Nous vous demandons de régler cette somme au plus tard le ${date}. À défaut de paiement à cette date, nous pourrons saisir la juridiction compétente sans autre avis.`
    : 'Nous vous demandons de régler cette somme dans le délai indiqué par la lettre. À défaut, nous pourrons saisir la juridiction compétente sans autre avis.'),
  howToPay: (details, reference, link) => [
    details ? `Règlement : ${details}` : null, `Référence à rappeler : ${reference}`, link ? `Payer en ligne : ${link}` : null,
  ].filter(Boolean).join('\n'),
  paid: 'Si vous avez réglé entre-temps, ne tenez pas compte de ce message.',
  signature: (name) => `Cordialement,\n${name}`,
  team: 'Le service recouvrement',
};

const WORDS: Record<Locale, Words> = { en: EN, fr: FR };

// ------------------------------------------------------------ the prose a model may word

/**
 * The parts of the copy a model may reword (src/ai/notice-wording.ts): the
 * subject, the greeting, the announcement of the letter, the deadline and its
 * consequence, the "already paid" line. The invoice lines, totals, how to pay,
 * signature and legal footer are always the template's.
 */
export const NOTICE_COPY_PROSE_KEYS = ['subject', 'greeting', 'attached', 'deadline', 'paid'] as const;
export type NoticeCopyProseKey = (typeof NOTICE_COPY_PROSE_KEYS)[number];
export type NoticeCopyProse = Record<NoticeCopyProseKey, string>;

/** The template's text of each part. */
export function noticeCopyProse(d: NoticeCopyData): NoticeCopyProse {
  const w = WORDS[d.locale];
  return {
    subject: w.subject(longDate(d.letterDate, d.locale)),
    greeting: w.greeting(d.customerName),
    attached: w.attached(longDate(d.letterDate, d.locale)),
    deadline: w.deadline(d.deadline ? longDate(d.deadline, d.locale) : null),
    paid: w.paid,
  };
}

/** What a reworded part must still say: the letter is a formal notice, and what follows a missed deadline. */
const MENTIONS: Record<Locale, { notice: RegExp; court: RegExp }> = {
  fr: { notice: /\bmise en demeure\b/i, court: /\bjuridiction\b|\btribunal\b|\bjuge\b/i },
  en: { notice: /\bformal notice\b/i, court: /\bcourts?\b/i },
};

const CAPS: Record<NoticeCopyProseKey, number> = { subject: 150, greeting: 200, attached: 400, deadline: 500, paid: 300 };

/** The parts as slots to word, each with what it must keep verbatim: the debtor's name, the letter's date, the deadline. */
export function noticeCopyProseSlots(d: NoticeCopyData): ProseSlot[] {
  const text = noticeCopyProse(d);
  const m = MENTIONS[d.locale];
  const letterDate = longDate(d.letterDate, d.locale);
  const keeps: Record<NoticeCopyProseKey, (string | RegExp)[]> = {
    subject: [letterDate, m.notice],
    greeting: [d.customerName],
    attached: [letterDate, m.notice],
    deadline: [...(d.deadline ? [longDate(d.deadline, d.locale)] : []), m.court],
    paid: [],
  };
  return NOTICE_COPY_PROSE_KEYS.map((key) => ({
    key, text: text[key], maxChars: Math.max(CAPS[key], text[key].length), oneLine: key !== 'greeting', keeps: keeps[key],
  }));
}

/** The copy; `prose`: the parts a model worded, already checked; the template's otherwise. */
export function renderNoticeCopy(d: NoticeCopyData, opts: { prose?: NoticeCopyProse | null } = {}): RenderedReminder {
  const w = WORDS[d.locale];
  const prose = opts.prose ?? noticeCopyProse(d);
  const money = (cents: number, currency: string) => formatMoney({ cents, currency } satisfies Money, d.locale);
  const totals = d.claim.map((c) => {
    const parts = c.interestCents > 0 || c.otherCents > 0
      ? [
        `${w.principal} ${money(c.principalCents, c.currency)}`,
        c.interestCents > 0 ? `${w.interest} ${money(c.interestCents, c.currency)}` : null,
        c.otherCents > 0 ? `${w.indemnities} ${money(c.otherCents, c.currency)}` : null,
      ].filter((p): p is string => p !== null)
      : [];
    return w.total(money(c.totalCents, c.currency), parts);
  });
  const signer = d.signature && d.signature.trim() !== '' ? d.signature : d.creditorName ?? w.team;
  const paragraphs = [
    prose.greeting,
    prose.attached,
    `${w.concerns(d.invoices.length)}\n${invoiceLines(d.invoices, d.locale)}`,
    totals.join('\n'),
    prose.deadline,
    w.howToPay(d.paymentDetails, d.customerRef, d.paymentLink),
    prose.paid,
    w.signature(signer),
    legalFooter(d.legal, d.locale),
  ].filter((p): p is string => p !== null && p !== '');
  return { subject: prose.subject, body: paragraphs.join('\n\n') };
}
