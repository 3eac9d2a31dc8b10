// bench/overdue: the overdue worklist end to end on a 1M-invoice ledger, and the
// ack path against a bare Bolt app. Run: npx tsx bench/overdue.ts [--help]
// See bench/README.md for what it measures and the figures it gave.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { closeSync, openSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { openDatabase, type Database, type Db } from '../src/db/client.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import * as schema from '../src/db/schema.ts';
import { loadWorklist, type WorklistQuery } from '../src/db/worklist.ts';
import { startSlackEmulator, type SlackEmulator } from '../src/emulator/server.ts';
import { SlackSender } from '../src/emulator/sender.ts';
import { DEMO_BOT_TOKEN, DEMO_COLLECTIONS_CHANNEL_ID, DEMO_COLLECTOR_ID, DEMO_TEAM_ID } from '../src/emulator/seed.ts';
import {
  BENCH_SIGNING_SECRET, bootBare, bootRelance, cpuProfiler, processMeter, type BootedApp, type ProcessStats, type ProfileSummary,
} from './overdue-apps.ts';
import { loadLedger } from './overdue-data.ts';

const USAGE = `npx tsx bench/overdue.ts [options]
  --customers N       customers to generate (default 100000)
  --invoices N        invoices to generate (default 1000000)
  --requests N        measured requests per worklist command (default 300)
  --warmup N          warm-up requests per command (default 20)
  --concurrency N     requests in flight (default 10)
  --ack-requests N    requests per ack round (default 2000)
  --rounds N          bare/relance ack round pairs (default 5)
  --commands LIST     worklist commands to measure, comma-separated (default "overdue all,overdue mine,overdue all >90")
  --skip-ack          skip the ack-throughput rounds of /collect help
  --profile           CPU-profile relance (V8 sampling profiler) during each measured worklist command:
                      shares of samples per place and per function (the profiler inflates the figures)
  --profile-file PATH also write each profile whole, as PATH-1.cpuprofile, PATH-2…, for a viewer
  --target-ms N       the p99 target of the worklist commands (default 60, issue #17)
  --busy-core         during the worklist commands, keep one core busy with another process (a
                      spinning node), the condition the target must hold under
  --generator emulator|yardstick
                      who sends the worklist commands (default emulator: the Slack emulator's sender,
                      which also checks each reply); yardstick: the shared yardsticks' load generator
                      (../shared/tools/yardsticks/load.mjs: bare node:http, CONCURRENCY connections,
                      --seconds each), much lighter, so that the app's share of the 2 cores is measured
                      rather than the generator's; replies are checked once by the emulator first
  --seconds N         how long the yardstick generator runs per command (default 10)
  --app child|inprocess  where the apps run (default child: a separate Node process)
  --log-level LEVEL   relance's LOG_LEVEL (default info, as in production)
  --plans             print the full EXPLAIN ANALYZE of the worklist queries
  --diagnose          after the measurements (not part of the figures): CPU-profile relance
                      (V8 sampling profiler) on overdue all and help; time a bare Bolt app that
                      acks then posts relance's help reply (the cost of respond() alone); and
                      EXPLAIN the top query with a full-key priority index (rolled back)
  --keep-db           do not drop the database at the end (drop it yourself)
  --reuse-db          reuse a database kept by --keep-db instead of building the ledger again (implies --keep-db)
  --admin-url URL     PostgreSQL admin URL (default $BENCH_DATABASE_ADMIN_URL or postgres://postgres@127.0.0.1:5432/postgres)`;

const { values: opt } = parseArgs({
  options: {
    customers: { type: 'string', default: '100000' },
    invoices: { type: 'string', default: '1000000' },
    requests: { type: 'string', default: '300' },
    warmup: { type: 'string', default: '20' },
    concurrency: { type: 'string', default: '10' },
    'ack-requests': { type: 'string', default: '2000' },
    rounds: { type: 'string', default: '5' },
    commands: { type: 'string', default: 'overdue all,overdue mine,overdue all >90' },
    'skip-ack': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    'profile-file': { type: 'string' },
    'target-ms': { type: 'string', default: '60' },
    'busy-core': { type: 'boolean', default: false },
    app: { type: 'string', default: 'child' },
    generator: { type: 'string', default: 'emulator' },
    seconds: { type: 'string', default: '10' },
    'log-level': { type: 'string', default: 'info' },
    plans: { type: 'boolean', default: false },
    diagnose: { type: 'boolean', default: false },
    'keep-db': { type: 'boolean', default: false },
    'reuse-db': { type: 'boolean', default: false },
    'admin-url': { type: 'string', default: process.env.BENCH_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
    help: { type: 'boolean', default: false },
  },
});
if (opt.help) {
  console.log(USAGE);
  process.exit(0);
}
const int = (name: keyof typeof opt): number => {
  const n = Number(opt[name]);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number`);
  return n;
};
const CUSTOMERS = int('customers');
const INVOICES = int('invoices');
const REQUESTS = int('requests');
const WARMUP = int('warmup');
const CONCURRENCY = int('concurrency');
const ACK_REQUESTS = int('ack-requests');
const ROUNDS = int('rounds');
const APP_MODE = opt.app;
const GENERATOR = opt.generator;
if (GENERATOR !== 'emulator' && GENERATOR !== 'yardstick') throw new Error('--generator must be emulator or yardstick');
const SECONDS = int('seconds');
if (APP_MODE !== 'child' && APP_MODE !== 'inprocess') throw new Error('--app must be child or inprocess');

const DB_NAME = 'relance_bench_overdue';
/** The ledger's "today"; the app clock is 09:30 Paris that day. */
const TODAY = '2026-11-23';
const NOW = '2026-11-23T08:30:00Z';
const TARGET_P99_MS = int('target-ms');
// Read by the profiler in the app's process (bench/overdue-apps.ts), which inherits this environment.
if (opt['profile-file']) process.env.BENCH_PROFILE_FILE = opt['profile-file'];
const COMMANDS = opt.commands.split(',').map((c) => c.trim()).filter(Boolean);
const TARGET_ACK_RATIO = 0.5;

// ------------------------------------------------------------------ helpers

const print = (line = '') => console.log(line);
const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const pad = (s: string, n: number) => s.padEnd(n);

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const median = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 50);

function urlFor(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin<T>(fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(opt['admin-url'], { max: 1, onnotice: () => {} });
  try {
    return await fn(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

interface ProcCpu {
  comm: string;
  ppid: number;
  /** utime + stime, ms */
  self: number;
  /** cutime + cstime: children this process has reaped, ms */
  children: number;
}

/** CPU times of one process from /proc/<pid>/stat (USER_HZ = 100). */
function procCpu(pid: number | string): ProcCpu | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = stat.lastIndexOf(')');
    const f = stat.slice(close + 2).split(' ');
    return {
      comm: stat.slice(stat.indexOf('(') + 1, close),
      ppid: Number(f[1]),
      self: (Number(f[11]) + Number(f[12])) * 10,
      children: (Number(f[13]) + Number(f[14])) * 10,
    };
  } catch {
    return undefined;
  }
}

let postmasterPid: number | undefined;
function findPostmaster(): number | undefined {
  if (postmasterPid !== undefined) return postmasterPid;
  try {
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      const p = procCpu(pid);
      if (p?.comm === 'postgres' && procCpu(p.ppid)?.comm !== 'postgres') return (postmasterPid = Number(pid));
    }
  } catch {
    // No /proc: not Linux.
  }
  return undefined;
}

/**
 * PostgreSQL CPU of the bench database: its live backends (from
 * pg_stat_activity), plus what the postmaster reaped meanwhile (parallel
 * workers and ended backends — of any database, so other users' work too).
 */
async function postgresCpu(session: postgres.Sql): Promise<{ backends: Map<number, number>; reaped: number }> {
  const pids = await session<{ pid: number }[]>`select pid from pg_stat_activity where datname = current_database()`;
  const backends = new Map<number, number>();
  for (const { pid } of pids) {
    const p = procCpu(pid);
    if (p) backends.set(pid, p.self);
  }
  const pm = findPostmaster();
  return { backends, reaped: pm === undefined ? NaN : procCpu(pm)?.children ?? NaN };
}

function postgresCpuDelta(a: Awaited<ReturnType<typeof postgresCpu>>, b: Awaited<ReturnType<typeof postgresCpu>>): { backends: number; reaped: number } {
  let backends = 0;
  for (const [pid, ms] of b.backends) backends += ms - (a.backends.get(pid) ?? 0);
  return { backends, reaped: b.reaped - a.reaped };
}

/** Busy, stolen (by the hypervisor) and total jiffies of the whole machine, from /proc/stat. */
function machineJiffies(): { busy: number; steal: number; total: number } {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0);
    const steal = cpu[7] ?? 0;
    const total = cpu.slice(0, 8).reduce((a, b) => a + b, 0);
    return { busy: total - idle - steal, steal, total };
  } catch {
    return { busy: NaN, steal: NaN, total: NaN };
  }
}

let benchSession: postgres.Sql | undefined;
const pgSession = (): postgres.Sql => {
  if (!benchSession) throw new Error('the bench session is not open yet');
  return benchSession;
};

// ------------------------------------------------------------------ the apps

interface AppHandle {
  name: string;
  port: number;
  stats(): Promise<ProcessStats>;
  reset(): Promise<void>;
  /** Live heap after a full GC, MB (child processes only). */
  heapAfterGc(): Promise<number>;
  profileStart(): Promise<void>;
  profileStop(): Promise<ProfileSummary>;
  stop(): Promise<void>;
}

const here = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

function startChild(mode: 'relance' | 'bare', env: Record<string, string>, logFile: string): Promise<AppHandle> {
  const logFd = openSync(logFile, 'a');
  const child: ChildProcess = fork(join(here, 'overdue-server.ts'), [], {
    cwd: repoRoot,
    execArgv: ['--import', import.meta.resolve('tsx'), '--expose-gc'],
    env: { ...process.env, ...env, BENCH_MODE: mode },
    stdio: ['ignore', logFd, 'inherit', 'ipc'],
  });
  closeSync(logFd);
  const request = <T>(type: string, reply: string, pick: (m: Record<string, unknown>) => T): Promise<T> =>
    new Promise((resolve, reject) => {
      const onMessage = (m: Record<string, unknown>) => {
        if (m.type !== reply) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(pick(m));
      };
      const onExit = (code: number | null) => {
        child.off('message', onMessage);
        reject(new Error(`${mode} app exited (code ${code}) while waiting for ${reply}`));
      };
      child.on('message', onMessage);
      child.once('exit', onExit);
      if (type) child.send({ type });
    });
  return request('', 'ready', (m) => m.port as number).then((port) => ({
    name: mode,
    port,
    stats: () => request('stats', 'stats', (m) => m.stats as ProcessStats),
    reset: () => request('reset', 'reset', () => undefined),
    heapAfterGc: () => request('heap', 'heap', (m) => m.mb as number),
    profileStart: () => request('profile-start', 'profile-started', () => undefined),
    profileStop: () => request('profile-stop', 'profile', (m) => m.profile as ProfileSummary),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.send({ type: 'stop' });
      }),
  }));
}

async function startInProcess(mode: 'relance' | 'bare', boot: () => Promise<BootedApp>): Promise<AppHandle> {
  const app = await boot();
  const meter = processMeter(); // the bench's own process: load generator, emulator and app together
  let profiler: ReturnType<typeof cpuProfiler> | undefined;
  const getProfiler = () => (profiler ??= cpuProfiler());
  return {
    name: mode,
    port: app.port,
    stats: async () => meter.read(),
    reset: async () => meter.reset(),
    heapAfterGc: async () => NaN,
    profileStart: () => getProfiler().then((p) => p.start()),
    profileStop: () => getProfiler().then((p) => p.stop()),
    stop: () => app.stop(),
  };
}

// ------------------------------------------------------------------ load

/** Runs `total` calls of `fn`, keeping `concurrency` in flight. */
async function closedLoop(total: number, concurrency: number, fn: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    for (let i = next++; i < total; i = next++) await fn(i);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
  return performance.now() - started;
}

interface Resources {
  app: ProcessStats;
  benchCpuMs: number;
  benchElu: number;
  /** CPU of the bench database's backends, ms. */
  pgCpuMs: number;
  /** CPU of PostgreSQL processes that ended in the window (parallel workers; any database), ms. */
  pgReapedMs: number;
  machineBusy: number;
  /** Share of the machine's time the hypervisor gave to someone else. */
  machineSteal: number;
  /** CPU used by processes other than the bench, the apps and PostgreSQL (other work on the machine), ms. */
  otherCpuMs: number;
  wallMs: number;
}

async function measured<T>(app: AppHandle, fn: () => Promise<T>): Promise<{ value: T; res: Resources }> {
  await app.reset();
  const cpu0 = process.cpuUsage();
  const elu0 = performance.eventLoopUtilization();
  const pg0 = await postgresCpu(pgSession());
  const m0 = machineJiffies();
  const t0 = performance.now();
  const value = await fn();
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const m1 = machineJiffies();
  const pg = postgresCpuDelta(pg0, await postgresCpu(pgSession()));
  const pgCpuMs = pg.backends;
  const stats = await app.stats();
  const benchCpuMs = (cpu.user + cpu.system) / 1000;
  const ours = (APP_MODE === 'child' ? stats.cpuMs + benchCpuMs : benchCpuMs) + pgCpuMs + pg.reaped;
  return {
    value,
    res: {
      app: stats,
      benchCpuMs,
      benchElu: performance.eventLoopUtilization(elu0).utilization,
      pgCpuMs,
      pgReapedMs: pg.reaped,
      machineBusy: (m1.busy - m0.busy) / (m1.total - m0.total),
      machineSteal: (m1.steal - m0.steal) / (m1.total - m0.total),
      otherCpuMs: Math.max(0, (m1.busy - m0.busy) * 10 - ours),
      wallMs,
    },
  };
}

function describeResources(r: Resources, requests: number): string[] {
  const per = (x: number) => `${ms(x / requests)} ms`;
  const lines = [
    APP_MODE === 'child'
      ? `CPU per request: app ${per(r.app.cpuMs)}, bench+emulator ${per(r.benchCpuMs)}, postgres backends ${per(r.pgCpuMs)} + ended postgres processes (parallel workers) ${per(r.pgReapedMs)}`
      : `CPU per request: bench+emulator+app ${per(r.app.cpuMs)}, postgres backends ${per(r.pgCpuMs)} + ended postgres processes (parallel workers) ${per(r.pgReapedMs)}`,
    `machine busy ${(r.machineBusy * 100).toFixed(0)} % of ${availableParallelism()} CPUs (stolen by the hypervisor ${(r.machineSteal * 100).toFixed(0)} %); other processes (not this bench) used ${((r.otherCpuMs / r.wallMs) * 100).toFixed(0)} % of one CPU`,
    `event loop busy: bench+emulator ${(r.benchElu * 100).toFixed(0)} %; app ${(r.app.elu * 100).toFixed(0)} % of the time, delay p50 ${ms(r.app.delayP50)} ms, p99 ${ms(r.app.delayP99)} ms, max ${ms(r.app.delayMax)} ms; rss ${r.app.rssMb.toFixed(0)} MB`,
  ];
  return lines;
}

// ------------------------------------------------------------------ PostgreSQL alone

interface Captured {
  query: string;
  params: unknown[];
}

/** loadWorklist on a dedicated connection, capturing its SQL so it can be EXPLAINed as sent. */
async function worklistInPostgres(url: string, queries: { label: string; q: WorklistQuery }[]): Promise<void> {
  const captured: Captured[] = [];
  let capture = false;
  const pg = postgres(url, {
    max: 1,
    onnotice: () => {},
    types: { date: { to: 1082, from: [1082], serialize: (x: string) => x, parse: (x: string) => x } },
    debug: (_conn, query, params) => {
      if (capture) captured.push({ query, params });
    },
  });
  const db = drizzle(pg, { schema }) as unknown as Db;
  const names = ['page (workspace, top by priority, entries)', 'totals (all matching rows)', 'entries (20 debtors)'];
  try {
    for (const { label, q } of queries) {
      const times: number[] = [];
      for (let i = 0; i < 30; i++) {
        const t0 = performance.now();
        await loadWorklist(db, q);
        times.push(performance.now() - t0);
      }
      captured.length = 0;
      capture = true;
      const list = await loadWorklist(db, q);
      capture = false;
      print(`  ${pad(label, 16)} loadWorklist alone: p50 ${ms(median(times))} ms, max ${ms(Math.max(...times))} ms (30 runs, one connection; ${list.totalCases.toLocaleString('en')} debtors, ${list.entries.length} shown)`);
      for (const [i, c] of captured.entries()) {
        const kind = c.query.includes('with ws as') ? names[0]! : c.query.includes('sum(b.overdue_cents)') ? names[1]! : c.query.includes('to_char') ? names[2]! : `query ${i + 1}`;
        const plan = (await pg.unsafe(`explain (analyze, buffers) ${c.query}`, c.params as never[])) as unknown as { 'QUERY PLAN': string }[];
        const lines = plan.map((r) => r['QUERY PLAN']);
        const exec = lines.find((l) => l.startsWith('Execution Time'))?.replace('Execution Time: ', '') ?? '?';
        const planning = lines.find((l) => l.startsWith('Planning Time'))?.replace('Planning Time: ', '') ?? '?';
        print(`      ${pad(kind, 34)} execution ${exec}, planning ${planning}; ${lines[0]!.trim().replace(/\s+\(cost=.*?\)/, '')}`);
        if (opt.plans) for (const l of lines) print(`        | ${l}`);
      }
    }
  } finally {
    await pg.end({ timeout: 5 });
  }
}

// ------------------------------------------------------------------ end to end

interface E2eResult {
  latencies: number[];
  acks: number[];
  wallMs: number;
  errors: string[];
  sample?: Record<string, unknown>;
}

async function endToEnd(sender: SlackSender, emulator: SlackEmulator, text: string, total: number): Promise<E2eResult> {
  const latencies: number[] = [];
  const acks: number[] = [];
  const errors: string[] = [];
  let sample: Record<string, unknown> | undefined;
  const wallMs = await closedLoop(total, CONCURRENCY, async () => {
    const t0 = performance.now();
    const sent = await sender.slashCommand({ userId: DEMO_COLLECTOR_ID, channelId: DEMO_COLLECTIONS_CHANNEL_ID, text });
    if (sent.status !== 200 || sent.timedOut) {
      errors.push(sent.timedOut ? 'ack timed out (3 s)' : `ack status ${sent.status}`);
      return;
    }
    acks.push(sent.elapsedMs);
    try {
      // A reply may come in the ack itself, or later at the response_url.
      const body = repliedInAck(sent) ? sent.body as Record<string, unknown> : (await emulator.waitForResponse(sent.responseUrlId!, { timeoutMs: 30_000 })).body;
      latencies.push(performance.now() - t0);
      sample ??= body;
    } catch (error) {
      errors.push(String(error));
    }
  });
  return { latencies, acks, wallMs, errors, sample };
}

interface E2eSummary {
  command: string;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  rps: number;
  ratio: number;
}

async function e2eCommand(app: AppHandle, sender: SlackSender, emulator: SlackEmulator, text: string): Promise<E2eSummary> {
  const warm = await endToEnd(sender, emulator, text, WARMUP);
  if (warm.errors.length) throw new Error(`/collect ${text}: warm-up failed: ${warm.errors[0]}`);
  if (GENERATOR === 'yardstick') return yardstickCommand(app, text, warm);
  const { value: r, res } = await measured(app, () => endToEnd(sender, emulator, text, REQUESTS));
  const sorted = [...r.latencies].sort((a, b) => a - b);
  const acks = [...r.acks].sort((a, b) => a - b);
  const s: E2eSummary = {
    command: text,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? NaN,
    rps: (r.latencies.length / r.wallMs) * 1000,
    ratio: percentile(sorted, 99) / TARGET_P99_MS,
  };
  const blocks = Array.isArray(r.sample?.blocks) ? (r.sample.blocks as { text?: { text?: string } }[]) : [];
  print(`  /collect ${text}`);
  print(`    reply: ${blocks.length} blocks; "${(blocks[0]?.text?.text ?? String(r.sample?.text ?? '')).split('\n').join(' | ').slice(0, 110)}"`);
  print(`    n=${r.latencies.length} (after ${WARMUP} warm-up), ${r.errors.length} errors${r.errors.length ? ` (first: ${r.errors[0]})` : ''}`);
  print(`    latency p50 ${ms(s.p50)} ms, p90 ${ms(s.p90)} ms, p99 ${ms(s.p99)} ms, max ${ms(s.max)} ms; throughput ${s.rps.toFixed(1)} req/s`);
  print(`    ack (HTTP response) p50 ${ms(percentile(acks, 50))} ms, p99 ${ms(percentile(acks, 99))} ms`);
  print(`    p99 / ${TARGET_P99_MS} ms = ${s.ratio.toFixed(2)}  ${s.ratio <= 1 ? 'MEETS the target' : 'MISSES the target'}`);
  for (const line of describeResources(res, r.latencies.length)) print(`    ${line}`);
  if (APP_MODE === 'child') print(`    app heap after a full GC: ${(await app.heapAfterGc()).toFixed(0)} MB`);
  if (r.errors.length) throw new Error(`/collect ${text}: ${r.errors.length} requests failed; first: ${r.errors[0]}`);
  if (opt.profile) {
    // A pass of its own: the sampling profiler slows the app, so it never runs during the timed one.
    await app.profileStart();
    const profiled = await endToEnd(sender, emulator, text, REQUESTS);
    const p = await app.profileStop();
    print(`    CPU profile (a second pass of ${REQUESTS}, not timed): sampled CPU ${ms(p.totalMs / REQUESTS)} ms per request (the profiler inflates it; read the shares)`);
    printProfile(p, REQUESTS);
    if (profiled.errors.length) throw new Error(`/collect ${text}: profiled pass: ${profiled.errors[0]}`);
  }
  return s;
}

interface YardstickLoad {
  reqs: number;
  rps: number;
  p50_ms: number;
  p99_ms: number;
  errors: number;
}

/**
 * The same command from the shared yardsticks' load generator: each answer is
 * the reply itself, which relance puts in the ack (the warm-up, through the
 * emulator, checked that it does).
 */
async function yardstickCommand(app: AppHandle, text: string, warm: E2eResult): Promise<E2eSummary> {
  if (!warm.sample || !repliedInAck({ body: warm.sample })) throw new Error(`/collect ${text}: the reply did not come in the ack; the yardstick's generator would time the ack alone`);
  const yardstick = new URL('../../shared/tools/yardsticks/load.mjs', import.meta.url);
  const { load } = await import(yardstick.href) as { load: (url: string, secret: string, o: Record<string, unknown>) => Promise<YardstickLoad> };
  const url = `http://127.0.0.1:${app.port}/slack/events`;
  // One request with the generator's own form fields, to see that they get the same reply as the emulator's.
  const form = new URLSearchParams({ team_id: DEMO_TEAM_ID, team_domain: 'acme', channel_id: 'C1', user_id: DEMO_COLLECTOR_ID, command: '/collect', text, response_url: 'http://127.0.0.1:9/r', trigger_id: 't' }).toString();
  const ts = String(Math.floor(Date.now() / 1000));
  const signature = `v0=${createHmac('sha256', BENCH_SIGNING_SECRET).update(`v0:${ts}:${form}`).digest('hex')}`;
  const probe = await fetch(url, { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': ts, 'x-slack-signature': signature } });
  const probed = await probe.json() as { blocks?: unknown[] };
  const expected = (warm.sample.blocks as unknown[] | undefined)?.length;
  if (probed.blocks?.length !== expected) throw new Error(`/collect ${text}: the generator's request got ${probed.blocks?.length ?? 0} blocks, the emulator's ${expected}`);
  const run = () => load(url, BENCH_SIGNING_SECRET, { conns: CONCURRENCY, secs: SECONDS, text, user: DEMO_COLLECTOR_ID, team: DEMO_TEAM_ID });
  const { value: r, res } = await measured(app, run);
  const s: E2eSummary = { command: text, p50: r.p50_ms, p90: NaN, p99: r.p99_ms, max: NaN, rps: r.rps, ratio: r.p99_ms / TARGET_P99_MS };
  print(`  /collect ${text}   (yardstick generator: ${fileURLToPath(yardstick)})`);
  print(`    reply: ${expected} blocks, the same for the generator's form as for the emulator's`);
  print(`    n=${r.reqs} in ${SECONDS} s, ${CONCURRENCY} connections, ${r.errors} errors`);
  print(`    latency (the ack, which carries the reply) p50 ${ms(s.p50)} ms, p99 ${ms(s.p99)} ms; throughput ${s.rps} req/s`);
  print(`    p99 / ${TARGET_P99_MS} ms = ${s.ratio.toFixed(2)}  ${s.ratio <= 1 ? 'MEETS the target' : 'MISSES the target'}`);
  for (const line of describeResources(res, r.reqs)) print(`    ${line}`);
  if (r.errors) throw new Error(`/collect ${text}: ${r.errors} requests failed`);
  return s;
}

// ------------------------------------------------------------------ ack throughput

interface AckRound {
  rps: number;
  p50: number;
  p99: number;
  res: Resources;
}

/** relance answers help in the ack body itself; other replies come later through response_url. */
const repliedInAck = (sent: { body: unknown }) => typeof sent.body === 'object' && sent.body !== null && 'text' in sent.body;

async function ackRound(app: AppHandle, sender: SlackSender, emulator: SlackEmulator, expectReplies: boolean): Promise<AckRound> {
  const ids: string[] = [];
  const times: number[] = [];
  let failures = 0;
  const { value: wallMs, res } = await measured(app, async () => {
    const wall = await closedLoop(ACK_REQUESTS, CONCURRENCY, async () => {
      const sent = await sender.slashCommand({ userId: DEMO_COLLECTOR_ID, channelId: DEMO_COLLECTIONS_CHANNEL_ID, text: 'help' });
      if (sent.status !== 200 || sent.timedOut) failures++;
      times.push(sent.elapsedMs);
      if (!repliedInAck(sent)) ids.push(sent.responseUrlId!);
    });
    // relance's help reply goes out after the ack: all of them land before the next round.
    if (expectReplies) for (const id of ids) await emulator.waitForResponse(id, { timeoutMs: 30_000 });
    return wall;
  });
  if (failures) throw new Error(`${app.name}: ${failures} of ${ACK_REQUESTS} help requests were not acked with 200`);
  const sorted = times.sort((a, b) => a - b);
  return { rps: (ACK_REQUESTS / wallMs) * 1000, p50: percentile(sorted, 50), p99: percentile(sorted, 99), res };
}

// ------------------------------------------------------------------ diagnostics

interface DiagnoseInput {
  url: string;
  emulator: SlackEmulator;
  relance: AppHandle;
  toRelance: SlackSender;
  bare: AppHandle;
  toBare: SlackSender;
  logFile: string;
}

function printProfile(p: ProfileSummary, n: number): void {
  const shown = p.byPlace.filter((x) => x.ms / n >= 0.02);
  const rest = p.byPlace.filter((x) => x.ms / n < 0.02).reduce((a, x) => a + x.ms, 0);
  const pct = (x: number) => `${((x / p.totalMs) * 100).toFixed(0)} %`;
  print(`    by place (Node internals and natives counted for their caller): ${shown.map((x) => `${x.place} ${pct(x.ms)}`).join(', ')}, other ${pct(rest)}`);
  print('    heaviest functions (self time):');
  for (const f of p.byFunction) print(`      ${pct(f.ms).padStart(5)}  ${f.fn}`);
}

async function diagnose(d: DiagnoseInput): Promise<void> {
  print('== Diagnostics (extra passes; not part of the figures above) ==');
  // 1. Where relance's CPU goes.
  for (const [text, n] of [['overdue all', 200], ['help', 2000]] as const) {
    await d.relance.profileStart();
    const t0 = performance.now();
    await closedLoop(n, CONCURRENCY, async () => {
      const sent = await d.toRelance.slashCommand({ userId: DEMO_COLLECTOR_ID, channelId: DEMO_COLLECTIONS_CHANNEL_ID, text });
      if (!repliedInAck(sent)) await d.emulator.waitForResponse(sent.responseUrlId!, { timeoutMs: 30_000 });
    });
    const wall = performance.now() - t0;
    const p = await d.relance.profileStop();
    print(`  CPU profile of relance, /collect ${text}: ${n} requests in ${(wall / 1000).toFixed(1)} s; sampled CPU ${ms(p.totalMs / n)} ms per request (the profiler inflates it; read the shares)${APP_MODE === 'inprocess' ? '; bench, emulator and app share this process' : ''}`);
    printProfile(p, n);
  }

  // 2. The help gap: bare apps that send relance's very help reply, after the ack
  //    through respond() (what relance does) or as the ack body itself, in
  //    alternating rounds with the plain bare app and relance.
  const sample = await d.toRelance.slashCommand({ userId: DEMO_COLLECTOR_ID, channelId: DEMO_COLLECTIONS_CHANNEL_ID, text: 'help' });
  const reply = (repliedInAck(sample) ? sample.body : (await d.emulator.waitForResponse(sample.responseUrlId!, { timeoutMs: 30_000 })).body) as Record<string, unknown>;
  const slackApiUrl = d.emulator.apiUrl;
  const bytes = JSON.stringify(reply).length;
  const variants: { label: string; app: AppHandle; sender: SlackSender; replies: boolean }[] = [];
  try {
    for (const via of ['respond', 'ack'] as const) {
      const app = APP_MODE === 'child'
        ? await startChild('bare', {
          BENCH_SLACK_API_URL: slackApiUrl, BENCH_BOT_TOKEN: DEMO_BOT_TOKEN, BENCH_REPLY: JSON.stringify(reply), BENCH_REPLY_VIA: via,
        }, d.logFile)
        : await startInProcess('bare', () => bootBare({ slackApiUrl, token: DEMO_BOT_TOKEN, reply, replyVia: via }));
      const sender = new SlackSender({ appUrl: `http://127.0.0.1:${app.port}/slack/events`, signingSecret: BENCH_SIGNING_SECRET, emulator: d.emulator });
      await closedLoop(1000, CONCURRENCY, async () => {
        const sent = await sender.slashCommand({ userId: DEMO_COLLECTOR_ID, channelId: DEMO_COLLECTIONS_CHANNEL_ID, text: 'help' });
        if (via === 'respond') await d.emulator.waitForResponse(sent.responseUrlId!, { timeoutMs: 30_000 });
      });
      variants.push({
        label: via === 'respond' ? `bare ack, then respond() with relance's help reply (${bytes} bytes)` : `bare ack carrying relance's help reply (${bytes} bytes)`,
        app, sender, replies: via === 'respond',
      });
    }
    const all = [
      { label: 'bare ack (baseline)', app: d.bare, sender: d.toBare, replies: false },
      ...variants,
      { label: 'relance', app: d.relance, sender: d.toRelance, replies: true },
    ];
    const results = all.map(() => [] as AckRound[]);
    for (let round = 0; round < 3; round++) {
      for (const [i, v] of all.entries()) results[i]!.push(await ackRound(v.app, v.sender, d.emulator, v.replies));
    }
    print(`  help gap (3 alternating rounds of ${ACK_REQUESTS}; ratio = median of the per-round ratios to the bare ack):`);
    for (const [i, v] of all.entries()) {
      const rs = results[i]!;
      const ratio = median(rs.map((r, k) => r.rps / results[0]![k]!.rps));
      const cpu = median(rs.map((r) => r.res.app.cpuMs / ACK_REQUESTS));
      const bench = median(rs.map((r) => r.res.benchCpuMs / ACK_REQUESTS));
      print(`    ${pad(v.label, 76)} ${median(rs.map((r) => r.rps)).toFixed(0).padStart(5)} req/s  ratio ${ratio.toFixed(2)}  app CPU ${ms(cpu)} ms/req, bench+emulator ${ms(bench)} ms/req`);
    }
  } finally {
    for (const v of variants) await v.app.stop();
  }

  // 3. The top query with an index in its full sort order (created in a transaction, rolled back).
  const pg = postgres(d.url, { max: 1, onnotice: () => {} });
  try {
    await pg.begin(async (tx) => {
      await tx.unsafe(`create index bench_priority_full on customer_balances (workspace_id, priority desc, overdue_cents desc, customer_id) where overdue_cents > 0`);
      await tx.unsafe('analyze customer_balances');
      const top = (extra: string) => `select b.customer_id from customer_balances b where b.workspace_id = '${DEMO_TEAM_ID}' and b.overdue_cents > 0 ${extra}
        order by b.priority desc, b.overdue_cents desc, b.customer_id limit 60`;
      const mine = `and exists (select 1 from cases k where k.workspace_id = b.workspace_id and k.customer_id = b.customer_id
        and k.status not in ('resolved', 'written_off') and k.owner_id = '${DEMO_COLLECTOR_ID}')`;
      for (const [label, q] of [['all', top('')], ['mine', top(mine)], ['all >90', top(`and b.oldest_due_date < '${TODAY}'::date - 90`)]] as const) {
        const plan = ((await tx.unsafe(`explain (analyze) ${q}`)) as unknown as { 'QUERY PLAN': string }[]).map((r) => r['QUERY PLAN']);
        const exec = plan.find((l) => l.startsWith('Execution Time'))?.replace('Execution Time: ', '');
        const scan = plan.find((l) => /Scan/.test(l))?.trim().replace(/\s+\(cost=.*?\)/, '');
        print(`  top query (${label}) with index (workspace_id, priority desc, overdue_cents desc, customer_id) where overdue_cents > 0: ${exec}; ${scan}`);
      }
      throw new RollBack();
    }).catch((error: unknown) => {
      if (!(error instanceof RollBack)) throw error;
    });
  } finally {
    await pg.end({ timeout: 5 });
  }
  print();
}

class RollBack extends Error {}

// ------------------------------------------------------------------ main

const cleanups: (() => Promise<unknown>)[] = [];
let cleaning: Promise<void> | undefined;
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    for (const fn of cleanups.reverse()) {
      try {
        await fn();
      } catch (error) {
        console.error(`cleanup: ${String(error)}`);
      }
    }
  })();
  return cleaning;
}
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    interrupted = true;
    console.error(`\n${signal}: cleaning up…`);
    void cleanup().finally(() => process.exit(130));
  });
}

async function main(): Promise<void> {
  const started = performance.now();
  const url = urlFor(opt['admin-url'], DB_NAME);
  const version = await admin((sql) => sql<{ v: string }[]>`select current_setting('server_version') as v`);
  print(`relance bench/overdue — ledger as of ${TODAY}; node ${process.version}, PostgreSQL ${version[0]?.v}, ${availableParallelism()} CPUs, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  print(`apps run ${APP_MODE === 'child' ? 'in child processes (bench/overdue-server.ts)' : 'in this process'}; relance LOG_LEVEL=${opt['log-level']}`);
  print();

  // 1. The database and its ledger.
  const reuse = opt['reuse-db']
    && (await admin((sql) => sql`select 1 from pg_database where datname = ${DB_NAME}`)).length > 0;
  if (!reuse) {
    await admin((sql) => sql.unsafe(`drop database if exists ${DB_NAME} with (force)`));
    await admin((sql) => sql.unsafe(`create database ${DB_NAME}`));
  }
  if (!opt['keep-db'] && !opt['reuse-db']) cleanups.push(() => admin((sql) => sql.unsafe(`drop database if exists ${DB_NAME} with (force)`)));
  const database: Database = await openDatabase({ databaseUrl: url, max: 2 });
  cleanups.push(() => database.close());
  await migrateDatabase(database);
  const session = postgres(url, { max: 1, onnotice: () => {} });
  benchSession = session;
  cleanups.push(() => session.end({ timeout: 5 }));

  if (reuse) {
    const [n] = await session<{ invoices: number }[]>`select count(*)::int as invoices from invoices`;
    print(`== Ledger: reusing ${DB_NAME} (${n?.invoices.toLocaleString('en')} invoices) ==`);
  } else {
    print(`== Ledger: ${CUSTOMERS.toLocaleString('en')} customers, ${INVOICES.toLocaleString('en')} invoices (generated in SQL) ==`);
    const ledger = await loadLedger(database, session, TODAY, { customers: CUSTOMERS, invoices: INVOICES });
    for (const s of ledger.steps) print(`  ${pad(s.step, 58)} ${(s.ms / 1000).toFixed(1)} s`);
    print(`  nightly rebuild (refreshBalances, whole workspace): ${(ledger.refreshMs / 1000).toFixed(2)} s`);
    for (const [k, v] of Object.entries(ledger.shape)) print(`  ${pad(k, 34)} ${typeof v === 'number' ? v.toLocaleString('en') : v}`);
  }
  print();

  // 2. The worklist queries alone.
  print('== Worklist queries in PostgreSQL alone (no Slack, no HTTP) ==');
  const base = { workspaceId: DEMO_TEAM_ID, today: TODAY, limit: 20 } as const;
  await worklistInPostgres(url, [
    { label: 'overdue all', q: { ...base, scope: 'all', minDaysOverdue: 0 } },
    { label: 'overdue mine', q: { ...base, scope: { ownerId: DEMO_COLLECTOR_ID }, minDaysOverdue: 0 } },
    { label: 'overdue all >90', q: { ...base, scope: 'all', minDaysOverdue: 90 } },
  ]);
  print();

  // 3. The apps and the emulator (always in this process: it is Slack's side).
  const emulator = await startSlackEmulator();
  cleanups.push(() => emulator.close());
  const logFile = join(tmpdir(), `relance-bench-overdue-${process.pid}.log`);
  cleanups.push(async () => rmSync(logFile, { force: true }));
  const boot = { databaseUrl: url, slackApiUrl: emulator.apiUrl, token: DEMO_BOT_TOKEN, now: NOW, logLevel: opt['log-level'] };
  const relance = APP_MODE === 'child'
    ? await startChild('relance', {
      BENCH_DATABASE_URL: url, BENCH_SLACK_API_URL: emulator.apiUrl, BENCH_BOT_TOKEN: DEMO_BOT_TOKEN, BENCH_NOW: NOW, BENCH_LOG_LEVEL: opt['log-level'],
    }, logFile)
    : await startInProcess('relance', () => bootRelance({ ...boot, logFile }));
  cleanups.push(() => relance.stop());
  const bare = APP_MODE === 'child'
    ? await startChild('bare', { BENCH_SLACK_API_URL: emulator.apiUrl, BENCH_BOT_TOKEN: DEMO_BOT_TOKEN }, logFile)
    : await startInProcess('bare', () => bootBare(boot));
  cleanups.push(() => bare.stop());
  const senderFor = (port: number) =>
    new SlackSender({ appUrl: `http://127.0.0.1:${port}/slack/events`, signingSecret: BENCH_SIGNING_SECRET, emulator });
  const toRelance = senderFor(relance.port);
  const toBare = senderFor(bare.port);

  print(`== End to end: signed POST → reply (in the ack body, or at the emulator's response_url), ${CONCURRENCY} in flight, user ${DEMO_COLLECTOR_ID} (collector) ==`);
  const e2e: E2eSummary[] = [];
  // Counted with the other processes, not with the bench.
  const spinner = opt['busy-core'] ? spawn(process.execPath, ['-e', 'for (;;);'], { stdio: 'ignore' }) : null;
  if (spinner) {
    cleanups.push(async () => spinner.kill());
    print('  (another process keeps one core busy: --busy-core)');
  }
  for (const text of COMMANDS) e2e.push(await e2eCommand(relance, toRelance, emulator, text));
  spinner?.kill();
  print();
  if (opt['skip-ack']) {
    await finish(e2e, null, started, logFile);
    return;
  }

  print(`== Ack throughput: /collect help, ${ACK_REQUESTS} requests per round, ${CONCURRENCY} in flight, bare Bolt (A) and relance (B) alternately ==`);
  // A warm-up each (JIT of both sides, connections), not counted.
  for (const sender of [toBare, toRelance]) {
    await closedLoop(1000, CONCURRENCY, async () => {
      const sent = await sender.slashCommand({ userId: DEMO_COLLECTOR_ID, channelId: DEMO_COLLECTIONS_CHANNEL_ID, text: 'help' });
      if (sender === toRelance && !repliedInAck(sent)) await emulator.waitForResponse(sent.responseUrlId!, { timeoutMs: 30_000 });
    });
  }
  const bareRounds: AckRound[] = [];
  const relanceRounds: AckRound[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const a = await ackRound(bare, toBare, emulator, false);
    bareRounds.push(a);
    const b = await ackRound(relance, toRelance, emulator, true);
    relanceRounds.push(b);
    print(`  round ${round}: bare ${a.rps.toFixed(0)} req/s (ack p50 ${ms(a.p50)} ms, p99 ${ms(a.p99)} ms) | relance ${b.rps.toFixed(0)} req/s (ack p50 ${ms(b.p50)} ms, p99 ${ms(b.p99)} ms) | ratio ${(b.rps / a.rps).toFixed(2)}`);
  }
  const bareMedian = median(bareRounds.map((r) => r.rps));
  const relanceMedian = median(relanceRounds.map((r) => r.rps));
  const ackRatio = relanceMedian / bareMedian;
  print(`  median: bare ${bareMedian.toFixed(0)} req/s, relance ${relanceMedian.toFixed(0)} req/s; relance / bare = ${ackRatio.toFixed(2)} (target ≥ ${TARGET_ACK_RATIO})  ${ackRatio >= TARGET_ACK_RATIO ? 'MEETS the target' : 'MISSES the target'}`);
  const last = (xs: AckRound[]) => xs[xs.length - 1]!.res;
  for (const [name, r] of [['bare', last(bareRounds)], ['relance', last(relanceRounds)]] as const) {
    print(`  last ${name} round (timed window + reply tail):`);
    for (const line of describeResources(r, ACK_REQUESTS)) print(`    ${line}`);
  }
  print();

  if (opt.diagnose) await diagnose({ url, emulator, relance, toRelance, bare, toBare, logFile });
  await finish(e2e, { relanceMedian, bareMedian, ackRatio }, started, logFile);
}

async function finish(e2e: E2eSummary[], ack: { relanceMedian: number; bareMedian: number; ackRatio: number } | null, started: number, logFile?: string): Promise<void> {
  let logLines = 0;
  let logBytes = 0;
  try {
    if (!logFile) throw new Error('no log file');
    logBytes = statSync(logFile).size;
    logLines = readFileSync(logFile, 'utf8').split('\n').filter(Boolean).length;
  } catch {
    // No log written.
  }
  print(`app log: ${logLines} lines, ${logBytes} bytes written during the whole run (relance + bare)`);
  print();
  print('== Summary ==');
  for (const s of e2e) {
    print(`  /collect ${pad(s.command, 16)} p50 ${ms(s.p50)} ms  p99 ${ms(s.p99)} ms  (p99 / ${TARGET_P99_MS} ms = ${s.ratio.toFixed(2)}, ${s.ratio <= 1 ? 'ok' : 'MISS'})  ${s.rps.toFixed(1)} req/s`);
  }
  if (ack) {
    const { relanceMedian, bareMedian, ackRatio } = ack;
    print(`  /collect help ack throughput: relance ${relanceMedian.toFixed(0)} req/s vs bare Bolt ${bareMedian.toFixed(0)} req/s = ${ackRatio.toFixed(2)} (target ≥ ${TARGET_ACK_RATIO}, ${ackRatio >= TARGET_ACK_RATIO ? 'ok' : 'MISS'})`);
  }
  const kept = opt['keep-db'] || opt['reuse-db'];
  print(`  total bench time ${((performance.now() - started) / 1000).toFixed(0)} s; database ${DB_NAME} ${kept ? 'kept' : 'dropped'}`);
}

main()
  .then(cleanup, async (error: unknown) => {
    // After Ctrl-C the requests in flight fail as the apps stop: not worth printing.
    if (!interrupted) console.error(error);
    await cleanup();
    process.exitCode = 1;
  })
  .then(() => process.exit());
