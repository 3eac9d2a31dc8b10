// Shared by the import tests: fixture paths and what a user would look at after
// an import (row counts, balances per currency, cases, timeline).
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { rows, type Database } from '../../src/db/client.ts';
import { ensureWorkspace } from '../../src/db/workspaces.ts';

export const fixture = (path: string): string =>
  fileURLToPath(new URL(`../fixtures/import/${path}`, import.meta.url));

export const FR = ['fr/reglements.csv', 'fr/factures.csv', 'fr/clients.csv'].map(fixture);
export const EN = ['en/customers.csv', 'en/invoices.csv', 'en/payments.csv'].map(fixture);

/** The fixtures' "today": some invoices are overdue, some not yet due. */
export const TODAY = '2026-03-15';

export async function newWorkspace(database: Database, id: string): Promise<string> {
  await ensureWorkspace(database.db, id, { timezone: 'Europe/Paris', locale: 'fr' });
  return id;
}

export interface Snapshot {
  customers: number;
  invoices: number;
  payments: number;
  activities: number;
  cases: { ref: string; status: string }[];
  balances: { ref: string; currency: string; open: number; overdue: number }[];
  paid: { number: string; paid: number; sum: number }[];
}

export async function snapshot(database: Database, ws: string): Promise<Snapshot> {
  const count = async (table: string) =>
    Number((await rows<{ n: number }>(database.db, sql`select count(*)::int as n from ${sql.raw(table)} where workspace_id = ${ws}`))[0]?.n);
  const cases = await rows<{ ref: string; status: string }>(database.db, sql`
    select c.customer_ref as ref, k.status from cases k join customers c on c.id = k.customer_id
    where k.workspace_id = ${ws} order by c.customer_ref, k.id`);
  const balances = await rows<{ ref: string; currency: string; open: string; overdue: string }>(database.db, sql`
    select c.customer_ref as ref, b.currency, b.open_cents as open, b.overdue_cents as overdue
    from customer_balances b join customers c on c.id = b.customer_id
    where b.workspace_id = ${ws} order by c.customer_ref, b.currency`);
  const paid = await rows<{ number: string; paid: string; sum: string }>(database.db, sql`
    select i.invoice_number as number, i.paid_cents as paid,
      (select coalesce(sum(p.amount_cents), 0) from payments p where p.invoice_id = i.id) as sum
    from invoices i where i.workspace_id = ${ws} order by i.invoice_number`);
  return {
    customers: await count('customers'),
    invoices: await count('invoices'),
    payments: await count('payments'),
    activities: await count('activities'),
    cases: cases.map((c) => ({ ref: c.ref, status: c.status })),
    balances: balances.map((b) => ({ ref: b.ref, currency: b.currency, open: Number(b.open), overdue: Number(b.overdue) })),
    paid: paid.map((p) => ({ number: p.number, paid: Number(p.paid), sum: Number(p.sum) })),
  };
}
