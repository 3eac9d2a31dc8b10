// The import report as the terminal shows it.
import type { FileReport, ImportReport, RowError } from './types.ts';

const n = (x: number) => x.toLocaleString('en-US');
const plural = (x: number, word: string) => `${n(x)} ${word}${x === 1 ? '' : 's'}`;

export const formatRowError = (e: RowError): string => `line ${e.line}: ${e.column}: ${e.reason}`;

function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export function formatFileReport(f: FileReport): string {
  const title = `${f.file}${f.kind ? ` (${f.kind})` : ''}`;
  if (f.failure) {
    return `✗ ${title}: not imported — ${f.failure}`;
  }
  const mark = f.rejected > 0 ? '!' : '✓';
  const lines = [
    `${mark} ${title}: ${plural(f.rows, 'row')} read — ${n(f.inserted)} new, ${n(f.updated)} updated, `
      + `${n(f.unchanged)} unchanged, ${n(f.rejected)} rejected (${seconds(f.durationMs)})`,
  ];
  if (f.casesOpened || f.casesResolved) {
    lines.push(`  cases: ${n(f.casesOpened)} opened, ${n(f.casesResolved)} resolved`);
  }
  if (f.ignoredColumns.length) {
    lines.push(`  ignored column${f.ignoredColumns.length === 1 ? '' : 's'}: ${f.ignoredColumns.map((c) => `"${c}"`).join(', ')}`);
  }
  for (const e of f.errors) lines.push(`  ${formatRowError(e)}`);
  if (f.moreErrors > 0) lines.push(`  … and ${plural(f.moreErrors, 'more error')}`);
  return lines.join('\n');
}

export function formatImportReport(report: ImportReport): string {
  const parts = report.files.map(formatFileReport);
  const failed = report.files.filter((f) => f.failure).length;
  const rejected = report.files.reduce((s, f) => s + f.rejected, 0);
  if (report.files.length > 1 || failed || rejected) {
    const summary = [`${plural(report.files.length - failed, 'file')} imported into workspace ${report.workspaceId}`];
    if (failed) summary.push(`${plural(failed, 'file')} not imported`);
    if (rejected) summary.push(`${plural(rejected, 'row')} rejected: fix ${rejected === 1 ? 'it' : 'them'} and import the file again (rows already imported are left as they are)`);
    parts.push(summary.join('; '));
  }
  return `${parts.join('\n')}\n`;
}
