// The demo workspace (T0DEMO) that `relance try`, `relance sandbox` and
// `relance demo seed` share: its team, a ledger loaded through the real
// importer, and five weeks of collections written through the real services.
//
// The ledger goes in as it stood when the story starts (HISTORY_DAYS ago):
// customers, the invoices issued by then and the payments made by then. The
// story follows (src/demo/history.ts), each step at its own moment; then the
// rest of the ledger, as of today, whose payments keep a promise and a plan's
// first instalment, and the day's checks: promises decided, balances rebuilt.
import { sql } from 'drizzle-orm';
import { rows, type Database } from '../db/client.ts';
import { members } from '../db/schema.ts';
import { ensureWorkspace } from '../db/workspaces.ts';
import { addDays, todayIn, zonedTimeToUtc, type IsoDate } from '../domain/dates.ts';
import { DEMO_ADMIN_ID, DEMO_COLLECTOR_ID, DEMO_MANAGER_ID, DEMO_TEAM_ID } from '../emulator/seed.ts';
import { importCsv } from '../import/index.ts';
import { checkWorkspacePromises } from '../../jobs/promise-check.ts';
import { customersCsv, fullDemoLedger, invoicesCsv, paymentsCsv } from './full-ledger.ts';
import { HISTORY_DAYS, writeDemoHistory } from './history.ts';
import { demoLedgerCsv } from './ledger.ts';
import { resetDemoWorkspace } from './reset.ts';

export interface SeedDemoOptions {
  timezone: string;
  locale: 'en' | 'fr';
  now: Date;
  /** Empty the demo workspace first (src/demo/reset.ts), then seed it again. */
  reseed?: boolean;
  say?: (s: string) => void;
  /** `small`: the ten-customer ledger of `relance try`, without history. Default `full`. */
  ledger?: 'full' | 'small';
  /** The slash command, as the story's messages name it. */
  command?: string;
}

export interface SeedDemoResult {
  customers: number;
  invoices: number;
  /** False when the workspace already had invoices and was left as it was. */
  seeded: boolean;
}

async function counts(database: Database): Promise<{ customers: number; invoices: number }> {
  const [row] = await rows<{ customers: number; invoices: number }>(database.db, sql`
    select (select count(*)::int from customers where workspace_id = ${DEMO_TEAM_ID}) as customers,
           (select count(*)::int from invoices where workspace_id = ${DEMO_TEAM_ID}) as invoices`);
  return { customers: Number(row?.customers ?? 0), invoices: Number(row?.invoices ?? 0) };
}

async function load(database: Database, kind: string, text: string, today: string, now: Date, say: (s: string) => void): Promise<void> {
  const report = await importCsv(database, { workspaceId: DEMO_TEAM_ID, fileName: `demo-${kind}.csv`, text, today, now });
  if (report.failure || report.rejected > 0) {
    throw new Error(`the demo ${kind} did not import: ${report.failure ?? report.errors.map((e) => `line ${e.line}: ${e.column}: ${e.reason}`).join('; ')}`);
  }
  say(`  demo ${kind}: ${report.inserted} imported`);
}

/** Seeds the demo workspace once: a workspace that already has invoices is left as it is (unless `reseed`). */
export async function seedDemoWorkspace(database: Database, opts: SeedDemoOptions): Promise<SeedDemoResult> {
  const say = opts.say ?? (() => {});
  if (opts.reseed) await resetDemoWorkspace(database);
  const workspace = await ensureWorkspace(database.db, DEMO_TEAM_ID, { timezone: opts.timezone, locale: opts.locale }, 'Demo');
  await database.db.insert(members).values([
    { workspaceId: DEMO_TEAM_ID, userId: DEMO_ADMIN_ID, role: 'admin' },
    { workspaceId: DEMO_TEAM_ID, userId: DEMO_MANAGER_ID, role: 'manager' },
    { workspaceId: DEMO_TEAM_ID, userId: DEMO_COLLECTOR_ID, role: 'collector' },
  ]).onConflictDoNothing();
  const before = await counts(database);
  if (before.invoices > 0) return { ...before, seeded: false };
  const today = todayIn(workspace.timezone, opts.now);

  if (opts.ledger === 'small') {
    const files = demoLedgerCsv(today);
    for (const [kind, text] of [['customers', files.customers], ['invoices', files.invoices], ['payments', files.payments]] as const) {
      await load(database, kind, text, today, opts.now, say);
    }
    return { ...(await counts(database)), seeded: true };
  }

  try {
    await seedFull(database, workspace.timezone, today, opts);
  } catch (error) {
    // Half a demo would pass for a seeded one next time: empty it again, when the database allows, so the next run starts over.
    await resetDemoWorkspace(database).catch(() => {});
    throw error;
  }
  const after = await counts(database);
  say(`  demo workspace seeded: ${after.customers} customers, ${after.invoices} invoices, five weeks of calls and promises`);
  return { ...after, seeded: true };
}

async function seedFull(database: Database, timezone: string, today: IsoDate, opts: SeedDemoOptions): Promise<void> {
  const ledger = fullDemoLedger(today);
  const start = addDays(today, -HISTORY_DAYS);
  const startedAt = zonedTimeToUtc(start, '08:00', timezone);
  const issuedByThen = ledger.invoices.filter((i) => i.issueDate <= start);
  const paidByThen = ledger.payments.filter((p) => p.paidOn <= start);
  await load(database, 'customers', customersCsv(ledger.customers), start, startedAt, () => {});
  await load(database, 'invoices', invoicesCsv(issuedByThen), start, startedAt, () => {});
  await load(database, 'payments', paymentsCsv(paidByThen), start, startedAt, () => {});

  const story = await writeDemoHistory(database.db, { now: opts.now, command: opts.command ?? '/collect' });

  await load(database, 'invoices', invoicesCsv(ledger.invoices.filter((i) => i.issueDate > start)), today, opts.now, () => {});
  await load(database, 'payments', paymentsCsv([...ledger.payments.filter((p) => p.paidOn > start), ...story.payments]), today, opts.now, () => {});
  await checkWorkspacePromises(database.db, DEMO_TEAM_ID, opts.now);
}
