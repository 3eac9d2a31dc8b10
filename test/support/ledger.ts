// Small ledgers written straight into the tables, for tests that are about
// Slack behaviour rather than import parsing.
import type { Database } from '../../src/db/client.ts';
import { refreshBalances } from '../../src/db/balances.ts';
import { customers, invoices, payments } from '../../src/db/schema.ts';
import { ensureWorkspace } from '../../src/db/workspaces.ts';

export interface LedgerCustomer {
  ref: string;
  name: string;
  kind?: 'b2b' | 'b2c';
  invoices: { number: string; issued: string; due: string; cents: number; currency?: string; paid?: number[]; deliveredOn?: string }[];
}

export async function seedLedger(database: Database, workspaceId: string, today: string, list: LedgerCustomer[]): Promise<Map<string, number>> {
  const db = database.db;
  await ensureWorkspace(db, workspaceId, { timezone: 'Europe/Paris', locale: 'en' });
  const ids = new Map<string, number>();
  await db.transaction(async (tx) => {
    for (const c of list) {
      const [row] = await tx.insert(customers).values({ workspaceId, customerRef: c.ref, name: c.name, kind: c.kind ?? 'b2b' }).returning({ id: customers.id });
      ids.set(c.ref, row!.id);
      for (const inv of c.invoices) {
        const paid = (inv.paid ?? []).reduce((a, b) => a + b, 0);
        const [i] = await tx.insert(invoices).values({
          workspaceId, invoiceNumber: inv.number, customerId: row!.id, issueDate: inv.issued, dueDate: inv.due,
          deliveredOn: inv.deliveredOn, currency: inv.currency ?? 'EUR', amountCents: inv.cents, paidCents: paid,
        }).returning({ id: invoices.id });
        for (const [n, cents] of (inv.paid ?? []).entries()) {
          await tx.insert(payments).values({ workspaceId, invoiceId: i!.id, amountCents: cents, paidOn: inv.issued, reference: `${inv.number}-P${n}` });
        }
      }
    }
    await refreshBalances(tx, { workspaceId, today, actorId: 'import' });
  });
  return ids;
}
