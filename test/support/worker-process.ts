// A worker process for tests that kill workers: the production worker code,
// with short lock and lease times so a takeover happens within seconds.
import { loadEnv } from '../../src/config/env.ts';
import { openDatabase } from '../../src/db/client.ts';
import { createLogger } from '../../src/log.ts';
import { startWorkers } from '../../jobs/workers.ts';

const env = loadEnv();
const database = await openDatabase({ databaseUrl: env.DATABASE_URL, max: 3 });
const workers = await startWorkers({
  env, database, logger: createLogger(env.LOG_LEVEL), clock: () => new Date(),
  name: process.env.WORKER_NAME, lockDurationMs: 1000, stalledIntervalMs: 500, leaseMs: 1500, pacingMs: 150, callTimeoutMs: 500, postPollMs: 200,
  // The tests that kill workers count posts and digests of a given ledger; the ladder would add its drafts.
  ladder: false,
});
process.send?.('ready');
process.on('SIGTERM', () => { void workers.stop().then(() => database.close()).then(() => process.exit(0)); });
