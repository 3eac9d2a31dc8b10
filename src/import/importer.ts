// The contract each kind (customers, invoices, payments) fulfils: how a CSV row
// becomes a staging row, and how the staged file is written to the ledger.
import type { Queryable } from '../db/client.ts';
import type { DecimalMark } from './amount.ts';
import type { ImportKind } from './kinds.ts';

export type StageValue = string | number | null;

export interface StageColumn {
  name: string;
  /** PostgreSQL type in the temporary staging table. */
  type: string;
}

export interface RowContext {
  line: number;
  reject(column: string, reason: string, value: string): void;
}

/** Turns one record into staging values (in `stageColumns` order); a row with any ctx.reject() call, or null, is dropped. */
export type RowParser = (record: readonly string[], ctx: RowContext) => StageValue[] | null;

export interface WriteContext {
  tx: Queryable;
  workspaceId: string;
  /** ISO timestamp of the import, for created_at/updated_at and activities. */
  now: string;
  fileName: string;
  /** Which of the kind's columns the file has: absent optional columns keep their stored values. */
  present: ReadonlySet<string>;
}

export interface WriteCounts {
  inserted: number;
  updated: number;
}

export interface KindImporter {
  kind: ImportKind;
  /** The column whose value identifies a row: it may appear once per file. */
  keyColumn: string;
  stageColumns: readonly StageColumn[];
  rowParser(positions: ReadonlyMap<string, number>, decimal: DecimalMark): RowParser;
  /**
   * Writes the staged rows (table `import_rows`) to the ledger, set-based.
   * Rows refused by database checks go to `import_rejects`; customers whose
   * balances may have moved go to `import_touched`.
   */
  write(ctx: WriteContext): Promise<WriteCounts>;
}
