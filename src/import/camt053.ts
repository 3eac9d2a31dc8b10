// Reads ISO 20022 bank-to-customer statements (camt.053.001.02 to .08) as a
// stream: a SAX parser sees the file chunk by chunk and each entry (Ntry) is
// turned into bank lines as soon as it closes, so a year of statements never
// sits in memory as XML. Element names are compared without their namespace
// prefix: banks use the default namespace, a prefix, or both.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { BankLine } from '../domain/statement-matching.ts';
import { isCurrency, minorUnits, parseDecimal } from '../domain/money.ts';

export const CAMT053_EXAMPLE = `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
  <BkToCstmrStmt><GrpHdr>…</GrpHdr>
    <Stmt><Id>STMT-2026-11-20</Id><Acct><Id><IBAN>FR76…</IBAN></Id></Acct>
      <Ntry><Amt Ccy="EUR">1250.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><Dt>2026-11-20</Dt></BookgDt><AcctSvcrRef>BANK-REF-1</AcctSvcrRef>
        <NtryDtls><TxDtls><RmtInf><Ustrd>FACTURE F-2026-0042</Ustrd></RmtInf></TxDtls></NtryDtls>
      </Ntry></Stmt></BkToCstmrStmt></Document>`;

/** The statement versions relance reads (camt.053.001.02 … .08). */
const VERSION = /camt\.053\.001\.0([2-8])\b/;

export class Camt053Error extends Error {}

export interface Camt053Read {
  /** Statement versions found, e.g. ["08"]. */
  versions: string[];
  statements: number;
  lines: BankLine[];
  /** Entries not booked (pending, information only): not read. */
  notBooked: number;
}

/**
 * Whether a file is to be read as a bank statement: any XML document (a CSV
 * file never starts with "<"). An XML file that is not a camt.053 statement is
 * then refused with a message that says so, instead of as a CSV without header.
 */
export function looksLikeCamt053(head: string): boolean {
  return head.replace(/^\uFEFF/, '').trimStart().startsWith('<');
}

/** The first 4 KiB of a file as text, to tell a statement from a CSV file. */
export async function readHead(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

/** What one TxDtls says; every field optional. */
type Fields = Map<string, string>;

interface OpenEntry {
  fields: Fields;
  amountCcy: string | null;
  transactions: { fields: Fields; amountCcy: string | null }[];
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/** The first of `paths` that has a non-empty value. */
function first(fields: Fields, ...paths: string[]): string | null {
  for (const p of paths) {
    const v = fields.get(p)?.trim();
    if (v) return v;
  }
  return null;
}

const day = (value: string | null) => (value && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null);

/** Reads a statement file; throws Camt053Error naming what is wrong (nothing is imported then). */
export async function readCamt053(path: string): Promise<Camt053Read> {
  const parser = new SaxesParser<{ position: true; xmlns: false }>({ position: true, xmlns: false });
  const stack: string[] = [];
  const versions = new Set<string>();
  const lines: BankLine[] = [];
  let statements = 0;
  let notBooked = 0;
  let text = '';
  let rootChecked = false;
  // Where the current element sits: below its Stmt, Ntry or TxDtls, whose depths are kept.
  let stmt: { fields: Fields; entries: number } | null = null;
  let entry: OpenEntry | null = null;
  let tx: { fields: Fields; amountCcy: string | null } | null = null;
  let stmtDepth = 0;
  let entryDepth = 0;
  let txDepth = 0;
  let entryLine = 0;
  let failure: Error | null = null;
  const base = () => (tx ? txDepth : entry ? entryDepth : stmt ? stmtDepth : stack.length);

  const fail = (message: string) => new Camt053Error(`${path}, line ${parser.line}: ${message}`);

  parser.on('opentag', (tag: SaxesTagPlain) => {
    const name = localName(tag.name);
    stack.push(name);
    text = '';
    if (!rootChecked) {
      rootChecked = true;
      const ns = Object.entries(tag.attributes).filter(([k]) => k === 'xmlns' || k.startsWith('xmlns:')).map(([, v]) => String(v));
      const version = ns.map((v) => VERSION.exec(v)?.[1]).find((v) => v !== undefined);
      if (name !== 'Document') throw fail(`the root element is <${tag.name}>, not <Document>: this is not an ISO 20022 camt.053 statement`);
      if (version === undefined) {
        const given = ns.find((v) => v.includes('camt.'));
        throw fail(`${given ? `namespace ${given} is not` : 'no namespace says it is'} a bank statement camt.053.001.02 … .08`);
      }
      versions.add(`0${version}`);
    }
    if (name === 'Stmt' && !stmt && stack[1] === 'BkToCstmrStmt') {
      stmt = { fields: new Map(), entries: 0 };
      statements += 1;
      stmtDepth = stack.length;
    } else if (name === 'Ntry' && stmt && !entry) {
      entry = { fields: new Map(), amountCcy: null, transactions: [] };
      entryDepth = stack.length;
      entryLine = parser.line;
    } else if (name === 'TxDtls' && entry && !tx) {
      tx = { fields: new Map(), amountCcy: null };
      txDepth = stack.length;
    }
    if (name === 'Amt') {
      const ccy = String(tag.attributes.Ccy ?? '').trim();
      const relative = stack.slice(base()).join('/');
      if (tx && relative === 'Amt') tx.amountCcy = ccy;
      else if (tx && !tx.amountCcy && (relative === 'AmtDtls/TxAmt/Amt' || relative === 'AmtDtls/InstdAmt/Amt')) tx.amountCcy = ccy;
      else if (entry && !tx && relative === 'Amt') entry.amountCcy = ccy;
    }
  });
  parser.on('text', (t) => { text += t; });
  parser.on('cdata', (t) => { text += t; });
  parser.on('closetag', (tag: SaxesTagPlain) => {
    const name = localName(tag.name);
    const relative = stack.slice(base()).join('/');
    const target = tx ?? entry ?? stmt;
    if (target && relative !== '' && text.trim() !== '') {
      // Several Ustrd lines (or references) are kept, joined.
      const before = target.fields.get(relative);
      target.fields.set(relative, before === undefined ? text.trim() : `${before} ${text.trim()}`);
    }
    text = '';
    if (tx && name === 'TxDtls' && stack.length === txDepth) {
      entry!.transactions.push(tx);
      tx = null;
    } else if (entry && name === 'Ntry' && stack.length === entryDepth) {
      stmt!.entries += 1;
      const made = linesOf(stmt!.fields, entry, stmt!.entries, (m) => new Camt053Error(`${path}, line ${entryLine}: ${m}`));
      if (made === null) notBooked += 1;
      else lines.push(...made);
      entry = null;
    } else if (stmt && name === 'Stmt' && stack.length === stmtDepth) {
      stmt = null;
    }
    stack.pop();
  });
  parser.on('error', (e) => { failure ??= fail(`not well-formed XML (${e.message.replace(/^[^:]*:\d+:\d+: /, '')})`); });

  try {
    const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 64 * 1024 });
    for await (const chunk of stream) {
      parser.write(chunk as string);
      if (failure) throw failure;
    }
    parser.close();
    if (failure) throw failure;
  } catch (e) {
    if (e instanceof Camt053Error) throw e;
    throw fail((e as Error).message);
  }
  if (!rootChecked) throw new Camt053Error(`${path}: the file is empty; a camt.053 statement looks like:\n${CAMT053_EXAMPLE}`);
  if (statements === 0) throw new Camt053Error(`${path}: no <Stmt> under <BkToCstmrStmt>: this is not a bank-to-customer statement (camt.053)`);
  return { versions: [...versions], statements, lines, notBooked };
}

/** An amount element's value in minor units, or an error naming the entry. */
function amountOf(raw: string | null, ccy: string | null, where: string, fail: (m: string) => Error): { cents: number; currency: string } {
  const currency = (ccy ?? '').toUpperCase();
  if (!isCurrency(currency)) throw fail(`${where}: the amount's currency (Ccy="${ccy ?? ''}") is not an ISO 4217 code; expected e.g. <Amt Ccy="EUR">1250.00</Amt>`);
  const parsed = parseDecimal(raw ?? '', '.', minorUnits(currency));
  if (!parsed.ok || parsed.value <= 0 || !/^\d+(\.\d+)?$/.test(raw ?? '')) {
    throw fail(`${where}: "${raw ?? ''}" is not an amount; expected e.g. <Amt Ccy="${currency}">1250.00</Amt>`);
  }
  return { cents: parsed.value, currency };
}

/** The lines of one entry: one per TxDtls of a batch booking, else the entry itself. Null when it is not booked. */
function linesOf(stmtFields: Fields, entry: OpenEntry, index: number, fail: (m: string) => Error): BankLine[] | null {
  const f = entry.fields;
  const status = first(f, 'Sts/Cd', 'Sts');
  if (status !== null && status.toUpperCase() !== 'BOOK') return null;
  const statementId = first(stmtFields, 'Id') ?? 'statement';
  const reference = first(f, 'AcctSvcrRef', 'NtryRef') ?? `${statementId}#${index}`;
  const where = `entry ${reference}`;
  const indicator = first(f, 'CdtDbtInd');
  if (indicator !== 'CRDT' && indicator !== 'DBIT') throw fail(`${where}: <CdtDbtInd> is "${indicator ?? ''}", expected CRDT or DBIT`);
  const direction = indicator === 'CRDT' ? 'credit' : 'debit';
  const reversal = (first(f, 'RvslInd') ?? 'false').toLowerCase() === 'true';
  const total = amountOf(first(f, 'Amt'), entry.amountCcy, where, fail);
  const bookedOn = day(first(f, 'BookgDt/Dt', 'BookgDt/DtTm'));
  const valueOn = day(first(f, 'ValDt/Dt', 'ValDt/DtTm'));
  const entryInfo = first(f, 'AddtlNtryInf') ?? '';

  const transactions = entry.transactions.length > 0 ? entry.transactions : [{ fields: new Map() as Fields, amountCcy: null }];
  const batch = transactions.length > 1;
  return transactions.map((t, i) => {
    const x = t.fields;
    const amount = batch || first(x, 'Amt', 'AmtDtls/TxAmt/Amt') !== null
      ? amountOf(first(x, 'Amt', 'AmtDtls/TxAmt/Amt', 'AmtDtls/InstdAmt/Amt'), t.amountCcy, `${where}, transaction ${i + 1}`, fail)
      : total;
    // The other party: who paid a credit, who is paid by a debit (a refund goes back to the debtor, some banks name them Dbtr still).
    const debtor = { name: first(x, 'RltdPties/Dbtr/Pty/Nm', 'RltdPties/Dbtr/Nm'), iban: first(x, 'RltdPties/DbtrAcct/Id/IBAN') };
    const creditor = { name: first(x, 'RltdPties/Cdtr/Pty/Nm', 'RltdPties/Cdtr/Nm'), iban: first(x, 'RltdPties/CdtrAcct/Id/IBAN') };
    const party = direction === 'credit' ? debtor : { name: creditor.name ?? debtor.name, iban: creditor.iban ?? debtor.iban };
    const remittance = [
      first(x, 'RmtInf/Ustrd'), first(x, 'RmtInf/Strd/CdtrRefInf/Ref'), first(x, 'RmtInf/Strd/RfrdDocInf/Nb'),
      first(x, 'AddtlTxInf'), batch ? null : entryInfo || null,
    ].filter((s): s is string => s !== null).join(' ');
    return {
      reference: batch ? `${reference}/${i + 1}` : reference,
      statementId,
      direction,
      reversal,
      amountCents: amount.cents,
      currency: amount.currency,
      bookedOn,
      valueOn,
      partyName: party.name,
      partyIban: party.iban,
      remittance,
      endToEndId: first(x, 'Refs/EndToEndId'),
    } satisfies BankLine;
  });
}
