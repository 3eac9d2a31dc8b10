// The outbox of messages relance posts at Slack's pace (channel_posts).
//
// For features: `enqueueChannelPost` queues a message, in the caller's
// transaction, for the team channel, a case's thread, another channel or a
// person's DM; a worker posts it within seconds, in order, at about one message
// a second per channel, exactly once whatever crashes (see
// src/services/threads/drain.ts), and `findChannelPost` tells where it landed.
// Activities need nothing of this: a trigger queues every new activity of a
// case for its thread.
import { and, asc, eq, isNotNull, ne, sql } from 'drizzle-orm';
import { rows, type Queryable } from './client.ts';
import type { PosterKey } from './poster-lease.ts';
import { channelPosts, digestSchedules, workspaces } from './schema.ts';
import { readSettings } from './settings.ts';

export type ChannelPost = typeof channelPosts.$inferSelect;

export type ChannelPostTarget =
  | { to: 'team' }
  /** In the case's thread in the team channel (its header is posted first when it has none). */
  | { to: 'case_thread'; caseId: number }
  | { to: 'channel'; channelId: string }
  /** A direct message from the bot. */
  | { to: 'user'; userId: string };

export interface QueuedMessage {
  workspaceId: string;
  target: ChannelPostTarget;
  /** mrkdwn; data in it must already be escaped (build it with the translator). */
  text: string;
  blocks?: unknown[];
  /** The same key twice in a workspace queues one message: retries of the caller are safe. */
  key?: string;
  now: Date;
}

/** Queues a message; returns its id (the existing one for a key already queued). */
export async function enqueueChannelPost(db: Queryable, message: QueuedMessage): Promise<number> {
  const { target } = message;
  const channelId = target.to === 'channel' ? target.channelId : target.to === 'user' ? target.userId : null;
  const [queued] = await db.insert(channelPosts).values({
    workspaceId: message.workspaceId, kind: 'message', channelId, team: target.to === 'team' || target.to === 'case_thread',
    caseId: target.to === 'case_thread' ? target.caseId : null,
    payload: { text: message.text, ...(message.blocks ? { blocks: message.blocks } : {}) },
    dedupeKey: message.key ?? null, createdAt: message.now,
  }).onConflictDoNothing().returning({ id: channelPosts.id });
  if (queued) return queued.id;
  const [existing] = await db.select({ id: channelPosts.id }).from(channelPosts)
    .where(and(eq(channelPosts.workspaceId, message.workspaceId), eq(channelPosts.dedupeKey, message.key ?? '')));
  if (!existing) throw new Error('a queued message vanished between insert and select');
  return existing.id;
}

export interface ChannelPostState {
  status: ChannelPost['status'];
  /** Null while it waits for the team channel; a user id for a DM. */
  channelId: string | null;
  messageTs: string | null;
}

export async function findChannelPost(db: Queryable, workspaceId: string, id: number): Promise<ChannelPostState | null> {
  const [row] = await db.select({ status: channelPosts.status, channelId: channelPosts.channelId, messageTs: channelPosts.messageTs })
    .from(channelPosts).where(and(eq(channelPosts.workspaceId, workspaceId), eq(channelPosts.id, id)));
  return row ?? null;
}

// ---------------------------------------------------------------------------
// Routing: posts for the team channel wait (channel_id null) until there is one.

/**
 * The team channel: the `channel` setting, else workspaces.team_channel_id,
 * else the first channel given a digest. Null: nothing is posted, nothing is lost.
 */
export async function teamChannel(db: Queryable, workspaceId: string): Promise<string | null> {
  const settings = await readSettings(db, workspaceId);
  if (settings.channel) return settings.channel;
  const [workspace] = await db.select({ channelId: workspaces.teamChannelId }).from(workspaces).where(eq(workspaces.id, workspaceId));
  if (workspace?.channelId) return workspace.channelId;
  const [first] = await db.select({ channelId: digestSchedules.channelId }).from(digestSchedules)
    .where(eq(digestSchedules.workspaceId, workspaceId)).orderBy(asc(digestSchedules.createdAt), asc(digestSchedules.channelId)).limit(1);
  return first?.channelId ?? null;
}

/** Workspaces with team-channel posts not begun: waiting for a channel, or maybe for one that changed. */
export async function workspacesWithTeamPosts(db: Queryable): Promise<string[]> {
  const found = await rows<{ workspace_id: string }>(db, sql`
    select distinct workspace_id from channel_posts where status = 'pending' and team and post_started_at is null`);
  return found.map((r) => r.workspace_id);
}

/**
 * Sends a workspace's waiting posts to its team channel, and those queued for
 * an earlier team channel and not begun yet (a poster marks a post begun only
 * while it is still in its channel, so a post moves or goes out, never both).
 * An activity post of a case that has no thread there yet is skipped when the
 * case is closed or the activity is older than `since`: a channel set after
 * weeks without one gets the open cases' recent activity, not their whole past
 * (the case header points to the card, which has every activity).
 */
export async function routeToChannel(db: Queryable, input: {
  workspaceId: string; channelId: string; since: Date;
  /** Activity kinds that are never posted (see src/services/threads/route.ts). */
  silentKinds?: readonly string[];
}): Promise<{ routed: number; skipped: number }> {
  const { workspaceId: ws, channelId: ch } = input;
  const silent = `{${(input.silentKinds ?? []).join(',')}}`;
  const [counts] = await rows<{ routed: number; skipped: number }>(db, sql`
    with waiting as (
      select p.id, p.kind, a.kind as activity_kind, a.occurred_at, k.status as case_status,
        coalesce(k.thread_channel_id = ${ch} and k.thread_ts is not null, false)
          or exists (select 1 from channel_posts q where q.workspace_id = ${ws} and q.channel_id = ${ch}
            and q.status = 'pending' and q.case_id = p.case_id)
          or exists (select 1 from channel_posts r where r.case_id = p.case_id and r.channel_id = ${ch}
            and r.kind = 'root' and r.status in ('pending', 'posted')) as has_thread
      from channel_posts p
      left join activities a on a.id = p.activity_id
      left join cases k on k.id = p.case_id
      where p.workspace_id = ${ws} and p.status = 'pending' and p.team
        and (p.channel_id is null or (p.channel_id <> ${ch} and p.post_started_at is null))
    ), routed as (
      update channel_posts p set channel_id = ${ch},
        status = (case when w.kind = 'activity' and w.activity_kind = any(${silent}::text[]) then 'skipped'
          when w.kind = 'activity' and not w.has_thread
          and (w.case_status in ('resolved', 'written_off') or w.occurred_at < ${input.since.toISOString()}::timestamptz)
          then 'skipped' else 'pending' end)::channel_post_status
      from waiting w where p.id = w.id and p.status = 'pending'
        and (p.channel_id is null or (p.channel_id <> ${ch} and p.post_started_at is null))
      returning p.status
    )
    select (count(*) filter (where status = 'pending'))::int as routed, (count(*) filter (where status = 'skipped'))::int as skipped from routed`);
  return { routed: counts?.routed ?? 0, skipped: counts?.skipped ?? 0 };
}

/** Channels (and DMs) with posts to send, except those Slack refused until later. */
export async function channelsWithPending(db: Queryable, now: Date): Promise<PosterKey[]> {
  const found = await rows<{ workspace_id: string; channel_id: string }>(db, sql`
    select distinct p.workspace_id, p.channel_id from channel_posts p
    where p.status = 'pending' and p.channel_id is not null and p.kind <> 'root'
      and not exists (select 1 from channel_posters s where s.workspace_id = p.workspace_id and s.channel_id = p.channel_id
        and s.blocked_until > ${now.toISOString()}::timestamptz)`);
  return found.map((r) => ({ workspaceId: r.workspace_id, channelId: r.channel_id }));
}

// ---------------------------------------------------------------------------
// The poster's reads and writes.

/** The oldest pending post of a channel. Roots are posted on demand, just before their thread's first post. */
export async function nextPendingPost(db: Queryable, key: PosterKey): Promise<ChannelPost | undefined> {
  const [post] = await db.select().from(channelPosts)
    .where(and(eq(channelPosts.workspaceId, key.workspaceId), eq(channelPosts.channelId, key.channelId),
      eq(channelPosts.status, 'pending'), ne(channelPosts.kind, 'root')))
    .orderBy(asc(channelPosts.id)).limit(1);
  return post;
}

/** The latest message recorded in a channel: a post whose fate is unknown came after it. */
export async function lastRecordedTs(db: Queryable, key: PosterKey): Promise<string | null> {
  const [row] = await db.select({ ts: sql<string | null>`max(${channelPosts.messageTs})` }).from(channelPosts)
    .where(and(eq(channelPosts.workspaceId, key.workspaceId), eq(channelPosts.channelId, key.channelId), isNotNull(channelPosts.messageTs)));
  return row?.ts ?? null;
}

/** The case's thread root in a channel: the one being posted or posted, else a new one. */
export async function rootFor(db: Queryable, input: { workspaceId: string; caseId: number; channelId: string; now: Date }): Promise<ChannelPost> {
  const live = () => db.select().from(channelPosts).where(and(eq(channelPosts.caseId, input.caseId), eq(channelPosts.channelId, input.channelId),
    eq(channelPosts.kind, 'root'), sql`${channelPosts.status} in ('pending', 'posted')`));
  const [found] = await live();
  if (found) return found;
  await db.insert(channelPosts).values({ workspaceId: input.workspaceId, kind: 'root', caseId: input.caseId, channelId: input.channelId, createdAt: input.now })
    .onConflictDoNothing();
  const [created] = await live();
  if (!created) throw new Error(`no thread root for case ${input.caseId}`);
  return created;
}

/** False when the post has moved to another channel meanwhile (the team channel changed): it is not this poster's any more. */
export async function markPostStarted(db: Queryable, id: number, channelId: string, now: Date): Promise<boolean> {
  const marked = await db.update(channelPosts).set({ postStartedAt: now })
    .where(and(eq(channelPosts.id, id), eq(channelPosts.channelId, channelId), eq(channelPosts.status, 'pending'))).returning({ id: channelPosts.id });
  return marked.length > 0;
}

/**
 * Slack answered that it posted nothing (or no call was made): the mark comes
 * off, so no later attempt reads the channel back for it, and a team post may
 * follow the team channel again.
 */
export async function unmarkPostStarted(db: Queryable, id: number, channelId: string): Promise<void> {
  await db.update(channelPosts).set({ postStartedAt: null })
    .where(and(eq(channelPosts.id, id), eq(channelPosts.channelId, channelId), eq(channelPosts.status, 'pending')));
}

export async function recordPosted(db: Queryable, id: number, ts: string, now: Date): Promise<void> {
  await db.update(channelPosts).set({ status: 'posted', messageTs: ts, postedAt: now }).where(eq(channelPosts.id, id));
}

/** A post that will not be posted (again); only while it is still in `channelId`. */
export async function settlePost(db: Queryable, id: number, channelId: string, status: 'skipped' | 'unconfirmed' | 'failed'): Promise<void> {
  await db.update(channelPosts).set({ status }).where(and(eq(channelPosts.id, id), eq(channelPosts.channelId, channelId)));
}

export async function recordPermalink(db: Queryable, id: number, permalink: string): Promise<void> {
  await db.update(channelPosts).set({ permalink }).where(eq(channelPosts.id, id));
}
