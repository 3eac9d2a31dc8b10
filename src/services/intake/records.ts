// What an intake record is, per kind: the JSON shapes the API takes (zod),
// turned into the import's cells. zod checks the shape (fields, types, ISO
// dates, plain decimal amounts); the values themselves go through the
// import's checks, with its messages.
import { z } from 'zod';
import { KIND_COLUMNS, type ImportKind } from '../../import/kinds.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DECIMAL = /^\d{1,15}(\.\d{1,6})?$/;

const text = z.string({ error: (i) => `must be a string (got ${typeOf(i.input)})` });
/** null or "" clears a stored value; a field left out keeps it. */
const clearable = text.nullable();
const isoDate = text.regex(ISO_DATE, { error: (i) => `"${String(i.input)}" is not a date written YYYY-MM-DD` });
/** "1250.00" (a string, decimal point, no grouping) or 1250 / 1250.5 (a JSON number). */
const amount = z.union([
  text.regex(DECIMAL, { error: (i) => `"${String(i.input)}" is not an amount written like 1250.00 (decimal point, no thousands separator)` }),
  z.number().nonnegative().transform((n) => String(n)),
], { error: (i) => `must be an amount such as "1250.00" (got ${typeOf(i.input)})` });
const rate = z.union([text, z.number().transform((n) => String(n))], { error: (i) => `must be a rate in percent such as "12.5" (got ${typeOf(i.input)})` }).nullable();

function typeOf(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? `"${value.slice(0, 40)}"` : `${typeof value} ${JSON.stringify(value)?.slice(0, 40)}`;
}

const customerFields = {
  name: text,
  kind: z.enum(['b2b', 'b2c'], { error: (i) => `${typeOf(i.input)} is not a customer kind (expected "b2b" or "b2c")` }).nullable().optional(),
  email: clearable.optional(),
  phone: clearable.optional(),
  timezone: clearable.optional(),
  locale: clearable.optional(),
  company_id: clearable.optional(),
  owner: clearable.optional(),
  late_rate: rate.optional(),
  iban: clearable.optional(),
};
const invoiceFields = {
  customer_ref: text,
  issue_date: isoDate,
  due_date: isoDate,
  currency: text,
  amount,
  delivered_on: isoDate.nullable().optional(),
};
const paymentFields = {
  invoice_number: text,
  amount,
  paid_on: isoDate,
  reference: text,
};

/** The bodies of the single-record endpoints: the key is in the path (payments: in the body). */
export const customerBody = z.strictObject({ customer_ref: text.optional(), ...customerFields });
export const invoiceBody = z.strictObject({ invoice_number: text.optional(), ...invoiceFields });
export const paymentBody = z.strictObject(paymentFields);

/** The records of bulk NDJSON: each carries its key. */
export const bulkRecord: Record<ImportKind, z.ZodType<Record<string, unknown>>> = {
  customers: z.strictObject({ customer_ref: text, ...customerFields }),
  invoices: z.strictObject({ invoice_number: text, ...invoiceFields }),
  payments: z.strictObject(paymentFields),
};

export const EXAMPLES = {
  customers: {
    customer_ref: 'C-1042', name: 'Boulangerie Martin SARL', kind: 'b2b', email: 'compta@martin.example',
    phone: '+33 1 23 45 67 89', timezone: 'Europe/Paris', locale: 'fr',
  },
  invoices: {
    invoice_number: 'F-2026-0042', customer_ref: 'C-1042', issue_date: '2026-10-01', due_date: '2026-10-31', currency: 'EUR', amount: '1250.00',
  },
  payments: { invoice_number: 'F-2026-0042', amount: '1250.00', paid_on: '2026-11-20', reference: 'VIR-2026-11-20-0042' },
} as const satisfies Record<ImportKind, Record<string, string>>;

/** The key column of each kind, as the import names it. */
export const KEY_COLUMN: Record<ImportKind, string> = { customers: 'customer_ref', invoices: 'invoice_number', payments: 'reference' };

/** Every column a kind knows, in the documented order. */
export const knownColumns = (kind: ImportKind): string[] => [...KIND_COLUMNS[kind].header, ...KIND_COLUMNS[kind].extra];

/** A parsed record's fields as cells: null → '' (clears), numbers already strings. */
export function cellsOf(record: Record<string, unknown>): Map<string, string> {
  const cells = new Map<string, string>();
  for (const [field, value] of Object.entries(record)) {
    if (value === undefined) continue;
    cells.set(field, value === null ? '' : String(value));
  }
  return cells;
}

/** The columns a set of fields makes, in the documented order (the kind's required ones always). */
export function columnsFor(kind: ImportKind, fields: Iterable<string>): string[] {
  const have = new Set([...fields, ...KIND_COLUMNS[kind].required]);
  return knownColumns(kind).filter((c) => have.has(c));
}

/** One zod issue in the import's style: the field, and what was wrong with it. */
export function describeIssue(issue: z.core.$ZodIssue): { column: string; reason: string } {
  const column = issue.path.length > 0 ? issue.path.map(String).join('.') : 'record';
  if (issue.code === 'unrecognized_keys') {
    return { column: issue.keys.join(', '), reason: `${issue.keys.map((k) => `"${k}"`).join(', ')} ${issue.keys.length > 1 ? 'are not fields' : 'is not a field'} of this record` };
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) return { column, reason: 'required value is missing' };
  return { column, reason: issue.message };
}
