// Reading a workspace's last ledger sync and the freshness guard's verdict
// (src/domain/ledger-freshness.ts). Writing it is recordLedgerSync
// (src/services/intake/ledger-sync.ts), in each ledger writer's transaction.
import { eq, sql } from 'drizzle-orm';
import type { IsoDate } from '../domain/dates.ts';
import { ledgerFreshness, type LedgerFreshness, type LedgerSync } from '../domain/ledger-freshness.ts';
import type { Settings } from '../domain/settings.ts';
import { rows, type Queryable } from './client.ts';
import { workspaces } from './schema.ts';
import { readSettings } from './settings.ts';

/** The workspace's last ledger sync, or null when it never had one. */
export async function readLedgerSync(db: Queryable, workspaceId: string): Promise<LedgerSync | null> {
  const [row] = await db.select({ at: workspaces.ledgerSyncedAt, source: workspaces.ledgerSyncSource })
    .from(workspaces).where(eq(workspaces.id, workspaceId));
  if (!row?.at || !row.source) return null;
  return { at: row.at, source: row.source };
}

/** The guard's verdict for the workspace at `now`; `settings` when the caller has them already. */
export async function readLedgerFreshness(
  db: Queryable, workspaceId: string, now: Date, settings?: Pick<Settings, 'ledgerMaxAge'>,
): Promise<LedgerFreshness> {
  const maxAge = (settings ?? await readSettings(db, workspaceId)).ledgerMaxAge;
  if (maxAge === 'off') return { state: 'off' };
  return ledgerFreshness(await readLedgerSync(db, workspaceId), maxAge, now);
}

/** Whether the workspace's ladder pass of `day` ran while the ledger was held (its ladder_days result says so). */
export async function ladderDayWasHeld(db: Queryable, workspaceId: string, day: IsoDate): Promise<boolean> {
  const [found] = await rows<{ held: boolean }>(db, sql`
    select coalesce((result->>'held')::boolean, false) as held from ladder_days where workspace_id = ${workspaceId} and day = ${day}::date`);
  return found?.held ?? false;
}
