// Each workspace remembers when its ledger last arrived and how, so that
// reminders stop when the ledger stops coming (issue #18 item 5, see
// src/domain/ledger-freshness.ts). Every path that writes the ledger calls
// recordLedgerSync inside its own transaction: the sync is recorded if and
// only if the ledger it vouches for is committed.
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { preparedSql } from '../../db/prepared.ts';
import type { LedgerSyncSource } from '../../domain/ledger-freshness.ts';

export { readLedgerFreshness, readLedgerSync } from '../../db/ledger-sync.ts';
export type { LedgerSync, LedgerSyncSource } from '../../domain/ledger-freshness.ts';

/**
 * Records that the workspace's ledger was synced at `now` by `source`.
 * Several writes within the same minute by the same source record the first
 * one only: the guard counts hours, and skipping the update keeps concurrent
 * API writes from queueing on the workspace row for nothing. A sync never
 * moves the time backwards (a late transaction with an older `now`).
 */
export async function recordLedgerSync(
  tx: Queryable, workspaceId: string, source: Exclude<LedgerSyncSource, 'backfill'>, now: Date,
): Promise<void> {
  const at = now.toISOString();
  // Prepared: every single-record API write runs it.
  await preparedSql(tx, sql`update workspaces set ledger_synced_at = ${at}::timestamptz, ledger_sync_source = ${source}
    where id = ${workspaceId} and (
      ledger_synced_at is null
      or ledger_synced_at < ${at}::timestamptz - interval '1 minute'
      or (ledger_sync_source is distinct from ${source} and ledger_synced_at <= ${at}::timestamptz))`);
}
