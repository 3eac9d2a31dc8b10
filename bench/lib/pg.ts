// Bench databases: created on the local PostgreSQL, migrated with the
// project's own migrations, and dropped at the end — also when the bench fails
// or is interrupted (Ctrl-C).
import postgres from 'postgres';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';

export const DEFAULT_ADMIN_URL = process.env.BENCH_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Every database a bench creates starts with this, so it can never drop anything else. */
export const BENCH_PREFIX = 'relance_bench_';

export function urlFor(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

const ident = (name: string): string => {
  if (!name.startsWith(BENCH_PREFIX) || !/^[a-z0-9_]+$/.test(name)) {
    throw new Error(`bench database names must start with ${BENCH_PREFIX} and use a-z, 0-9, _ (got "${name}")`);
  }
  return `"${name}"`;
};

/**
 * The databases of one bench run. `create` drops a leftover of the same name
 * first; `dropAll` drops every database created, and runs by itself on
 * SIGINT/SIGTERM.
 */
export class BenchDatabases {
  readonly adminUrl: string;
  private readonly created = new Set<string>();
  private readonly admin: postgres.Sql;
  private readonly onSignal: (signal: NodeJS.Signals) => void;

  constructor(adminUrl = DEFAULT_ADMIN_URL) {
    this.adminUrl = adminUrl;
    this.admin = postgres(adminUrl, { max: 1, onnotice: () => {}, connect_timeout: 5 });
    this.onSignal = (signal) => {
      process.stderr.write(`\n${signal}: dropping the bench databases…\n`);
      void this.dropAll().finally(() => process.exit(130));
    };
    process.once('SIGINT', this.onSignal);
    process.once('SIGTERM', this.onSignal);
  }

  url(name: string): string {
    return urlFor(this.adminUrl, name);
  }

  /** An empty database, or a copy of `template` (CREATE DATABASE … TEMPLATE). */
  async create(name: string, template?: string): Promise<string> {
    await this.admin.unsafe(`drop database if exists ${ident(name)} with (force)`);
    this.created.add(name);
    await this.admin.unsafe(`create database ${ident(name)}${template ? ` template ${ident(template)}` : ''}`);
    return this.url(name);
  }

  /** A new database with the project's migrations applied (migrateDatabase, as `relance migrate` does). */
  async createMigrated(name: string): Promise<string> {
    const url = await this.create(name);
    const database = await openDatabase({ databaseUrl: url, max: 1 });
    try {
      await migrateDatabase(database);
    } finally {
      await database.close();
    }
    return url;
  }

  async drop(name: string): Promise<void> {
    await this.admin.unsafe(`drop database if exists ${ident(name)} with (force)`);
    this.created.delete(name);
  }

  /** Runs SQL as the admin user (on the admin URL's database). */
  sql(): postgres.Sql {
    return this.admin;
  }

  async dropAll(): Promise<void> {
    for (const name of [...this.created]) {
      try {
        await this.drop(name);
      } catch (e) {
        process.stderr.write(`could not drop ${name}: ${(e as Error).message}; drop it with: psql -c 'drop database ${name}'\n`);
      }
    }
    process.off('SIGINT', this.onSignal);
    process.off('SIGTERM', this.onSignal);
    await this.admin.end({ timeout: 5 });
  }
}

/** Opens a bench database the way the app does (postgres.js, pool of `max`). */
export function openBench(url: string, max = 10): Promise<Database> {
  return openDatabase({ databaseUrl: url, max });
}
