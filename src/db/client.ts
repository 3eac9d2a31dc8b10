// One database handle for the whole app: PostgreSQL through postgres.js when
// DATABASE_URL is set, else an embedded PGlite database under RELANCE_DATA_DIR.
// Both run the same drizzle schema and the same migrations.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { SQL } from 'drizzle-orm';
import type { Sql } from 'postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle has the same query surface as the database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Queryable = Db | Tx;

export interface Database {
  db: Db;
  kind: 'postgres' | 'pglite';
  /** Where the data lives, for messages (never includes a password). */
  where: string;
  /** postgres.js client, for COPY and other driver-level features; absent on PGlite. */
  pg?: Sql;
  /** The PostgreSQL URL, for tools that need their own connection (migrations, COPY). */
  url?: string;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string;
  dataDir?: string;
  /** Connection pool size (postgres only). */
  max?: number;
}

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.max ?? 10);
  return openPglite(resolve(opts.dataDir ?? '.data', 'pglite'));
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const pg = postgres(url, {
    max,
    onnotice: () => {},
    connect_timeout: 5,
    // Dates stay calendar strings ('2026-11-23'), never shifted through a JS Date.
    types: { date: { to: 1082, from: [1082], serialize: (x: string) => x, parse: (x: string) => x } },
  });
  const db = drizzle(pg, { schema }) as unknown as Db;
  return { db, kind: 'postgres', where: safeUrl(url), pg, url, close: () => pg.end({ timeout: 5 }) };
}

async function openPglite(dir: string): Promise<Database> {
  mkdirSync(dir, { recursive: true });
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const client = await PGlite.create(dir);
  const db = drizzle(client, { schema }) as unknown as Db;
  return { db, kind: 'pglite', where: `embedded PGlite at ${dir}`, close: () => client.close() };
}

export function safeUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

/** A text[] parameter: one array instead of one parameter per value. */
export function textArray(values: Iterable<string>): string {
  return `{${[...values].map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}

/** Runs raw SQL and returns its rows, whichever driver is underneath. */
export async function rows<T>(db: Queryable, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
