// Refused records as the API reports them: the import's reason, with the
// record's index (NDJSON and single records) or line (CSV) and its key.
import type { RecordError } from '../services/intake/ingest.ts';

export interface ApiRecordError {
  /** NDJSON: the record's position among the body's non-blank lines, from 0. */
  index?: number;
  /** CSV: the physical line (the header is line 1), as `relance import` reports it. */
  line?: number;
  /** The record's key (customer_ref, invoice_number or reference), '' when it had none. */
  key: string;
  field: string;
  message: string;
}

/** NDJSON records are staged as line = index + 1; the import's "line N of this file" becomes the record's index. */
export function byIndex(e: RecordError): ApiRecordError {
  const message = e.reason.replace(/already appears on line (\d+) of this file/, (_m, n: string) => `already appears in record ${Number(n) - 1} of this request`);
  return { index: e.line - 1, key: e.key, field: e.column, message: `${e.column}: ${message}` };
}

export function byLine(e: RecordError): ApiRecordError {
  return { line: e.line, key: e.key, field: e.column, message: `line ${e.line}: ${e.column}: ${e.reason}` };
}
