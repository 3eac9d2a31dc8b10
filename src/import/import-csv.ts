// One CSV file → the ledger, in one transaction: rows are checked in Node as
// they stream in, staged in a temporary table, then written set-based, and the
// balances and cases of the customers it touched are rebuilt. Any failure
// rolls the whole file back. The first customers or invoices file of a
// workspace skips the staging table when it can (first-load.ts).
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { Database, Queryable } from '../db/client.ts';
import { rows } from '../db/client.ts';
import { refreshBalances } from '../db/balances.ts';
import { decidePromises } from '../db/promise-verdicts.ts';
import { cancelSettledReminders } from '../services/mail/cancel-settled-reminders.ts';
import { recordLedgerSync } from '../services/intake/ledger-sync.ts';
import { isIsoDate, type IsoDate } from '../domain/dates.ts';
import { CsvSyntaxError, readCsvRecords } from './csv-stream.ts';
import { ErrorList } from './errors.ts';
import type { KindImporter } from './importer.ts';
import { IMPORTERS } from './kind-importers.ts';
import { expectedHeaders, matchHeader, type HeaderMatch } from './kinds.ts';
import { rejectReason, type SqlReject } from './reject-reasons.ts';
import { HEAD_BYTES, sniffHead } from './sniff.ts';
import { peekSource, SourceError, type ChunkSource, type PeekedSource } from './source.ts';
import { batchStageWriter, copyClientOf, copyStageWriter, createStageTables, StageError, type StageWriter } from './stage.ts';
import { isRepeatedKey, openFirstLoad, StagingNeeded } from './first-load.ts';
import type { WriteCounts } from './importer.ts';
import { progressReporter, type ProgressReporter } from './progress-reporter.ts';
import { rowHandler } from './row-handler.ts';
import type { FileReport, ImportCsvOptions } from './types.ts';

/** Above this many touched customers, one workspace-wide rebuild beats a long id list. */
export const WHOLE_WORKSPACE_REFRESH = 5_000;
const DEFAULT_BATCH = 10_000;

export function emptyFileReport(file: string): FileReport {
  return {
    file, kind: null, rows: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0,
    errors: [], moreErrors: 0, ignoredColumns: [], casesOpened: 0, casesResolved: 0, durationMs: 0,
  };
}

export async function importCsv(database: Database, opts: ImportCsvOptions): Promise<FileReport> {
  const started = performance.now();
  const report = emptyFileReport(opts.fileName);
  const done = (failure?: string): FileReport => {
    if (failure !== undefined) Object.assign(report, { failure, inserted: 0, updated: 0, unchanged: 0, casesOpened: 0, casesResolved: 0 });
    report.durationMs = Math.round(performance.now() - started);
    return report;
  };

  if (!isIsoDate(opts.today)) {
    (opts.stream as Partial<Readable> | undefined)?.destroy?.();
    return done(`"${opts.today}" is not a date for aging (expected YYYY-MM-DD)`);
  }
  const progress = progressReporter(opts);
  let source: PeekedSource | undefined;
  try {
    source = await peekSource(sourceOf(opts), progress.bytes);
    // Refused on a bounded prefix: a file of one endless line must not be read, nor parsed, whole.
    if (source.headerTooLong) {
      return done(`the header line is longer than ${HEAD_BYTES / 1024} KiB (${HEAD_BYTES.toLocaleString('en-US')} bytes without a line end): is this a CSV file?`);
    }
    const head = sniffHead(source.head.subarray(0, HEAD_BYTES));
    const match = head ? matchHeader(head.cells) : null;
    if (!head || !match?.ok) {
      return done(head && match && !match.ok
        ? match.error
        : `the file is empty: expected a header row, one of:\n${expectedHeaders()}`);
    }
    report.kind = match.value.kind;
    report.ignoredColumns = match.value.ignored;

    const [workspace] = await rows<{ id: string }>(database.db, sql`select id from workspaces where id = ${opts.workspaceId}`);
    if (!workspace) return done(`workspace "${opts.workspaceId}" does not exist`);

    const { chunks } = source;
    const reopen = opts.reopen ?? (opts.stream ? undefined : () => sourceOf(opts));
    const again: PeekedSource[] = [];
    const reread = reopen && (async () => {
      progress.restart();
      const peeked = await peekSource(reopen(), progress.bytes);
      again.push(peeked);
      return peeked.chunks;
    });
    try {
      await database.db.transaction(async (tx) => {
        await importInTransaction(tx, database, opts, match.value, head.delimiter, { chunks, reread }, report, progress);
      });
    } finally {
      for (const peeked of again) await peeked.close();
    }
    progress.phase('done', report.rows);
    return done();
  } catch (e) {
    return done(`${failureMessage(e)}; nothing from this file was imported`);
  } finally {
    // Closes the file when it was refused before its rows were read.
    await source?.close();
  }
}

interface Source {
  chunks: AsyncIterable<Buffer>;
  /** The file from its start again, when it can be read twice. */
  reread: (() => Promise<AsyncIterable<Buffer>>) | undefined;
}

async function importInTransaction(
  tx: Queryable, database: Database, opts: ImportCsvOptions, header: HeaderMatch, delimiter: ';' | ',',
  source: Source, report: FileReport, progress: ProgressReporter,
): Promise<void> {
  const ws = opts.workspaceId;
  const importer = IMPORTERS[header.kind];
  // One import per workspace at a time: two files racing on the same keys would fail each other.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('relance.import'), hashtext(${ws}))`);
  // The set-based writes hash a whole file's keys: with the default 4 MB they spill to disk past ~100,000 rows.
  if (database.kind === 'postgres') await tx.execute(sql`set local work_mem = '64MB'`);
  await createStageTables(tx, importer.stageColumns);
  const at = opts.now ?? new Date();
  const now = at.toISOString();

  const method = opts.stageMethod ?? (database.kind === 'postgres' ? 'copy' : 'batch');
  const copyClient = method === 'copy' ? copyClientOf(tx) : null;
  let chunks = source.chunks;
  let done: { read: ReadRows; counts: WriteCounts } | undefined;
  if (header.kind !== 'payments' && copyClient && source.reread) {
    try {
      // In a savepoint, the only way back from a refused statement in a postgres.js transaction.
      done = await tx.transaction(async (savepoint) => {
        const client = copyClientOf(savepoint);
        const first = client && await openFirstLoad(savepoint, client, importer, ws, now);
        if (!first) return undefined;
        const read = await readRows(first.importer, header, delimiter, first.writer, chunks, progress);
        return { read, counts: { inserted: await first.finish(), updated: 0 } };
      });
    } catch (e) {
      // A repeated key, most likely: the unique index refused the COPY. PostgreSQL's reason is lost when it comes
      // after the last row was sent (porsager/postgres#1173: see stage.ts), so any refused COPY goes back to
      // staging, which says which rows repeat, or fails with the database's own words if it was something else.
      if (!(e instanceof StagingNeeded || e instanceof StageError || isRepeatedKey(e))) throw e;
      chunks = await source.reread();
    }
  }
  if (!done) {
    const writer = copyClient
      ? await copyStageWriter(copyClient, importer.stageColumns)
      : batchStageWriter(tx, importer.stageColumns, opts.batchSize ?? DEFAULT_BATCH);
    const staged = await readRows(importer, header, delimiter, writer, chunks, progress);
    if (staged.rows > 1000) await tx.execute(sql`analyze import_rows`);
    const present = new Set(header.positions.keys());
    // The timeline names the file, not the directories it came from.
    const counts = await importer.write({ tx, workspaceId: ws, now, fileName: basename(opts.fileName), present });
    done = { read: staged, counts };
  }
  const { rows: rowCount, rejectedRows, nodeErrors } = done.read;
  const { counts } = done;
  report.rows = rowCount;
  progress.phase('writing', report.rows);

  const refreshed = await refreshTouched(tx, ws, opts.today, at);
  // New payments may keep promises: decided at once, for the customers they touched.
  if (header.kind === 'payments') await decidePromises(tx, { workspaceId: ws, now: at, customersIn: sql`select customer_id from import_touched` });
  // A payment (or a lowered amount) that settles invoices stops the reminders still waiting about them.
  if (header.kind !== 'customers') await cancelSettledReminders(tx, { workspaceId: ws, customersIn: sql`select customer_id from import_touched`, now: at });
  const sqlErrors = await databaseRejects(tx);
  const merged = ErrorList.merge(nodeErrors, sqlErrors.list);

  Object.assign(report, {
    inserted: counts.inserted,
    updated: counts.updated,
    rejected: rejectedRows + sqlErrors.rows,
    unchanged: report.rows - rejectedRows - sqlErrors.rows - counts.inserted - counts.updated,
    errors: merged.errors,
    moreErrors: merged.moreErrors,
    casesOpened: refreshed.casesOpened,
    casesResolved: refreshed.casesResolved,
  });
  // The ledger arrived (src/domain/ledger-freshness.ts): reminders held for want of it resume. A file whose every row was refused is not a sync.
  if (report.rows > report.rejected) await recordLedgerSync(tx, ws, 'import', at);
}

/** What went wrong, without the SQL text drizzle wraps around database errors. */
function failureMessage(e: unknown): string {
  if (e instanceof CsvSyntaxError) return e.message;
  if (e instanceof SourceError) return `reading the file failed: ${e.message}`;
  if (e instanceof StageError) return e.message;
  const cause = (e as { cause?: unknown }).cause;
  const error = cause instanceof Error ? cause : (e as Error);
  // A server that stopped or restarted did not refuse anything: say so, and that a rerun is the fix.
  if (LOST_CONNECTION.test(String((error as { code?: unknown }).code ?? ''))) {
    return `the connection to the database was lost (${error.message}); import the file again once the database is back`;
  }
  return `the database refused the file: ${error.message}`;
}

/** postgres.js's own connection codes, refused connections, the server's shutdown codes (57P01 to 57P03) and its connection-failure class (SQLSTATE class 08). */
const LOST_CONNECTION = /^(CONNECTION_CLOSED|CONNECTION_DESTROYED|CONNECTION_ENDED|CONNECT_TIMEOUT|ECONNREFUSED|ECONNRESET|57P0[123]|08\w{3})$/;

interface ReadRows {
  rows: number;
  rejectedRows: number;
  nodeErrors: ErrorList;
}

/** Reads, checks and hands every good row to `writer`; the refused ones leave their errors. */
async function readRows(
  importer: KindImporter, header: HeaderMatch, delimiter: ';' | ',', writer: StageWriter,
  chunks: AsyncIterable<Buffer>, progress: ProgressReporter,
): Promise<ReadRows> {
  const nodeErrors = new ErrorList();
  let rejectedRows = 0;
  const handle = rowHandler(importer, header, delimiter === ';' ? ',' : '.', writer, nodeErrors, () => { rejectedRows += 1; });
  try {
    await readCsvRecords(chunks, delimiter, (record, line) => {
      const pending = handle(record, line);
      progress.rows(handle.rows);
      return pending;
    });
    await writer.finish();
  } catch (e) {
    writer.abort(e as Error);
    throw e;
  }
  return { rows: handle.rows, rejectedRows, nodeErrors };
}

/** The customers `import_touched` names get their balances and cases rebuilt; the whole workspace past WHOLE_WORKSPACE_REFRESH. */
export async function refreshTouched(
  tx: Queryable, workspaceId: string, today: IsoDate, now: Date, actorId = 'import',
): Promise<{ casesOpened: number; casesResolved: number }> {
  const [touched] = await rows<{ n: number }>(tx, sql`select count(*)::int as n from import_touched`);
  const n = Number(touched?.n ?? 0);
  if (n === 0) return { casesOpened: 0, casesResolved: 0 };
  // Same lock as the daily rebuild, so the two never write balances at once.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('relance.balances'), hashtext(${workspaceId}))`);
  const customerIds = n > WHOLE_WORKSPACE_REFRESH
    ? undefined
    : (await rows<{ customer_id: number | string }>(tx, sql`select customer_id from import_touched order by customer_id`))
      .map((r) => Number(r.customer_id));
  return refreshBalances(tx, { workspaceId, today, actorId, now, ...(customerIds ? { customerIds } : {}) });
}

async function databaseRejects(tx: Queryable): Promise<{ rows: number; list: ErrorList }> {
  const [count] = await rows<{ n: number }>(tx, sql`select count(*)::int as n from import_rejects`);
  const list = new ErrorList();
  const first = await rows<SqlReject>(tx, sql`select line, col, code, value, detail from import_rejects order by line limit 100`);
  for (const r of first) list.add({ line: Number(r.line), column: r.col, reason: rejectReason(r), value: r.value ?? '' });
  list.total = Number(count?.n ?? 0);
  return { rows: list.total, list };
}

function sourceOf(opts: ImportCsvOptions): ChunkSource {
  if (opts.stream) return opts.stream;
  return Readable.from([Buffer.from(opts.text ?? '', 'utf8')]);
}
