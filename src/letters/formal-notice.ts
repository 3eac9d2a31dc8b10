// The formal notice (mise en demeure) as a PDF, from a plain data object: both
// identities, the unpaid invoices, interest and indemnity with how each figure
// was computed (rate, period, days), the total claimed, the deadline, how to
// pay, earlier reminders, and the injonction de payer that follows (SPEC §2,
// FACTS-fr "Formal notice"). Nothing here reads the database: notice-data.ts
// gathers the object, so a test can render any letter it likes.
import type { CompanyId } from '../domain/creditor.ts';
import { formatCompanyId, formatIban } from '../domain/creditor.ts';
import type { IsoDate } from '../domain/dates.ts';
import type { Locale } from '../i18n/messages.ts';
import { claimTotals, indemnities, missingRates, type ClaimInvoice } from './claim.ts';
import type { ProseSlot } from '../ai/prose-wording.ts';
import { longDate, money, percent, shortDate } from './format.ts';
import { contentWidth, createPdf, ensureRoom, footer, lineBlock, paragraph, SIZE, table, toBuffer, type Pdf } from './pdf.ts';
import { NOTICE_PROSE_MENTIONS, NOTICE_WORDING, type NoticeWording } from './wording.ts';

export interface CreditorIdentity {
  name: string;
  addressLines: string[];
  companyId: CompanyId;
  /** Compact; printed in groups of four. */
  iban: string;
  bic: string | null;
  signatory: string;
}

export interface DebtorIdentity {
  name: string;
  ref: string;
  kind: 'b2b' | 'b2c';
  companyId: string | null;
  /** Empty when the ledger has no address: the letter leaves the lines for it blank. */
  addressLines: string[];
}

export interface FormalNoticeData {
  locale: Locale;
  /** The letter's date: the figures are as of this day. */
  date: IsoDate;
  creditor: CreditorIdentity;
  debtor: DebtorIdentity;
  invoices: ClaimInvoice[];
  noticeDays: number;
  deadline: IsoDate;
  /** Days earlier reminders went out, oldest first. */
  earlierReminders: IsoDate[];
  /** B2C without an earlier notice: the legal rate this notice makes run. */
  legalRate: { milliPercent: number; startsOn: IsoDate } | null;
  /** What the debtor quotes with a payment. */
  paymentReference: string;
}

const ADDRESS_WINDOW = { x: 0.52, width: 0.48 };

function identities(doc: Pdf, data: FormalNoticeData, w: NoticeWording): void {
  const top = doc.y;
  const half = contentWidth(doc) * ADDRESS_WINDOW.x;
  const creditorEnd = lineBlock(doc, [
    data.creditor.name, ...data.creditor.addressLines, w.companyId(data.creditor.companyId.kind, formatCompanyId(data.creditor.companyId)),
  ], { x: 0, y: top, width: half - 12, boldFirst: true });
  const debtorLines = [data.debtor.name, ...data.debtor.addressLines];
  // No address on file: room for one written by hand before posting.
  if (data.debtor.addressLines.length === 0) debtorLines.push(' ', ' ', ' ');
  const debtorEnd = lineBlock(doc, debtorLines, { x: half, y: top + 36, width: contentWidth(doc) * ADDRESS_WINDOW.width, boldFirst: true });
  doc.y = Math.max(creditorEnd, debtorEnd) + 18;
}

function heading(doc: Pdf, data: FormalNoticeData, w: NoticeWording): void {
  paragraph(doc, w.dateLine(data.date), { align: 'right', gapAfter: 2 });
  paragraph(doc, w.registered, { bold: true, gapAfter: 2 });
  paragraph(doc, w.customerRef(data.debtor.ref), { gapAfter: 12 });
  paragraph(doc, w.title, { bold: true, size: SIZE.title, align: 'center', gapAfter: 10 });
  paragraph(doc, w.subject, { bold: true, gapAfter: 10 });
  paragraph(doc, w.salutation, { gapAfter: 6 });
}

function invoiceTable(doc: Pdf, data: FormalNoticeData, w: NoticeWording): void {
  const { locale } = data;
  const rows = data.invoices.map((i) => [
    i.number, shortDate(i.issueDate, locale), shortDate(i.dueDate, locale),
    money({ cents: i.amountCents, currency: i.currency }, locale), money({ cents: i.balanceCents, currency: i.currency }, locale),
  ]);
  const totals = claimTotals(data.invoices).filter((t) => t.principalCents > 0);
  const several = totals.length > 1;
  for (const t of totals) rows.push([w.totalPrincipal(t.currency, several), '', '', '', money({ cents: t.principalCents, currency: t.currency }, locale)]);
  const columns = w.invoiceHeaders.map((header, i) => ({ header, weight: [1.6, 1, 1, 1.4, 1.4][i] ?? 1, align: i >= 3 ? 'right' as const : 'left' as const }));
  table(doc, columns, rows, { boldRows: totals.map((_, i) => data.invoices.length + i) });
}

/** One row per interest segment, showing how it was computed: base × rate × days / basis, and where the rate comes from. */
export function feeRows(invoices: readonly ClaimInvoice[], locale: Locale, w: NoticeWording): string[][] {
  const rows: string[][] = [];
  for (const invoice of invoices) {
    invoice.fees.segments.forEach((s, i) => {
      const base = money({ cents: s.baseCents, currency: invoice.currency }, locale);
      rows.push([
        i === 0 ? invoice.number : '',
        `${shortDate(s.from, locale)} – ${shortDate(s.to, locale)}`,
        String(s.days),
        `${base} × ${percent(s.milliPercent, locale)} × ${s.days} / ${invoice.fees.dayCountBasis}\n(${w.rateBasis(s)})`,
        money({ cents: s.interestCents, currency: invoice.currency }, locale),
      ]);
    });
  }
  return rows;
}

/** The interest detail table; nothing when no interest runs. */
export function feeTable(doc: Pdf, rows: readonly string[][], w: NoticeWording): void {
  if (rows.length === 0) return;
  const columns = w.feeHeaders.map((header, i) => ({ header, weight: [1.3, 1.7, 0.6, 3, 1.1][i] ?? 1, align: i === 2 || i === 4 ? 'right' as const : 'left' as const }));
  table(doc, columns, rows, { gapAfter: 6 });
}

function fees(doc: Pdf, data: FormalNoticeData, w: NoticeWording): void {
  const { locale } = data;
  const b2c = data.debtor.kind === 'b2c';
  const rows = feeRows(data.invoices, locale, w);
  const owed = indemnities(data.invoices);
  paragraph(doc, b2c ? w.b2cFeesTitle : w.b2bFeesTitle, { bold: true, gapAfter: 4 });
  const start = data.invoices.find((i) => i.fees.interestFrom !== null && i.fees.segments.length > 0)?.fees.interestFrom ?? null;
  const basis = data.invoices[0]?.fees.dayCountBasis ?? 365;
  if (b2c) {
    if (start && rows.length > 0) paragraph(doc, w.b2cRunning(start, data.date, basis));
    else if (data.legalRate) paragraph(doc, w.b2cRunsFromNotice(data.legalRate));
    paragraph(doc, w.b2cNoFees);
  } else {
    paragraph(doc, w.b2bLaw(data.date, basis));
  }
  feeTable(doc, rows, w);
  if (owed.count > 0 && owed.each) {
    paragraph(doc, w.indemnity(owed.count, money(owed.each, locale), money({ cents: owed.count * owed.each.cents, currency: owed.each.currency }, locale)));
  }
  for (const m of missingRates(data.invoices)) {
    paragraph(doc, w.missingRate(m.halfYear, { startsOn: m.usedStartsOn, milliPercent: m.usedMilliPercent }, m.kind));
  }
  doc.y += 4;
}

function summary(doc: Pdf, data: FormalNoticeData, w: NoticeWording): void {
  const { locale } = data;
  const b2c = data.debtor.kind === 'b2c';
  const totals = claimTotals(data.invoices);
  const cell = (pick: (t: (typeof totals)[number]) => number) => totals.map((t) => money({ cents: pick(t), currency: t.currency }, locale));
  const rows = [[w.principalRow, ...cell((t) => t.principalCents)], [w.interestRow(data.date, b2c), ...cell((t) => t.interestCents)]];
  if (!b2c) rows.push([w.indemnityRow, ...cell((t) => t.otherCents)]);
  rows.push([w.totalRow, ...cell((t) => t.totalCents)]);
  const columns = [{ header: w.summaryTitle, weight: 3 }, ...totals.map((t) => ({ header: t.currency, weight: 1.3, align: 'right' as const }))];
  table(doc, columns, rows, { boldRows: [rows.length - 1] });
}

function howToPay(doc: Pdf, data: FormalNoticeData, w: NoticeWording): void {
  const c = data.creditor;
  const sep = data.locale === 'fr' ? '\u00a0: ' : ': ';
  const lines = [
    `${w.transfer}`,
    `${w.holder}${sep}${c.name}`,
    `IBAN${sep}${formatIban(c.iban)}`,
    ...(c.bic ? [`BIC${sep}${c.bic}`] : []),
    `${w.reference}${sep}${data.paymentReference}`,
  ];
  // The heading stays with its lines.
  ensureRoom(doc, (lines.length + 2) * doc.currentLineHeight(true));
  paragraph(doc, w.howToPayTitle, { bold: true, gapAfter: 4 });
  doc.y = lineBlock(doc, lines, { x: 12, y: doc.y, width: contentWidth(doc) - 12 }) + 10;
}

// ------------------------------------------------------------ the prose a model may word

/**
 * The paragraphs of the letter a model may reword (src/ai/notice-wording.ts):
 * the opening, the demand, the consequences, the "already paid" line and the
 * closing. Everything else (identities, title, tables, the legal paragraphs
 * with their articles, rates and the €40 indemnity, how to pay, signature) is
 * always the template's.
 */
export const NOTICE_PROSE_KEYS = ['intro', 'demand', 'proceedings', 'already_paid', 'closing'] as const;
export type NoticeProseKey = (typeof NOTICE_PROSE_KEYS)[number];
export type NoticeProse = Record<NoticeProseKey, string>;

/** The totals claimed, one per currency, as the summary table and the demand print them. */
const claimedTotals = (data: FormalNoticeData): string[] =>
  claimTotals(data.invoices).map((t) => money({ cents: t.totalCents, currency: t.currency }, data.locale));

/** The template's text of each prose paragraph. */
export function noticeProse(data: FormalNoticeData): NoticeProse {
  const w = NOTICE_WORDING[data.locale];
  return {
    intro: w.intro(data.earlierReminders),
    demand: w.demand(claimedTotals(data), data.noticeDays, data.deadline),
    proceedings: w.proceedings,
    already_paid: w.alreadyPaid,
    closing: w.closing,
  };
}

/** Room for a rewording: half again the template's length, never under 200 characters. */
const capOf = (text: string): number => Math.max(200, Math.ceil(text.length * 1.5));

/**
 * The prose paragraphs as slots to word, each with what it must still say
 * verbatim: the earlier reminders' dates, the totals and the deadline, and the
 * words that make the letter a formal notice and state what follows (FACTS-fr
 * "Formal notice").
 */
export function noticeProseSlots(data: FormalNoticeData): ProseSlot[] {
  const text = noticeProse(data);
  const mentions = NOTICE_PROSE_MENTIONS[data.locale];
  const keeps: Record<NoticeProseKey, (string | RegExp)[]> = {
    intro: data.earlierReminders.map((d) => longDate(d, data.locale)),
    demand: [...claimedTotals(data), longDate(data.deadline, data.locale), mentions.demand],
    proceedings: [mentions.proceedings],
    already_paid: [],
    closing: [],
  };
  return NOTICE_PROSE_KEYS.map((key) => ({ key, text: text[key], maxChars: capOf(text[key]), oneLine: true, keeps: keeps[key] }));
}

function signature(doc: Pdf, data: FormalNoticeData, closing: string): void {
  paragraph(doc, closing, { gapAfter: 24 });
  ensureRoom(doc, 3 * doc.currentLineHeight(true));
  const x = contentWidth(doc) * ADDRESS_WINDOW.x;
  lineBlock(doc, [data.creditor.signatory, data.creditor.name], { x, y: doc.y, width: contentWidth(doc) - x });
}

/**
 * The letter, ready to print and send by registered post. `prose`: the
 * paragraphs a model worded, already checked (src/ai/notice-wording.ts); the
 * template's otherwise.
 */
export async function renderFormalNotice(data: FormalNoticeData, opts: { prose?: NoticeProse | null } = {}): Promise<Buffer> {
  const w = NOTICE_WORDING[data.locale];
  const prose = opts.prose ?? noticeProse(data);
  const doc = createPdf({
    title: `${w.title} — ${data.debtor.name}`,
    author: data.creditor.name,
    subject: w.subject,
    createdAt: new Date(`${data.date}T00:00:00Z`),
    language: data.locale === 'fr' ? 'fr-FR' : 'en-GB',
  });
  identities(doc, data, w);
  heading(doc, data, w);
  paragraph(doc, prose.intro, { gapAfter: 4 });
  invoiceTable(doc, data, w);
  fees(doc, data, w);
  summary(doc, data, w);
  paragraph(doc, prose.demand, { bold: true });
  const b2c = data.debtor.kind === 'b2c';
  // A consumer owes no interest before the notice: this letter starts it, and says so above.
  if (!b2c || data.invoices.some((i) => i.fees.segments.length > 0)) paragraph(doc, w.stillRunning(b2c));
  howToPay(doc, data, w);
  paragraph(doc, prose.proceedings);
  paragraph(doc, prose.already_paid, { gapAfter: 10 });
  signature(doc, data, prose.closing);
  footer(doc, (page, pages) => w.footer(data.creditor.name, data.paymentReference, page, pages));
  return toBuffer(doc);
}
