// `relance import` as a user runs it: which workspace, what is printed, and the
// exit code a script can rely on.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { rows, type Database } from '../../src/db/client.ts';
import { runImportCommand } from '../../src/import/cli.ts';
import { progressDisplay } from '../../src/import/progress.ts';
import { openTestDatabase, type TestDatabase } from '../support/pg.ts';
import { EN, fixture } from './support.ts';

let database: Database;
let testDb: TestDatabase;
let dir: string;

beforeAll(async () => {
  testDb = await openTestDatabase();
  database = testDb.database;
  dir = mkdtempSync(join(tmpdir(), 'relance-import-cli-'));
});

afterAll(async () => {
  await testDb?.close();
  rmSync(dir, { recursive: true, force: true });
});

// Each test starts from an empty ledger: workspaces are what the command reasons about.
afterEach(async () => {
  await database.db.execute(sql.raw(`
    alter table activities disable trigger user;
    alter table letters disable trigger user;
    truncate workspaces, settings, members, customers, invoices, payments, cases, customer_balances,
      tasks, activities, promises, escalations, digest_schedules, digests cascade;
    alter table letters enable trigger user;
    alter table activities enable trigger user;`));
});

class Capture {
  text = '';
  isTTY = false;
  write(s: string) {
    this.text += s;
    return true;
  }
}

async function run(argv: string[], now = new Date('2026-03-15T10:00:00Z')) {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await runImportCommand(argv, {
    database, env: { RELANCE_TZ: 'Europe/Paris', RELANCE_LOCALE: 'fr' }, stdout, stderr, now: () => now,
  });
  return { code, out: stdout.text, err: stderr.text };
}

const workspaceIds = async () =>
  (await rows<{ id: string }>(database.db, sql`select id from workspaces order by id`)).map((w) => w.id);

describe('relance import', () => {
  it('with no workspace yet and no flag, creates "local", says so, imports, and exits 0', async () => {
    const r = await run(EN);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Created workspace "local" (time zone Europe/Paris). To import for a Slack team instead, pass its team id: --workspace T0123ABCD.');
    expect(r.out).toMatch(/✓ .*customers\.csv \(customers\): 3 rows read — 3 new, 0 updated, 0 unchanged, 0 rejected/);
    expect(r.out).toContain('3 files imported into workspace local');
    expect(r.err).toContain('Importing 3 files into workspace local');
    expect(await workspaceIds()).toEqual(['local']);
  });

  it('creates the named workspace on a fresh install', async () => {
    const r = await run(['--workspace', 'T0123ABCD', EN[0]!]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Created workspace "T0123ABCD"');
    expect(await workspaceIds()).toEqual(['T0123ABCD']);
  });

  it('uses the only workspace when none is named', async () => {
    await run(['--workspace', 'T0123ABCD', EN[0]!]);
    const r = await run([EN[1]!]);
    expect(r.code).toBe(0);
    expect(r.out).not.toContain('Created workspace');
    expect(r.out).toMatch(/invoices\.csv \(invoices\): 5 rows read — 5 new/);
  });

  it('asks which workspace when there are several, listing them', async () => {
    await run(['--workspace', 'T0123ABCD', EN[0]!]);
    await database.db.execute(sql`insert into workspaces (id, name) values ('T0999ZZZ', 'Other team')`);
    const r = await run([EN[0]!]);
    expect(r.code).toBe(2);
    expect(r.err).toBe('relance import: relance has 2 workspaces; say which one with --workspace:\n  T0123ABCD\n  T0999ZZZ (Other team)\n');
    const typo = await run(['--workspace', 'T0123ABCE', EN[0]!]);
    expect(typo.code).toBe(2);
    expect(typo.err).toContain('there is no workspace "T0123ABCE". Known workspaces:');
  });

  it('names a missing file and imports nothing', async () => {
    const missing = join(dir, 'nope.csv');
    const r = await run([EN[0]!, missing]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`relance import: cannot read "${missing}": no such file\nNothing was imported.\n`);
    expect(await workspaceIds()).toEqual([]);
  });

  it('refuses a named pipe or a directory before importing anything, and exits 2', async () => {
    const fifo = join(dir, 'pipe.csv');
    execFileSync('mkfifo', [fifo]);
    const folder = join(dir, 'folder.csv');
    mkdirSync(folder);
    const r = await run([EN[0]!, fifo, folder]);
    expect(r.code).toBe(2);
    expect(r.err).toBe([
      `relance import: cannot read "${fifo}": it is a named pipe, not a regular file`,
      `relance import: cannot read "${folder}": it is a directory`,
      'Nothing was imported.',
      '',
    ].join('\n'));
    expect(r.out).toBe('');
    expect(await workspaceIds()).toEqual([]);
  });

  it('exits 1 and lists the bad rows when some were rejected, with the good ones imported', async () => {
    await run(EN);
    const r = await run([fixture('bad/invoices.csv')]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('line 2: issue_date: "31/02/2026" is not a valid date (expected YYYY-MM-DD or dd/mm/yyyy)');
    expect(r.out).toContain('11 rows rejected: fix them and import the file again');
  });

  it('exits 1 when a file is not understood', async () => {
    const r = await run([fixture('bad/unknown-header.csv')]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('not imported — the header row is not one relance knows');
  });

  it('shows usage without files, and on an unknown option', async () => {
    const none = await run([]);
    expect(none.code).toBe(2);
    expect(none.err).toContain('name at least one CSV file');
    expect(none.err).toContain('Usage: relance import [--workspace T0123ABCD] <files…>');
    const bad = await run(['--wrokspace', 'T1', EN[0]!]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("Unknown option '--wrokspace'");
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('payments   invoice_number,amount,paid_on,reference');
  });

  it('ages balances by the workspace\'s own calendar day', async () => {
    await database.db.execute(sql`insert into workspaces (id, timezone) values ('TNZ', 'Pacific/Auckland')`);
    const file = join(dir, 'nz.csv');
    writeFileSync(file, 'customer_ref,name\nNZ1,Kiwi Ltd\n');
    const invoices = join(dir, 'nz-invoices.csv');
    writeFileSync(invoices, 'invoice_number,customer_ref,issue_date,due_date,currency,amount\nNZ-1,NZ1,2026-02-01,2026-03-15,NZD,100\n');
    // 15 March 12:00 UTC is already 16 March in Auckland: the invoice is one day overdue there.
    const r = await run([file, invoices], new Date('2026-03-15T12:00:00Z'));
    expect(r.code).toBe(0);
    expect(r.err).toContain('as of 2026-03-16');
    const [b] = await rows<{ as_of: string; overdue_cents: string }>(database.db, sql`select as_of::text, overdue_cents from customer_balances where workspace_id = 'TNZ'`);
    expect(b).toEqual({ as_of: '2026-03-16', overdue_cents: '10000' });
  });
});

describe('progress display', () => {
  const big = 20 * 1024 * 1024;
  const events = (file: string) => [
    { file, phase: 'reading' as const, bytesRead: big / 10, totalBytes: big, rows: 10_000 },
    { file, phase: 'reading' as const, bytesRead: big / 2, totalBytes: big, rows: 50_000 },
    { file, phase: 'reading' as const, bytesRead: big, totalBytes: big, rows: 100_000 },
    { file, phase: 'writing' as const, bytesRead: big, totalBytes: big, rows: 100_000 },
    { file, phase: 'done' as const, bytesRead: big, totalBytes: big, rows: 100_000 },
  ];

  it('prints a few plain lines for a large file when the output is not a terminal', () => {
    const out = new Capture();
    const { onProgress } = progressDisplay(out);
    for (const e of events('big.csv')) onProgress(e);
    expect(out.text).toBe([
      '  50% read (10.0 of 20.0 MB, 50,000 rows)',
      '  100% read (20.0 of 20.0 MB, 100,000 rows)',
      '  100,000 rows read; writing them to the database…',
      '',
    ].join('\n'));
  });

  it('says when a first load reads its file again, and counts from the start', () => {
    const out = new Capture();
    const { onProgress } = progressDisplay(out);
    const [tenth, half, whole, writing] = events('big.csv');
    for (const e of [tenth!, half!, whole!]) onProgress(e);
    onProgress({ file: 'big.csv', phase: 'rereading', bytesRead: 0, totalBytes: big, rows: 0 });
    for (const e of [tenth!, half!, whole!, writing!]) onProgress(e);
    expect(out.text).toBe([
      '  50% read (10.0 of 20.0 MB, 50,000 rows)',
      '  100% read (20.0 of 20.0 MB, 100,000 rows)',
      '  some rows need a closer look: reading the file again through the staging table…',
      '  50% read (10.0 of 20.0 MB, 50,000 rows)',
      '  100% read (20.0 of 20.0 MB, 100,000 rows)',
      '  100,000 rows read; writing them to the database…',
      '',
    ].join('\n'));
  });

  it('draws a bar on a terminal', () => {
    const out = new Capture();
    out.isTTY = true;
    const { onProgress, stop } = progressDisplay(out);
    for (const e of events('big.csv')) onProgress(e);
    stop();
    expect(out.text).toContain('reading [');
    expect(out.text).toContain('100,000 rows read; writing them to the database…');
  });

  it('stays quiet for small files', () => {
    const out = new Capture();
    const { onProgress } = progressDisplay(out);
    onProgress({ file: 'small.csv', phase: 'reading', bytesRead: 1000, totalBytes: 1000, rows: 10 });
    onProgress({ file: 'small.csv', phase: 'writing', bytesRead: 1000, totalBytes: 1000, rows: 10 });
    expect(out.text).toBe('');
  });
});
