// Posts a channel's digest for one business day, exactly once.
//
// The unique key (workspace, channel, business day) makes the day's digest a
// single row; a lease on that row lets one worker post at a time; every Slack
// message is recorded the moment Slack answers. A worker killed between
// posting and recording leaves a message without a recorded ts: the next
// attempt finds it by its message metadata (digest id, case id) before
// posting anything again.
import { and, asc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { WebClient } from '@slack/web-api';
import type { Db } from '../db/client.ts';
import { digestForDay, totalsSnapshot, type DigestData } from '../db/digest.ts';
import { digestEntries, digests } from '../db/schema.ts';
import { loadEntries } from '../db/worklist.ts';
import { findWorkspace, type Workspace } from '../db/workspaces.ts';
import { isBusinessDay, isBusinessCalendar, type IsoDate } from '../domain/dates.ts';
import { translator, type Locale } from '../i18n/messages.ts';
import type { Logger } from '../log.ts';
import { digestEntry, digestParent, type DigestView } from '../slack/blocks/digest.ts';
import { callSlack, SlackCallError } from '../slack/call-slack.ts';

export const DIGEST_EVENT = 'relance_digest';

export interface PostDigestDeps {
  db: Db;
  client: WebClient;
  clock: () => Date;
  sleep: (ms: number) => Promise<void>;
  logger: Logger;
  /** How long a worker holds the digest without progress before another may take over. */
  leaseMs?: number;
  /** Pause between messages: Slack allows about one message a second per channel. */
  pacingMs?: number;
}

export type PostDigestResult =
  | { kind: 'posted'; digestId: number; messageTs: string; replies: number }
  | { kind: 'already_posted'; digestId: number; messageTs: string | null }
  | { kind: 'busy'; digestId: number }
  | { kind: 'not_business_day' }
  | { kind: 'no_workspace' }
  | { kind: 'channel_error'; error: string };

export class DigestBusyError extends Error {}

type DigestRow = typeof digests.$inferSelect;

const DEFAULT_LEASE_MS = 90_000;
const CLOCK_SKEW_S = 600;
const DEFAULT_PACING_MS = 1_100;

export function businessCalendar(workspace: Workspace) {
  return isBusinessCalendar(workspace.country) ? workspace.country : 'none';
}

export async function postDigest(deps: PostDigestDeps, target: { workspaceId: string; channelId: string; businessDate: IsoDate }): Promise<PostDigestResult> {
  const { db } = deps;
  const workspace = await findWorkspace(db, target.workspaceId);
  if (!workspace) return { kind: 'no_workspace' };
  if (!isBusinessDay(target.businessDate, businessCalendar(workspace))) return { kind: 'not_business_day' };

  await db.insert(digests).values({ workspaceId: workspace.id, channelId: target.channelId, businessDate: target.businessDate })
    .onConflictDoNothing();
  const digest = await claimLease(deps, target);
  if (!digest.ok) return digest.result;
  const log = deps.logger.child({ digest: digest.row.id, team: workspace.id, channel: target.channelId });
  try {
    return await postClaimed(deps, workspace, digest.row, log);
  } catch (error) {
    await db.update(digests).set({ lockedUntil: null }).where(eq(digests.id, digest.row.id));
    if (error instanceof SlackCallError && error.permanent) {
      log.error({ slackError: error.code }, channelHelp(error.code, target.channelId));
      return { kind: 'channel_error', error: error.code };
    }
    throw error;
  }
}

/** What to tell an operator when Slack refuses the channel. */
export function channelHelp(code: string, channelId: string): string {
  if (code === 'not_in_channel') return `relance is not a member of channel ${channelId}: invite it there with /invite @relance (private channels need an invitation)`;
  if (code === 'channel_not_found') return `channel ${channelId} does not exist or is private and relance was not invited: invite it with /invite @relance`;
  if (code === 'is_archived') return `channel ${channelId} is archived: unarchive it or schedule the digest elsewhere`;
  return `Slack refused to post in ${channelId}: ${code}`;
}

async function claimLease(deps: PostDigestDeps, target: { workspaceId: string; channelId: string; businessDate: IsoDate }):
  Promise<{ ok: true; row: DigestRow } | { ok: false; result: PostDigestResult }> {
  const now = deps.clock();
  const until = new Date(now.getTime() + (deps.leaseMs ?? DEFAULT_LEASE_MS));
  const key = and(eq(digests.workspaceId, target.workspaceId), eq(digests.channelId, target.channelId), eq(digests.businessDate, target.businessDate));
  const [claimed] = await deps.db.update(digests)
    .set({ lockedUntil: until, attempts: sql`${digests.attempts} + 1` })
    .where(and(key, eq(digests.status, 'posting'), or(isNull(digests.lockedUntil), lt(digests.lockedUntil, now))))
    .returning();
  if (claimed) return { ok: true, row: claimed };
  const [row] = await deps.db.select().from(digests).where(key);
  if (row?.status === 'posted') return { ok: false, result: { kind: 'already_posted', digestId: row.id, messageTs: row.messageTs } };
  return { ok: false, result: { kind: 'busy', digestId: row!.id } };
}

async function extendLease(deps: PostDigestDeps, digestId: number): Promise<void> {
  const until = new Date(deps.clock().getTime() + (deps.leaseMs ?? DEFAULT_LEASE_MS));
  await deps.db.update(digests).set({ lockedUntil: until }).where(eq(digests.id, digestId));
}

function viewFor(workspace: Workspace, date: IsoDate): DigestView {
  const locale = workspace.locale as Locale;
  return { locale, t: translator(locale), today: date };
}

async function postClaimed(deps: PostDigestDeps, workspace: Workspace, row: DigestRow, log: Logger): Promise<PostDigestResult> {
  const { db } = deps;
  const date = row.businessDate;
  const view = viewFor(workspace, date);

  // The first attempt fixes the list of cases; later attempts post that same list.
  let data: DigestData | null = null;
  if (row.totals === null) {
    data = await digestForDay(db, workspace, row.channelId, row.businessDate);
    const snapshot = totalsSnapshot(data);
    const entries = data.entries.filter((e) => e.caseId !== null);
    await db.transaction(async (tx) => {
      await tx.update(digests).set({ totals: snapshot }).where(eq(digests.id, row.id));
      if (entries.length) {
        await tx.insert(digestEntries).values(entries.map((e, i) => ({
          workspaceId: workspace.id, digestId: row.id, rank: i + 1, caseId: e.caseId!, customerId: e.customerId,
        }))).onConflictDoNothing();
      }
    });
  }

  let parentTs = row.messageTs;
  if (!parentTs && row.attempts > 1) parentTs = await findPosted(deps, row, { kind: 'parent' });
  if (!parentTs) {
    data ??= await digestForDay(db, workspace, row.channelId, row.businessDate);
    const parent = digestParent(data, view);
    const posted = await callSlack(deps, () => deps.client.chat.postMessage({
      channel: row.channelId, text: parent.text, blocks: parent.blocks,
      metadata: { event_type: DIGEST_EVENT, event_payload: { digest_id: row.id, business_date: date, part: 'parent' } },
    }));
    parentTs = posted.ts!;
    log.info({ ts: parentTs }, 'digest parent posted');
  }
  await db.update(digests).set({ messageTs: parentTs }).where(eq(digests.id, row.id));
  await extendLease(deps, row.id);

  const entries = await db.select().from(digestEntries).where(eq(digestEntries.digestId, row.id)).orderBy(asc(digestEntries.rank));
  const pending = entries.filter((e) => !e.messageTs);
  // Replies go out in rank order: a reply whose fate is unknown came after the last recorded one.
  let lastTs = entries.filter((e) => e.messageTs).map((e) => e.messageTs!).sort().at(-1) ?? parentTs;
  const details = pending.length ? await loadEntries(db, workspace.id, date, pending.map((e) => e.customerId)) : [];
  for (const entry of pending) {
    let ts: string | null = null;
    if (entry.postStartedAt) ts = await findPosted(deps, row, { kind: 'entry', caseId: entry.caseId, parentTs, afterTs: lastTs });
    if (!ts) {
      const detail = details.find((d) => d.customerId === entry.customerId);
      if (!detail) continue; // the case was resolved since the list was fixed: nothing to act on
      await db.update(digestEntries).set({ postStartedAt: deps.clock() }).where(eq(digestEntries.id, entry.id));
      await deps.sleep(deps.pacingMs ?? DEFAULT_PACING_MS);
      const reply = digestEntry({ ...detail, caseId: entry.caseId }, entry.rank, view);
      const posted = await callSlack(deps, () => deps.client.chat.postMessage({
        channel: row.channelId, thread_ts: parentTs, text: reply.text, blocks: reply.blocks,
        metadata: { event_type: DIGEST_EVENT, event_payload: { digest_id: row.id, case_id: entry.caseId, part: 'entry' } },
      }));
      ts = posted.ts!;
    }
    await db.update(digestEntries).set({ messageTs: ts }).where(eq(digestEntries.id, entry.id));
    await extendLease(deps, row.id);
    lastTs = ts;
  }

  await db.update(digests).set({ status: 'posted', postedAt: deps.clock(), lockedUntil: null }).where(eq(digests.id, row.id));
  const replies = (await db.select({ n: sql<number>`count(*)::int` }).from(digestEntries)
    .where(and(eq(digestEntries.digestId, row.id), sql`${digestEntries.messageTs} is not null`)))[0]?.n ?? 0;
  log.info({ replies }, 'digest posted');
  return { kind: 'posted', digestId: row.id, messageTs: parentTs, replies };
}

interface Metadata { event_type?: string; event_payload?: Record<string, unknown> }

/**
 * Recovery after a crash: was this message already posted? Reads only the few
 * messages since the attempt began (Slack limits history reads for most apps).
 */
async function findPosted(deps: PostDigestDeps, row: DigestRow, what: { kind: 'parent' } | { kind: 'entry'; caseId: number; parentTs: string; afterTs: string }): Promise<string | null> {
  const matches = (m: { metadata?: Metadata; ts?: string }) => {
    const p = m.metadata?.event_type === DIGEST_EVENT ? m.metadata.event_payload : undefined;
    if (!p || Number(p.digest_id) !== row.id) return false;
    return what.kind === 'parent' ? p.part === 'parent' : p.part === 'entry' && Number(p.case_id) === what.caseId;
  };
  // Our clock and Slack's may differ a little: look a few minutes before the digest row was made.
  const page = what.kind === 'parent'
    ? await callSlack(deps, () => deps.client.conversations.history({
      channel: row.channelId, oldest: String(Math.floor(row.createdAt.getTime() / 1000) - CLOCK_SKEW_S), limit: 15, include_all_metadata: true,
    }))
    : await callSlack(deps, () => deps.client.conversations.replies({
      channel: row.channelId, ts: what.parentTs, oldest: what.afterTs, inclusive: false, limit: 15, include_all_metadata: true,
    }));
  const found = (page.messages ?? []).find((m) => matches(m as { metadata?: Metadata }));
  return found?.ts ?? null;
}
