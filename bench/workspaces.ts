// bench/workspaces: the maintenance jobs every worker runs every few minutes
// (balances, promise check, ladder, auto-assign) across many workspaces, with
// the PostgreSQL CPU they cost, for the README's scaling section. Each
// workspace gets a small ledger through the CSV import; then each job runs
// twice: the day's first pass (work to do: balances rebuilt, cases moved up the
// ladder) and an ordinary tick five minutes later (nothing due: what every tick
// costs all day long).
//   npx tsx bench/workspaces.ts [--workspaces 500] [--customers 20] [--invoices 100]
import { readFileSync } from 'node:fs';
import { runAutoAssignJob } from '../jobs/auto-assign.ts';
import { runLadderJob } from '../jobs/ladder.ts';
import { runPromiseCheckJob } from '../jobs/promise-check.ts';
import { runBalancesJob } from '../jobs/refresh-balances.ts';
import type { Db } from '../src/db/client.ts';
import { ensureWorkspace } from '../src/db/workspaces.ts';
import { importCsv } from '../src/import/import-csv.ts';
import { ADMIN_URL_USAGE, benchOptions, openCounted, print, type Counted } from './lib/harness.ts';
import { BenchDatabases, openBench } from './lib/pg.ts';
import { fmtInt, machineLine, table } from './lib/stats.ts';

const USAGE = `npx tsx bench/workspaces.ts [options]
  --workspaces N     workspaces (default 500)
  --customers N      customers per workspace (default 20)
  --invoices N       invoices per workspace (default 100)
${ADMIN_URL_USAGE}`;

const { opt, adminUrl } = benchOptions(USAGE, {
  workspaces: { type: 'string', default: '500' },
  customers: { type: 'string', default: '20' },
  invoices: { type: 'string', default: '100' },
});
const W = Number(opt.workspaces);
const C = Number(opt.customers);
const I = Number(opt.invoices);

/** utime + stime of a process, ms (USER_HZ = 100). */
function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return 0;
  }
}

/** The CPU of this database's client backends (our pool's connections), read from /proc. */
async function backendCpuMs(admin: ReturnType<BenchDatabases['sql']>, database: string): Promise<Map<number, number>> {
  const pids = await admin<{ pid: number }[]>`select pid from pg_stat_activity where datname = ${database} and backend_type = 'client backend'`;
  return new Map(pids.map(({ pid }) => [pid, processCpuMs(pid)]));
}

function ledgerFiles(w: number): { customers: string; invoices: string } {
  const customers = ['customer_ref,name,kind,email,timezone,locale'];
  for (let c = 0; c < C; c += 1) customers.push(`W${w}-C${c},Client ${w}-${c},b2b,,Europe/Paris,fr`);
  const invoices = ['invoice_number,customer_ref,issue_date,due_date,currency,amount'];
  for (let i = 0; i < I; i += 1) {
    // Due from 5 to 124 days before the bench's day: every aging bucket and ladder step gets some.
    const due = new Date(Date.UTC(2026, 10, 25 - (i % 120)));
    const issued = new Date(due.getTime() - 30 * 86_400_000);
    invoices.push(`W${w}-F${i},W${w}-C${i % C},${issued.toISOString().slice(0, 10)},${due.toISOString().slice(0, 10)},EUR,${100 + (i % 50) * 37}.50`);
  }
  return { customers: `${customers.join('\n')}\n`, invoices: `${invoices.join('\n')}\n` };
}

const dbs = new BenchDatabases(adminUrl);
const name = 'relance_bench_workspaces';
let counted: Counted | undefined;
try {
  print(`bench/workspaces — ${fmtInt(W)} workspaces × ${C} customers × ${I} invoices; ${machineLine()}`);
  const url = await dbs.createMigrated(name);
  const database = await openBench(url);
  const started = performance.now();
  for (let w = 0; w < W; w += 1) {
    const files = ledgerFiles(w);
    const now = new Date('2026-11-30T07:00:00Z');
    const workspaceId = `TW${String(w).padStart(5, '0')}`;
    await ensureWorkspace(database.db, workspaceId, { timezone: 'Europe/Paris', locale: 'fr' });
    for (const [fileName, text] of [['customers.csv', files.customers], ['invoices.csv', files.invoices]] as const) {
      const report = await importCsv(database, { workspaceId, today: '2026-11-30', fileName, now, text });
      if (report.failure !== undefined || report.rejected > 0) throw new Error(`import of ${fileName} failed: ${report.failure ?? `${report.rejected} rows rejected`}`);
    }
  }
  print(`ledgers imported in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  await database.close();
  counted = openCounted(url);
  const db: Db = counted.db;

  const jobs: [string, (now: Date) => Promise<unknown>][] = [
    ['balances', (now) => runBalancesJob(db, now)],
    ['promise check', (now) => runPromiseCheckJob(db, now)],
    ['ladder', (now) => runLadderJob(db, now)],
    ['auto-assign', (now) => runAutoAssignJob(db, now)],
  ];
  const rows: string[][] = [];
  const admin = dbs.sql();
  // The next morning (first pass of the day), then five minutes later (an ordinary tick).
  for (const [label, at] of [['first pass of the day', '2026-12-01T08:00:00Z'], ['ordinary tick', '2026-12-01T08:05:00Z']] as const) {
    for (const [job, run] of jobs) {
      const before = await backendCpuMs(admin, name);
      const nodeBefore = process.cpuUsage();
      counted.sent = [];
      counted.counting = true;
      const t0 = performance.now();
      await run(new Date(at));
      const wallMs = performance.now() - t0;
      counted.counting = false;
      const node = process.cpuUsage(nodeBefore);
      const after = await backendCpuMs(admin, name);
      let pgMs = 0;
      for (const [pid, ms] of after) pgMs += ms - (before.get(pid) ?? 0);
      rows.push([label, job, fmtInt(wallMs), fmtInt((node.user + node.system) / 1000), fmtInt(pgMs), fmtInt(counted.sent.length)]);
    }
  }
  print(table(['pass', 'job', 'wall ms', 'Node CPU ms', 'PostgreSQL CPU ms', 'statements'], rows));
} finally {
  await counted?.close();
  await dbs.dropAll();
}
