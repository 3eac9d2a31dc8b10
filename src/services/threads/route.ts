// Posts for the team channel wait in the outbox until the workspace has one;
// then they go to that channel's poster. Run by the worker every few seconds
// and right after a Slack request wrote something (jobs/case-threads.ts).
import { channelsWithPending, routeToChannel, teamChannel, workspacesWithTeamPosts } from '../../db/channel-posts.ts';
import type { Queryable } from '../../db/client.ts';
import type { PosterKey } from '../../db/poster-lease.ts';

/**
 * Activities that waited longer than this for a team channel start no thread:
 * a channel set after weeks without one gets the open cases' last week, not
 * their whole past. The case header points to the card, which has it all.
 */
export const WAITING_POSTS_KEPT_DAYS = 7;

/**
 * Activities that stay in the timeline (case card, export) but are not posted
 * as such in the thread. The activity trigger (migration 0010) does not queue
 * them; this list keeps any queued otherwise from being posted. stage_set: the ladder put a case on a step without
 * acting (an old ledger imported, a case back from a long pause); posting
 * hundreds of them would be the burst of stale news the catch-up rule exists
 * to avoid. reminder_drafted: the thread gets the draft itself instead, with
 * the same sentence on top (queued by the ladder pass).
 */
export const SILENT_ACTIVITY_KINDS: readonly string[] = ['stage_set', 'reminder_drafted'];

export async function routeWaitingPosts(db: Queryable, workspaceId: string, now: Date): Promise<{ channelId: string | null; routed: number; skipped: number }> {
  const channelId = await teamChannel(db, workspaceId);
  if (!channelId) return { channelId: null, routed: 0, skipped: 0 };
  const since = new Date(now.getTime() - WAITING_POSTS_KEPT_DAYS * 86_400_000);
  return { channelId, ...(await routeToChannel(db, { workspaceId, channelId, since, silentKinds: SILENT_ACTIVITY_KINDS })) };
}

/** Routes whatever waits and can go, then names every channel (and DM) with posts to send. */
export async function postersWithWork(db: Queryable, now: Date, workspaceId?: string): Promise<PosterKey[]> {
  const waiting = workspaceId ? [workspaceId] : await workspacesWithTeamPosts(db);
  for (const id of waiting) await routeWaitingPosts(db, id, now);
  const keys = await channelsWithPending(db, now);
  return workspaceId ? keys.filter((k) => k.workspaceId === workspaceId) : keys;
}
