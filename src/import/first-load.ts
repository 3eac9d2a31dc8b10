// The first customers or invoices file of a workspace, the first load of a
// ledger and usually the largest file it ever gets, goes straight into its
// table with one COPY while it is being read: there is nothing to update, to
// tell apart from or to check against, so no staging table, and PostgreSQL
// writes while Node reads. For invoices, Node resolves customer_ref with a map
// of the workspace's customers (its size follows the customers, not the file).
//
// The staging path (customer-writes.ts, invoice-writes.ts) stays the
// reference: whatever it would judge differently sends the file back to it,
// read again from the start. That is a key used twice by good rows (the unique
// index refuses the COPY), an invoice refused for its customer whose key a
// good row also used, or too many such rows to remember their keys.
import { sql } from 'drizzle-orm';
import type { Sql } from 'postgres';
import { idArray } from '../db/balances.ts';
import { rows, textArray, type Queryable } from '../db/client.ts';
import type { DecimalMark } from './amount.ts';
import type { KindImporter, RowContext, RowParser } from './importer.ts';
import { rejectReason } from './reject-reasons.ts';
import { copyWriter, type StageWriter } from './stage.ts';
import { refreshStatistics } from './statistics.ts';

/** Past this many customers the map costs more memory than staging saves time. */
export const FIRST_LOAD_MAX_CUSTOMERS = 500_000;
/** Keys of rows refused for an unknown customer, remembered to refuse a later row with the same key. */
const MAX_REFUSED_KEYS = 10_000;

/** The file must go through the staging path instead; nothing it wrote is kept (its savepoint is rolled back). */
export class StagingNeeded extends Error {}

export interface FirstLoad {
  /** The kind's importer; for invoices its row parser also looks the customer up, and remembers the keys of rows refused for it. */
  importer: KindImporter;
  writer: StageWriter;
  /** After the COPY: the touched customers, the checks that may still send the file to staging; the rows written. */
  finish(): Promise<number>;
}

/** A first load when the workspace has none of the file's kind yet (and, for invoices, not too many customers); null otherwise. */
export async function openFirstLoad(
  tx: Queryable, client: Sql, importer: KindImporter, workspaceId: string, now: string,
): Promise<FirstLoad | null> {
  if (importer.kind === 'customers') return firstCustomers(tx, client, importer, workspaceId, now);
  if (importer.kind === 'invoices') return firstInvoices(tx, client, importer, workspaceId, now);
  return null;
}

async function firstCustomers(tx: Queryable, client: Sql, importer: KindImporter, workspaceId: string, now: string): Promise<FirstLoad | null> {
  const [state] = await rows<{ any: boolean }>(tx, sql`select exists (select 1 from customers where workspace_id = ${workspaceId}) as any`);
  if (!state || state.any) return null;
  let written = 0;
  // The staged columns are the table's own: a new one goes in without being listed twice.
  const staged = importer.stageColumns.map((c) => c.name);
  const kind = staged.indexOf('kind') + 1;
  const copy = await copyWriter(client, 'customers', ['workspace_id', ...staged, 'created_at', 'updated_at'], 'written');
  return {
    importer,
    writer: {
      add(row) {
        written += 1;
        // The staged row is [line, ...staged columns]; an empty kind makes a b2b customer.
        const values = row.slice(1);
        values[kind - 1] ??= 'b2b';
        return copy.add([workspaceId, ...values, now, now]);
      },
      finish: () => copy.finish(),
      abort: (error) => copy.abort(error),
    },
    async finish() {
      await refreshStatistics(tx, 'customers', written);
      return written;
    },
  };
}

async function firstInvoices(tx: Queryable, client: Sql, importer: KindImporter, workspaceId: string, now: string): Promise<FirstLoad | null> {
  const [state] = await rows<{ invoices: boolean; customers: number }>(tx, sql`
    select exists (select 1 from invoices where workspace_id = ${workspaceId}) as invoices,
      (select count(*)::int from customers where workspace_id = ${workspaceId}) as customers`);
  if (!state || state.invoices || Number(state.customers) > FIRST_LOAD_MAX_CUSTOMERS) return null;

  const customerIds = new Map<string, number>();
  for (const c of await rows<{ customer_ref: string; id: number | string }>(tx, sql`
    select customer_ref, id from customers where workspace_id = ${workspaceId}`)) {
    customerIds.set(c.customer_ref, Number(c.id));
  }
  /** invoice_number → line, for rows refused for an unknown customer: their key stays taken, as on the staging path. */
  const refusedKeys = new Map<string, number>();
  const touched = new Set<number>();
  let written = 0;

  // The staged columns, with the customer's id where the file has its ref (the row parser below puts it there).
  const columns = importer.stageColumns.map((c) => (c.name === 'customer_ref' ? 'customer_id' : c.name));
  const numberAt = columns.indexOf('invoice_number');
  const customerAt = columns.indexOf('customer_id');
  const copy = await copyWriter(client, 'invoices', ['workspace_id', ...columns, 'created_at', 'updated_at'], 'written');
  const rowParser = (positions: ReadonlyMap<string, number>, decimal: DecimalMark): RowParser => {
    const parseInvoice = importer.rowParser(positions, decimal);
    // The row checks' own rejections, seen here so that a refused row is not looked up (nor claims its key).
    let rejected = false;
    let outer: RowContext | undefined;
    const watched: RowContext = {
      line: 0,
      reject(column, reason, value) {
        rejected = true;
        outer?.reject(column, reason, value);
      },
    };
    return (record, ctx) => {
      outer = ctx;
      watched.line = ctx.line;
      rejected = false;
      const values = parseInvoice(record, watched);
      if (!values || rejected) return null;
      const number = values[numberAt] as string;
      const customerRef = values[customerAt] as string;
      const firstLine = refusedKeys.get(number);
      if (firstLine !== undefined) {
        ctx.reject('invoice_number', rejectReason({ line: ctx.line, col: 'invoice_number', code: 'repeated_key', value: number, detail: { first_line: firstLine } }), number);
        return null;
      }
      const customerId = customerIds.get(customerRef);
      if (customerId === undefined) {
        if (refusedKeys.size >= MAX_REFUSED_KEYS) throw new StagingNeeded('too many rows refused to remember their keys');
        refusedKeys.set(number, ctx.line);
        ctx.reject('customer_ref', rejectReason({ line: ctx.line, col: 'customer_ref', code: 'unknown_customer', value: customerRef, detail: null }), customerRef);
        return null;
      }
      touched.add(customerId);
      values[customerAt] = customerId;
      return values;
    };
  };
  const writer: StageWriter = {
    add(row) {
      written += 1;
      return copy.add([workspaceId, ...row.slice(1), now, now]);
    },
    finish: () => copy.finish(),
    abort: (error) => copy.abort(error),
  };

  return {
    importer: { ...importer, rowParser },
    writer,
    async finish() {
      if (refusedKeys.size > 0) {
        // A good row took the key before a refused row claimed it: the staging path would call the refused row a repeat.
        const [taken] = await rows<{ n: number }>(tx, sql`
          select count(*)::int as n from invoices
          where workspace_id = ${workspaceId} and invoice_number = any(${textArray(refusedKeys.keys())}::text[])`);
        if (Number(taken?.n ?? 0) > 0) throw new StagingNeeded('a refused row reused the key of a good row');
      }
      if (touched.size > 0) {
        await tx.execute(sql`insert into import_touched (customer_id) select unnest(${idArray([...touched])}::bigint[])`);
      }
      await refreshStatistics(tx, 'invoices', written);
      return written;
    },
  };
}

/** A unique index refused the COPY: some key is used twice in the file (in a first load, nothing else can collide). */
export function isRepeatedKey(e: unknown): boolean {
  let error = e as { code?: unknown; cause?: unknown } | undefined;
  // The database's error may come wrapped (StageError, drizzle's query error).
  for (let depth = 0; error && depth < 4; depth += 1) {
    if (error.code === '23505') return true;
    error = error.cause as typeof error;
  }
  return false;
}
