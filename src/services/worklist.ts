import { ensureBalancesFresh } from '../db/balances.ts';
import type { Db } from '../db/client.ts';
import { loadWorklist, type Worklist, type WorklistQuery } from '../db/worklist.ts';

/** The overdue worklist as of today: balances are rebuilt first if the day has changed at `now`. */
export async function overdueWorklist(db: Db, query: WorklistQuery, now: Date): Promise<Worklist> {
  await ensureBalancesFresh(db, query.workspaceId, now);
  return loadWorklist(db, query);
}
