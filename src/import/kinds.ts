// What a file contains is told by its header row (SPEC §4). Matching is
// forgiving about case, spaces and column order, strict about which columns
// must be there.
import { err, ok, type Result } from '../domain/result.ts';
import { headerCellProblem } from './text-checks.ts';

export type ImportKind = 'customers' | 'invoices' | 'payments';

/** Customers before the invoices that name them, invoices before their payments. */
export const KIND_ORDER: readonly ImportKind[] = ['customers', 'invoices', 'payments'];

interface KindColumns {
  /** The documented header, in order. */
  header: readonly string[];
  /** Columns without which the file cannot be understood; the others may be left out. */
  required: readonly string[];
  /** Accepted beyond the documented header. */
  extra: readonly string[];
}

export const KIND_COLUMNS: Record<ImportKind, KindColumns> = {
  customers: {
    header: ['customer_ref', 'name', 'kind', 'email', 'phone', 'timezone', 'locale'],
    required: ['customer_ref', 'name'],
    extra: ['company_id', 'owner', 'late_rate', 'iban'],
  },
  invoices: {
    header: ['invoice_number', 'customer_ref', 'issue_date', 'due_date', 'currency', 'amount'],
    required: ['invoice_number', 'customer_ref', 'issue_date', 'due_date', 'currency', 'amount'],
    extra: ['delivered_on'],
  },
  payments: {
    header: ['invoice_number', 'amount', 'paid_on', 'reference'],
    required: ['invoice_number', 'amount', 'paid_on', 'reference'],
    extra: [],
  },
};

export interface HeaderMatch {
  kind: ImportKind;
  /** Column name → position in the row, for the columns this kind knows. */
  positions: Map<string, number>;
  width: number;
  /** Header cells that are not a column of this kind; their values are not imported. */
  ignored: string[];
}

export const normaliseColumn = (cell: string): string =>
  cell.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s-]+/g, '_');

export function expectedHeaders(): string {
  return KIND_ORDER.map((k) => {
    const c = KIND_COLUMNS[k];
    const extra = c.extra.length ? ` (optional: ${c.extra.join(', ')})` : '';
    return `  ${k.padEnd(10)} ${c.header.join(',')}${extra}`;
  }).join('\n');
}

export function matchHeader(cells: readonly string[]): Result<HeaderMatch, string> {
  for (const cell of cells) {
    const problem = headerCellProblem(cell);
    if (problem !== null) return err(problem);
  }
  const names = cells.map(normaliseColumn);
  const seen = new Set<string>();
  for (const n of names) {
    if (n && seen.has(n)) return err(`the header names the column "${n}" twice`);
    seen.add(n);
  }
  const candidates = KIND_ORDER.filter((k) => KIND_COLUMNS[k].required.every((c) => seen.has(c)));
  // An invoices header also contains every column customers require only if it
  // carries a "name" column too; the kind that explains more columns wins.
  const known = (k: ImportKind) => [...KIND_COLUMNS[k].header, ...KIND_COLUMNS[k].extra];
  const score = (k: ImportKind) => names.filter((n) => known(k).includes(n)).length;
  const kind = candidates.sort((a, b) => score(b) - score(a))[0];
  if (!kind) {
    return err(`the header row is not one relance knows (${describeMissing(seen)}). Expected one of:\n${expectedHeaders()}`);
  }
  const positions = new Map<string, number>();
  const ignored: string[] = [];
  names.forEach((n, i) => {
    if (known(kind).includes(n)) positions.set(n, i);
    else if (n !== '') ignored.push(cells[i]?.trim() ?? n);
  });
  return ok({ kind, positions, width: cells.length, ignored });
}

/** Names the kind the header looks most like and what it lacks, so a typo is easy to spot. */
function describeMissing(seen: Set<string>): string {
  let best: { kind: ImportKind; missing: string[]; present: number } | undefined;
  for (const kind of KIND_ORDER) {
    const missing = KIND_COLUMNS[kind].required.filter((c) => !seen.has(c));
    const present = KIND_COLUMNS[kind].required.length - missing.length;
    const better = !best || present > best.present || (present === best.present && missing.length < best.missing.length);
    if (present > 0 && better) best = { kind, missing, present };
  }
  if (!best) return 'none of its columns matches';
  return `it looks like ${best.kind} but lacks ${best.missing.map((m) => `"${m}"`).join(', ')}`;
}
