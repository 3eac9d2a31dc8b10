// A file's rows are first streamed into a temporary table, then written to the
// ledger with a few set-based statements: PostgreSQL does the joins (customer
// refs, existing invoices, payment references) instead of one query per row.
// The temporary tables live only as long as the file's transaction.
import { sql } from 'drizzle-orm';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import type { Sql } from 'postgres';
import type { Queryable } from '../db/client.ts';
import type { StageColumn, StageValue } from './importer.ts';

export interface StageWriter {
  /** Adds one row ([line, ...values]); a returned promise means "wait before adding more". */
  add(row: StageValue[]): Promise<void> | undefined;
  finish(): Promise<void>;
  /** Stops a COPY under way so that the transaction can roll back. */
  abort(error: Error): void;
}

export async function createStageTables(tx: Queryable, columns: readonly StageColumn[]): Promise<void> {
  const defs = columns.map((c) => `${c.name} ${c.type}`).join(', ');
  await tx.execute(sql.raw(`create temp table import_rows (line int not null, ${defs}) on commit drop`));
  await tx.execute(sql.raw(
    'create temp table import_rejects (line int not null, col text not null, code text not null, value text, detail jsonb) on commit drop'));
  await tx.execute(sql.raw('create temp table import_touched (customer_id bigint primary key) on commit drop'));
}

// Small enough that the text being built dies young in the garbage collector, large enough to keep writes few.
const COPY_CHUNK = 1 << 16;
const SPECIAL = /[\\\t\n\r]/;
const SPECIALS = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One row in COPY's text format. */
export function copyLine(row: readonly StageValue[]): string {
  let out = '';
  for (let i = 0; i < row.length; i += 1) {
    const v = row[i];
    if (i > 0) out += '\t';
    if (v === null || v === undefined) out += '\\N';
    else if (typeof v === 'number') out += String(v);
    else out += SPECIAL.test(v) ? v.replace(SPECIALS, (c) => ESCAPES[c] ?? c) : v;
  }
  return `${out}\n`;
}

/** The postgres.js client behind a drizzle transaction, which can run COPY; null on PGlite. */
export function copyClientOf(tx: Queryable): Sql | null {
  const client = (tx as unknown as { session?: { client?: unknown } }).session?.client;
  return typeof client === 'function' && typeof (client as { unsafe?: unknown }).unsafe === 'function'
    ? (client as Sql)
    : null;
}

/** PostgreSQL refused the staged rows; the transaction is aborted and must roll back. */
export class StageError extends Error {}

/** Streams rows into `import_rows` with COPY … FROM STDIN: the cheapest way into PostgreSQL. */
export async function copyStageWriter(client: Sql, columns: readonly StageColumn[]): Promise<StageWriter> {
  return copyWriter(client, 'import_rows', ['line', ...columns.map((c) => c.name)], 'staged');
}

/** Streams rows into `table` with COPY … FROM STDIN, as they come; `doing` names it in the refusal ("the rows being staged"). */
export async function copyWriter(client: Sql, table: string, columns: readonly string[], doing: 'staged' | 'written'): Promise<StageWriter> {
  const stream: Writable = await client.unsafe(`copy ${table} (${columns.join(', ')}) from stdin`).writable();
  let failure: Error | undefined;
  let ended = false;
  stream.on('error', (e: Error) => { failure ??= e; });
  let buffer = '';
  /** Settles when the last chunk written has gone to the socket (or failed: see `failure`). */
  let written = Promise.resolve();
  const flush = (): Promise<void> | undefined => {
    if (failure) return Promise.reject(failure);
    let more = true;
    written = new Promise((resolve) => { more = stream.write(buffer, () => resolve()); });
    buffer = '';
    return more ? undefined : once(stream, 'drain').then(() => undefined);
  };
  return {
    add(row) {
      buffer += copyLine(row);
      return buffer.length >= COPY_CHUNK ? flush() : undefined;
    },
    async finish() {
      if (buffer) await flush();
      await written;
      if (failure) throw failure;
      // Nothing is pending now, so end() hands over to postgres.js at once, which sends CopyDone.
      ended = true;
      stream.end();
      // postgres.js finishes the stream when the COPY succeeds but never settles it when PostgreSQL refuses
      // the data (porsager/postgres#1173): awaiting it alone would hang with the transaction left open. A
      // statement queued behind the COPY learns the outcome either way: it fails when the COPY aborted the
      // transaction, and then the transaction rolls back like on any other error.
      const after = client.unsafe('select 1').then(() => undefined, (e: unknown) => {
        throw new StageError(`the database refused the rows being ${doing} (COPY failed)`, { cause: e });
      });
      await Promise.all([finished(stream), after]);
      if (failure) throw failure;
    },
    abort(error) {
      // After end() the COPY is over (done or refused): a CopyFail then would only be noise on the connection.
      if (!ended && !stream.destroyed) stream.destroy(error);
    },
  };
}

/** Inserts rows in batches, one statement each (PGlite, or PostgreSQL when asked). */
export function batchStageWriter(tx: Queryable, columns: readonly StageColumn[], batchSize: number): StageWriter {
  const all: readonly StageColumn[] = [{ name: 'line', type: 'int' }, ...columns];
  const select = sql.raw(all.map((c, i) => `(r->>${i})::${c.type}`).join(', '));
  const names = sql.raw(all.map((c) => c.name).join(', '));
  let batch: StageValue[][] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const json = JSON.stringify(batch);
    batch = [];
    await tx.execute(sql`insert into import_rows (${names}) select ${select} from json_array_elements(${json}::json) r`);
  };
  return {
    add(row) {
      batch.push(row);
      return batch.length >= batchSize ? flush() : undefined;
    },
    finish: flush,
    abort() {
      batch = [];
    },
  };
}
