// After a large import, the statements that follow in the same transaction
// (the balance rebuild, the next file's joins) are planned from the ledger
// tables' statistics, which still describe them as they were before, or not at
// all on a new database: the planner then expects a few hundred rows of the
// workspace and picks nested loops or sorts over a million rows. Autovacuum
// cannot see uncommitted rows, so the import refreshes them itself.
import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/client.ts';

/** New rows past which a table's statistics are refreshed; below it, sampling costs more than it saves. */
export const FRESH_STATISTICS_AFTER = 10_000;

/** The columns the rebuild and the imports filter, join and group on. */
const PLANNED_COLUMNS = {
  customers: 'workspace_id, id, customer_ref',
  invoices: 'workspace_id, customer_id, invoice_number, currency, due_date',
} as const;

export async function refreshStatistics(tx: Queryable, table: keyof typeof PLANNED_COLUMNS, inserted: number): Promise<void> {
  if (inserted <= FRESH_STATISTICS_AFTER) return;
  await tx.execute(sql.raw(`analyze ${table} (${PLANNED_COLUMNS[table]})`));
}
