// Checks each data row as it streams by (width, characters and lengths,
// values) and stages the good ones; the bad ones only leave an error behind.
// A key repeated in the file is found later, in SQL (repeated-keys.ts): a set
// of every key here would make memory grow with the file.
import { cellAt } from './cells.ts';
import type { RecordHandler } from './csv-stream.ts';
import type { ErrorList } from './errors.ts';
import type { KindImporter, RowContext } from './importer.ts';
import type { HeaderMatch } from './kinds.ts';
import type { StageWriter } from './stage.ts';
import { maxChars, textProblem } from './text-checks.ts';

export type RowHandler = ((record: string[], line: number) => ReturnType<RecordHandler>) & { rows: number };

/** `rows` counts the data rows seen; the first non-blank record is the header and is skipped. */
export function rowHandler(
  importer: KindImporter, header: HeaderMatch, decimal: '.' | ',', writer: StageWriter,
  errors: ErrorList, onRejected: () => void,
): RowHandler {
  const parseRow = importer.rowParser(header.positions, decimal);
  // Columns relance ignores are not checked: their values are never stored nor shown.
  const checked = [...header.positions].map(([column, index]) => ({ column, index, max: maxChars(column) }));
  let headerSeen = false;
  let rowRejected = false;
  const ctx: RowContext = {
    line: 0,
    reject(column, reason, value) {
      rowRejected = true;
      errors.add({ line: ctx.line, column, reason, value });
    },
  };
  const handler = ((record: string[], line: number) => {
    if (isBlank(record)) return undefined;
    if (!headerSeen) {
      headerSeen = true;
      return undefined;
    }
    handler.rows += 1;
    ctx.line = line;
    rowRejected = false;
    if (record.length !== header.width && !extraCellsEmpty(record, header.width)) {
      ctx.reject('row', `has ${record.length} values but the header has ${header.width} (check the delimiter and the quotes)`, '');
    } else if (cleanText(record)) {
      const values = parseRow(record, ctx);
      if (values && !rowRejected) return writer.add([line, ...values]);
    }
    onRejected();
    return undefined;
  }) as RowHandler;
  handler.rows = 0;

  /** Rejects each cell with control characters, invalid UTF-8 or too many characters; the row goes no further. */
  function cleanText(record: readonly string[]): boolean {
    for (const { column, index, max } of checked) {
      const value = cellAt(record, index);
      const problem = value === '' ? null : textProblem(value, max);
      if (problem) ctx.reject(column, problem.reason, problem.quoted);
    }
    return !rowRejected;
  }
  return handler;
}

function isBlank(record: readonly string[]): boolean {
  for (const cell of record) if (cell.trim() !== '') return false;
  return true;
}

/** Spreadsheets often pad rows with trailing empty cells ("a;b;c;;"); only real extra values count. */
function extraCellsEmpty(record: readonly string[], width: number): boolean {
  if (record.length < width) return false;
  for (let i = width; i < record.length; i += 1) if ((record[i] ?? '').trim() !== '') return false;
  return true;
}
