// `relance import [--workspace T…] <files…>`: resolves the workspace, imports
// the files in dependency order, prints the report. Exit codes: 0 all rows
// imported, 1 some rows rejected or a file not imported, 2 nothing done (bad
// arguments, unreadable file, ambiguous or unknown workspace).
import { access, constants, stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Database } from '../db/client.ts';
import { todayIn } from '../domain/dates.ts';
import { importFiles, notRegularFile, unreadableReason } from './import-files.ts';
import { type Output, progressDisplay } from './progress.ts';
import { formatImportReport } from './report.ts';
import { resolveWorkspace, type WorkspaceEnv } from './workspace.ts';
import { camt053Files, runStatementImport } from '../services/statements/import-files.ts';

export interface ImportCommandDeps {
  database: Database;
  env: WorkspaceEnv;
  stdout: Output;
  stderr: Output;
  now: () => Date;
}

export const IMPORT_USAGE = `Usage: relance import [--workspace T0123ABCD] <files…>

Imports customers, invoices and payments from CSV files (comma or semicolon
separated, UTF-8). The header row tells what a file holds:
  customers  customer_ref,name,kind,email,phone,timezone,locale
  invoices   invoice_number,customer_ref,issue_date,due_date,currency,amount[,delivered_on]
  payments   invoice_number,amount,paid_on,reference
Files are imported customers first, then invoices, then payments. Importing a
file again changes nothing; bad rows are listed and the good ones imported.
Bank statements (ISO 20022 camt.053 XML) are imported last: credits are matched
to open invoices and recorded as payments; the others are posted to the team
channel for review. Importing a statement again changes nothing.

--workspace  the Slack team id to import into; may be left out when relance
             has exactly one workspace.`;

export async function runImportCommand(argv: string[], deps: ImportCommandDeps): Promise<number> {
  const { stdout, stderr } = deps;
  let args: { workspace?: string; help?: boolean; files: string[] };
  try {
    const parsed = parseArgs({
      args: argv,
      options: { workspace: { type: 'string', short: 'w' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    });
    args = { ...parsed.values, files: parsed.positionals };
  } catch (e) {
    stderr.write(`relance import: ${(e as Error).message}\n\n${IMPORT_USAGE}\n`);
    return 2;
  }
  if (args.help) {
    stdout.write(`${IMPORT_USAGE}\n`);
    return 0;
  }
  if (args.files.length === 0) {
    stderr.write(`relance import: name at least one CSV file.\n\n${IMPORT_USAGE}\n`);
    return 2;
  }

  // Every file is checked before any is imported: invoices without their customers file would all be rejected.
  const unreadable = (await Promise.all(args.files.map(checkReadable))).filter((m): m is string => m !== null);
  if (unreadable.length) {
    stderr.write(`${unreadable.map((m) => `relance import: ${m}`).join('\n')}\nNothing was imported.\n`);
    return 2;
  }

  const resolved = await resolveWorkspace(deps.database.db, args.workspace, deps.env);
  if (!resolved.ok) {
    stderr.write(`relance import: ${resolved.error}\n`);
    return 2;
  }
  const { workspace, created } = resolved.value;
  if (created) {
    stdout.write(`Created workspace "${workspace.id}" (time zone ${workspace.timezone}).`
      + `${workspace.id === 'local' ? ' To import for a Slack team instead, pass its team id: --workspace T0123ABCD.' : ''}\n`);
  }

  // Bank statements are matched against the invoices: after the CSV files, which may bring them.
  const statementFiles = await camt053Files(args.files);
  const statements = () => runStatementImport(deps, workspace.id, statementFiles);
  args.files = args.files.filter((f) => !statementFiles.includes(f));
  if (args.files.length === 0) return statements();
  const today = todayIn(workspace.timezone, deps.now());
  const progress = progressDisplay(stderr);
  stderr.write(`Importing ${args.files.length === 1 ? args.files[0] : `${args.files.length} files`} into workspace ${workspace.id} (${deps.database.where}), as of ${today}…\n`);
  try {
    const report = await importFiles(deps.database, {
      workspaceId: workspace.id, files: args.files, today, now: deps.now(), onProgress: progress.onProgress,
    });
    progress.stop();
    stdout.write(formatImportReport(report));
    const failed = report.files.some((f) => f.failure !== undefined || f.rejected > 0);
    const statementsCode = statementFiles.length > 0 ? await statements() : 0;
    return failed ? 1 : statementsCode;
  } finally {
    progress.stop();
  }
}

async function checkReadable(path: string): Promise<string | null> {
  try {
    const info = await stat(path);
    const notFile = notRegularFile(path, info);
    if (notFile !== null) return notFile;
    await access(path, constants.R_OK);
    return null;
  } catch (e) {
    return unreadableReason(path, e);
  }
}
