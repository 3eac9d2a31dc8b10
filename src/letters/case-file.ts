// The case file export (SPEC §1 Activity, §2 "Agency / legal hand-off"): one
// ZIP an agency or a lawyer can take as is — summary.pdf, invoices.csv,
// payments.csv, timeline.csv (every activity), the letters under letters/ and
// the reminder e-mails that left under mails/ (each the very bytes sent, as an
// .eml any mail program opens), indexed by mails.csv.
// CSVs are RFC 4180 (comma, CRLF, UTF-8 with a BOM so spreadsheets read the
// accents), amounts with a dot and the currency beside them, dates ISO.
import { ZipArchive } from 'archiver';
import { minorUnits } from '../domain/money.ts';
import type { IsoDate } from '../domain/dates.ts';

export interface InvoiceRow {
  number: string;
  customerRef: string;
  issueDate: IsoDate;
  dueDate: IsoDate;
  deliveredOn: IsoDate | null;
  currency: string;
  amountCents: number;
  paidCents: number;
}

export interface PaymentRow {
  invoiceNumber: string;
  paidOn: IsoDate;
  currency: string;
  amountCents: number;
  reference: string;
  source: string;
}

export interface TimelineRow {
  /** Local day and time in `timeZone`. */
  date: IsoDate;
  time: string;
  timeZone: string;
  who: string;
  kind: string;
  /** The sentence the case thread showed, as plain text. */
  description: string;
  note: string | null;
}

/** A reminder e-mail that left (over SMTP, or into the local outbox). */
export interface MailEntry {
  id: number;
  stage: string;
  /** When it left, local day and time in `timeZone`. */
  date: IsoDate;
  time: string;
  timeZone: string;
  /** smtp, or outbox: written as an .eml on the relance host, never delivered. */
  via: string;
  messageId: string;
  from: string;
  to: string;
  subject: string;
  /** The server's answer, or who confirmed an attempt whose answer was lost. */
  smtpResponse: string | null;
  sha256: string;
  /** The stored bytes, exactly: what the debtor's server received. */
  raw: Buffer;
}

export interface CaseFileContent {
  summaryPdf: Buffer;
  invoices: InvoiceRow[];
  payments: PaymentRow[];
  timeline: TimelineRow[];
  letters: { filename: string; content: Buffer }[];
  /** Oldest first; none: no mails/ folder and no mails.csv. */
  mails?: MailEntry[];
  /** Stamped on every entry: the same content gives the same archive. */
  date: Date;
}

/** `123456` EUR → `1234.56`: built from the integer, no float involved. */
export function decimal(cents: number, currency: string): string {
  const digits = minorUnits(currency);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents).toString().padStart(digits + 1, '0');
  return digits === 0 ? `${sign}${abs}` : `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
}

/**
 * Text from the ledger or from people, made safe for a spreadsheet: a cell
 * starting with = + - @ (or a tab or return) would run as a formula, so it
 * gets a leading apostrophe.
 */
export const text = (value: string | null): string => (value !== null && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value ?? '');

function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** RFC 4180 with a BOM: header first, CRLF line ends, every line ended. */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return `\ufeff${[header, ...rows].map((row) => `${row.map(field).join(',')}\r\n`).join('')}`;
}

export const invoicesCsv = (rows: readonly InvoiceRow[]): string => toCsv(
  ['invoice_number', 'customer_ref', 'issue_date', 'due_date', 'delivered_on', 'currency', 'amount', 'paid', 'balance'],
  rows.map((r) => [
    text(r.number), text(r.customerRef), r.issueDate, r.dueDate, r.deliveredOn ?? '', r.currency,
    decimal(r.amountCents, r.currency), decimal(r.paidCents, r.currency), decimal(r.amountCents - r.paidCents, r.currency),
  ]),
);

export const paymentsCsv = (rows: readonly PaymentRow[]): string => toCsv(
  ['invoice_number', 'paid_on', 'currency', 'amount', 'reference', 'source'],
  rows.map((r) => [text(r.invoiceNumber), r.paidOn, r.currency, decimal(r.amountCents, r.currency), text(r.reference), text(r.source)]),
);

export const timelineCsv = (rows: readonly TimelineRow[]): string => toCsv(
  ['date', 'time', 'time_zone', 'who', 'kind', 'description', 'note'],
  rows.map((r) => [r.date, r.time, r.timeZone, text(r.who), r.kind, text(r.description), text(r.note)]),
);

/** `2026-05-04-reminder_1-17.eml`: sorted by name, the folder reads in the order the mails left. */
export const mailFilename = (m: Pick<MailEntry, 'date' | 'stage' | 'id'>): string => `${m.date}-${m.stage}-${m.id}.eml`;

export const mailsCsv = (rows: readonly MailEntry[]): string => toCsv(
  ['date', 'time', 'time_zone', 'stage', 'sent_via', 'from', 'to', 'subject', 'message_id', 'smtp_response', 'file', 'sha256'],
  rows.map((m) => [
    m.date, m.time, m.timeZone, m.stage, m.via, text(m.from), text(m.to), text(m.subject), text(m.messageId), text(m.smtpResponse),
    `mails/${mailFilename(m)}`, m.sha256,
  ]),
);

/** The ZIP's bytes. */
export async function buildCaseFileZip(content: CaseFileContent): Promise<Buffer> {
  const zip = new ZipArchive({ zlib: { level: 9 } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    zip.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.on('end', () => resolve(Buffer.concat(chunks)));
    zip.on('error', reject);
    zip.on('warning', reject);
  });
  const date = content.date;
  zip.append(content.summaryPdf, { name: 'summary.pdf', date });
  zip.append(invoicesCsv(content.invoices), { name: 'invoices.csv', date });
  zip.append(paymentsCsv(content.payments), { name: 'payments.csv', date });
  zip.append(timelineCsv(content.timeline), { name: 'timeline.csv', date });
  const used = new Set<string>();
  for (const letter of content.letters) {
    // Two letters generated the same day share a name: the later one gets a number.
    let name = letter.filename;
    for (let n = 2; used.has(name); n++) name = letter.filename.replace(/(\.[^.]+)?$/, `-${n}$1`);
    used.add(name);
    zip.append(letter.content, { name: `letters/${name}`, date });
  }
  const mails = content.mails ?? [];
  if (mails.length > 0) {
    zip.append(mailsCsv(mails), { name: 'mails.csv', date });
    for (const mail of mails) zip.append(mail.raw, { name: `mails/${mailFilename(mail)}`, date });
  }
  await zip.finalize();
  return done;
}
