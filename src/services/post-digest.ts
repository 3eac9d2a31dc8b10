// Posts a channel's digest for one business day, exactly once.
//
// The unique key (workspace, channel, business day) makes the day's digest a
// single row. A worker posts only while it holds the row's lease, fenced by a
// token each claim replaces: every write, and the check before every Slack
// call, fails once another worker has taken over, and the stalled worker stops.
// Slack calls are never retried by the client and time out well within the
// lease, which is extended just before each call, so a holder's last call is
// over before anyone else may post. Every message is recorded the moment Slack
// answers; one whose answer never came (crash, timeout, dropped connection) is
// looked for by its metadata before anything is posted again, and when that
// look cannot be conclusive the digest stops as 'unconfirmed' for a person.
// A message Slack refused is not looked for: its mark is taken off at once.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { WebClient } from '@slack/web-api';
import type { Db, Tx } from '../db/client.ts';
import { digestForDay, totalsSnapshot, type DigestData } from '../db/digest.ts';
import {
  claimDigest, finishUnderLease, LeaseLostError, LeaseTooShortError, releaseLease, underLease, type DigestRow, type Lease,
} from '../db/digest-lease.ts';
import { digestEntries, digests } from '../db/schema.ts';
import { loadEntries } from '../db/worklist.ts';
import { findWorkspace, type Workspace } from '../db/workspaces.ts';
import { isBusinessDay, isBusinessCalendar, type IsoDate } from '../domain/dates.ts';
import { translator, type Locale } from '../i18n/messages.ts';
import type { Logger } from '../log.ts';
import { digestEntry, digestParent, type DigestView } from '../slack/blocks/digest.ts';
import { callSlack, SlackCallError, SlackNoAnswerError } from '../slack/call-slack.ts';
import { findPosted, slackTs, type ReadMessage, type Unsure } from '../slack/find-posted.ts';
import { postUnconfirmedNotice } from './digest-notice.ts';

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
  /** The slash command as installed, for the messages that tell people what to type. */
  command?: string;
  /** The timeout of `client` (slackClientForJobs): how long a call may still be under way. */
  callTimeoutMs?: number;
}

export type PostDigestResult =
  // refused: case replies Slack would not take (their content); the digest went on without them.
  | { kind: 'posted'; digestId: number; messageTs: string; replies: number; refused: number }
  | { kind: 'already_posted'; digestId: number; messageTs: string | null }
  | { kind: 'busy'; digestId: number }
  // Another worker took the digest over while this one was stalled; this one posted nothing more.
  | { kind: 'lease_lost'; digestId: number }
  // It could not tell whether a message already reached Slack: it posted nothing more and said so.
  | { kind: 'unconfirmed'; digestId: number }
  | { kind: 'not_business_day' }
  | { kind: 'no_workspace' }
  | { kind: 'channel_error'; error: string };

export class DigestBusyError extends Error {}

export const DEFAULT_LEASE_MS = 90_000;
/**
 * How long the jobs' Slack client waits for an answer. Well under the lease,
 * which is extended just before each call: a stalled call is given up long
 * before another worker may take the digest over and post.
 */
export const SLACK_CALL_TIMEOUT_MS = 15_000;
// Our clock and Slack's may differ a little: read a little wider than the attempt.
export const CLOCK_SKEW_MS = 60_000;
const DEFAULT_PACING_MS = 1_100;
// Slack would not let relance read the channel back for now; a later run, once it is invited again, can.
export const CHANNEL_GONE: ReadonlySet<string> = new Set(['not_in_channel', 'channel_not_found']);

/**
 * How much lease must be left, right before a Slack call, for the call to be
 * over (it times out) well before another worker may take the digest: the
 * call's timeout, and half of the rest of the lease for the clocks of two
 * workers to disagree and for what happens between the check and the request.
 */
export function leaseNeededForCall(leaseMs: number, callTimeoutMs: number): number {
  return callTimeoutMs + Math.max(0, (leaseMs - callTimeoutMs) / 2);
}

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
  const { row, lease } = await claimDigest(db, target, deps.clock(), deps.leaseMs ?? DEFAULT_LEASE_MS);
  if (!lease) return unclaimed(row);
  const log = deps.logger.child({ digest: row.id, team: workspace.id, channel: target.channelId });
  try {
    return await postClaimed({ deps, workspace, row, lease, log, view: viewFor(workspace, row.businessDate) });
  } catch (error) {
    if (error instanceof LeaseLostError) {
      log.warn('another worker took this digest over while this one was stalled; this one stops and posts nothing more');
      return { kind: 'lease_lost', digestId: row.id };
    }
    if (error instanceof SlackNoAnswerError) {
      // Slack may still act on that call: the lease runs out on its own, so nobody posts meanwhile.
      log.warn({ err: error.message }, 'no answer from Slack: the next attempt looks for the message before posting it');
      throw error;
    }
    await releaseLease(db, lease).catch((e: Error) => log.warn({ err: e }, 'could not give the lease up; it runs out on its own'));
    if (error instanceof LeaseTooShortError) log.warn({ err: error.message }, 'the database kept this worker waiting too long to call Slack safely; the next attempt goes on');
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

function unclaimed(row: DigestRow): PostDigestResult {
  if (row.status === 'posted') return { kind: 'already_posted', digestId: row.id, messageTs: row.messageTs };
  if (row.status === 'unconfirmed') return { kind: 'unconfirmed', digestId: row.id };
  return { kind: 'busy', digestId: row.id };
}

function viewFor(workspace: Workspace, date: IsoDate): DigestView {
  const locale = workspace.locale as Locale;
  return { locale, t: translator(locale), today: date };
}

/** One worker's attempt at a digest it holds. */
interface Attempt {
  deps: PostDigestDeps;
  workspace: Workspace;
  row: DigestRow;
  lease: Lease;
  log: Logger;
  view: DigestView;
}

/** Extends the lease, and writes, only if it is still this worker's; LeaseLostError otherwise. */
const hold = (a: Attempt, write?: (tx: Tx) => Promise<unknown>) => underLease(a.deps.db, a.lease, a.deps.clock, write);

/** As `hold`, right before a Slack call: LeaseTooShortError, and nothing written, when the call could outlast the lease. */
const holdForCall = (a: Attempt, write?: (tx: Tx) => Promise<unknown>) => underLease(a.deps.db, a.lease, a.deps.clock, write, {
  minRemainingMs: leaseNeededForCall(a.lease.ms, a.deps.callTimeoutMs ?? SLACK_CALL_TIMEOUT_MS),
});

/**
 * Posts one message, marked as begun (`mark` with the time) before every
 * attempt. When Slack answers that it did nothing, the mark comes off again
 * (`mark` with null), so no later attempt goes looking for a message that was
 * never posted; it stays only when the outcome is unknown.
 */
async function send(a: Attempt, mark: (tx: Tx, at: Date | null) => Promise<unknown>, post: () => Promise<{ ts?: string }>): Promise<string> {
  try {
    const posted = await callSlack(a.deps, post, { beforeAttempt: () => holdForCall(a, (tx) => mark(tx, a.deps.clock())) });
    return posted.ts!;
  } catch (error) {
    // Slack did nothing (an error answer), or no call was made: nothing to look for later.
    if ((error instanceof SlackCallError && !error.mayHaveActed) || error instanceof LeaseTooShortError) await hold(a, (tx) => mark(tx, null));
    throw error;
  }
}

async function postClaimed(a: Attempt): Promise<PostDigestResult> {
  const { deps, workspace, row, view } = a;
  const { db } = deps;
  const date = row.businessDate;

  // The first attempt fixes the list of cases; later attempts post that same list.
  let data: DigestData | null = null;
  if (row.totals === null) {
    data = await digestForDay(db, workspace, row.channelId, row.businessDate, deps.clock());
    const snapshot = totalsSnapshot(data);
    const entries = data.entries.filter((e) => e.caseId !== null);
    await hold(a, async (tx) => {
      await tx.update(digests).set({ totals: snapshot }).where(eq(digests.id, row.id));
      if (entries.length) {
        await tx.insert(digestEntries).values(entries.map((e, i) => ({
          workspaceId: workspace.id, digestId: row.id, rank: i + 1, caseId: e.caseId!, customerId: e.customerId,
        }))).onConflictDoNothing();
      }
    });
  }

  let parentTs = row.messageTs;
  if (!parentTs && row.postStartedAt) {
    const lookup = await lookFor(a, row.postStartedAt, { part: 'parent' }, slackTs(row.postStartedAt.getTime() - CLOCK_SKEW_MS));
    if (lookup.kind === 'unsure') return giveUp(a, lookup.why, null);
    if (lookup.kind === 'found') parentTs = lookup.ts;
  }
  if (!parentTs) {
    data ??= await digestForDay(db, workspace, row.channelId, row.businessDate, deps.clock());
    const parent = digestParent(data, view);
    parentTs = await send(a, (tx, at) => tx.update(digests).set({ postStartedAt: at }).where(eq(digests.id, row.id)), () => deps.client.chat.postMessage({
      channel: row.channelId, text: parent.text, blocks: parent.blocks,
      metadata: { event_type: DIGEST_EVENT, event_payload: { digest_id: row.id, business_date: date, part: 'parent' } },
    }));
    a.log.info({ ts: parentTs }, 'digest parent posted');
  }
  const threadTs = parentTs;
  await hold(a, (tx) => tx.update(digests).set({ messageTs: threadTs }).where(eq(digests.id, row.id)));

  const entries = await db.select().from(digestEntries).where(eq(digestEntries.digestId, row.id)).orderBy(asc(digestEntries.rank));
  const pending = entries.filter((e) => !e.messageTs);
  // Replies go out in rank order: a reply whose fate is unknown came after the last recorded one.
  let lastTs = entries.filter((e) => e.messageTs).map((e) => e.messageTs!).sort().at(-1) ?? threadTs;
  const details = pending.length ? await loadEntries(db, workspace.id, date, pending.map((e) => e.customerId)) : [];
  let refused = 0;
  for (const entry of pending) {
    const detail = details.find((d) => d.customerId === entry.customerId);
    let ts: string | null = null;
    if (entry.postStartedAt) {
      const lookup = await lookFor(a, entry.postStartedAt, { part: 'entry', caseId: entry.caseId, threadTs }, lastTs);
      if (lookup.kind === 'unsure') return giveUp(a, lookup.why, detail?.name ?? `#${entry.rank}`);
      if (lookup.kind === 'found') ts = lookup.ts;
    }
    if (!ts) {
      if (!detail) continue; // the case was resolved since the list was fixed: nothing to act on
      await deps.sleep(deps.pacingMs ?? DEFAULT_PACING_MS);
      const reply = digestEntry({ ...detail, caseId: entry.caseId }, entry.rank, view);
      try {
        ts = await send(a, (tx, at) => tx.update(digestEntries).set({ postStartedAt: at }).where(eq(digestEntries.id, entry.id)),
          () => deps.client.chat.postMessage({
            channel: row.channelId, thread_ts: threadTs, text: reply.text, blocks: reply.blocks,
            metadata: { event_type: DIGEST_EVENT, event_payload: { digest_id: row.id, case_id: entry.caseId, part: 'entry' } },
          }));
      } catch (error) {
        // Slack will never take this reply as it is; the others still go out, and the case stays in /collect overdue.
        if (!(error instanceof SlackCallError && error.messageRefused)) throw error;
        refused += 1;
        a.log.error({ caseId: entry.caseId, rank: entry.rank, slackError: error.code }, 'Slack refused this case reply; the digest goes on without it');
        continue;
      }
    }
    const recorded = ts;
    await hold(a, (tx) => tx.update(digestEntries).set({ messageTs: recorded }).where(eq(digestEntries.id, entry.id)));
    lastTs = ts;
  }

  await finishUnderLease(db, a.lease, { status: 'posted', postedAt: deps.clock() });
  const replies = (await db.select({ n: sql<number>`count(*)::int` }).from(digestEntries)
    .where(and(eq(digestEntries.digestId, row.id), sql`${digestEntries.messageTs} is not null`)))[0]?.n ?? 0;
  a.log.info({ replies, refused }, 'digest posted');
  return { kind: 'posted', digestId: row.id, messageTs: threadTs, replies, refused };
}

type Part = { part: 'parent' } | { part: 'entry'; caseId: number; threadTs: string };

/**
 * Was this message posted by an attempt that began at `startedAt`? Slack gave
 * it a ts between the attempt's start and the end of its lease (the call had
 * timed out by then); the read covers that window, from `oldest` on. A channel
 * relance is not in (any more) cannot be read back yet: SlackCallError, so the
 * run ends as a channel error and is tried again later, the mark kept.
 */
async function lookFor(a: Attempt, startedAt: Date, what: Part, oldest: string) {
  const matches = (m: ReadMessage) => {
    const p = m.metadata?.event_type === DIGEST_EVENT ? m.metadata.event_payload : undefined;
    if (!p || Number(p.digest_id) !== a.row.id || p.part !== what.part) return false;
    return what.part === 'parent' || Number(p.case_id) === what.caseId;
  };
  const window = {
    channel: a.row.channelId, oldest, latest: slackTs(startedAt.getTime() + a.lease.ms + CLOCK_SKEW_MS),
    ...(what.part === 'entry' ? { threadTs: what.threadTs } : {}),
  };
  // Reading can take minutes (one page a minute): keep the lease, and stop if it is lost.
  const lookup = await findPosted(a.deps, window, matches, { beforeAttempt: () => hold(a) });
  if (lookup.kind === 'unsure' && lookup.why.kind === 'refused' && CHANNEL_GONE.has(lookup.why.error)) throw new SlackCallError(lookup.why.error);
  return lookup;
}

/** Not sure whether a message is already in Slack: post nothing more, and say so where managers will see it. */
async function giveUp(a: Attempt, why: Unsure, caseName: string | null): Promise<PostDigestResult> {
  const { deps, row } = a;
  await finishUnderLease(deps.db, a.lease, { status: 'unconfirmed' });
  a.log.error({ why, part: caseName === null ? 'parent' : 'entry' },
    'could not confirm whether a digest message already reached Slack, so nothing more was posted: a manager must look at the channel, '
    + 'then run "digest now confirm <day>" if it is missing or "digest now found <link>" if it is there');
  await postUnconfirmedNotice({ ...deps, log: a.log }, { workspace: a.workspace, digest: row, view: a.view, why, caseName });
  return { kind: 'unconfirmed', digestId: row.id };
}
