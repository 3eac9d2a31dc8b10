// bench/reminders: 10,000 reminder drafts approved at once and sent to a local
// SMTP sink by relance's own mail worker (jobs/send-mail.ts: the poll starts
// one drain job for the workspace, which claims batches in one transaction
// each — the ledger checks, the debtor's hours, the per-workspace rate, the
// attempts recorded before — sends them through the pool and records the
// answers in one transaction a batch), against a bare nodemailer loop sending
// the same raw messages to the same sink with the same pool, in the same run.
// Target: relance reaches ≥ 80 % of the bare loop's mails/s (it is not the
// bottleneck). The CPU columns say where the time goes: this process,
// PostgreSQL, Redis, the sink (a child process) and the whole machine.
// Run: npx tsx bench/reminders.ts [--mails 500] [--help]
// Needs PostgreSQL (postgres@127.0.0.1:5432 or --admin-url) and Redis (REDIS_URL or 127.0.0.1:6379).
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { pino } from 'pino';
import { refreshBalances } from '../src/db/balances.ts';
import { rows, type Db } from '../src/db/client.ts';
import { writeSetting } from '../src/db/settings.ts';
import { ensureWorkspace } from '../src/db/workspaces.ts';
import { zonedTimeToUtc, type IsoDate } from '../src/domain/dates.ts';
import { smtpOptions, smtpTransport } from '../src/mail/transport.ts';
import { approveDrafts } from '../src/services/mail/approve.ts';
import { redisRateLimiter } from '../src/services/mail/rate-limit.ts';
import { runLadderPass } from '../src/services/ladder/pass.ts';
import { MAIL_BATCH, MAIL_LANES, POLL_MAILS_EVERY_MS, startMailWorker } from '../jobs/send-mail.ts';
import { BenchDatabases, DEFAULT_ADMIN_URL, openBench } from './lib/pg.ts';
import { fmtInt, fmtMs, fmtRatio, machineLine, table } from './lib/stats.ts';

// ------------------------------------------------------------------ the sink (child process)

/** A counting SMTP server: no parsing, every message accepted. Runs alone in its process so it takes no CPU from either side. */
async function runSink(latencyMs: number): Promise<void> {
  const { SMTPServer } = await import('smtp-server');
  let received = 0;
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'], authOptional: true, logger: false, size: 50 * 1024 * 1024, maxClients: 100,
    onData(stream, _session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => {
        received += 1;
        // A real relay takes tens of milliseconds to accept a message (queueing, spam checks, its disk): --sink-latency-ms.
        if (latencyMs > 0) setTimeout(() => callback(null), latencyMs);
        else callback(null);
      });
    },
  });
  server.listen(0, '127.0.0.1', () => {
    const address = server.server.address();
    process.stdout.write(`PORT ${typeof address === 'object' && address ? address.port : 0}\n`);
  });
  process.stdin.on('data', () => process.stdout.write(`COUNT ${received}\n`));
  process.stdin.on('end', () => server.close(() => process.exit(0)));
}

interface Sink {
  port: number;
  pid: number;
  count(): Promise<number>;
  close(): Promise<void>;
}

function startSink(latencyMs: number): Promise<Sink> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--sink', '--sink-latency-ms', String(latencyMs)], { stdio: ['pipe', 'pipe', 'inherit'] });
  let buffered = '';
  const waiting: ((line: string) => void)[] = [];
  child.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    let nl: number;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      waiting.shift()?.(line);
    }
  });
  const next = () => new Promise<string>((resolve) => waiting.push(resolve));
  return next().then((line) => ({
    port: Number(line.split(' ')[1]),
    pid: child.pid ?? 0,
    async count() {
      const answer = next();
      child.stdin!.write('?\n');
      return Number((await answer).split(' ')[1]);
    },
    close: () => new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.stdin!.end();
    }),
  }));
}

// ------------------------------------------------------------------ where the CPU goes

/** CPU ms of the local processes named `name` (PostgreSQL's backends, the Redis server) or of one pid, from /proc; 0 where there is none. */
function processCpuMs(name: string | number): number {
  let ticks = 0;
  try {
    for (const pid of typeof name === 'number' ? [String(name)] : readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const close = stat.lastIndexOf(')');
        if (typeof name === 'string' && !stat.slice(stat.indexOf('(') + 1, close).startsWith(name)) continue;
        const fields = stat.slice(close + 2).split(' ');
        ticks += Number(fields[11]) + Number(fields[12]);
      } catch {
        // Gone meanwhile.
      }
    }
  } catch {
    return 0;
  }
  return ticks * 10;
}

/**
 * CPU over a phase: this process (relance's worker, or the bare loop), the
 * PostgreSQL server and the whole machine (the sink, Redis… too), from /proc
 * (Linux; zeros elsewhere). PostgreSQL backends that end during the phase are not counted.
 */
function cpuMeter(sinkPid: number): () => { selfMs: number; postgresMs: number; redisMs: number; sinkMs: number; machineBusyMs: number; machineMs: number } {
  const machine = () => {
    try {
      // /proc/stat's first line: user nice system idle iowait irq softirq steal, in clock ticks (USER_HZ, 100 a second).
      const ticks = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
      const idle = ticks[3]! + ticks[4]!;
      return { busy: (ticks.reduce((a, b) => a + b, 0) - idle) * 10, total: ticks.reduce((a, b) => a + b, 0) * 10 };
    } catch {
      return { busy: 0, total: 0 };
    }
  };
  const self = process.cpuUsage();
  const m0 = machine();
  const pg0 = processCpuMs('postgres');
  const redis0 = processCpuMs('redis-server');
  const sink0 = processCpuMs(sinkPid);
  return () => {
    const used = process.cpuUsage(self);
    const m1 = machine();
    return {
      selfMs: (used.user + used.system) / 1000, postgresMs: processCpuMs('postgres') - pg0, redisMs: processCpuMs('redis-server') - redis0,
      sinkMs: processCpuMs(sinkPid) - sink0, machineBusyMs: m1.busy - m0.busy, machineMs: m1.total - m0.total,
    };
  };
}

/** A CPU profile of this process over one phase (--cpu-prof-relance), for chrome://inspect or speedscope. */
async function profilePhase(path: string | undefined): Promise<() => Promise<void>> {
  if (!path) return async () => {};
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return async () => {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(path, JSON.stringify(profile));
    session.disconnect();
    console.log(`CPU profile of the relance phase: ${path}`);
  };
}

// ------------------------------------------------------------------ the run

const USAGE = `npx tsx bench/reminders.ts [options]
  --mails N          drafts approved and sent (default 10000)
  --poll-ms N        how often the mail worker looks for mails to send (default ${POLL_MAILS_EVERY_MS}, relance's own)
  --batch N          mails claimed in one transaction (default ${MAIL_BATCH}, relance's own)
  --lanes N          batches of the workspace in flight at once (default ${MAIL_LANES}, relance's own)
  --sink-latency-ms N  the sink answers each message after N ms, as a real relay does (default 0: as fast as it can)
  --stale-stats      do not ANALYZE the tables after approving (autovacuum would within a minute)
  --cpu-prof-relance FILE  write a CPU profile of this process while relance's worker sends (.cpuprofile)
  --admin-url URL    PostgreSQL admin URL (default $BENCH_DATABASE_ADMIN_URL or postgres://postgres@127.0.0.1:5432/postgres)
  --redis-url URL    Redis for BullMQ and the rate counters (default $REDIS_URL or redis://127.0.0.1:6379)`;

const DB_NAME = 'relance_bench_reminders';
const WS = 'TBENCHMAIL';
const TIMEZONE = 'Europe/Paris';
/** Tuesday 1 December 2026, 10:00 in Paris: inside the default mail hours (09:00–18:00), a business day. */
const TODAY: IsoDate = '2026-12-01';
const NOW = zonedTimeToUtc(TODAY, '10:00', TIMEZONE);
const TARGET = 0.8;
// The bare loop's mails in flight, over the SMTP pool of src/mail/transport.ts (5 connections).
const CONCURRENCY = 8;

async function seed(db: Db, mails: number): Promise<number[]> {
  await ensureWorkspace(db, WS, { timezone: TIMEZONE, locale: 'en' }, 'Bench Mail SAS');
  const by = 'U0BENCH';
  await writeSetting(db, { workspaceId: WS, name: 'mailFrom', value: 'Bench Recouvrement <ar@bench.example>' as never, by, now: NOW });
  await writeSetting(db, { workspaceId: WS, name: 'mailRate', value: 100_000 as never, by, now: NOW });
  await writeSetting(db, { workspaceId: WS, name: 'creditorName', value: 'Bench Mail SAS' as never, by, now: NOW });
  await db.execute(sql.raw(`
    insert into customers (workspace_id, customer_ref, name, kind, locale, email)
    select '${WS}', 'C' || lpad(g::text, 7, '0'), 'Customer ' || g, case when g % 7 = 0 then 'b2c' else 'b2b' end::customer_kind,
      case when g % 4 = 0 then 'fr' end::locale, 'debtor' || g || '@client.example'
    from generate_series(1, ${mails}) g`));
  // Due yesterday: every case reaches reminder_1 (day 1) today and drafts it.
  await db.execute(sql.raw(`
    insert into invoices (workspace_id, invoice_number, customer_id, issue_date, due_date, currency, amount_cents)
    select '${WS}', 'INV-' || c.id, c.id, '${TODAY}'::date - 31, '${TODAY}'::date - 1, 'EUR', 100000 + (c.id * 7919) % 900000
    from customers c where c.workspace_id = '${WS}'`));
  await db.transaction((tx) => refreshBalances(tx, { workspaceId: WS, today: TODAY, actorId: 'import', now: NOW }));
  await db.transaction((tx) => runLadderPass(tx, { workspaceId: WS, day: TODAY, now: NOW }));
  const drafts = await rows<{ id: number }>(db, sql`select id::int as id from drafts where workspace_id = ${WS} and stage = 'reminder_1' and status = 'draft' order by id`);
  return drafts.map((d) => Number(d.id));
}

async function countSent(db: Db): Promise<{ sent: number; other: number }> {
  const [r] = await rows<{ sent: number; other: number }>(db, sql`
    select count(*) filter (where status = 'sent')::int as sent, count(*) filter (where status not in ('sent', 'queued', 'sending'))::int as other
    from mails where workspace_id = ${WS}`);
  return { sent: Number(r?.sent ?? 0), other: Number(r?.other ?? 0) };
}

/** Mails not yet settled, through the status index: cheap enough to ask every 50 ms without weighing on the run it measures. */
async function countWaiting(db: Db): Promise<number> {
  const [r] = await rows<{ n: number }>(db, sql`select count(*)::int as n from mails where status in ('queued', 'sending', 'retrying') and workspace_id = ${WS}`);
  return Number(r?.n ?? 0);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      mails: { type: 'string', default: '10000' }, 'poll-ms': { type: 'string', default: String(POLL_MAILS_EVERY_MS) },
      batch: { type: 'string', default: String(MAIL_BATCH) }, lanes: { type: 'string', default: String(MAIL_LANES) },
      'admin-url': { type: 'string', default: DEFAULT_ADMIN_URL }, 'redis-url': { type: 'string', default: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' },
      'cpu-prof-relance': { type: 'string' }, 'stale-stats': { type: 'boolean', default: false }, 'sink-latency-ms': { type: 'string', default: '0' }, help: { type: 'boolean', default: false }, sink: { type: 'boolean', default: false },
    },
  });
  const sinkLatencyMs = Number(values['sink-latency-ms']);
  if (!Number.isInteger(sinkLatencyMs) || sinkLatencyMs < 0) throw new Error(`--sink-latency-ms must be a whole number ≥ 0 (got "${values['sink-latency-ms']}")`);
  if (values.sink) return runSink(sinkLatencyMs);
  if (values.help) return void console.log(USAGE);
  const mails = Number(values.mails);
  const pollMs = Number(values['poll-ms']);
  const batchSize = Number(values.batch);
  const lanes = Number(values.lanes);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`--batch must be a whole number ≥ 1 (got "${values.batch}")`);
  if (!Number.isInteger(lanes) || lanes < 1) throw new Error(`--lanes must be a whole number ≥ 1 (got "${values.lanes}")`);
  if (!Number.isInteger(mails) || mails < 1) throw new Error(`--mails must be a whole number ≥ 1 (got "${values.mails}")`);
  if (!Number.isInteger(pollMs) || pollMs < 10) throw new Error(`--poll-ms must be a whole number ≥ 10 (got "${values['poll-ms']}")`);

  console.log(`bench/reminders — ${fmtInt(mails)} reminder drafts approved at once, sent to a local SMTP sink (child process${sinkLatencyMs ? `, answering after ${sinkLatencyMs} ms` : ''})`);
  console.log(machineLine());
  const dbs = new BenchDatabases(values['admin-url']);
  const sink = await startSink(sinkLatencyMs);
  const prefix = `bench-mail-${randomBytes(3).toString('hex')}`;
  const database = await openBench(await dbs.createMigrated(DB_NAME));
  const db = database.db;
  try {
    let t0 = performance.now();
    const draftIds = await seed(db, mails);
    console.log(`ledger, cases and the ladder pass's ${fmtInt(draftIds.length)} reminder_1 drafts: ${fmtMs(performance.now() - t0)} ms`);
    if (draftIds.length !== mails) throw new Error(`expected ${mails} drafts, the ladder pass made ${draftIds.length}`);

    // 1. Approve them all at once, as "Send these N" does (by policy: no role check in the way).
    t0 = performance.now();
    const approved = await db.transaction((tx) => approveDrafts(tx, { workspaceId: WS, draftIds, by: { kind: 'policy' }, now: NOW }));
    const approveMs = performance.now() - t0;
    if (approved.queued.length !== mails) {
      throw new Error(`approved ${approved.queued.length} of ${mails} (no address: ${approved.noAddress.length}, refused: ${approved.refused.length})`);
    }

    // 2. relance's mail worker, SMTP pool to the sink, until every mail is recorded 'sent'.
    // As autovacuum does within a minute of ten thousand new rows: the planner sees the tables as they are (--stale-stats: not).
    if (!values['stale-stats']) await db.execute(sql`analyze mails, activities, channel_posts, invoices, customers, cases`);
    const smtpUrl = `smtp://127.0.0.1:${sink.port}`;
    const transport = smtpTransport({ url: smtpUrl });
    const rate = redisRateLimiter(values['redis-url'], prefix);
    const log = pino({ level: 'silent' });
    const before = await sink.count();
    t0 = performance.now();
    const stopProfile = await profilePhase(values['cpu-prof-relance']);
    const relanceCpu = cpuMeter(sink.pid);
    const worker = startMailWorker({
      config: { redisUrl: values['redis-url'], prefix }, log, pollMs, batchSize, lanes, deps: { db, transport, rate, clock: () => NOW, logger: log },
    });
    await worker.poll();
    while (await countWaiting(db) > 0) await new Promise((r) => setTimeout(r, 50));
    const relanceMs = performance.now() - t0;
    const relanceUsage = relanceCpu();
    await stopProfile();
    await worker.stop();
    transport.close();
    await rate.close();
    const relanceReceived = (await sink.count()) - before;
    const state = await countSent(db);
    if (state.other > 0) console.log(`WARNING: ${state.other} mails ended neither sent nor queued (refused, unknown, cancelled)`);

    // 3. The bare loop: the same raw messages, a pooled transport with the same options, the same concurrency.
    const raws = await rows<{ raw: Uint8Array; to_address: string }>(db, sql`select raw, to_address from mails where workspace_id = ${WS} order by id`);
    const bare = nodemailer.createTransport(smtpOptions({ url: smtpUrl }));
    const before2 = await sink.count();
    t0 = performance.now();
    const bareCpu = cpuMeter(sink.pid);
    let next = 0;
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      while (next < raws.length) {
        const m = raws[next++]!;
        await bare.sendMail({ envelope: { from: 'ar@bench.example', to: [m.to_address] }, raw: Buffer.from(m.raw) });
      }
    }));
    const bareMs = performance.now() - t0;
    const bareUsage = bareCpu();
    bare.close();
    const bareReceived = (await sink.count()) - before2;

    const relanceRate = (state.sent / relanceMs) * 1000;
    const bareRate = (raws.length / bareMs) * 1000;
    const ratio = relanceRate / bareRate;
    console.log('');
    const cpu = (u: ReturnType<ReturnType<typeof cpuMeter>>, n: number) => [
      ...[u.selfMs, u.postgresMs, u.redisMs, u.sinkMs, u.machineBusyMs].map((ms) => ((ms / n) * 1000).toFixed(0)), u.machineMs > 0 ? `${Math.round((u.machineBusyMs / u.machineMs) * 100)} %` : '—',
    ];
    console.log(table(['', 'mails', 'ms', 'mails/s', 'reached the sink', 'µs CPU/mail: node', 'PostgreSQL', 'Redis', 'sink', 'machine', 'machine busy'], [
      ['approve all (approveDrafts, one transaction)', fmtInt(mails), fmtMs(approveMs), fmtInt((mails / approveMs) * 1000), '—', '', '', '', '', '', ''],
      ['relance: worker until the last is recorded sent', fmtInt(state.sent), fmtMs(relanceMs), fmtInt(relanceRate), fmtInt(relanceReceived), ...cpu(relanceUsage, state.sent)],
      [`bare nodemailer loop (pool of ${smtpOptions({ url: smtpUrl }).maxConnections}, ${CONCURRENCY} in flight)`, fmtInt(raws.length), fmtMs(bareMs), fmtInt(bareRate), fmtInt(bareReceived),
        ...cpu(bareUsage, raws.length)],
    ]));
    console.log('');
    console.log(`relance / bare: ${fmtRatio(ratio)} (target ≥ ${TARGET.toFixed(2)}×) — ${ratio >= TARGET ? 'MET' : 'MISS'}`);
    console.log(`relance: one drain job for the workspace, batches of ${batchSize} claimed in one transaction each, ${lanes} batches in flight; `
      + `the poll (every ${fmtInt(pollMs)} ms) only starts it. Machine CPU counts every process (PostgreSQL, Redis, the sink, this one).`);
  } finally {
    await database.close();
    await sink.close();
    await dbs.dropAll();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
