// bench/promises: the nightly promise check (jobs/promise-check.ts →
// src/db/promise-verdicts.ts) over 100,000 pending promises and 1,000,000
// payments, against one raw read-only SELECT that computes the same verdicts,
// in the same run. Target: check ≤ 2× the raw statement, with a number of
// statements that does not grow with the promises.
// Run: npx tsx bench/promises.ts [--scale 0.1] [--rounds 3] [--help]
// See bench/README.md for what it measures and the figures it gave.
import { performance } from 'node:perf_hooks';
import { sql, type SQL } from 'drizzle-orm';
import postgres from 'postgres';
import { checkWorkspacePromises } from '../jobs/promise-check.ts';
import { refreshBalances, updatePriorities } from '../src/db/balances.ts';
import { rows, type Db } from '../src/db/client.ts';
import { decidePromises } from '../src/db/promise-verdicts.ts';
import { ensureWorkspace } from '../src/db/workspaces.ts';
import { addDays, todayIn, zonedTimeToUtc, type IsoDate } from '../src/domain/dates.ts';
import { promiseLastDay } from '../src/domain/promises.ts';
import {
  ADMIN_URL_USAGE, benchOptions, measure, openCounted, print, printStatements, rolledBack, timedSteps, timingHandle,
  type Counted, type TimedStatement,
} from './lib/harness.ts';
import { BenchDatabases } from './lib/pg.ts';
import { fmtInt, fmtMs, fmtRatio, fmtS, machineLine, median, table } from './lib/stats.ts';

const USAGE = `npx tsx bench/promises.ts [options]
  --scale X          fraction of the full size: 1 = 100,000 pending promises / 1,000,000 payments (default 1)
  --rounds N         rounds per scenario (default 3): each times the raw SELECT (3 runs, median) then one nightly
                     check, and puts the promises back to pending afterwards (VACUUM ANALYZE before the next round)
  --plans            also print the EXPLAIN (ANALYZE, BUFFERS) plan of each statement of the check
${ADMIN_URL_USAGE}`;

const { opt, scale: SCALE, rounds: ROUNDS, adminUrl } = benchOptions(USAGE, {
  plans: { type: 'boolean', default: false },
});
const PROMISES = Math.max(10, Math.round(100_000 * SCALE));
const PAYMENTS = Math.max(10, Math.round(1_000_000 * SCALE));
// A fifth of the customers have no promise; every customer has about eight invoices.
const CUSTOMERS = Math.round(PROMISES * 1.25);
// A few more promise rows than pending ones: a scenario whose evening keeps some cancels the surplus, so the night has PROMISES pending.
const PROMISE_ROWS = Math.round(PROMISES * 1.1);
const INVOICES = CUSTOMERS * 8;
const TARGET = 2.0;
const DB_NAME = 'relance_bench_promises';
const WS = 'TBENCHPROMISES';
const TIMEZONE = 'Europe/Paris';
const COUNTRY = 'FR';
const GRACE = 1;
// The night the check runs: Tuesday 1 December 2026, 00:05 in Paris.
const TODAY: IsoDate = '2026-12-01';
const NIGHT = zonedTimeToUtc(TODAY, '00:05', TIMEZONE);

// ------------------------------------------------------------------ the ledger

async function loadLedger(db: Db, pg: postgres.Sql): Promise<{ step: string; ms: number }[]> {
  const { steps, step } = timedSteps();
  await ensureWorkspace(db, WS, { timezone: TIMEZONE, locale: 'en' }, 'Bench promises');
  await pg`update workspaces set country = ${COUNTRY} where id = ${WS}`;
  await pg`select setseed(0.1201)`;
  await step(`insert ${fmtInt(CUSTOMERS)} customers`, () => pg.unsafe(`
    insert into customers (workspace_id, customer_ref, name, kind, owner_id)
    select '${WS}', 'C' || lpad(g::text, 7, '0'), 'Customer ' || g, 'b2b', 'U0BENCH' || (g % 8)
    from generate_series(1, ${CUSTOMERS}) g`));
  const [{ base } = { base: 0 }] = await pg<{ base: number }[]>`select (min(id) - 1)::int as base from customers where workspace_id = ${WS}`;
  // Large invoices (5,000–50,000) and small payments: every customer stays overdue, in one currency (a tenth in USD).
  await step(`insert ${fmtInt(INVOICES)} invoices`, () => pg.unsafe(`
    insert into invoices (workspace_id, invoice_number, customer_id, issue_date, due_date, currency, amount_cents)
    select '${WS}', 'INV-' || lpad(g::text, 8, '0'), ${base} + 1 + (g % ${CUSTOMERS}),
      '${TODAY}'::date - 60 - ((g::bigint * 7919) % 400)::int, '${TODAY}'::date - 30 - ((g::bigint * 7919) % 400)::int,
      case when (g % ${CUSTOMERS}) % 10 = 0 then 'USD' else 'EUR' end, 500000 + (g::bigint * 104729) % 4500000
    from generate_series(1, ${INVOICES}) g`));
  const [{ ibase } = { ibase: 0 }] = await pg<{ ibase: number }[]>`select (min(id) - 1)::int as ibase from invoices where workspace_id = ${WS}`;
  await step(`insert ${fmtInt(PAYMENTS)} payments (paid over the last 60 days), paid_cents`, async () => {
    await pg.unsafe(`
      insert into payments (workspace_id, invoice_id, amount_cents, paid_on, reference, source)
      select '${WS}', ${ibase} + 1 + floor(random() * ${INVOICES})::int, 5000 + floor(random() * 195000)::int,
        '${TODAY}'::date - 1 - floor(random() * 60)::int, 'PAY-' || g, 'import'
      from generate_series(1, ${PAYMENTS}) g`);
    await pg.unsafe(`update invoices i set paid_cents = t.total from (select invoice_id, sum(amount_cents)::bigint as total
      from payments where workspace_id = '${WS}' group by invoice_id) t where i.id = t.invoice_id`);
  });
  await step('vacuum analyze', () => pg.unsafe('vacuum analyze'));
  await step('refreshBalances (whole workspace: a case per customer)', () =>
    db.transaction((tx) => refreshBalances(tx, { workspaceId: WS, today: TODAY, actorId: 'import', now: NIGHT })));
  // One pending promise on each of the first cases: 200–3,000 in the customer's currency (its days: see SCENARIOS).
  await step(`insert ${fmtInt(PROMISE_ROWS)} promises, their cases promised; updatePriorities`, async () => {
    await pg.unsafe(`
      with chosen as (select k.id, k.customer_id from cases k where k.workspace_id = '${WS}' order by k.id limit ${PROMISE_ROWS})
      insert into promises (workspace_id, case_id, amount_cents, currency, due_on, taken_by, status, created_at)
      select '${WS}', c.id, 20000 + (c.id * 7919) % 280000,
        (select b.currency from customer_balances b where b.workspace_id = '${WS}' and b.customer_id = c.customer_id order by b.overdue_cents desc limit 1),
        '${TODAY}'::date, 'U0BENCH1', 'pending', '${NIGHT.toISOString()}'::timestamptz
      from chosen c`);
    await pg.unsafe(`update cases set status = 'promised' where id in (select case_id from promises where workspace_id = '${WS}')`);
    // Statistics first: planned on an empty promises table, the priority update joins 100,000 counts in a nested loop.
    await pg.unsafe('analyze promises, cases');
    await db.transaction((tx) => updatePriorities(tx, { workspaceId: WS, today: TODAY }));
  });
  await step('vacuum analyze', () => pg.unsafe('vacuum analyze'));
  return steps;
}

interface Scenario {
  name: string;
  what: string;
  /** SQL expressions of a promise row `p` (its id spreads them): the promised day, and the day it was taken. */
  dueOn: string;
  takenOn: string;
  /**
   * The evening before, the imports of the day kept the promises their payments cover (decidePromises at 18:05,
   * untimed), so the night only has what is left: promises whose grace ended.
   */
  evening: boolean;
}

/**
 * A usual night: promised days spread from 3 days ago to 30 days ahead, each
 * promise taken the day before its promised day, or yesterday for those still
 * to come. The payments already imported kept what they cover when they came
 * (the evening pass), so the night breaks the promises whose grace ended on
 * Monday (Saturday's and Sunday's) and nothing else. Then the worst case: a
 * backlog where every promise is past its grace and nothing was decided (the
 * workers were down for weeks), so the night decides all of them and writes
 * for each.
 */
const SCENARIOS: Scenario[] = [
  {
    name: 'a usual night',
    what: 'promised days from 3 days ago to 30 days ahead',
    dueOn: `'${TODAY}'::date - 3 + ((p.id * 31) % 34)::int`,
    takenOn: `least(p.due_on, '${TODAY}'::date) - 1`,
    evening: true,
  },
  {
    name: 'a backlog: every promise past its grace',
    what: 'promised days from 30 to 3 days ago',
    dueOn: `'${TODAY}'::date - 3 - ((p.id * 31) % 28)::int`,
    takenOn: `p.due_on - 1 - (p.id % 10)::int`,
    evening: false,
  },
];

/**
 * The state before the check: PROMISES pending on the scenario's days (the
 * surplus rows cancelled), their cases promised. The timeline keeps its
 * entries (append-only).
 */
async function shapePromises(db: Db, pg: postgres.Sql, scenario: Scenario): Promise<void> {
  await pg.unsafe(`update promises p set status = 'pending', paid_cents = null, decided_at = null, due_on = ${scenario.dueOn}
    where workspace_id = '${WS}'`);
  await pg.unsafe(`update promises p set created_at = ((${scenario.takenOn})::timestamp + interval '10 hours') at time zone '${TIMEZONE}'
    where workspace_id = '${WS}'`);
  await pg.unsafe(`update cases set status = 'promised' where id in (select case_id from promises where workspace_id = '${WS}')`);
  if (scenario.evening) {
    await pg.unsafe('vacuum analyze promises, cases');
    await db.transaction((tx) => decidePromises(tx, { workspaceId: WS, now: zonedTimeToUtc(addDays(TODAY, -1), '18:05', TIMEZONE) }));
  }
  await pg.unsafe(`update promises set status = 'cancelled' where id in (select id from promises
    where workspace_id = '${WS}' and status = 'pending' order by id offset ${PROMISES})`);
  await pg.unsafe('vacuum analyze promises, cases, customer_balances, activities, channel_posts');
}

// ------------------------------------------------------------------ the baseline

/**
 * The same verdicts in one read-only statement: each pending promise, the sum
 * of its customer's payments in its currency from the day it was taken to its
 * last day (promised day + grace, from the same calendar), kept / broken /
 * still pending. Summed per verdict, so its cost is the computing, not the
 * transfer of 100,000 rows.
 */
function rawVerdicts(days: IsoDate[], perPromise: boolean): SQL {
  const lastDays = days.map((d) => promiseLastDay(d, GRACE, COUNTRY));
  const body = sql`
    with deadline (due_on, last_day) as (select * from unnest(${`{${days.join(',')}}`}::date[], ${`{${lastDays.join(',')}}`}::date[])),
    candidates as (
      select p.id, k.customer_id, p.amount_cents, p.currency, d.last_day, (p.created_at at time zone ${TIMEZONE})::date as taken_on
      from promises p join cases k on k.id = p.case_id join deadline d on d.due_on = p.due_on
      where p.workspace_id = ${WS} and p.status = 'pending'
    ), verdicts as (
      select q.id, coalesce(sum(y.amount_cents), 0) as paid_cents,
        case when coalesce(sum(y.amount_cents), 0) >= q.amount_cents then 'kept'
          when q.last_day < ${TODAY}::date then 'broken' else 'pending' end as verdict
      from candidates q
      left join invoices i on i.workspace_id = ${WS} and i.customer_id = q.customer_id and i.currency = q.currency
      left join payments y on y.invoice_id = i.id and y.paid_on between q.taken_on and q.last_day
      group by q.id, q.amount_cents, q.last_day
    )`;
  return perPromise
    ? sql`${body} select id, verdict, paid_cents from verdicts`
    : sql`${body} select verdict, count(*)::int as promises, sum(paid_cents)::bigint as paid_cents from verdicts group by verdict order by verdict`;
}

// ------------------------------------------------------------------ where the time goes

/**
 * The check's statements one by one, timed from the client: decidePromises in
 * a transaction that is rolled back at the end, through a handle that times
 * every execute (readSettings goes through select and is not listed).
 */
async function breakdown(db: Db, plans: string[]): Promise<string[][]> {
  const timed: TimedStatement[] = [];
  await rolledBack(db, (tx) => decidePromises(timingHandle(tx, timed, opt.plans), { workspaceId: WS, now: NIGHT, onlyWhenDue: true }));
  plans.push(...timed.flatMap((x) => (x.plan ? [x.plan] : [])));
  return timed.map((x) => [fmtMs(x.ms), x.text]);
}

// ------------------------------------------------------------------ the bench

async function main(): Promise<void> {
  const benchStarted = performance.now();
  // The check's own "today" is the workspace's date at NIGHT: the ledger is built around it.
  if (todayIn(TIMEZONE, NIGHT) !== TODAY) throw new Error(`${NIGHT.toISOString()} is not on ${TODAY} in ${TIMEZONE}`);
  print(`bench/promises — the nightly promise check vs one raw SELECT of the same verdicts: ${fmtInt(PROMISES)} pending promises, `
    + `${fmtInt(PAYMENTS)} payments, ${fmtInt(INVOICES)} invoices, ${fmtInt(CUSTOMERS)} customers (scale ${SCALE})`);
  print(machineLine());
  const dbs = new BenchDatabases(adminUrl);
  let counted: Counted | undefined;
  let loader: postgres.Sql | undefined;
  try {
    const url = await dbs.createMigrated(DB_NAME);
    counted = openCounted(url);
    loader = postgres(url, { max: 1, onnotice: () => {} });
    const steps = await loadLedger(counted.db, loader);
    print(`\nledger in ${DB_NAME}, as of ${TODAY} (${TIMEZONE}, ${COUNTRY} holidays, grace ${GRACE} business day):`);
    for (const s of steps) print(`  ${fmtS(s.ms).padStart(6)} s  ${s.step}`);
    const [size] = await rows<{ size: string; activities: number }>(counted.db, sql`
      select pg_size_pretty(pg_database_size(current_database())) as size, (select count(*) from activities)::int as activities`);
    print(`  database ${size?.size}, ${fmtInt(size?.activities ?? 0)} activities`);

    const db = counted.db;
    const results: string[] = [];
    for (const scenario of SCENARIOS) {
      await shapePromises(db, loader, scenario);
      const days = (await rows<{ d: string }>(db, sql`select distinct to_char(due_on, 'YYYY-MM-DD') as d from promises where workspace_id = ${WS}`)).map((r) => r.d);
      const raw = rawVerdicts(days, false);
      const body: string[][] = [];
      const ratios: number[] = [];
      let firstCheck: { ms: number; statements: string[] } | undefined;
      let agreement = '';
      for (let round = 1; round <= ROUNDS; round++) {
        if (round > 1) await shapePromises(db, loader, scenario);
        // The raw statement, warm: 3 runs, median; then its per-promise form, untimed, to check the check against it.
        const rawRuns = [];
        for (let i = 0; i < 3; i++) rawRuns.push(await measure(counted, () => rows<{ verdict: string; promises: number; paid_cents: string }>(db, raw)));
        const rawMs = median(rawRuns.map((r) => r.ms));
        const expected = await rows<{ id: string; verdict: string; paid_cents: string }>(db, rawVerdicts(days, true));

        const check = await measure(counted, () => checkWorkspacePromises(db, WS, NIGHT));
        firstCheck ??= check;
        const decided = await rows<{ id: string; status: string; paid_cents: string | null }>(db, sql`
          select id, status, paid_cents from promises where workspace_id = ${WS}`);
        const now = new Map(decided.map((p) => [String(p.id), p]));
        const mismatches = expected.filter((e) => {
          const p = now.get(String(e.id));
          return !p || e.verdict !== p.status || (p.status !== 'pending' && Number(e.paid_cents) !== Number(p.paid_cents));
        }).length;
        const counts = rawRuns[0]!.value.map((r) => `${r.verdict} ${fmtInt(r.promises)}`).join(', ');
        agreement = `${fmtInt(expected.length)} pending promises, ${mismatches === 0 ? 'every verdict and paid amount as the raw SELECT gives' : `${fmtInt(mismatches)} DIFFER from the raw SELECT`} (${counts})`;

        const again = await measure(counted, () => checkWorkspacePromises(db, WS, NIGHT));
        ratios.push(check.ms / rawMs);
        body.push([`round ${round}`, fmtMs(rawMs), fmtInt(rawRuns[0]!.statements.length), fmtMs(check.ms), fmtInt(check.statements.length),
          fmtRatio(check.ms / rawMs), `${fmtInt(check.value.kept)} / ${fmtInt(check.value.broken)}`, fmtMs(again.ms), fmtInt(again.statements.length)]);
      }
      print(`\n${scenario.name} (${scenario.what}): ${ROUNDS} round(s); ms, statements sent (postgres.js debug hook: every statement, BEGIN/COMMIT included)`);
      print(table(['', 'raw SELECT', 'stmts', 'nightly check', 'stmts', 'check / raw', 'kept / broken', 'second check', 'stmts'], body));
      print(`verdicts: ${agreement}`);
      if (scenario === SCENARIOS[0]) printStatements('statements of one nightly check', firstCheck!.statements);
      await shapePromises(db, loader, scenario);
      print(`\nwhere the time goes (${scenario.name}): each statement of decidePromises, timed alone (ms), in a transaction rolled back`);
      const plans: string[] = [];
      print(table(['ms', 'statement'], await breakdown(db, plans)));
      for (const plan of plans) print(`\n${plan}`);
      const ratio = median(ratios);
      results.push(`${scenario.name}: nightly check / raw SELECT = ${fmtRatio(ratio)} (median of ${ROUNDS}; target ≤ ${fmtRatio(TARGET)}): `
        + `${ratio <= TARGET ? 'meets the target' : `misses it by ${fmtRatio(ratio / TARGET)}`}; ${firstCheck!.statements.length} statements`);
    }
    print('\nresult (the statements are a fixed list, whatever the number of promises):');
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
