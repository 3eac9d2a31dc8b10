// Per-test-file PostgreSQL databases, cloned from a migrated template: CREATE
// DATABASE … TEMPLATE copies files instead of replaying migrations each time.
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/db/client.ts';

export const adminUrl = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function urlFor(database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withAdmin<T>(fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    return await fn(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** A fresh migrated database for one test file; `drop()` removes it. */
export async function createTestDatabase(): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const template = inject('templateDatabase');
  const name = `relance_t_${template.slice('relance_tpl_'.length)}_${randomBytes(4).toString('hex')}`;
  await withAdmin((sql) => sql.unsafe(`create database ${name} template ${template}`));
  return {
    url: urlFor(name),
    name,
    drop: () => withAdmin((sql) => sql.unsafe(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}

export interface TestDatabase {
  database: Database;
  url: string;
  /** Closes the connections and drops the database. */
  close(): Promise<void>;
}

/** This test file's own migrated database, opened. */
export async function openTestDatabase(max = 3): Promise<TestDatabase> {
  const created = await createTestDatabase();
  const database = await openDatabase({ databaseUrl: created.url, max });
  return {
    database,
    url: created.url,
    async close() {
      await database.close();
      await created.drop();
    },
  };
}
