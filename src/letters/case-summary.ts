// summary.pdf of the case file: what an agency or a lawyer needs to take the
// case as is (SPEC §2 "Agency / legal hand-off", CPCE R124-4): both parties,
// the basis of the claim, its amount split into principal, interest and other
// sums — never costs that stay with the creditor — how to pay, and the letters
// sent. Missing creditor settings read "not set" rather than stopping the export.
import { formatCompanyId, formatIban, type CompanyId } from '../domain/creditor.ts';
import type { IsoDate } from '../domain/dates.ts';
import type { Locale } from '../i18n/messages.ts';
import { claimTotals, missingRates, type ClaimInvoice } from './claim.ts';
import { feeRows, feeTable, type DebtorIdentity } from './formal-notice.ts';
import { money, shortDate } from './format.ts';
import { contentWidth, createPdf, ensureRoom, footer, lineBlock, paragraph, SIZE, table, tableHeight, toBuffer, type Pdf } from './pdf.ts';
import { SUMMARY_WORDING, type SummaryWording } from './summary-wording.ts';
import { NOTICE_WORDING } from './wording.ts';

export interface CaseSummaryData {
  locale: Locale;
  date: IsoDate;
  creditor: { name: string | null; addressLines: string[]; companyId: CompanyId | null; iban: string | null; bic: string | null };
  debtor: DebtorIdentity;
  kase: { openedOn: IsoDate; closedOn: IsoDate | null; status: string };
  /** The unpaid overdue invoices, with their fees as of `date`. */
  invoices: ClaimInvoice[];
  letters: { createdOn: IsoDate; filename: string; sentOn: IsoDate | null; trackingNo: string | null; receivedOn: IsoDate | null }[];
  paymentReference: string;
}

/** A section's title, kept on the page with the first lines under it (or `keepWith` points of them). */
function section(doc: Pdf, title: string, keepWith = 4 * doc.currentLineHeight(true)): void {
  ensureRoom(doc, doc.currentLineHeight(true) + 4 + keepWith);
  paragraph(doc, title, { bold: true, size: SIZE.body + 1, gapAfter: 4 });
}

function parties(doc: Pdf, data: CaseSummaryData, s: SummaryWording): void {
  const n = NOTICE_WORDING[data.locale];
  const c = data.creditor;
  const half = contentWidth(doc) / 2;
  const top = doc.y;
  section(doc, s.creditorTitle);
  const left = lineBlock(doc, [
    c.name ?? s.notSet, ...(c.addressLines.length > 0 ? c.addressLines : [s.notSet]),
    c.companyId ? n.companyId(c.companyId.kind, formatCompanyId(c.companyId)) : s.companyIdNotSet,
  ], { x: 0, y: doc.y, width: half - 12, boldFirst: true });
  doc.y = top;
  doc.font('bold').fontSize(SIZE.body + 1).text(s.debtorTitle, doc.page.margins.left + half, top, { width: half });
  doc.y += 4;
  const d = data.debtor;
  const right = lineBlock(doc, [
    d.name, s.customerRef(d.ref), s.debtorKind(d.kind), ...(d.companyId ? [d.companyId] : []),
  ], { x: half, y: doc.y, width: half, boldFirst: true });
  doc.y = Math.max(left, right) + 14;
}

function amounts(doc: Pdf, data: CaseSummaryData, s: SummaryWording): void {
  const { locale } = data;
  const totals = claimTotals(data.invoices);
  const b2c = data.debtor.kind === 'b2c';
  section(doc, s.amountTitle);
  if (totals.length > 0) {
    const cell = (pick: (t: (typeof totals)[number]) => number) => totals.map((t) => money({ cents: pick(t), currency: t.currency }, locale));
    const rows = [[s.principal, ...cell((t) => t.principalCents)], [s.interest(data.date), ...cell((t) => t.interestCents)]];
    if (!b2c) rows.push([s.other, ...cell((t) => t.otherCents)]);
    rows.push([s.total, ...cell((t) => t.totalCents)]);
    table(doc, [{ header: '', weight: 3.4 }, ...totals.map((t) => ({ header: t.currency, weight: 1.2, align: 'right' as const }))], rows, { boldRows: [rows.length - 1], gapAfter: 6 });
  }
  paragraph(doc, s.noCreditorCosts);
  if (b2c) paragraph(doc, s.consumer);
  const n = NOTICE_WORDING[locale];
  const rows = feeRows(data.invoices, locale, n);
  if (rows.length > 0) {
    paragraph(doc, s.interestDetailTitle, { bold: true, gapAfter: 4 });
    feeTable(doc, rows, n);
  }
  for (const m of missingRates(data.invoices)) paragraph(doc, n.missingRate(m.halfYear, { startsOn: m.usedStartsOn, milliPercent: m.usedMilliPercent }, m.kind));
  doc.y += 6;
}

function howToPay(doc: Pdf, data: CaseSummaryData, s: SummaryWording): void {
  const n = NOTICE_WORDING[data.locale];
  const sep = data.locale === 'fr' ? '\u00a0: ' : ': ';
  const c = data.creditor;
  section(doc, n.howToPayTitle);
  doc.y = lineBlock(doc, [
    n.transfer,
    `${n.holder}${sep}${c.name ?? s.notSet}`,
    `IBAN${sep}${c.iban ? formatIban(c.iban) : s.notSet}`,
    ...(c.bic ? [`BIC${sep}${c.bic}`] : []),
    `${n.reference}${sep}${data.paymentReference}`,
  ], { x: 12, y: doc.y, width: contentWidth(doc) - 12 }) + 12;
}

function caseAndLetters(doc: Pdf, data: CaseSummaryData, s: SummaryWording): void {
  const { locale } = data;
  section(doc, s.caseTitle);
  paragraph(doc, s.caseLine(data.kase.openedOn, data.kase.closedOn, data.kase.status), { gapAfter: 8 });
  const day = (d: IsoDate | null) => (d ? shortDate(d, locale) : '—');
  const columns = s.letterHeaders.map((header, i) => ({ header, weight: [1.1, 4.6, 1.1, 1.3, 1.1][i] ?? 1 }));
  const rows = data.letters.map((l) => [day(l.createdOn), l.filename, day(l.sentOn), l.trackingNo ?? '—', day(l.receivedOn)]);
  if (rows.length === 0) {
    section(doc, s.lettersTitle);
    paragraph(doc, s.noLetters);
  } else {
    section(doc, s.lettersTitle, Math.min(tableHeight(doc, columns, rows), 8 * doc.currentLineHeight(true)));
    table(doc, columns, rows);
  }
  paragraph(doc, s.attached);
}

export async function renderCaseSummary(data: CaseSummaryData): Promise<Buffer> {
  const s = SUMMARY_WORDING[data.locale];
  const n = NOTICE_WORDING[data.locale];
  const doc = createPdf({
    title: `${s.title} — ${data.debtor.name}`,
    author: data.creditor.name ?? 'relance',
    createdAt: new Date(`${data.date}T00:00:00Z`),
    language: data.locale === 'fr' ? 'fr-FR' : 'en-GB',
  });
  paragraph(doc, s.title, { bold: true, size: SIZE.title, gapAfter: 2 });
  paragraph(doc, s.asOf(data.date), { gapAfter: 8 });
  paragraph(doc, s.purpose, { gapAfter: 12 });
  parties(doc, data, s);
  section(doc, s.basisTitle);
  paragraph(doc, s.basis, { gapAfter: 4 });
  table(doc, n.invoiceHeaders.map((header, i) => ({ header, weight: [1.6, 1, 1, 1.4, 1.4][i] ?? 1, align: i >= 3 ? 'right' as const : 'left' as const })),
    data.invoices.map((i) => [
      i.number, shortDate(i.issueDate, data.locale), shortDate(i.dueDate, data.locale),
      money({ cents: i.amountCents, currency: i.currency }, data.locale), money({ cents: i.balanceCents, currency: i.currency }, data.locale),
    ]));
  amounts(doc, data, s);
  howToPay(doc, data, s);
  caseAndLetters(doc, data, s);
  footer(doc, (page, pages) => s.footer(data.debtor.name, page, pages));
  return toBuffer(doc);
}
