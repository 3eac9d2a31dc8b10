import { fileURLToPath } from 'node:url';
import type { Database } from './client.ts';

export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

// Any fixed number: concurrent `relance migrate` runs (replicas starting at once)
// take turns instead of racing on the migrations table.
const MIGRATION_LOCK = 7_402_118;

export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(database.db as never, { migrationsFolder });
    return;
  }
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  // One connection, so the advisory lock and the migration share a session.
  const pg = postgres(database.url!, { max: 1, onnotice: () => {} });
  try {
    await pg`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migrate(drizzle(pg), { migrationsFolder });
  } finally {
    await pg`select pg_advisory_unlock(${MIGRATION_LOCK})`.catch(() => {});
    await pg.end({ timeout: 5 });
  }
}
