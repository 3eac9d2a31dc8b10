// The page furniture every relance PDF shares, on top of PDFKit: an A4 page
// with the embedded fonts, paragraphs, a table that breaks across pages, and a
// footer with page numbers. A document built from the same content and date is
// byte for byte the same (PDFKit derives the file id from the metadata), so a
// letter's SHA-256 identifies what it says.
import PDFDocument from 'pdfkit';
import { fontBytes } from './fonts.ts';

export type Pdf = PDFKit.PDFDocument;

/** Font sizes, in points. */
export const SIZE = { small: 8, body: 9.5, title: 13 } as const;

const MARGIN = { top: 56, bottom: 64, left: 60, right: 60 };
const LINE_GAP = 1.5;
const CELL_PADDING = 3;
const RULE_COLOUR = '#999999';
/** Tables up to this share of a page are never split. */
const KEEP_TOGETHER = 0.4;

export interface DocumentInfo {
  title: string;
  author: string;
  subject?: string;
  /** Stamped as the creation date: the same date gives the same bytes. */
  createdAt: Date;
  /** BCP 47, for screen readers: `fr-FR`, `en-GB`. */
  language: string;
}

export function createPdf(info: DocumentInfo): Pdf {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    autoFirstPage: true,
    lang: info.language,
    displayTitle: true,
    info: {
      Title: info.title, Author: info.author, Creator: 'relance', Producer: 'relance',
      CreationDate: info.createdAt, ModDate: info.createdAt, ...(info.subject ? { Subject: info.subject } : {}),
    },
  });
  doc.registerFont('regular', fontBytes('regular'));
  doc.registerFont('bold', fontBytes('bold'));
  doc.font('regular').fontSize(SIZE.body).lineGap(LINE_GAP);
  return doc;
}

/** The width text can use between the margins. */
export const contentWidth = (doc: Pdf): number => doc.page.width - doc.page.margins.left - doc.page.margins.right;

const bottomLimit = (doc: Pdf): number => doc.page.height - doc.page.margins.bottom;

/** A new page unless `height` points still fit on this one. */
export function ensureRoom(doc: Pdf, height: number): void {
  if (doc.y + height > bottomLimit(doc)) doc.addPage();
}

export interface TextStyle {
  bold?: boolean;
  size?: number;
  align?: 'left' | 'right' | 'center' | 'justify';
  /** Points of space after the block. */
  gapAfter?: number;
}

/** A block of text at the left margin, across the full width. */
export function paragraph(doc: Pdf, text: string, style: TextStyle = {}): void {
  doc.font(style.bold ? 'bold' : 'regular').fontSize(style.size ?? SIZE.body);
  const options = { width: contentWidth(doc), align: style.align ?? 'left' };
  ensureRoom(doc, Math.min(doc.heightOfString(text, options), 3 * doc.currentLineHeight(true)));
  doc.text(text, doc.page.margins.left, doc.y, options);
  doc.y += style.gapAfter ?? 6;
  doc.font('regular').fontSize(SIZE.body);
}

/** Lines at a horizontal offset from the left margin (an address window), leaving doc.y below the lowest block. */
export function lineBlock(doc: Pdf, lines: readonly string[], at: { x: number; y: number; width: number; boldFirst?: boolean }): number {
  let y = at.y;
  lines.forEach((line, i) => {
    doc.font(at.boldFirst && i === 0 ? 'bold' : 'regular').fontSize(SIZE.body);
    doc.text(line, doc.page.margins.left + at.x, y, { width: at.width });
    y = doc.y;
  });
  doc.font('regular');
  return y;
}

export interface Column {
  header: string;
  /** Share of the table width; the shares are normalised. */
  weight: number;
  align?: 'left' | 'right';
}

export interface TableOptions {
  /** Rows drawn bold (a total line), by index. */
  boldRows?: readonly number[];
  gapAfter?: number;
}

function rowHeight(doc: Pdf, cells: readonly string[], widths: readonly number[], bold: boolean): number {
  doc.font(bold ? 'bold' : 'regular').fontSize(SIZE.body);
  return Math.max(...cells.map((cell, i) => doc.heightOfString(cell, { width: (widths[i] ?? 0) - 2 * CELL_PADDING }))) + 2 * CELL_PADDING;
}

function drawRow(doc: Pdf, cells: readonly string[], columns: readonly Column[], widths: readonly number[], bold: boolean): void {
  const top = doc.y;
  const height = rowHeight(doc, cells, widths, bold);
  let x = doc.page.margins.left;
  doc.font(bold ? 'bold' : 'regular').fontSize(SIZE.body);
  cells.forEach((cell, i) => {
    const width = widths[i] ?? 0;
    doc.text(cell, x + CELL_PADDING, top + CELL_PADDING, { width: width - 2 * CELL_PADDING, align: columns[i]?.align ?? 'left' });
    x += width;
  });
  doc.y = top + height;
  doc.moveTo(doc.page.margins.left, doc.y).lineTo(doc.page.margins.left + contentWidth(doc), doc.y)
    .lineWidth(0.5).strokeColor(RULE_COLOUR).stroke();
  doc.font('regular');
}

const columnWidths = (doc: Pdf, columns: readonly Column[]): number[] => {
  const total = columns.reduce((sum, c) => sum + c.weight, 0);
  return columns.map((c) => (contentWidth(doc) * c.weight) / total);
};

/** How tall a table will be, header included, if it fits on one page. */
export function tableHeight(doc: Pdf, columns: readonly Column[], rows: readonly (readonly string[])[], options: TableOptions = {}): number {
  const widths = columnWidths(doc, columns);
  return rowHeight(doc, columns.map((c) => c.header), widths, true)
    + rows.reduce((sum, row, i) => sum + rowHeight(doc, row, widths, options.boldRows?.includes(i) ?? false), 0);
}

/** A table across the full width; a row that does not fit starts a new page, under the header again. */
export function table(doc: Pdf, columns: readonly Column[], rows: readonly (readonly string[])[], options: TableOptions = {}): void {
  const widths = columnWidths(doc, columns);
  const headers = columns.map((c) => c.header);
  const header = () => drawRow(doc, headers, columns, widths, true);
  const headerHeight = rowHeight(doc, headers, widths, true);
  const heights = rows.map((row, i) => rowHeight(doc, row, widths, options.boldRows?.includes(i) ?? false));
  const whole = headerHeight + heights.reduce((sum, h) => sum + h, 0);
  // A short table stays on one page; a long one starts with its header and at least one row.
  ensureRoom(doc, whole <= KEEP_TOGETHER * (bottomLimit(doc) - doc.page.margins.top) ? whole : headerHeight + (heights[0] ?? 0));
  header();
  rows.forEach((row, i) => {
    const bold = options.boldRows?.includes(i) ?? false;
    if (doc.y + (heights[i] ?? 0) > bottomLimit(doc)) {
      doc.addPage();
      header();
    }
    drawRow(doc, row, columns, widths, bold);
  });
  doc.y += options.gapAfter ?? 10;
}

/** Writes `text(page, pages)` at the foot of every page; call once, after the content. */
export function footer(doc: Pdf, text: (page: number, pages: number) => string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { left, bottom } = doc.page.margins;
    // Writing inside the bottom margin would make PDFKit start a new page.
    doc.page.margins.bottom = 0;
    doc.font('regular').fontSize(SIZE.small).fillColor('#555555')
      .text(text(i - range.start + 1, range.count), left, doc.page.height - bottom + 20, { width: contentWidth(doc), align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
    doc.fillColor('black');
  }
}

/** The finished document's bytes. */
export function toBuffer(doc: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
