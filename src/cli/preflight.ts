// Start-up checks that turn "ECONNREFUSED" into what is down, where relance
// looked, and how to fix it.
import { sql } from 'drizzle-orm';
import type { Env } from '../config/env.ts';
import { openDatabase, safeUrl, type Database } from '../db/client.ts';

export class PreflightError extends Error {}

type DriverError = { code?: string; message?: string; errors?: { message?: string }[]; cause?: DriverError };

/** drizzle wraps the driver's error: the useful code and message are on its cause. */
const root = (error: unknown): DriverError => {
  const e = error as DriverError;
  return e?.cause && typeof e.cause === 'object' ? root(e.cause) : e;
};

function reason(error: unknown): string {
  const e = root(error);
  if (e?.errors?.length) return e.errors.map((x) => x.message).join('; ');
  return e?.message ?? String(error);
}

export async function connectDatabase(env: Env): Promise<Database> {
  let database: Database | undefined;
  try {
    database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.RELANCE_DATA_DIR });
    await database.db.execute(sql`select 1`);
    return database;
  } catch (error) {
    await database?.close().catch(() => {});
    const code = root(error).code;
    if (!env.DATABASE_URL) {
      throw new PreflightError(`Cannot open the embedded database in ${env.RELANCE_DATA_DIR}/pglite (${reason(error)}).\n`
        + `Fix: make sure the folder is writable and not used by another relance process, or set RELANCE_DATA_DIR to another folder, or set DATABASE_URL to a PostgreSQL server.`);
    }
    const where = safeUrl(env.DATABASE_URL);
    if (code === '3D000') {
      const name = new URL(env.DATABASE_URL).pathname.slice(1);
      throw new PreflightError(`PostgreSQL at ${where} answers, but the database "${name}" does not exist.\n`
        + `Fix: create it (createdb -h ${new URL(env.DATABASE_URL).hostname} ${name}) or point DATABASE_URL at an existing database.`);
    }
    if (code === '28P01' || code === '28000') {
      throw new PreflightError(`PostgreSQL at ${where} refused the login (${reason(error)}).\nFix: check the user and password in DATABASE_URL.`);
    }
    throw new PreflightError(`Cannot reach PostgreSQL at ${where} (${reason(error)}).\n`
      + `Fix: start PostgreSQL (e.g. "sudo systemctl start postgresql" or "pg_ctlcluster 15 main start"), or point DATABASE_URL at a running server. `
      + `Leave DATABASE_URL unset to use the embedded database instead.`);
  }
}

export async function checkRedis(env: Env): Promise<void> {
  // Loaded here: import and migrate never reach Redis, and ioredis costs a tenth of a second to load.
  const { Redis } = await import('ioredis');
  const redis = new Redis(env.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 3000, retryStrategy: () => null, enableOfflineQueue: false });
  redis.on('error', () => {});
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new PreflightError(`Cannot reach Redis at ${safeUrl(env.REDIS_URL)} (${reason(error)}).\n`
      + `Fix: start Redis (e.g. "redis-server --daemonize yes" or "sudo systemctl start redis-server"), or set REDIS_URL to a running Redis. `
      + `relance keeps its scheduled jobs (digests, reminders) in Redis.`);
  } finally {
    redis.disconnect();
  }
}
