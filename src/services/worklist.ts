import { ensureBalancesFresh } from '../db/balances.ts';
import type { Db } from '../db/client.ts';
import { readWorklistPage, worklistTotals, type Worklist, type WorklistQuery } from '../db/worklist.ts';
import { balancesCurrent } from '../domain/balances-day.ts';
import { todayIn } from '../domain/dates.ts';

/**
 * The overdue worklist as of today: balances are rebuilt first if the day has
 * changed at `now`. The page comes with the balances' day, so on the usual
 * request (balances current, totals cached) it is the only statement; a page
 * read from stale balances is read again after the rebuild.
 */
export async function overdueWorklist(db: Db, query: WorklistQuery, now: Date): Promise<Worklist> {
  let page = await readWorklistPage(db, query);
  if (page.balances && !balancesCurrent(page.balances.asOf, todayIn(page.balances.timezone, now))) {
    await ensureBalancesFresh(db, query.workspaceId, now);
    page = await readWorklistPage(db, query);
  }
  return { entries: page.entries, ...(await worklistTotals(db, query, page.version)) };
}
