import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/client.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { urlFor, withAdmin } from './pg.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** This run's migrated template database; test files clone it. */
    templateDatabase: string;
  }
}

/** Each run has its own template, so concurrent runs (CI, benches, several checkouts) never collide. */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const run = randomBytes(3).toString('hex');
  const template = `relance_tpl_${run}`;
  await withAdmin((sql) => sql.unsafe(`create database ${template}`));
  const database = await openDatabase({ databaseUrl: urlFor(template), max: 1 });
  try {
    await migrateDatabase(database);
  } finally {
    await database.close();
  }
  project.provide('templateDatabase', template);
  return async () => {
    await withAdmin(async (sql) => {
      const mine = await sql<{ datname: string }[]>`select datname from pg_database where datname like ${`relance_t_${run}_%`} or datname = ${template}`;
      for (const { datname } of mine) await sql.unsafe(`drop database if exists ${datname} with (force)`);
    });
  };
}
