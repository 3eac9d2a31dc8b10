// Streams CSV records with their physical line numbers, never holding the file
// in memory. Lines are counted here rather than with csv-parse's `info`
// option, which doubles its parsing time.
import { parse } from 'csv-parse';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Delimiter } from './sniff.ts';
import { spellControls } from './text-checks.ts';

/**
 * A record (one row, quoted line breaks included) longer than this is not a
 * row of a ledger export: most likely a quote left open swallowing the rest of
 * the file. Bounding it keeps memory and time bounded too.
 */
export const MAX_RECORD_BYTES = 1 << 20;

/** Handles one record; a returned promise holds the parser back until it settles. */
export type RecordHandler = (record: string[], line: number) => Promise<void> | undefined;

/** The file is not CSV past some point (an unclosed quote swallows the rest of it). */
export class CsvSyntaxError extends Error {}

export async function readCsvRecords(source: AsyncIterable<Buffer>, delimiter: Delimiter, handle: RecordHandler): Promise<void> {
  let line = 0;
  const sink = new Writable({
    objectMode: true,
    highWaterMark: 256,
    write(record: string[], _encoding, done) {
      const start = line + 1;
      line = start;
      // A quoted value may span lines; the record starts on the first of them.
      for (const cell of record) {
        if (cell.length > 0 && cell.includes('\n')) line += countNewlines(cell);
      }
      let pending: Promise<void> | undefined;
      try {
        pending = handle(record, start);
      } catch (e) {
        done(e as Error);
        return;
      }
      if (pending) pending.then(() => done(), done);
      else done();
    },
  });
  const parser = parse({
    delimiter,
    bom: true,
    // Width is checked per row so that a short row is reported, not fatal.
    relax_column_count: true,
    // `Société "La Belle"` unquoted is text, not an error.
    relax_quotes: true,
    max_record_size: MAX_RECORD_BYTES,
  });
  try {
    await pipeline(Readable.from(source, { objectMode: false }), parser, sink);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'CSV_QUOTE_NOT_CLOSED') {
      throw new CsvSyntaxError(`a quote (") opened after line ${line} is never closed, so the rest of the file cannot be read`);
    }
    if (code === 'CSV_MAX_RECORD_SIZE') {
      throw new CsvSyntaxError(`the row after line ${line} is longer than 1 MiB, too long to be a record: check the delimiter and the quotes`);
    }
    if (typeof code === 'string' && code.startsWith('CSV_')) {
      // The parser's message may quote a character of the file.
      throw new CsvSyntaxError(`the CSV cannot be read after line ${line}: ${spellControls((e as Error).message)}`);
    }
    throw e;
  }
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n += 1;
  return n;
}
