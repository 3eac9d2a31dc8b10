// Statements of a hot path run prepared on postgres.js (the worklist, the
// intake API's single-record writes, the member lookup of every request).
// drizzle's `execute` hands postgres.js its text unprepared, and an unprepared
// statement with parameters costs two round trips (Parse and Describe first,
// then Bind and Execute), a new plan and a new row parser each time: measured
// on the bench database, 170 µs of Node CPU per statement against 45 µs
// prepared, and a single-customer balances refresh spent more time planning
// than running. postgres.js keeps every prepared text for the connection's
// lifetime: texts must come from a bounded set, values always as parameters.
// In a transaction the transaction's own connection runs them. On PGlite the
// same text and values go through its client, or through drizzle.
import { fillPlaceholders, sql, type Placeholder, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { rows, type Queryable } from './client.ts';

interface PostgresJsClient {
  unsafe(text: string, params: unknown[], options: { prepare: boolean }): Promise<unknown[]>;
}
interface PgliteClient {
  query<T>(text: string, params: unknown[]): Promise<{ rows: T[] }>;
}

const dialect = new PgDialect();
const PARAMETER = /\$(\d+)/g;

/** The postgres.js client under a drizzle handle (the pool, or the transaction's reserved connection); null on PGlite. */
function postgresJsClient(db: Queryable): PostgresJsClient | null {
  const client = (db._.session as { client?: Partial<PostgresJsClient> }).client;
  return client && typeof client.unsafe === 'function' ? client as PostgresJsClient : null;
}

/** The same statement as drizzle SQL, for a handle without a client of its own to run text on (a PGlite transaction). */
function asDrizzle(text: string, params: readonly unknown[]): SQL {
  const chunks: SQL[] = [];
  let last = 0;
  for (const m of text.matchAll(PARAMETER)) {
    chunks.push(sql.raw(text.slice(last, m.index)), sql`${params[Number(m[1]) - 1]}`);
    last = m.index + m[0].length;
  }
  chunks.push(sql.raw(text.slice(last)));
  return sql.join(chunks);
}

/** The rows of `text` (parameters `$1`…, values in `params`), prepared on postgres.js, whichever driver is underneath. */
export async function preparedRows<T>(db: Queryable, text: string, params: readonly unknown[]): Promise<T[]> {
  const postgresJs = postgresJsClient(db);
  if (postgresJs) return (await postgresJs.unsafe(text, [...params], { prepare: true })) as T[];
  const pglite = (db as { $client?: Partial<PgliteClient> }).$client;
  if (pglite && typeof pglite.query === 'function') return (await (pglite as PgliteClient).query<T>(text, [...params])).rows;
  return rows<T>(db, asDrizzle(text, params));
}

/** The rows of drizzle `query`, prepared when the driver is postgres.js (the same result as `rows`). */
export async function preparedSql<T>(db: Queryable, query: SQL): Promise<T[]> {
  if (!postgresJsClient(db)) return rows<T>(db, query);
  const { sql: text, params } = dialect.sqlToQuery(query);
  return preparedRows<T>(db, text, params);
}

/**
 * A statement built once: `build` writes it with a placeholder for each of
 * `names`, and each run only fills the values in. For a big statement, whose
 * building (drizzle's fragments, then its text) costs more Node time than the
 * database takes to run it.
 */
export function statementOnce<K extends string>(
  names: readonly K[], build: (values: Record<K, Placeholder<K>>) => SQL,
): <T>(db: Queryable, values: Record<K, unknown>) => Promise<T[]> {
  let built: { sql: string; params: unknown[] } | null = null;
  return async <T>(db: Queryable, values: Record<K, unknown>) => {
    built ??= dialect.sqlToQuery(build(Object.fromEntries(names.map((n) => [n, sql.placeholder(n)])) as Record<K, Placeholder<K>>));
    return preparedRows<T>(db, built.sql, fillPlaceholders(built.params, values));
  };
}
