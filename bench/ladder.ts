// bench/ladder: the daily ladder pass (src/services/ladder/pass.ts →
// src/db/ladder-pass.ts) over 100,000 open cases spread over every step,
// against a raw SQL baseline that moves the same cases' stages with one
// UPDATE per step, in the same run. Targets: a number of statements that does
// not grow with the cases; pass ≤ 3× the baseline.
// Run: npx tsx bench/ladder.ts [--scale 0.1] [--rounds 3] [--help]
// See bench/README.md for what it measures and the figures it gave.
import { performance } from 'node:perf_hooks';
import { sql, type SQL } from 'drizzle-orm';
import postgres from 'postgres';
import { refreshBalances } from '../src/db/balances.ts';
import type { Db } from '../src/db/client.ts';
import { ensureWorkspace } from '../src/db/workspaces.ts';
import { isCaseStep, DEFAULT_LADDER, STEP_ORDER, stageRank } from '../src/domain/ladder.ts';
import { zonedTimeToUtc, type IsoDate } from '../src/domain/dates.ts';
import { runLadderPass, type LadderPassResult } from '../src/services/ladder/pass.ts';
import {
  ADMIN_URL_USAGE, benchOptions, measure, openCounted, print, printStatements, rolledBack, timedSteps, timingHandle,
  type Counted, type TimedStatement,
} from './lib/harness.ts';
import { BenchDatabases } from './lib/pg.ts';
import { fmtInt, fmtMs, fmtRatio, fmtS, machineLine, median, table } from './lib/stats.ts';

const USAGE = `npx tsx bench/ladder.ts [options]
  --scale X          fraction of the full size: 1 = 100,000 open cases (default 1)
  --rounds N         rounds per scenario (default 3): each times the baseline (in a transaction rolled back) then one pass,
                     and puts the cases back on their steps afterwards (VACUUM ANALYZE before the next round)
  --breakdown        also time each statement of one pass (in a transaction rolled back), and the time between them (Node)
  --plans            with --breakdown, also print the EXPLAIN (ANALYZE, BUFFERS) plan of each statement
${ADMIN_URL_USAGE}`;

const { opt, scale: SCALE, rounds: ROUNDS, adminUrl } = benchOptions(USAGE, {
  breakdown: { type: 'boolean', default: false },
  plans: { type: 'boolean', default: false },
});
const CASES = Math.max(100, Math.round(100_000 * SCALE));
// Customers with nothing overdue yet and an invoice due within two weeks: the courtesy reminders.
const PRE_DUE_CUSTOMERS = Math.round(CASES / 20);
const MAX_DAYS = 100;
const TARGET = 3.0;
const DB_NAME = 'relance_bench_ladder';
const WS = 'TBENCHLADDER';
const TIMEZONE = 'Europe/Paris';
const TODAY: IsoDate = '2026-12-01';
const NOW = zonedTimeToUtc(TODAY, '00:05', TIMEZONE);

// ------------------------------------------------------------------ the ledger

/**
 * CASES customers, each with one overdue invoice: the k-th is 1 + (k × 37 mod
 * MAX_DAYS) days overdue today, so every age from 1 to 100 days has ~1 % of
 * the cases; a tenth have a second, smaller invoice; a seventh are consumers;
 * a quarter read French. Plus PRE_DUE_CUSTOMERS with nothing overdue and an
 * invoice due in the next 14 days.
 */
async function loadLedger(db: Db, pg: postgres.Sql): Promise<{ step: string; ms: number }[]> {
  const { steps, step } = timedSteps();
  await ensureWorkspace(db, WS, { timezone: TIMEZONE, locale: 'en' }, 'Bench Ladder SAS');
  await step(`insert ${fmtInt(CASES + PRE_DUE_CUSTOMERS)} customers`, () => pg.unsafe(`
    insert into customers (workspace_id, customer_ref, name, kind, locale, phone)
    select '${WS}', 'C' || lpad(g::text, 7, '0'), 'Customer ' || g, case when g % 7 = 0 then 'b2c' else 'b2b' end::customer_kind,
      case when g % 4 = 0 then 'fr' end::locale, '+33 1 00 00 00 00'
    from generate_series(1, ${CASES + PRE_DUE_CUSTOMERS}) g`));
  const [{ base } = { base: 0 }] = await pg<{ base: number }[]>`select (min(id) - 1)::int as base from customers where workspace_id = ${WS}`;
  await step('insert their invoices', async () => {
    await pg.unsafe(`
      insert into invoices (workspace_id, invoice_number, customer_id, issue_date, due_date, currency, amount_cents, paid_cents)
      select '${WS}', 'INV-' || g, ${base} + g, d - 30, d, 'EUR', 100000 + (g * 7919) % 900000, (g % 3) * 10000
      from (select g, '${TODAY}'::date - (1 + (g * 37) % ${MAX_DAYS}) as d from generate_series(1, ${CASES}) g) x`);
    await pg.unsafe(`
      insert into invoices (workspace_id, invoice_number, customer_id, issue_date, due_date, currency, amount_cents)
      select '${WS}', 'INV2-' || g, ${base} + g, '${TODAY}'::date - 20, '${TODAY}'::date - 1 - (g % 5), 'EUR', 20000
      from generate_series(10, ${CASES}, 10) g`);
    await pg.unsafe(`
      insert into invoices (workspace_id, invoice_number, customer_id, issue_date, due_date, currency, amount_cents)
      select '${WS}', 'SOON-' || g, ${base} + ${CASES} + g, '${TODAY}'::date - 15, '${TODAY}'::date + 1 + g % 14, 'EUR', 50000
      from generate_series(1, ${PRE_DUE_CUSTOMERS}) g`);
  });
  await step('vacuum analyze', () => pg.unsafe('vacuum analyze'));
  await step('refreshBalances (whole workspace: a case per overdue customer)', () =>
    db.transaction((tx) => refreshBalances(tx, { workspaceId: WS, today: TODAY, actorId: 'import', now: NOW })));
  await pg.unsafe('create table bench_stages (case_id bigint primary key, usual ladder_stage)');
  // A usual day: each case on the step its age called for yesterday.
  const steps_ = DEFAULT_LADDER.filter((s) => isCaseStep(s.stage));
  const yesterday = `(case ${steps_.slice().reverse().map((s) => `when b.days - 1 >= ${s.day} then '${s.stage}'`).join(' ')} end)::ladder_stage`;
  await step('the steps of a usual day (bench_stages)', () => pg.unsafe(`
    insert into bench_stages (case_id, usual)
    select k.id, ${yesterday}
    from cases k join (select customer_id, ('${TODAY}'::date - min(oldest_due_date)) as days from customer_balances
      where workspace_id = '${WS}' group by customer_id) b on b.customer_id = k.customer_id
    where k.workspace_id = '${WS}'`));
  await step('vacuum analyze', () => pg.unsafe('vacuum analyze'));
  return steps;
}

interface Scenario {
  name: string;
  what: string;
  /** The cases' steps before the pass, from bench_stages (`s.usual`) or none. */
  stage: string;
  /** The courtesy reminders of the invoices due in 1–6 days were drafted on the days before. */
  earlierCourtesy: boolean;
}

const SCENARIOS: Scenario[] = [
  {
    name: 'a usual day', stage: 's.usual', earlierCourtesy: true,
    what: 'every case on yesterday\'s step, so the cases whose age reaches a step today move (~6 %); courtesy reminders for the invoices due in exactly 7 days',
  },
  {
    name: 'a first import', stage: 'null', earlierCourtesy: false,
    what: 'every case on no step yet: all move, those past the catch-up window silently; courtesy reminders for every invoice due within 7 days',
  },
];

/** Cases back on their steps, and nothing the pass wrote that would change the next one (activities are append-only and stay). */
async function shape(pg: postgres.Sql, scenario: Scenario): Promise<void> {
  await pg.unsafe(`update cases k set stage = ${scenario.stage}::ladder_stage from bench_stages s where s.case_id = k.id and k.workspace_id = '${WS}'`);
  await pg.unsafe(`delete from drafts where workspace_id = '${WS}'`);
  if (scenario.earlierCourtesy) {
    await pg.unsafe(`insert into drafts (workspace_id, customer_id, stage, due_date, locale, subject, body, data)
      select '${WS}', customer_id, 'pre_due', due_date, 'en', 'drafted earlier', 'drafted earlier', '{}' from invoices
      where workspace_id = '${WS}' and invoice_number like 'SOON-%' and due_date between '${TODAY}'::date + 1 and '${TODAY}'::date + 6
      group by customer_id, due_date`);
  }
  await pg.unsafe(`delete from escalations where workspace_id = '${WS}'`);
  await pg.unsafe(`delete from channel_posts where workspace_id = '${WS}'`);
  await pg.unsafe('vacuum analyze cases, drafts, escalations, channel_posts, activities');
}

// ------------------------------------------------------------------ the baseline

/**
 * The same moves in one UPDATE per step: each case whose age has reached the
 * step, but not the next one, and that is on an earlier step. No drafts, no
 * timeline, no proposals: only the stages.
 */
function baselineUpdates(): SQL[] {
  const steps = DEFAULT_LADDER.filter((s) => isCaseStep(s.stage));
  const rankOf = sql.raw(`(case k.stage ${[...STEP_ORDER, 'agency', 'legal'].map((s) => `when '${s}' then ${stageRank(s as never)}`).join(' ')} else -1 end)`);
  return steps.map((s, i) => {
    const next = steps[i + 1];
    return sql`
      update cases k set stage = ${sql.raw(`'${s.stage}'::ladder_stage`)}
      from (select customer_id, min(oldest_due_date) as oldest from customer_balances where workspace_id = ${WS} group by customer_id) o
      where k.workspace_id = ${WS} and k.status = 'open' and o.customer_id = k.customer_id
        and ${TODAY}::date - o.oldest >= ${s.day} ${next ? sql`and ${TODAY}::date - o.oldest < ${next.day}` : sql``}
        and ${rankOf} < ${stageRank(s.stage)}`;
  });
}

async function baseline(db: Db): Promise<Map<string, number>> {
  const moved = new Map<string, number>();
  await rolledBack(db, async (tx) => {
    for (const [i, update] of baselineUpdates().entries()) {
      const result = await tx.execute(update) as unknown as { count?: number; rowCount?: number };
      moved.set(DEFAULT_LADDER.filter((s) => isCaseStep(s.stage))[i]!.stage, Number(result.count ?? result.rowCount ?? 0));
    }
  });
  return moved;
}

// ------------------------------------------------------------------ where the time goes

/**
 * One pass, each `execute` timed from the client, in a transaction that is
 * rolled back; what is left of the total is Node (rendering the drafts,
 * building the JSON) and the few query-builder reads.
 */
async function breakdown(db: Db): Promise<{ table: string[][]; plans: string[] }> {
  const timed: TimedStatement[] = [];
  const total = await rolledBack(db, async (tx) => {
    const started = performance.now();
    await runLadderPass(timingHandle(tx, timed, opt.plans), { workspaceId: WS, day: TODAY, now: NOW });
    return performance.now() - started;
  });
  const inSql = timed.reduce((a, x) => a + x.ms, 0);
  return {
    table: [...timed.map((x) => [fmtMs(x.ms), x.text]), [fmtMs(total - inSql), '(Node between statements: rendering, JSON, query-builder reads)'], [fmtMs(total), 'total']],
    plans: timed.flatMap((x) => (x.plan ? [`${x.text}\n${x.plan}`] : [])),
  };
}

// ------------------------------------------------------------------ the bench

async function main(): Promise<void> {
  const benchStarted = performance.now();
  print(`bench/ladder — the daily ladder pass vs one raw UPDATE per step moving the same cases: ${fmtInt(CASES)} open cases, `
    + `${fmtInt(PRE_DUE_CUSTOMERS)} customers with an invoice falling due within 14 days (scale ${SCALE})`);
  print(machineLine());
  const dbs = new BenchDatabases(adminUrl);
  let counted: Counted | undefined;
  let loader: postgres.Sql | undefined;
  try {
    const url = await dbs.createMigrated(DB_NAME);
    counted = openCounted(url);
    loader = postgres(url, { max: 1, onnotice: () => {} });
    const steps = await loadLedger(counted.db, loader);
    print(`\nledger in ${DB_NAME}, as of ${TODAY} (${TIMEZONE}), the default ladder, catch-up window 7 days:`);
    for (const s of steps) print(`  ${fmtS(s.ms).padStart(6)} s  ${s.step}`);
    const db = counted.db;
    const results: string[] = [];
    for (const scenario of SCENARIOS) {
      const body: string[][] = [];
      const ratios: number[] = [];
      let firstPass: { statements: string[]; value: LadderPassResult } | undefined;
      let agreement = '';
      for (let round = 1; round <= ROUNDS; round++) {
        await shape(loader, scenario);
        const base = await measure(counted, () => baseline(db));
        const pass = await measure(counted, () => db.transaction((tx) => runLadderPass(tx, { workspaceId: WS, day: TODAY, now: NOW })));
        firstPass ??= pass;
        const byStage = new Map(pass.value.stages.map((s) => [s.stage as string, s.moved]));
        const differ = [...base.value].filter(([stage, n]) => (byStage.get(stage) ?? 0) !== n);
        agreement = differ.length === 0
          ? `the pass moved the same cases per step as the baseline (${[...base.value].map(([s, n]) => `${s} ${fmtInt(n)}`).join(', ')})`
          : `DIFFERS from the baseline on ${differ.map(([s, n]) => `${s} (baseline ${n}, pass ${byStage.get(s) ?? 0})`).join(', ')}`;
        const totals = pass.value.stages.reduce((a, s) => ({ moved: a.moved + s.moved, drafts: a.drafts + s.drafts, proposals: a.proposals + s.proposals }),
          { moved: 0, drafts: 0, proposals: 0 });
        const again = await measure(counted, () => db.transaction((tx) => runLadderPass(tx, { workspaceId: WS, day: TODAY, now: NOW })));
        ratios.push(pass.ms / base.ms);
        body.push([`round ${round}`, fmtMs(base.ms), fmtInt(base.statements.length), fmtMs(pass.ms), fmtInt(pass.statements.length), fmtRatio(pass.ms / base.ms),
          `${fmtInt(totals.moved)} / ${fmtInt(totals.drafts + pass.value.preDue.drafted)} / ${fmtInt(totals.proposals)}`, fmtMs(again.ms), fmtInt(again.statements.length)]);
      }
      print(`\n${scenario.name} (${scenario.what}): ${ROUNDS} round(s); ms, statements sent (postgres.js debug hook: every statement, BEGIN/COMMIT included)`);
      print(table(['', 'baseline', 'stmts', 'pass', 'stmts', 'pass / baseline', 'moved / drafts / proposals', 'second pass', 'stmts'], body));
      print(`moves: ${agreement}`);
      if (opt.breakdown) {
        await shape(loader, scenario);
        print(`\nwhere the time goes (${scenario.name}): each statement of one pass, timed from the client (ms), in a transaction rolled back`);
        const where = await breakdown(db);
        print(table(['ms', 'statement'], where.table));
        for (const plan of where.plans) print(`\n${plan}`);
      }
      if (firstPass) printStatements('statements of one pass', firstPass.statements);
      const ratio = median(ratios);
      results.push(`${scenario.name}: pass / baseline = ${fmtRatio(ratio)} (median of ${ROUNDS}; target ≤ ${fmtRatio(TARGET)}): `
        + `${ratio <= TARGET ? 'meets the target' : `MISS by ${fmtRatio(ratio / TARGET)}`}; ${firstPass?.statements.length ?? 0} statements`);
    }
    print('\nresult (the statements are a fixed list, whatever the number of cases):');
    for (const r of results) print(`  ${r}`);
    print(machineLine());
    print(`bench took ${fmtS(performance.now() - benchStarted)} s`);
  } finally {
    await loader?.end({ timeout: 5 }).catch(() => {});
    await counted?.close().catch(() => {});
    await dbs.dropAll();
  }
}

await main();
