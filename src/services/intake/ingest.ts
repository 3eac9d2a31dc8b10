// Records arriving through the intake API go through the very checks and
// writes of `relance import` (src/import): each record is checked as it
// streams by (characters, lengths, values, duplicate key), the good ones are
// staged, then written set-based; balances and cases of the touched customers
// are rebuilt. Unlike a file import, it all happens in one transaction that
// also gives the promise verdicts new payments decide and cancels the
// reminders waiting about invoices they settle, so a debtor who has paid is
// not reminded by a mail already queued.
import { sql } from 'drizzle-orm';
import { rows, type Database, type Queryable } from '../../db/client.ts';
import { decidePromises } from '../../db/promise-verdicts.ts';
import { todayIn } from '../../domain/dates.ts';
import { cellAt } from '../../import/cells.ts';
import { ErrorList } from '../../import/errors.ts';
import { refreshTouched } from '../../import/import-csv.ts';
import { IMPORTERS } from '../../import/kind-importers.ts';
import { matchHeader, type ImportKind } from '../../import/kinds.ts';
import { rejectReason, type SqlReject } from '../../import/reject-reasons.ts';
import { rowHandler } from '../../import/row-handler.ts';
import { batchStageWriter, copyClientOf, copyStageWriter, createStageTables, type StageWriter } from '../../import/stage.ts';
import type { RowError } from '../../import/types.ts';
import { cancelSettledReminders, type CancelledReminders } from '../mail/cancel-settled-reminders.ts';
import { recordLedgerSync } from './ledger-sync.ts';

/** One refused record: where it is (`line` as the feed numbers it), its key, and why, in the import's words. */
export interface RecordError extends RowError {
  key: string;
}

/** What feeds the records: a header, then rows handed to `record` one at a time. */
export interface RecordFeed {
  /** The column names, as a CSV header would give them. */
  columns: readonly string[];
  /** Whether the rows handed over start with the header row itself (CSV), or not (JSON records). */
  headerInRows: boolean;
  decimal: '.' | ',';
  /**
   * Hands every row to `record` (a returned promise: wait before the next),
   * and records refused before they became rows (unreadable JSON, schema) to
   * `refuse`. `line` numbers them: the physical line of a CSV, index + 1 of
   * an NDJSON record.
   */
  run(sink: {
    record(values: string[], line: number): Promise<void> | undefined;
    refuse(error: RecordError): void;
  }): Promise<void>;
}

export interface IngestResult {
  kind: ImportKind;
  /** Records read (refused ones included). */
  records: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** The first errors, by line, and how many more. */
  errors: RecordError[];
  moreErrors: number;
  casesOpened: number;
  casesResolved: number;
  promisesKept: number;
  promisesBroken: number;
  remindersCancelled: CancelledReminders;
}

export interface IngestOptions {
  workspaceId: string;
  kind: ImportKind;
  /** Who sent it, for the timeline (the `file` of payment_recorded): `api:<token name>`. */
  origin: string;
  now: Date;
  /** Staging by COPY (PostgreSQL) or batched inserts; tests and PGlite use batches. */
  stageMethod?: 'copy' | 'batch';
}

/** The feed's header does not describe the kind the request is about; nothing was read. */
export class HeaderError extends Error {}

/** Errors with the key of the record each is about (the record being checked when it was added). */
class KeyedErrors extends ErrorList {
  readonly keys = new Map<number, string>();
  currentKey = '';

  override add(error: RowError): void {
    super.add(error);
    if (this.keys.size < 1000) this.keys.set(error.line, this.currentKey);
  }
}

export async function ingestRecords(database: Database, opts: IngestOptions, feed: RecordFeed): Promise<IngestResult> {
  const importer = IMPORTERS[opts.kind];
  const header = matchHeader(feed.columns);
  if (!header.ok) throw new HeaderError(header.error);
  if (header.value.kind !== opts.kind) {
    throw new HeaderError(`the header row is one of ${header.value.kind}, not of ${opts.kind}: send it to the ${header.value.kind} endpoint`);
  }
  const positions = header.value.positions;
  const keyIndex = positions.get(importer.keyColumn);
  const ws = opts.workspaceId;

  return database.db.transaction(async (tx) => {
    const [workspace] = await rows<{ timezone: string }>(tx, sql`select timezone from workspaces where id = ${ws}`);
    if (!workspace) throw new Error(`workspace ${ws} does not exist`);
    const today = todayIn(workspace.timezone, opts.now);
    // One import per workspace at a time, files and API alike: two writers racing on the same keys would fail each other.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('relance.import'), hashtext(${ws}))`);
    await createStageTables(tx, importer.stageColumns);
    const writer = await stageWriter(tx, database, importer.stageColumns, opts.stageMethod);

    const errors = new KeyedErrors();
    const refused = new KeyedErrors();
    let rejectedRows = 0;
    const handle = rowHandler(importer, header.value, feed.decimal, writer, errors, () => { rejectedRows += 1; });
    if (!feed.headerInRows) handle([...feed.columns], 0);
    try {
      await feed.run({
        record(values, line) {
          errors.currentKey = cellAt(values, keyIndex);
          return handle(values, line);
        },
        refuse(error) {
          refused.currentKey = error.key;
          refused.add(error);
        },
      });
      await writer.finish();
    } catch (e) {
      writer.abort(e as Error);
      throw e;
    }

    const present = new Set(positions.keys());
    await tx.execute(sql.raw(`create temp table intake_keys on commit drop as select line, ${importer.keyColumn} as key from import_rows`));
    const now = opts.now.toISOString();
    const counts = await importer.write({ tx, workspaceId: ws, now, fileName: opts.origin, present });
    if (opts.kind === 'payments') {
      // The import writes 'import'; the ledger says where each payment came from.
      await tx.execute(sql`update payments p set source = 'api' from intake_keys k
        where p.workspace_id = ${ws} and p.reference = k.key and p.source = 'import' and p.created_at = ${now}::timestamptz`);
    }
    const refreshed = await refreshTouched(tx, ws, today, opts.now, 'api');
    const touched = sql`select customer_id from import_touched`;
    const verdicts = opts.kind === 'payments'
      ? await decidePromises(tx, { workspaceId: ws, now: opts.now, customersIn: touched })
      : { kept: 0, broken: 0 };
    // A lowered invoice amount settles invoices too.
    const remindersCancelled = opts.kind === 'customers'
      ? { mails: 0, drafts: 0 }
      : await cancelSettledReminders(tx, { workspaceId: ws, customersIn: touched, now: opts.now });

    const sqlErrors = await databaseRejects(tx);
    const merged = ErrorList.merge(combine(errors, refused), sqlErrors.list);
    const keyOf = (line: number) => errors.keys.get(line) ?? refused.keys.get(line) ?? sqlErrors.keys.get(line) ?? '';
    const records = handle.rows + refused.total;
    const rejected = rejectedRows + refused.total + sqlErrors.rows;
    // The ledger arrived (src/domain/ledger-freshness.ts): reminders held for want of it resume. Only refused records are not a sync.
    if (records > rejected) await recordLedgerSync(tx, ws, 'api', opts.now);
    return {
      kind: opts.kind,
      records,
      inserted: counts.inserted,
      updated: counts.updated,
      unchanged: records - rejected - counts.inserted - counts.updated,
      rejected,
      errors: merged.errors.map((e) => ({ ...e, key: keyOf(e.line) })),
      moreErrors: merged.moreErrors,
      casesOpened: refreshed.casesOpened,
      casesResolved: refreshed.casesResolved,
      promisesKept: verdicts.kept,
      promisesBroken: verdicts.broken,
      remindersCancelled,
    };
  });
}

/** Both lists as one, for merging with a third. */
function combine(a: ErrorList, b: ErrorList): ErrorList {
  const merged = ErrorList.merge(a, b);
  const list = new ErrorList();
  for (const e of merged.errors) list.add(e);
  list.total = a.total + b.total;
  return list;
}

async function stageWriter(
  tx: Queryable, database: Database, columns: Parameters<typeof batchStageWriter>[1], method?: 'copy' | 'batch',
): Promise<StageWriter> {
  const client = (method ?? (database.kind === 'postgres' ? 'copy' : 'batch')) === 'copy' ? copyClientOf(tx) : null;
  return client ? copyStageWriter(client, columns) : batchStageWriter(tx, columns, 10_000);
}


async function databaseRejects(tx: Queryable): Promise<{ rows: number; list: ErrorList; keys: Map<number, string> }> {
  const [count] = await rows<{ n: number }>(tx, sql`select count(*)::int as n from import_rejects`);
  const list = new ErrorList();
  const keys = new Map<number, string>();
  const first = await rows<SqlReject & { key: string | null }>(tx, sql`
    select r.line, r.col, r.code, r.value, r.detail, k.key
    from import_rejects r left join intake_keys k on k.line = r.line
    order by r.line limit 100`);
  for (const r of first) {
    list.add({ line: Number(r.line), column: r.col, reason: rejectReason(r), value: r.value ?? '' });
    keys.set(Number(r.line), r.key ?? '');
  }
  list.total = Number(count?.n ?? 0);
  return { rows: list.total, list, keys };
}
