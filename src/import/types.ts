import type { Readable } from 'node:stream';
import type { IsoDate } from '../domain/dates.ts';
import type { ImportKind } from './kinds.ts';

/** One rejected value: rendered `line 12: due_date: "31/02/2026" is not a valid date (…)`. */
export interface RowError {
  /** Physical line in the file; the header is line 1. */
  line: number;
  column: string;
  /** Why, quoting the bad value where there is one. */
  reason: string;
  /** The bad value; shortened and with control characters spelled out (<U+001B>) when that is why it was refused. */
  value: string;
}

export interface FileReport {
  file: string;
  kind: ImportKind | null;
  /** Data rows read (blank lines not counted). */
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** The first errors, in line order. */
  errors: RowError[];
  /** How many more errors there were beyond `errors`. */
  moreErrors: number;
  /** Header columns that no kind knows; their values were not imported. */
  ignoredColumns: string[];
  casesOpened: number;
  casesResolved: number;
  durationMs: number;
  /** Set when the file as a whole could not be imported; nothing from it was written. */
  failure?: string;
}

export interface ImportReport {
  workspaceId: string;
  files: FileReport[];
  durationMs: number;
}

/** `rereading`: the file is read again from its start, through staging (a first load that met what only staging judges: first-load.ts). */
export type ImportPhase = 'reading' | 'rereading' | 'writing' | 'done';

export interface ImportProgress {
  file: string;
  phase: ImportPhase;
  bytesRead: number;
  /** Unknown for a stream of unknown length. */
  totalBytes?: number;
  rows: number;
}

export type StageMethod = 'copy' | 'batch';

export interface CommonImportOptions {
  workspaceId: string;
  /** The workspace's calendar date: aging and cases are computed for it. */
  today: IsoDate;
  onProgress?: (progress: ImportProgress) => void;
  /** When the import happened, for timestamps; defaults to the current time. */
  now?: Date;
  /** How rows reach the staging table: COPY (PostgreSQL only, default there) or batched inserts. */
  stageMethod?: StageMethod;
  /** Rows per staging insert in batch mode. */
  batchSize?: number;
}

export interface ImportFilesOptions extends CommonImportOptions {
  files: string[];
}

export interface ImportCsvOptions extends CommonImportOptions {
  /** A name for messages (a path, an upload's name). */
  fileName: string;
  /** The CSV bytes, streamed… */
  stream?: Readable | AsyncIterable<Buffer | string>;
  /** …or given whole (small uploads, tests). */
  text?: string;
  /** Size of the stream, for progress. */
  totalBytes?: number;
  /** The same bytes from the start again (a file on disk): lets a first load of customers or invoices skip staging (first-load.ts). */
  reopen?: () => AsyncIterable<Buffer | string>;
}

export const MAX_LISTED_ERRORS = 100;
