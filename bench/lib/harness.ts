// What the SQL benches share: their common options, a client that counts the
// statements it sends, timed steps, work in a transaction rolled back, and a
// transaction handle that times each statement (the "where the time goes"
// tables). Used by bench/ladder.ts and bench/promises.ts; the options by
// bench/import.ts too.
import { performance } from 'node:perf_hooks';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { rows, type Db, type Queryable } from '../../src/db/client.ts';
import * as schema from '../../src/db/schema.ts';
import { DEFAULT_ADMIN_URL } from './pg.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

const COMMON = {
  scale: { type: 'string', default: '1' },
  rounds: { type: 'string', default: '3' },
  'admin-url': { type: 'string', default: DEFAULT_ADMIN_URL },
  help: { type: 'boolean', default: false },
} as const satisfies Options;

export const ADMIN_URL_USAGE = '  --admin-url URL    PostgreSQL admin URL (default $BENCH_DATABASE_ADMIN_URL or postgres://postgres@127.0.0.1:5432/postgres)';

/**
 * The options every bench takes (--scale, --rounds, --admin-url, --help) plus
 * its own; prints `usage` and exits on --help, throws on a scale or a round
 * count that makes no sense.
 */
export function benchOptions<O extends Options>(usage: string, own: O) {
  const { values } = parseArgs({ options: { ...COMMON, ...own } });
  const opt = values as unknown as Values<typeof COMMON & O>;
  if (opt.help) {
    console.log(usage);
    process.exit(0);
  }
  const scale = Number(opt.scale);
  if (!(scale > 0 && scale <= 10)) throw new Error(`--scale must be a number in (0, 10] (got "${opt.scale}")`);
  const rounds = Number(opt.rounds);
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds must be a whole number ≥ 1 (got "${opt.rounds}")`);
  return { opt, scale, rounds, adminUrl: opt['admin-url'] };
}

/** Parsed option values; every option a bench declares has a default. */
type Values<O extends Options> = { [K in keyof O]: O[K] extends { type: 'boolean' } ? boolean : string };

export const print = (line = ''): void => console.log(line);

// ------------------------------------------------------------------ a client that counts what it sends

export interface Counted {
  db: Db;
  /** Statements sent since the last reset (BEGIN and COMMIT included). */
  sent: string[];
  counting: boolean;
  close(): Promise<void>;
}

/** The app's own client setup (src/db/client.ts), plus postgres.js's debug hook, which sees every statement sent. */
export function openCounted(url: string): Counted {
  const counted: Counted = { db: undefined as unknown as Db, sent: [], counting: false, close: async () => {} };
  const pg = postgres(url, {
    max: 10,
    onnotice: () => {},
    types: { date: { to: 1082, from: [1082], serialize: (x: string) => x, parse: (x: string) => x } },
    debug: (_connection, query) => {
      if (counted.counting) counted.sent.push(query);
    },
  });
  counted.db = drizzle(pg, { schema }) as unknown as Db;
  counted.close = () => pg.end({ timeout: 5 });
  return counted;
}

/** `fn` timed from the client, with the statements it sent. */
export async function measure<T>(c: Counted, fn: () => Promise<T>): Promise<{ ms: number; statements: string[]; value: T }> {
  c.sent = [];
  c.counting = true;
  const started = performance.now();
  try {
    const value = await fn();
    return { ms: performance.now() - started, statements: c.sent, value };
  } finally {
    c.counting = false;
  }
}

/** The statements of one run, one line each. */
export function printStatements(title: string, statements: readonly string[]): void {
  print(`\n${title} (${statements.length}):`);
  for (const st of statements) print(`  ${st.replace(/\s+/g, ' ').trim().slice(0, 110)}`);
}

// ------------------------------------------------------------------ building a ledger

/** Named steps, each timed: `await step('insert …', () => …)`, then `steps` to print. */
export function timedSteps() {
  const steps: { step: string; ms: number }[] = [];
  const step = async (name: string, fn: () => Promise<unknown>): Promise<void> => {
    const started = performance.now();
    await fn();
    steps.push({ step: name, ms: performance.now() - started });
  };
  return { steps, step };
}

// ------------------------------------------------------------------ where the time goes

class Rollback extends Error {}

/** `fn` in a transaction that is rolled back at the end; its value. */
export async function rolledBack<T>(db: Db, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  let value: T | undefined;
  await db.transaction(async (tx) => {
    value = await fn(tx);
    throw new Rollback();
  }).catch((e: unknown) => {
    if (!(e instanceof Rollback)) throw e;
  });
  return value as T;
}

export interface TimedStatement {
  ms: number;
  /** The statement's SQL, on one line, its first 100 characters. */
  text: string;
  /** Its EXPLAIN (ANALYZE, BUFFERS), when asked for. */
  plan?: string;
}

/**
 * A handle on `tx` whose `execute` times each statement from the client (the
 * select/insert builders are not seen). With `plans`, each statement is first
 * EXPLAIN ANALYZEd exactly as sent, in a savepoint rolled back.
 */
export function timingHandle<T extends Queryable>(tx: T, timed: TimedStatement[], plans = false): T {
  const dialect = new PgDialect();
  return new Proxy(tx, {
    get(target, prop, receiver) {
      if (prop !== 'execute') return Reflect.get(target, prop, receiver) as unknown;
      return async (query: SQL) => {
        let plan: string | undefined;
        if (plans) {
          await target.transaction(async (sp) => {
            const lines = await rows<{ 'QUERY PLAN': string }>(sp, sql`explain (analyze, buffers) ${query}`);
            plan = lines.map((r) => `  ${r['QUERY PLAN']}`).join('\n');
            sp.rollback();
          }).catch(() => {});
        }
        const started = performance.now();
        const result = await target.execute(query);
        const text = dialect.sqlToQuery(query).sql.replace(/\s+/g, ' ').trim().slice(0, 100);
        timed.push({ ms: performance.now() - started, text, ...(plan ? { plan } : {}) });
        return result;
      };
    },
  });
}
