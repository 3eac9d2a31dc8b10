// The requests waiting for a decision, a page at a time: how managers review
// a burst of ladder proposals that were listed rather than posted one by one.
import type { Queryable } from '../../db/client.ts';
import { loadBriefs, pendingPage } from '../../db/escalations.ts';
import { LIST_PAGE_SIZE, type PendingList } from '../../slack/blocks/escalation.ts';

/** Page `page` (1-based); past the last page, the last one. */
export async function pendingList(db: Queryable, workspaceId: string, page: number): Promise<PendingList> {
  let wanted = Math.max(1, page);
  let found = await pendingPage(db, workspaceId, { size: LIST_PAGE_SIZE, offset: (wanted - 1) * LIST_PAGE_SIZE });
  if (found.ids.length === 0 && found.total > 0) {
    wanted = Math.ceil(found.total / LIST_PAGE_SIZE);
    found = await pendingPage(db, workspaceId, { size: LIST_PAGE_SIZE, offset: (wanted - 1) * LIST_PAGE_SIZE });
  }
  return { briefs: await loadBriefs(db, workspaceId, found.ids), page: wanted, total: found.total };
}
