// Where records come from: one JSON record (the single-record endpoints),
// NDJSON (one JSON record a line) or CSV (the import's own reader), each fed
// to ingestRecords as a header and rows.
import { StringDecoder } from 'node:string_decoder';
import { readCsvRecords } from '../../import/csv-stream.ts';
import type { ImportKind } from '../../import/kinds.ts';
import { HEAD_BYTES, sniffHead } from '../../import/sniff.ts';
import { peekSource, type ChunkSource } from '../../import/source.ts';
import { HeaderError, type RecordFeed } from './ingest.ts';
import { bulkRecord, cellsOf, columnsFor, describeIssue, KEY_COLUMN } from './records.ts';

/** One record already checked against its schema, as cells. */
export function singleRecordFeed(kind: ImportKind, cells: Map<string, string>): RecordFeed {
  const columns = columnsFor(kind, cells.keys());
  return {
    columns,
    headerInRows: false,
    decimal: '.',
    async run(sink) {
      await sink.record(columns.map((c) => cells.get(c) ?? ''), 1);
    },
  };
}

/** A JSON line longer than this is not a ledger record (the CSV reader bounds its rows the same way). */
export const MAX_LINE_CHARS = 1 << 20;

export class LineTooLongError extends Error {}

/** Lines of a byte stream (LF or CRLF), decoded as UTF-8, each with its physical line number. */
async function* linesOf(source: AsyncIterable<Buffer | string | Uint8Array>): AsyncGenerator<{ text: string; line: number }> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let line = 0;
  for await (const chunk of source) {
    rest += typeof chunk === 'string' ? chunk : decoder.write(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
    let start = 0;
    for (let end = rest.indexOf('\n'); end !== -1; end = rest.indexOf('\n', start)) {
      line += 1;
      yield { text: rest.slice(start, end).replace(/\r$/, ''), line };
      start = end + 1;
    }
    rest = rest.slice(start);
    if (rest.length > MAX_LINE_CHARS) throw new LineTooLongError(`line ${line + 1} is longer than 1 MiB: one JSON record a line is expected`);
  }
  rest += decoder.end();
  if (rest.trim() !== '') yield { text: rest.replace(/\r$/, ''), line: line + 1 };
}

type Parsed = { ok: true; cells: Map<string, string>; key: string } | { ok: false; column: string; reason: string; value: string; key: string };

function parseLine(kind: ImportKind, text: string): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, column: 'record', reason: `is not JSON (${(e as Error).message}); one JSON object a line is expected`, value: text.slice(0, 80), key: '' };
  }
  const key = typeof value === 'object' && value !== null && typeof (value as Record<string, unknown>)[KEY_COLUMN[kind]] === 'string'
    ? String((value as Record<string, unknown>)[KEY_COLUMN[kind]]).trim()
    : '';
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, column: 'record', reason: `is not a JSON object (got ${Array.isArray(value) ? 'an array' : JSON.stringify(value)?.slice(0, 40)})`, value: text.slice(0, 80), key };
  }
  const parsed = bulkRecord[kind].safeParse(value);
  if (!parsed.success) {
    const issue = describeIssue(parsed.error.issues[0]!);
    return { ok: false, ...issue, value: '', key };
  }
  return { ok: true, cells: cellsOf(parsed.data), key };
}

/**
 * NDJSON records: record i is the i-th non-blank line (numbered i + 1 for the
 * import's checks). The first good record's fields make the header: every
 * record of a request carries the same fields, as the rows of a CSV file do
 * (null clears a value; a field left out of every record keeps it).
 */
export async function ndjsonFeed(kind: ImportKind, source: AsyncIterable<Buffer | string | Uint8Array>): Promise<RecordFeed> {
  const lines = linesOf(source)[Symbol.asyncIterator]();
  let index = 0;
  const before: { parsed: Parsed; line: number }[] = [];
  let first: { cells: Map<string, string>; line: number } | undefined;
  // Reads up to the first good record (bad ones before it are kept to be reported in order).
  while (!first) {
    const next = await lines.next();
    if (next.done) break;
    if (next.value.text.trim() === '') continue;
    index += 1;
    const parsed = parseLine(kind, next.value.text);
    if (parsed.ok) first = { cells: parsed.cells, line: index };
    else before.push({ parsed, line: index });
  }
  const columns = columnsFor(kind, first?.cells.keys() ?? []);
  const columnSet = new Set(columns);
  const reference = first ? first.line - 1 : 0;
  return {
    columns,
    headerInRows: false,
    decimal: '.',
    async run(sink) {
      const refuse = (p: Extract<Parsed, { ok: false }>, line: number) =>
        sink.refuse({ line, key: p.key, column: p.column, reason: p.reason, value: p.value });
      const feed = async (parsed: Parsed, line: number) => {
        if (!parsed.ok) return refuse(parsed, line);
        const missing = columns.filter((c) => !parsed.cells.has(c));
        const extra = [...parsed.cells.keys()].filter((c) => !columnSet.has(c));
        if (missing.length > 0 || extra.length > 0) {
          const field = missing[0] ?? extra[0]!;
          return sink.refuse({
            line, key: parsed.key, column: field, value: '',
            reason: missing.length > 0
              ? `is missing, and record ${reference} has it: every record of a request carries the same fields (null clears a value)`
              : `is not in record ${reference}: every record of a request carries the same fields (null clears a value)`,
          });
        }
        await sink.record(columns.map((c) => parsed.cells.get(c) ?? ''), line);
      };
      for (const b of before) await feed(b.parsed, b.line);
      if (!first) return;
      await sink.record(columns.map((c) => first.cells.get(c) ?? ''), first.line);
      for (let next = await lines.next(); !next.done; next = await lines.next()) {
        if (next.value.text.trim() === '') continue;
        index += 1;
        await feed(parseLine(kind, next.value.text), index);
      }
    },
  };
}

/** CSV exactly as `relance import` reads it: the header row says the kind; lines are the file's physical lines. */
export async function csvFeed(source: ChunkSource): Promise<RecordFeed & { close(): Promise<void> }> {
  const peeked = await peekSource(source, () => {});
  if (peeked.headerTooLong) {
    await peeked.close();
    throw new HeaderError(`the header line is longer than ${HEAD_BYTES / 1024} KiB: is this CSV?`);
  }
  const head = sniffHead(peeked.head.subarray(0, HEAD_BYTES));
  if (!head) {
    await peeked.close();
    throw new HeaderError('the body is empty: expected a CSV header row, then the rows');
  }
  return {
    columns: head.cells,
    headerInRows: true,
    decimal: head.delimiter === ';' ? ',' : '.',
    run: (sink) => readCsvRecords(peeked.chunks, head.delimiter, (record, line) => sink.record(record, line)),
    close: () => peeked.close(),
  };
}
