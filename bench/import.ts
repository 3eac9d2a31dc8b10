// bench/import: `relance import` of 1,000,000 invoices for 100,000 customers,
// as a user runs it (the CLI in its own process), against `psql \copy` of the
// same file into a bare table, in the same run. Target: ≤ 2.0× the \copy time.
// Run: npx tsx bench/import.ts [--scale 0.1] [--rounds 3] [--help]
// See bench/README.md for what it measures and the figures it gave.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import { todayIn } from '../src/domain/dates.ts';
import { importFiles, type ImportFiles } from './lib/import-files.ts';
import { sampleActivity } from './lib/pg-activity.ts';
import { ADMIN_URL_USAGE, benchOptions, print } from './lib/harness.ts';
import { BenchDatabases } from './lib/pg.ts';
import { MAXRSS_IMPORT, runTimed, type TimedRun } from './lib/spawn.ts';
import { fmtInt, fmtRatio, fmtS, machineLine, median, table } from './lib/stats.ts';

const USAGE = `npx tsx bench/import.ts [options]
  --scale X          fraction of the full size: 1 = 1,000,000 invoices / 100,000 customers (default 1)
  --rounds N         measured rounds (default 3); each: \\copy, relance invoices alone, \\copy,
                     relance customers+invoices, re-import of the invoices
  --vacuum-first     before each invoices-alone import, VACUUM ANALYZE the whole database, the
                     still-empty invoices table included (as vacuumdb or a managed database's
                     maintenance would): shows what the invoice insert does when the table's
                     statistics say "empty"
  --skip-stages      skip the extra, unmeasured import that samples pg_stat_activity to show
                     which statements the time goes to
${ADMIN_URL_USAGE}`;

const { opt, scale: SCALE, rounds: ROUNDS, adminUrl } = benchOptions(USAGE, {
  'skip-stages': { type: 'boolean', default: false },
  'vacuum-first': { type: 'boolean', default: false },
});
const CUSTOMERS = Math.max(10, Math.round(100_000 * SCALE));
const INVOICES = Math.max(10, Math.round(1_000_000 * SCALE));
const TARGET = 2.0;
const WORKSPACE = 'TBENCH';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const relanceBin = join(repoRoot, 'src/cli/relance.mjs');
const dataDir = fileURLToPath(new URL(`./.data/import-${CUSTOMERS}c-${INVOICES}i/`, import.meta.url));
const indent = (text: string, by = '    ') => text.split('\n').filter((l) => l.trim() !== '').map((l) => `${by}${l}`).join('\n');

// ------------------------------------------------------------------ the commands

/** `relance import` exactly as a user types it, in its own process; its peak RSS reported at exit. */
function relanceImport(url: string, files: string[]): Promise<TimedRun> {
  return runTimed(process.execPath, [MAXRSS_IMPORT, relanceBin, 'import', '--workspace', WORKSPACE, ...files], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: url },
  });
}

function checked(what: string, run: TimedRun): TimedRun {
  if (run.code !== 0) {
    throw new Error(`${what} exited with ${run.code ?? run.signal}:\n${indent(run.stdout)}\n${indent(run.stderr)}`);
  }
  return run;
}

/** What a customers import writes to, and what an invoices import adds (balances, cases, their activities). */
const CUSTOMER_TABLES = ['customers'];
const INVOICE_TABLES = ['invoices', 'customer_balances', 'cases', 'activities'];

const BARE_TABLE = `create table bare_invoices (invoice_number text, customer_ref text, issue_date text, due_date text, currency text, amount text)`;

/** The baseline: psql's \copy of the same file into a bare table (no index, no constraint), created fresh. */
async function copyBaseline(copyUrl: string, file: string): Promise<TimedRun> {
  const sql = postgres(copyUrl, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe('drop table if exists bare_invoices');
    await sql.unsafe(BARE_TABLE);
  } finally {
    await sql.end({ timeout: 5 });
  }
  const command = `\\copy bare_invoices from '${file.replace(/'/g, "''")}' with (format csv, header true)`;
  return checked('psql \\copy', await runTimed('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', copyUrl, '-c', command]));
}

/**
 * Untimed: what autovacuum would do after a bulk load, so that it does not run
 * during the next measurement. Only the tables the import filled: autovacuum
 * never visits a table nothing was written to, and an empty invoices table
 * that has been vacuumed plans differently (see bench/README.md).
 */
async function vacuumAnalyze(url: string, tables: string[]): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(opt['vacuum-first'] ? 'vacuum analyze' : `vacuum analyze ${tables.join(', ')}`);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

// ------------------------------------------------------------------ reading the importer's output

interface FileLine {
  file: string;
  rows: number;
  seconds: number;
  line: string;
}

/** The report lines `✓ invoices.csv (invoices): 1,000,000 rows read — … (159.0 s)`. */
function reportedFiles(run: TimedRun): FileLine[] {
  const out: FileLine[] = [];
  for (const line of run.stdout.split('\n')) {
    const m = /^[✓!✗] (.+?) \((\w+)\): ([\d,]+) rows? read .*\(([\d.]+) (s|ms)\)$/.exec(line);
    if (m) out.push({ file: m[2]!, rows: Number(m[3]!.replace(/,/g, '')), seconds: Number(m[4]) / (m[5] === 'ms' ? 1000 : 1), line });
  }
  return out;
}

interface Stages {
  /** Spawn → "Importing …" on stderr: Node + tsx start, connect, migrations check, workspace. */
  startMs: number;
  /** → "N rows read; writing them…": read, parse, check and COPY into the staging table. */
  readMs: number;
  /** → the report on stdout: database-side checks, insert/update, balances and cases, commit. */
  writeMs: number;
  /** → exit: closing the connection pool, process exit. */
  exitMs: number;
}

/** The importer's stages, from when its own progress lines arrived (no instrumentation in the child). */
function stagesOf(run: TimedRun): Stages | null {
  const at = (re: RegExp) => run.lines.find((l) => re.test(l.text))?.at;
  const started = at(/^Importing /);
  const writing = at(/rows read; writing them to the database/);
  const report = at(/^[✓!✗] /);
  if (started === undefined || writing === undefined || report === undefined) return null;
  return { startMs: started, readMs: writing - started, writeMs: report - writing, exitMs: run.ms - report };
}

const mb = (kb: number | undefined) => (kb === undefined ? '—' : `${(kb / 1024).toFixed(0)} MB`);

// ------------------------------------------------------------------ the bench

interface Round {
  copy: TimedRun;
  customers: TimedRun;
  invoices: TimedRun;
  copy2: TimedRun;
  both: TimedRun;
  reimport: TimedRun;
}

async function round(n: number, dbs: BenchDatabases, files: ImportFiles, copyUrl: string, template: string): Promise<Round> {
  print(`\nround ${n}/${ROUNDS}`);
  const copy = await copyBaseline(copyUrl, files.invoicesCsv);
  print(`  A  psql \\copy invoices.csv → bare table            ${fmtS(copy.ms).padStart(6)} s`);

  // Invoices alone: a fresh database, customers imported first (its own, printed, run).
  const invDb = `relance_bench_import_r${n}_invoices`;
  const invUrl = await dbs.create(invDb, template);
  const customers = checked('relance import customers.csv', await relanceImport(invUrl, [files.customersCsv]));
  await vacuumAnalyze(invUrl, CUSTOMER_TABLES);
  print(`     (relance import customers.csv, fresh database      ${fmtS(customers.ms).padStart(6)} s)`);
  const invoices = checked('relance import invoices.csv', await relanceImport(invUrl, [files.invoicesCsv]));
  await dbs.drop(invDb);
  const st = stagesOf(invoices);
  print(`  B  relance import invoices.csv                       ${fmtS(invoices.ms).padStart(6)} s   ${fmtRatio(invoices.ms / copy.ms)} the \\copy`
    + `   peak RSS ${mb(invoices.maxRssKb)}`);
  if (st) {
    print(`     start ${fmtS(st.startMs)} s · read+check+stage ${fmtS(st.readMs)} s · write+balances+commit ${fmtS(st.writeMs)} s · exit ${fmtS(st.exitMs)} s`);
  }
  print(indent(invoices.stdout, '     | '));

  const copy2 = await copyBaseline(copyUrl, files.invoicesCsv);
  print(`  A  psql \\copy invoices.csv → bare table            ${fmtS(copy2.ms).padStart(6)} s`);

  // Customers + invoices in one command, as a first import.
  const fullDb = `relance_bench_import_r${n}_full`;
  const fullUrl = await dbs.create(fullDb, template);
  const both = checked('relance import customers.csv invoices.csv', await relanceImport(fullUrl, [files.customersCsv, files.invoicesCsv]));
  print(`  C  relance import customers.csv invoices.csv         ${fmtS(both.ms).padStart(6)} s   ${fmtRatio(both.ms / copy2.ms)} the \\copy`
    + `   peak RSS ${mb(both.maxRssKb)}`);
  print(indent(both.stdout, '     | '));

  // The same invoices again into the same database: nothing changes.
  await vacuumAnalyze(fullUrl, [...CUSTOMER_TABLES, ...INVOICE_TABLES]);
  const reimport = checked('relance import invoices.csv (again)', await relanceImport(fullUrl, [files.invoicesCsv]));
  await dbs.drop(fullDb);
  const unchanged = reportedFiles(reimport)[0];
  print(`  D  relance import invoices.csv again (re-import)     ${fmtS(reimport.ms).padStart(6)} s   peak RSS ${mb(reimport.maxRssKb)}`);
  print(indent(reimport.stdout, '     | '));
  if (unchanged && !/ 0 new, 0 updated, /.test(unchanged.line)) print('     ! the re-import changed rows: it should not');
  return { copy, customers, invoices, copy2, both, reimport };
}

/** One more invoices import, not part of the figures, with pg_stat_activity sampled to see which statements take the time. */
async function stageProfile(dbs: BenchDatabases, files: ImportFiles, template: string): Promise<void> {
  print('\nwhere the time goes (an extra invoices.csv import, not in the figures above: pg_stat_activity sampled every 50 ms)');
  const name = 'relance_bench_import_stages';
  const url = await dbs.create(name, template);
  checked('relance import customers.csv', await relanceImport(url, [files.customersCsv]));
  await vacuumAnalyze(url, CUSTOMER_TABLES);
  const sampler = sampleActivity(dbs.sql(), name, 50);
  const run = checked('relance import invoices.csv', await relanceImport(url, [files.invoicesCsv]));
  const profile = await sampler.stop();
  await dbs.drop(name);
  print(`  total ${fmtS(run.ms)} s (spawn to exit); the importer's progress lines, as they arrived:`);
  for (const l of run.lines) if (l.text.trim()) print(`    +${fmtS(l.at).padStart(6)} s  ${l.stream === 'stdout' ? '> ' : ''}${l.text}`);
  print(`    +${fmtS(run.ms).padStart(6)} s  (exit)`);
  print(`  in PostgreSQL (${profile.samples} samples; "idle in transaction" = Node reading, checking and sending rows between statements):`);
  const total = run.ms;
  const shown = profile.byLabel.filter((x) => x.ms >= total * 0.005);
  print(indent(table(['s', '% of run', 'statement'], shown.map((x) => [fmtS(x.ms), `${((x.ms / total) * 100).toFixed(1)} %`, x.label])), '    '));
  const seen = profile.byLabel.reduce((s, x) => s + x.ms, 0);
  print(`    ${fmtS(total - seen)} s with no statement of relance running (process start, parsing between COPY chunks, connection close)`);
}

async function main(): Promise<void> {
  const benchStarted = performance.now();
  print(`bench/import — relance import vs psql \\copy, ${fmtInt(INVOICES)} invoices / ${fmtInt(CUSTOMERS)} customers (scale ${SCALE})`);
  print(machineLine());
  const today = todayIn(process.env.RELANCE_TZ || 'Europe/Paris', new Date());
  const files = await importFiles(dataDir, { customers: CUSTOMERS, invoices: INVOICES }, today);
  const size = `customers.csv ${(files.bytes.customers / 1e6).toFixed(1)} MB, invoices.csv ${(files.bytes.invoices / 1e6).toFixed(1)} MB`;
  print(files.reused
    ? `files: reusing ${files.dir} (generated on ${files.anchor} with the same parameters; ${size})`
    : `files: generated in ${fmtS(files.generateMs)} s into ${files.dir} (${size})`);

  const dbs = new BenchDatabases(adminUrl);
  try {
    const template = 'relance_bench_import_template';
    await dbs.createMigrated(template);
    const copyUrl = await dbs.create('relance_bench_import_copy');
    // tsx compiles the sources on first use and caches them: that first-run cost is not an import's.
    const warm = await dbs.create('relance_bench_import_warmup', template);
    checked('relance import --help', await relanceImport(warm, ['--help']));
    await dbs.drop('relance_bench_import_warmup');
    print(`databases: a fresh copy of ${template} (migrated with migrateDatabase) for every relance run; \\copy into relance_bench_import_copy`);
    if (opt['vacuum-first']) print('--vacuum-first: the whole database is vacuumed (empty invoices table included) before each invoices-alone import');

    const rounds: Round[] = [];
    for (let n = 1; n <= ROUNDS; n++) rounds.push(await round(n, dbs, files, copyUrl, template));
    if (!opt['skip-stages']) await stageProfile(dbs, files, template);

    // ---------------------------------------------------------------- summary
    const col = (f: (r: Round) => number) => rounds.map(f);
    const secs = (f: (r: Round) => number) => [...col(f).map(fmtS), fmtS(median(col(f)))];
    const ratios = col((r) => r.invoices.ms / r.copy.ms);
    const ratiosBoth = col((r) => r.both.ms / r.copy2.ms);
    const rss = col((r) => r.invoices.maxRssKb ?? NaN);
    const rows: string[][] = [
      ['psql \\copy invoices.csv → bare table (A)', ...secs((r) => r.copy.ms)],
      ['relance import invoices.csv (B)', ...secs((r) => r.invoices.ms)],
      ['  ratio B / A', ...ratios.map(fmtRatio), fmtRatio(median(ratios))],
      ['psql \\copy again (A)', ...secs((r) => r.copy2.ms)],
      ['relance import customers.csv invoices.csv (C)', ...secs((r) => r.both.ms)],
      ['  ratio C / A', ...ratiosBoth.map(fmtRatio), fmtRatio(median(ratiosBoth))],
      ['re-import invoices.csv, nothing changes (D)', ...secs((r) => r.reimport.ms)],
      ['(relance import customers.csv alone)', ...secs((r) => r.customers.ms)],
    ];
    print(`\nsummary, seconds from spawn to exit (${ROUNDS} rounds; last column: median; ratios: median of the per-round ratios)`);
    print(table(['', ...rounds.map((_, i) => `round ${i + 1}`), 'median'], rows));
    const copyMs = median(col((r) => r.copy.ms));
    const invMs = median(col((r) => r.invoices.ms));
    const stages = rounds.map((r) => stagesOf(r.invoices)).filter((s): s is Stages => s !== null);
    print('');
    print(`rows/s: \\copy ${fmtInt(INVOICES / (copyMs / 1000))}, relance first import ${fmtInt(INVOICES / (invMs / 1000))}, `
      + `re-import ${fmtInt(INVOICES / (median(col((r) => r.reimport.ms)) / 1000))}`);
    if (stages.length) {
      const m = (f: (s: Stages) => number) => fmtS(median(stages.map(f)));
      print(`relance invoices.csv stages (median): start ${m((s) => s.startMs)} s, read+check+stage ${m((s) => s.readMs)} s, `
        + `write+balances+commit ${m((s) => s.writeMs)} s, exit ${m((s) => s.exitMs)} s`);
    }
    print(`peak RSS of relance import invoices.csv: ${mb(median(rss))} (median; customers+invoices: ${mb(median(col((r) => r.both.maxRssKb ?? NaN)))})`);
    const ratio = median(ratios);
    print(`\nresult: relance import invoices.csv = ${fmtRatio(ratio)} the psql \\copy time (median of ${ROUNDS} rounds; target ≤ ${fmtRatio(TARGET)}): `
      + `${ratio <= TARGET ? 'meets the target' : `misses the target by ${fmtRatio(ratio / TARGET)}`}`);
    print(machineLine());
    print(`bench took ${fmtS(performance.now() - benchStarted)} s`);
  } finally {
    await dbs.dropAll();
  }
}

await main();
