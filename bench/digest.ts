// bench/digest: the daily digest build (every section, no Slack posting) on a
// 1,000,000-invoice / 100,000-customer ledger, against the single raw aging
// aggregate over the invoices table, in the same run. Target: digest build ≤ 3×
// the raw aggregate. Run: npx tsx bench/digest.ts [--scale 0.1] [--help]
// See bench/README.md for what it measures and the figures it gave.
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import { rows, type Database, type Db, type Queryable } from '../src/db/client.ts';
import { loadDigest, type DigestData, type DigestQuery } from '../src/db/digest.ts';
import { AGING_BUCKETS } from '../src/domain/aging.ts';
import { addDays, todayIn, zonedTimeToUtc } from '../src/domain/dates.ts';
import { translator } from '../src/i18n/messages.ts';
import { blocksToText, digestEntry, digestParent, type DigestView } from '../src/slack/blocks/digest.ts';
import { DIGEST_CHANNEL, DIGEST_WORKSPACE, loadDigestLedger, TIMEZONE } from './lib/digest-ledger.ts';
import { BenchDatabases, DEFAULT_ADMIN_URL, openBench } from './lib/pg.ts';
import { fmtInt, fmtMs, fmtRatio, fmtS, machineLine, median, percentile, table } from './lib/stats.ts';

const USAGE = `npx tsx bench/digest.ts [options]
  --scale X          fraction of the full size: 1 = 1,000,000 invoices / 100,000 customers (default 1)
  --runs N           measured runs of each subject per round (default 30; at least 20)
  --rounds N         rounds (default 3); each alternates raw aggregate and digest build, run by run
  --warmup N         warm-up runs of each before the first round (default 3)
  --skip-explain     skip the per-query breakdown (each digest query alone, and EXPLAIN ANALYZE)
  --plans            also print the full EXPLAIN (ANALYZE, BUFFERS) plan of every query
  --admin-url URL    PostgreSQL admin URL (default $BENCH_DATABASE_ADMIN_URL or postgres://postgres@127.0.0.1:5432/postgres)`;

const { values: opt } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    runs: { type: 'string', default: '30' },
    rounds: { type: 'string', default: '3' },
    warmup: { type: 'string', default: '3' },
    'skip-explain': { type: 'boolean', default: false },
    plans: { type: 'boolean', default: false },
    'admin-url': { type: 'string', default: DEFAULT_ADMIN_URL },
    help: { type: 'boolean', default: false },
  },
});
if (opt.help) {
  console.log(USAGE);
  process.exit(0);
}
const whole = (name: 'runs' | 'rounds' | 'warmup', min: number): number => {
  const n = Number(opt[name]);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number ≥ ${min} (got "${opt[name]}")`);
  return n;
};
const SCALE = Number(opt.scale);
if (!(SCALE > 0 && SCALE <= 10)) throw new Error(`--scale must be a number in (0, 10] (got "${opt.scale}")`);
const RUNS = whole('runs', 20);
const ROUNDS = whole('rounds', 1);
const WARMUP = whole('warmup', 0);
const CUSTOMERS = Math.max(10, Math.round(100_000 * SCALE));
const INVOICES = Math.max(10, Math.round(1_000_000 * SCALE));
const TARGET = 3.0;
const DB_NAME = 'relance_bench_digest';

const print = (line = '') => console.log(line);

// ------------------------------------------------------------------ the two subjects

/**
 * The baseline: the raw aging aggregate straight from the invoices, one
 * statement, the same buckets as the digest (src/domain/aging.ts); invoices due
 * later than the due-soon window fall in "later".
 */
function rawAggregate(today: string): SQL {
  const days = `('${today}'::date - due_date)`;
  const whens = AGING_BUCKETS.map((b) => (b.maxDays === null
    ? `when ${days} >= ${b.minDays} then '${b.key}'`
    : `when ${days} between ${b.minDays} and ${b.maxDays} then '${b.key}'`)).join(' ');
  return sql`select case ${sql.raw(whens)} else 'later' end as bucket, currency,
      sum(amount_cents - paid_cents)::bigint as open_cents, count(*)::int as invoices
    from invoices where workspace_id = ${DIGEST_WORKSPACE} and paid_cents < amount_cents
    group by 1, 2`;
}

/** The digest build as the poster does it: loadDigest (every section), then the parent message and one reply per case. */
function render(data: DigestData, view: DigestView): number {
  const parent = digestParent(data, view);
  let blocks = parent.blocks?.length ?? 0;
  data.entries.forEach((entry, i) => {
    blocks += digestEntry(entry, i + 1, view).blocks?.length ?? 0;
  });
  return blocks;
}

// ------------------------------------------------------------------ per-query breakdown

/** A Queryable that records every statement loadDigest sends (it goes through db.execute). */
function recording(db: Db): { db: Queryable; queries: SQL[] } {
  const queries: SQL[] = [];
  const proxy = new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === 'execute') {
        return (query: SQL) => {
          queries.push(query);
          return target.execute(query);
        };
      }
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
  return { db: proxy as Queryable, queries };
}

const LABELS: [RegExp, string][] = [
  [/from customer_balances where workspace_id = \$\d+\s+group by currency/, 'totals per currency (customer_balances)'],
  [/select totals from digests/, 'previous digest totals'],
  [/p\.status = 'pending' and p\.due_on/, 'promises due today'],
  [/p\.status = 'broken'/, 'promises broken since last digest'],
  [/from tasks\s+where .* kind = 'call'/s, 'calls today per collector'],
  [/k\.owner_id is null/, 'unowned cases needing a call'],
  [/from escalations/, 'escalations awaiting approval'],
  [/select b\.customer_id from customer_balances b/, 'worklist: top 25 (priority index)'],
  [/grouping sets/, 'worklist: actionable count + totals'],
  [/select b\.currency, sum\(b\.overdue_cents\)/, 'worklist: overdue per currency (unused by the digest)'],
  [/count\(distinct b\.customer_id\)/, 'worklist: actionable case count'],
  [/select balances_version/, 'worklist: balances version (totals cache)'],
  [/from customer_balances b\s+join customers c/, 'worklist: the 25 entries'],
];

function labelOf(text: string): string {
  return LABELS.find(([re]) => re.test(text))?.[1] ?? text.replace(/\s+/g, ' ').trim().slice(0, 60);
}

interface Plan {
  'Execution Time': number;
  'Planning Time': number;
  Plan: { 'Shared Hit Blocks'?: number; 'Shared Read Blocks'?: number; 'Workers Launched'?: number; 'Node Type'?: string };
}

async function explain(db: Db, query: SQL): Promise<Plan> {
  const [row] = await rows<{ 'QUERY PLAN': Plan[] }>(db, sql`explain (analyze, buffers, format json) ${query}`);
  return row!['QUERY PLAN'][0]!;
}

async function breakdown(db: Db, q: DigestQuery, raw: SQL): Promise<void> {
  const rec = recording(db);
  await loadDigest(rec.db, q);
  const dialect = new PgDialect();
  const body: string[][] = [];
  let sum = 0;
  const measure = async (label: string, query: SQL) => {
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t0 = performance.now();
      await db.execute(query);
      times.push(performance.now() - t0);
    }
    const plan = await explain(db, query);
    const hit = plan.Plan['Shared Hit Blocks'] ?? 0;
    const read = plan.Plan['Shared Read Blocks'] ?? 0;
    body.push([label, fmtMs(median(times)), fmtMs(plan['Execution Time']), fmtMs(plan['Planning Time']), fmtInt(hit), fmtInt(read)]);
    return median(times);
  };
  for (const query of rec.queries) sum += await measure(labelOf(dialect.sqlToQuery(query).sql), query);
  body.push(['(sum of the digest queries, one after another)', fmtMs(sum), '', '', '', '']);
  await measure('raw aging aggregate over invoices (baseline)', raw);
  print(`\nper query: each of the ${rec.queries.length} statements loadDigest sends, run alone (median of 10, ms), and its EXPLAIN (ANALYZE, BUFFERS)`);
  print('(loadDigest sends its section queries at once on its pool of 10 connections, the worklist\'s after its top 25: its wall time is less than the sum)');
  print(table(['statement', 'alone ms', 'explain exec ms', 'plan ms', 'shared hit', 'shared read'], body));
  if (!opt.plans) return;
  for (const [label, query] of [...rec.queries.map((x) => [labelOf(dialect.sqlToQuery(x).sql), x] as const), ['raw aging aggregate', raw] as const]) {
    const plan = await rows<{ 'QUERY PLAN': string }>(db, sql`explain (analyze, buffers) ${query}`);
    print(`\n${label}:\n${plan.map((r) => `  ${r['QUERY PLAN']}`).join('\n')}`);
  }
}

// ------------------------------------------------------------------ the bench

interface RoundResult {
  raw: number[];
  load: number[];
  build: number[];
}

async function main(): Promise<void> {
  const benchStarted = performance.now();
  print(`bench/digest — digest build vs the raw aging aggregate, ${fmtInt(INVOICES)} invoices / ${fmtInt(CUSTOMERS)} customers (scale ${SCALE})`);
  print(machineLine());
  const today = todayIn(TIMEZONE, new Date());
  const dbs = new BenchDatabases(opt['admin-url']);
  let database: Database | undefined;
  try {
    const url = await dbs.createMigrated(DB_NAME);
    database = await openBench(url, 10);
    const loader = postgres(url, { max: 1, onnotice: () => {} });
    let ledger;
    try {
      ledger = await loadDigestLedger(database, loader, today, { customers: CUSTOMERS, invoices: INVOICES });
    } finally {
      await loader.end({ timeout: 5 });
    }
    print(`\nledger in ${DB_NAME} (migrated with migrateDatabase), as of ${today}:`);
    for (const s of ledger.steps) print(`  ${fmtS(s.ms).padStart(6)} s  ${s.step}`);
    print(`  ${Object.entries(ledger.shape).map(([k, v]) => `${k}: ${typeof v === 'number' ? fmtInt(v) : v}`).join(' · ')}`);

    const db = database.db;
    const q: DigestQuery = {
      workspaceId: DIGEST_WORKSPACE,
      channelId: DIGEST_CHANNEL,
      businessDate: today,
      dayEnd: zonedTimeToUtc(addDays(today, 1), '00:00', TIMEZONE),
      previousDayStart: zonedTimeToUtc(addDays(today, -1), '00:00', TIMEZONE),
    };
    const view: DigestView = { locale: 'en', t: translator('en'), today };
    const raw = rawAggregate(today);

    // What is measured, once, so a reader sees every section has data.
    const sample = await loadDigest(db, q);
    const parent = digestParent(sample, view);
    print(`\nthe digest built (parent message as text; ${sample.entries.length} case replies, ${render(sample, view)} blocks in all):`);
    print(blocksToText(parent.blocks!).split('\n').map((l) => `  | ${l}`).join('\n'));
    const aggregate = await rows<{ bucket: string; currency: string; open_cents: string; invoices: number }>(db, raw);
    print(`the raw aggregate: ${aggregate.length} rows (${fmtInt(aggregate.reduce((s, r) => s + Number(r.invoices), 0))} unpaid invoices)`);

    for (let i = 0; i < WARMUP; i++) {
      await db.execute(raw);
      render(await loadDigest(db, q), view);
    }
    const results: RoundResult[] = [];
    print(`\n${ROUNDS} rounds of ${RUNS} runs, alternating raw aggregate and digest build, after ${WARMUP} warm-ups of each; ms`);
    const body: string[][] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const res: RoundResult = { raw: [], load: [], build: [] };
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        await db.execute(raw);
        const t1 = performance.now();
        const data = await loadDigest(db, q);
        const t2 = performance.now();
        render(data, view);
        const t3 = performance.now();
        res.raw.push(t1 - t0);
        res.load.push(t2 - t1);
        res.build.push(t3 - t1);
      }
      results.push(res);
      body.push([`round ${r + 1}`, fmtMs(median(res.raw)), fmtMs(percentile(res.raw, 90)), fmtMs(median(res.load)), fmtMs(percentile(res.load, 90)),
        fmtMs(median(res.build)), fmtMs(percentile(res.build, 90)), fmtRatio(median(res.build) / median(res.raw))]);
    }
    const all = (f: (x: RoundResult) => number[]) => results.flatMap(f);
    const ratios = results.map((x) => median(x.build) / median(x.raw));
    const loadRatios = results.map((x) => median(x.load) / median(x.raw));
    body.push([`all ${ROUNDS * RUNS}`, fmtMs(median(all((x) => x.raw))), fmtMs(percentile(all((x) => x.raw), 90)),
      fmtMs(median(all((x) => x.load))), fmtMs(percentile(all((x) => x.load), 90)),
      fmtMs(median(all((x) => x.build))), fmtMs(percentile(all((x) => x.build), 90)), fmtRatio(median(ratios))]);
    print(table(['', 'raw p50', 'raw p90', 'loadDigest p50', 'p90', 'build+render p50', 'p90', 'build / raw'], body));
    print('(build+render = loadDigest + digestParent + one digestEntry per case; last row: all runs, ratio = median of the per-round ratios)');

    if (!opt['skip-explain']) await breakdown(db, q, raw);

    const ratio = median(ratios);
    print(`\nresult: digest build ${fmtMs(median(all((x) => x.build)))} ms (loadDigest alone ${fmtMs(median(all((x) => x.load)))} ms, ${fmtRatio(median(loadRatios))}) `
      + `vs raw aggregate ${fmtMs(median(all((x) => x.raw)))} ms: ${fmtRatio(ratio)} (target ≤ ${fmtRatio(TARGET)}): `
      + `${ratio <= TARGET ? 'meets the target' : `misses it by ${fmtRatio(ratio / TARGET)}`}`);
    print(machineLine());
    print(`bench took ${fmtS(performance.now() - benchStarted)} s`);
  } finally {
    await database?.close().catch(() => {});
    await dbs.dropAll();
  }
}

await main();
