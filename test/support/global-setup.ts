import { openDatabase } from '../../src/db/client.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { templateName, urlFor, withAdmin } from './pg.ts';

export async function setup(): Promise<() => Promise<void>> {
  await withAdmin(async (sql) => {
    await sql.unsafe(`drop database if exists ${templateName} with (force)`);
    await sql.unsafe(`create database ${templateName}`);
  });
  const database = await openDatabase({ databaseUrl: urlFor(templateName), max: 1 });
  try {
    await migrateDatabase(database);
  } finally {
    await database.close();
  }
  return async () => {
    await withAdmin(async (sql) => {
      const leftovers = await sql<{ datname: string }[]>`select datname from pg_database where datname like 'relance_t_%'`;
      for (const { datname } of leftovers) await sql.unsafe(`drop database if exists ${datname} with (force)`);
    });
  };
}
