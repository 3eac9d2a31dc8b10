// The statement files of `relance import`: each read in full first (a bad
// file changes nothing and says what is wrong), then imported in its own
// transaction; the report says what became of the lines.
import type { Database } from '../../db/client.ts';
import { formatMoney } from '../../domain/money.ts';
import { Camt053Error, looksLikeCamt053, readCamt053, readHead } from '../../import/camt053.ts';
import { importStatement, type StatementImportReport } from './import-statement.ts';

export interface StatementFileResult {
  file: string;
  report?: StatementImportReport;
  versions?: string[];
  statements?: number;
  notBooked?: number;
  /** Why the file was not imported (nothing of it was). */
  failure?: string;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const RULES = { invoice_number: 'invoice number', amount: 'amount and payer', sum: 'sum of invoices' } as const;

export async function importStatementFiles(
  database: Database, input: { workspaceId: string; files: readonly string[]; now: Date },
): Promise<StatementFileResult[]> {
  const results: StatementFileResult[] = [];
  for (const file of input.files) {
    try {
      const read = await readCamt053(file);
      const report = await importStatement(database, { workspaceId: input.workspaceId, lines: read.lines, fileName: file, now: input.now });
      results.push({ file, report, versions: read.versions, statements: read.statements, notBooked: read.notBooked });
    } catch (e) {
      if (!(e instanceof Camt053Error)) throw e;
      results.push({ file, failure: e.message });
    }
  }
  return results;
}

/** What `relance import` prints for statement files. */
export function formatStatementResults(results: readonly StatementFileResult[]): string {
  const out: string[] = [];
  for (const r of results) {
    if (r.failure !== undefined || !r.report) {
      out.push(`${r.file}: not imported. ${r.failure ?? ''}`);
      continue;
    }
    const p = r.report;
    const matched = p.matched.length;
    out.push(`${r.file} (camt.053.001.${r.versions?.join('/') ?? '?'}, ${plural(r.statements ?? 0, 'statement')}): `
      + `${plural(p.lines, 'entry', 'entries')}, ${matched} matched, ${p.toReview} to review, ${plural(p.reversals, 'reversal')}, `
      + `${plural(p.ignoredDebits, 'ignored debit')}`);
    if (p.alreadyImported > 0) out.push(`  ${plural(p.alreadyImported, 'entry', 'entries')} already imported: unchanged.`);
    if ((r.notBooked ?? 0) > 0) out.push(`  ${plural(r.notBooked ?? 0, 'entry', 'entries')} not booked (pending or information only): not read.`);
    for (const m of p.matched) {
      const paid = m.allocations.map((a) => `${a.invoiceNumber} ${formatMoney({ cents: a.cents, currency: m.currency }, 'en')}`).join(', ');
      out.push(`  paid: ${paid} (${m.reference}, by ${RULES[m.rule]})`);
    }
    if (p.reviewMessages > 0) {
      out.push(`  ${plural(p.toReview, 'credit')} to review: posted to the team channel by the worker (relance start), with Match and Ignore buttons.`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** Of the files named, the bank statements (camt.053 XML, told by content, whatever the extension). */
export async function camt053Files(files: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const file of files) if (looksLikeCamt053(await readHead(file))) found.push(file);
  return found;
}

/** Imports the statement files and prints the report; 1 when a file was not imported, else 0. */
export async function runStatementImport(
  deps: { database: Database; stdout: { write(text: string): unknown }; now: () => Date }, workspaceId: string, files: readonly string[],
): Promise<number> {
  const results = await importStatementFiles(deps.database, { workspaceId, files, now: deps.now() });
  deps.stdout.write(formatStatementResults(results));
  return results.some((r) => r.failure !== undefined) ? 1 : 0;
}
