import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/client.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { urlFor, withAdmin } from './pg.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** This run's migrated template database; test files clone it. */
    templateDatabase: string;
    /** A migrated PGlite data directory (its `pglite` folder); PGlite test files copy it. */
    pgliteTemplateDir: string;
  }
}

/** Each run has its own template, so concurrent runs (CI, benches, several checkouts) never collide. */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const run = randomBytes(3).toString('hex');
  const template = `relance_tpl_${run}`;
  const pgliteDir = mkdtempSync(join(tmpdir(), 'relance-pglite-template-'));
  await Promise.all([migratedPostgres(template), migrate(await openDatabase({ dataDir: pgliteDir }))]);
  project.provide('templateDatabase', template);
  project.provide('pgliteTemplateDir', pgliteDir);
  return async () => {
    rmSync(pgliteDir, { recursive: true, force: true });
    await withAdmin(async (sql) => {
      const mine = await sql<{ datname: string }[]>`select datname from pg_database where datname like ${`relance_t_${run}_%`} or datname = ${template}`;
      for (const { datname } of mine) await sql.unsafe(`drop database if exists ${datname} with (force)`);
    });
  };
}

async function migratedPostgres(template: string): Promise<void> {
  await withAdmin((sql) => sql.unsafe(`create database ${template}`));
  await migrate(await openDatabase({ databaseUrl: urlFor(template), max: 1 }));
}

async function migrate(database: Awaited<ReturnType<typeof openDatabase>>): Promise<void> {
  try {
    await migrateDatabase(database);
  } finally {
    await database.close();
  }
}
