// bench/intake: the intake API (src/api) against `relance import` on the same
// work, in the same run (issue #18).
//  1. 100,000 payments POSTed as NDJSON to /api/v1/bulk/payments vs the
//     import of the same payments as a CSV file (importCsv, as `relance
//     import` runs it), each on its own copy of one seeded database, so both
//     start from the same ledger. Target: bulk ≤ 1.3× the import's time.
//  2. Single-record PUT /api/v1/invoices/{number} latency under 20 concurrent
//     clients, each sending its next request when the last one is answered, on
//     a ledger of --invoices invoices (default 1,000,000). Target: p99 ≤ 50 ms.
//     One client alone first, on other invoices of the same ledger, so both
//     figures come from the same run (the machine's load moves between runs).
// The API is served by its own Hono app (createApiApp, the one mounted on
// Bolt's server) in this process, rate limit off; the client is Node's fetch.
// Figures from a shared 2-core machine are indicative: the load average is printed.
// Run: npx tsx bench/intake.ts [--invoices 100000] [--payments 100000] [--skip-bulk] [--help]
// Needs PostgreSQL (postgres@127.0.0.1:5432 or --admin-url).
import { spawn } from 'node:child_process';
import { createReadStream, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { createApiApp } from '../src/api/server.ts';
import type { ApiRateLimiter } from '../src/api/rate-limit.ts';
import { rows, type Database } from '../src/db/client.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { ensureWorkspace } from '../src/db/workspaces.ts';
import { todayIn } from '../src/domain/dates.ts';
import { importCsv } from '../src/import/import-csv.ts';
import { createApiToken } from '../src/services/intake/api-tokens.ts';
import { importFiles } from './lib/import-files.ts';
import { ADMIN_URL_USAGE, print } from './lib/harness.ts';
import { BenchDatabases, DEFAULT_ADMIN_URL, openBench } from './lib/pg.ts';
import { fmtInt, fmtMs, fmtRatio, fmtS, machineLine, median, percentile, table } from './lib/stats.ts';

const USAGE = `npx tsx bench/intake.ts [options]
  --invoices N       invoices in the seeded ledger, for 1 customer per 10 (default 1000000)
  --payments N       payments sent through each path (default 100000; at most --invoices)
  --rounds N         bulk vs import rounds, alternating which goes first (default 1)
  --skip-bulk        PUT latency only (part 2), on the seeded ledger itself
  --keep-seed        keep the seeded ledger (database relance_bench_intake_kept_<invoices>) and reuse it
                     on the next run with --keep-seed: seeding 1,000,000 invoices takes minutes
  --clients N        concurrent PUT clients (default 20)
  --single N         PUTs by one client alone, measured before the concurrent ones (default 300)
  --puts N           measured PUTs, after --warmup more (default 4000)
  --warmup N         PUTs before measuring (default 400)
${ADMIN_URL_USAGE}`;

const { values: opt } = parseArgs({
  options: {
    invoices: { type: 'string', default: '1000000' },
    payments: { type: 'string', default: '100000' },
    rounds: { type: 'string', default: '1' },
    'skip-bulk': { type: 'boolean', default: false },
    'keep-seed': { type: 'boolean', default: false },
    clients: { type: 'string', default: '20' },
    single: { type: 'string', default: '300' },
    puts: { type: 'string', default: '4000' },
    warmup: { type: 'string', default: '400' },
    'admin-url': { type: 'string', default: DEFAULT_ADMIN_URL },
    help: { type: 'boolean', default: false },
  },
});
if (opt.help) {
  print(USAGE);
  process.exit(0);
}

function whole(name: keyof typeof opt, min: number): number {
  const n = Number(String(opt[name]).replaceAll(/[,_]/g, ''));
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number ≥ ${min} (got "${String(opt[name])}"), e.g. --${name} 100000`);
  return n;
}

const INVOICES = whole('invoices', 10);
const CUSTOMERS = Math.max(1, Math.round(INVOICES / 10));
const PAYMENTS = Math.min(whole('payments', 1), INVOICES);
const ROUNDS = whole('rounds', 1);
const CLIENTS = whole('clients', 1);
const SINGLE = whole('single', 0);
const PUTS = whole('puts', 1);
const WARMUP = whole('warmup', 0);
const WORKSPACE = 'TBENCHINTAKE';
const BULK_TARGET = 1.3;
const P99_TARGET_MS = 50;

const dataDir = fileURLToPath(new URL(`./.data/import-${CUSTOMERS}c-${INVOICES}i/`, import.meta.url));
const logger = pino({ level: 'warn' });
// The bench measures the API's work, not its rate limit.
const noRateLimit: ApiRateLimiter = { hit: async () => ({ ok: true }), close: async () => {} };

// ------------------------------------------------------------------ the seed

interface Payment {
  invoice: string;
  reference: string;
}

/** The payments both paths send: one small payment (1 unit) on each of the first invoices, the same in both files. */
function paymentFiles(list: Payment[], today: string): { csv: string; ndjson: string; bytes: { csv: number; ndjson: number } } {
  const csv = join(dataDir, `payments-${list.length}.csv`);
  const ndjson = join(dataDir, `payments-${list.length}.ndjson`);
  writeFileSync(csv, `invoice_number,amount,paid_on,reference\n${list.map((p) => `${p.invoice},1,${today},${p.reference}`).join('\n')}\n`);
  writeFileSync(ndjson, `${list.map((p) => JSON.stringify({ invoice_number: p.invoice, amount: '1', paid_on: today, reference: p.reference })).join('\n')}\n`);
  return { csv, ndjson, bytes: { csv: statSync(csv).size, ndjson: statSync(ndjson).size } };
}

async function importFile(database: Database, path: string, today: string): Promise<{ ms: number; inserted: number; rejected: number; error?: string }> {
  const started = performance.now();
  const report = await importCsv(database, {
    workspaceId: WORKSPACE, today, fileName: path, stream: createReadStream(path), totalBytes: statSync(path).size,
  });
  return { ms: performance.now() - started, inserted: report.inserted, rejected: report.rejected, error: report.failure };
}

// ------------------------------------------------------------------ the API

interface Served {
  base: string;
  token: string;
  close(): Promise<void>;
}

async function serveApi(database: Database, token: string): Promise<Served> {
  const app = createApiApp({
    database, clock: () => new Date(), logger, rate: noRateLimit,
    config: { RELANCE_API_BODY_LIMIT: 1 << 20, RELANCE_API_BULK_LIMIT: 1 << 30, RELANCE_API_RATE_PER_MINUTE: 0 },
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`, token,
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      (server as { closeAllConnections?: () => void }).closeAllConnections?.();
    }),
  };
}

async function postBulk(api: Served, path: string): Promise<{ ms: number; inserted: number; rejected: number; error?: string }> {
  const started = performance.now();
  const res = await fetch(`${api.base}/api/v1/bulk/payments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${api.token}`, 'content-type': 'application/x-ndjson' },
    body: Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>,
    duplex: 'half',
  } as RequestInit & { duplex: 'half' });
  const text = await res.text();
  const ms = performance.now() - started;
  if (!res.ok) return { ms, inserted: 0, rejected: 0, error: `HTTP ${res.status}: ${text.slice(0, 300)}` };
  const result = JSON.parse(text) as { inserted: number; rejected: number };
  return { ms, inserted: result.inserted, rejected: result.rejected };
}

interface InvoiceRow {
  number: string;
  customer: string;
  issued: string;
  due: string;
  currency: string;
  cents: number;
}

/**
 * `clients` loops, each sending its next PUT when the last is answered; latencies of the measured ones.
 * The clients run in a process of their own (bench/lib/put-clients.mjs), as an accounting system's
 * would: in the server's process their HTTP work took a fifth of its event loop and counted in its latency.
 */
let putsSent = 0;
async function putLoad(api: Served, list: InvoiceRow[], total: number, clients: number): Promise<{ latencies: number[]; ms: number; failures: string[] }> {
  const child = spawn(process.execPath, [fileURLToPath(new URL('./lib/put-clients.mjs', import.meta.url))], { stdio: ['pipe', 'pipe', 'inherit'] });
  const out: Buffer[] = [];
  child.stdout.on('data', (d: Buffer) => out.push(d));
  const exited = once(child, 'exit');
  child.stdin.end(JSON.stringify({ base: api.base, token: api.token, invoices: list, total, clients, offset: putsSent }));
  const [code] = await exited as [number | null];
  putsSent += total;
  if (code !== 0) throw new Error(`the PUT clients exited with ${code}`);
  return JSON.parse(Buffer.concat(out).toString('utf8')) as { latencies: number[]; ms: number; failures: string[] };
}

// ------------------------------------------------------------------ the run

/**
 * The seed of --keep-seed: the one an earlier run kept, if it holds this
 * ledger (migrated to date), else a new empty one, which dropAll leaves.
 */
async function keptSeed(dbs: BenchDatabases, name: string): Promise<{ url: string; seeded: boolean }> {
  const admin = dbs.sql();
  const url = dbs.url(name);
  if ((await admin`select 1 from pg_database where datname = ${name}`).length > 0) {
    const database = await openBench(url, 1);
    try {
      await migrateDatabase(database);
      const [found] = await rows<{ n: number }>(database.db, sql`select count(*)::int as n from invoices where workspace_id = ${WORKSPACE}`);
      if (Number(found?.n ?? 0) === INVOICES) return { url, seeded: true };
    } finally {
      await database.close();
    }
  }
  // Not through dbs.create: the databases it creates are dropped at the end. The name is a constant of this file.
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.unsafe(`create database "${name}"`);
  const database = await openBench(url, 1);
  try {
    await migrateDatabase(database);
  } finally {
    await database.close();
  }
  return { url, seeded: false };
}

async function main(): Promise<void> {
  const dbs = new BenchDatabases(opt['admin-url']);
  const today = todayIn('Europe/Paris', new Date());
  try {
    print(`bench/intake — ${fmtInt(INVOICES)} invoices, ${fmtInt(CUSTOMERS)} customers; `
      + `${opt['skip-bulk'] ? 'bulk skipped' : `${fmtInt(PAYMENTS)} payments`}; 1 PUT client × ${fmtInt(SINGLE)} PUTs, ${CLIENTS} PUT clients × ${fmtInt(PUTS)} PUTs`);
    print(machineLine());

    // One seeded ledger, copied for each measured path (CREATE DATABASE … TEMPLATE).
    const files = await importFiles(dataDir, { customers: CUSTOMERS, invoices: INVOICES }, today);
    const seedName = opt['keep-seed'] ? `relance_bench_intake_kept_${INVOICES}` : 'relance_bench_intake_seed';
    const kept = opt['keep-seed'] ? await keptSeed(dbs, seedName) : { url: await dbs.createMigrated(seedName), seeded: false };
    const seed = await openBench(kept.url);
    let token: string;
    let payments: Payment[];
    try {
      if (kept.seeded) {
        print(`seed kept by an earlier --keep-seed run: ${seedName}`);
      } else {
        await ensureWorkspace(seed.db, WORKSPACE, { timezone: 'Europe/Paris', locale: 'fr' });
        const seeded = performance.now();
        for (const path of [files.customersCsv, files.invoicesCsv]) {
          const report = await importFile(seed, path, today);
          if (report.error) throw new Error(`seeding ${path}: ${report.error}`);
        }
        print(`seeded in ${fmtS(performance.now() - seeded)} s (files ${files.reused ? 'reused' : `generated in ${fmtS(files.generateMs)} s`})`);
      }
      await seed.db.execute(sql`vacuum analyze`);
      const created = await createApiToken(seed.db, { workspaceId: WORKSPACE, name: `bench-${Date.now()}`, readOnly: false, now: new Date() });
      if (created.kind !== 'created') throw new Error(`could not create the API token: ${created.kind}`);
      token = created.token;
      const first = await rows<{ number: string }>(seed.db, sql`
        select invoice_number as number from invoices where workspace_id = ${WORKSPACE} order by id limit ${PAYMENTS}`);
      payments = first.map((r, i) => ({ invoice: r.number, reference: `BENCH-${String(i + 1).padStart(7, '0')}` }));
    } finally {
      await seed.close();
    }
    const paymentFile = opt['skip-bulk'] ? null : paymentFiles(payments, today);
    if (paymentFile) print(`payments: CSV ${fmtInt(paymentFile.bytes.csv)} bytes, NDJSON ${fmtInt(paymentFile.bytes.ndjson)} bytes`);
    print();

    // ---------------------------------------------------------------- bulk vs import
    const bulkMs: number[] = [];
    const importMs: number[] = [];
    const body: string[][] = [];
    let putDb: string | null = opt['skip-bulk'] ? seedName : null;
    for (let round = 1; round <= (opt['skip-bulk'] ? 0 : ROUNDS); round += 1) {
      const order = round % 2 === 1 ? ['import', 'bulk'] as const : ['bulk', 'import'] as const;
      for (const path of order) {
        const name = `relance_bench_intake_${path}`;
        const url = await dbs.create(name, seedName);
        const database = await openBench(url);
        try {
          let run: { ms: number; inserted: number; rejected: number; error?: string };
          if (path === 'import') {
            run = await importFile(database, paymentFile!.csv, today);
          } else {
            const api = await serveApi(database, token);
            try {
              run = await postBulk(api, paymentFile!.ndjson);
            } finally {
              await api.close();
            }
          }
          if (run.error) throw new Error(`${path}: ${run.error}`);
          if (run.inserted !== PAYMENTS) throw new Error(`${path}: ${run.inserted} payments inserted, ${run.rejected} refused; expected ${PAYMENTS}`);
          (path === 'bulk' ? bulkMs : importMs).push(run.ms);
          body.push([String(round), path === 'bulk' ? 'POST /api/v1/bulk/payments (NDJSON)' : 'relance import payments.csv', fmtS(run.ms),
            fmtInt(PAYMENTS / (run.ms / 1000))]);
        } finally {
          await database.close();
        }
        if (path === 'bulk' && putDb === null) putDb = name;
        else await dbs.drop(name);
      }
    }
    if (!opt['skip-bulk']) {
      print(`1. ${fmtInt(PAYMENTS)} payments, each path on its own copy of the seeded ledger`);
      print(table(['round', 'path', 's', 'payments/s'], body));
      const ratio = median(bulkMs) / median(importMs);
      print(`bulk / import (medians): ${fmtRatio(ratio)} — target ≤ ${fmtRatio(BULK_TARGET)}: ${ratio <= BULK_TARGET ? 'met' : 'NOT met'}`);
      print();
    }

    // ---------------------------------------------------------------- single PUTs
    const database = await openBench(dbs.url(putDb!), 10);
    try {
      // The PUTs measure a steady state: after a 100,000-payment load, autovacuum would soon
      // vacuum and analyze the tables; done here first, it does not run beside the PUTs.
      if (!opt['skip-bulk']) await database.db.execute(sql`vacuum analyze`);
      const list = await rows<InvoiceRow & { cents: string | number }>(database.db, sql`
        select i.invoice_number as number, c.customer_ref as customer, i.issue_date::text as issued, i.due_date::text as due,
          i.currency, i.amount_cents as cents
        from invoices i join customers c on c.id = i.customer_id
        where i.workspace_id = ${WORKSPACE} and i.currency in ('EUR', 'USD', 'GBP', 'CHF')
        order by i.id desc limit ${Math.max(PUTS + WARMUP + SINGLE, 1000)}`);
      const invoices = list.map((r) => ({ ...r, cents: Number(r.cents) }));
      // The lone client's invoices are the last ones, the concurrent clients' the others: each PUT changes an amount.
      const alone = invoices.splice(Math.max(1, invoices.length - SINGLE));
      const api = await serveApi(database, token);
      try {
        const figures: string[][] = [];
        const measured = (clients: number, load: { latencies: number[]; ms: number; failures: string[] }) => {
          if (load.failures.length) throw new Error(`PUTs refused:\n${load.failures.join('\n')}`);
          const p = (q: number) => percentile(load.latencies, q);
          figures.push([String(clients), fmtInt(load.latencies.length), fmtMs(p(50)), fmtMs(p(90)), fmtMs(p(99)), fmtMs(Math.max(...load.latencies)),
            fmtInt(load.latencies.length / (load.ms / 1000))]);
          return p(99);
        };
        await putLoad(api, invoices, WARMUP, CLIENTS);
        if (SINGLE > 0) measured(1, await putLoad(api, alone, SINGLE, 1));
        const p99 = measured(CLIENTS, await putLoad(api, invoices.slice(WARMUP % invoices.length).concat(invoices.slice(0, WARMUP % invoices.length)), PUTS, CLIENTS));
        print(`2. PUT /api/v1/invoices/{number}: ${fmtInt(INVOICES)} invoices; 1 client alone, then ${CLIENTS} concurrent clients (after ${fmtInt(WARMUP)} warm-up PUTs)`);
        print(table(['clients', 'PUTs', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'PUTs/s'], figures));
        print(`p99 with ${CLIENTS} clients ${fmtMs(p99)} ms — target ≤ ${P99_TARGET_MS} ms: ${p99 <= P99_TARGET_MS ? 'met' : 'NOT met'}`);
      } finally {
        await api.close();
      }
    } finally {
      await database.close();
    }
    print(machineLine());
  } finally {
    await dbs.dropAll();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack ?? error.message : error);
  process.exit(1);
});
