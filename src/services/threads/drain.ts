// Posts one channel's queued messages (channel_posts), in order, at Slack's
// pace, exactly once. The same guarantees as the digest (post-digest.ts), by
// the same means:
// - one poster per channel at a time, under a lease fenced by a token
//   (src/db/poster-lease.ts): a worker that stalled and lost the channel writes
//   and posts nothing more;
// - Slack calls are never retried by the client, time out well within the
//   lease, and a 429 is waited out (call-slack.ts);
// - each message carries metadata (relance_post, its id) and is recorded the
//   moment Slack answers; the start of each attempt is recorded before it. A
//   post whose answer never came is looked for (find-posted.ts) before it is
//   sent again, from the last message recorded in the channel on: posts go out
//   one after another, so it cannot be older than that.
// When that look cannot be conclusive the post is marked unconfirmed and not
// sent again (it is in the timeline either way); for a thread's header, a new
// header is posted rather than leave the case without a thread. A channel
// relance may not read for now is tried again later, the mark kept. A post
// Slack refused is not looked for: its mark comes off at once; and one refused
// for its content is marked failed, and the posts behind it go on.
import type { WebClient } from '@slack/web-api';
import {
  lastRecordedTs, markPostStarted, nextPendingPost, recordPermalink, recordPosted, rootFor, settlePost, unmarkPostStarted, type ChannelPost,
} from '../../db/channel-posts.ts';
import type { Db, Tx } from '../../db/client.ts';
import {
  claimPoster, notePosterPost, PosterLeaseLostError, PosterLeaseTooShortError, releasePoster, underPosterLease, type PosterKey, type PosterLease,
} from '../../db/poster-lease.ts';
import { caseThreadIn, loadCaseHeader, loadThreadActivity, setCaseThread } from '../../db/thread-context.ts';
import { findWorkspace } from '../../db/workspaces.ts';
import { translator, type Locale } from '../../i18n/messages.ts';
import type { Logger } from '../../log.ts';
import { activityDm, threadPost, threadRoot, type ThreadMessage, type ThreadView } from '../../slack/blocks/case-thread.ts';
import { refreshDraftPost } from '../mail/post-draft.ts';
import { callSlack, SlackCallError, SlackNoAnswerError } from '../../slack/call-slack.ts';
import { findPosted, slackTs } from '../../slack/find-posted.ts';
import { CHANNEL_GONE, channelHelp, CLOCK_SKEW_MS, leaseNeededForCall, SLACK_CALL_TIMEOUT_MS } from '../post-digest.ts';

export const POST_EVENT = 'relance_post';

export interface ChannelPosterDeps {
  db: Db;
  client: WebClient;
  clock: () => Date;
  sleep: (ms: number) => Promise<void>;
  logger: Logger;
  /** How long a poster holds a channel without progress before another may take over. */
  leaseMs?: number;
  /** Time between two messages in a channel: Slack allows about one a second. */
  pacingMs?: number;
  /** Messages per run: then the run gives way (its job comes back at once), so workers share and stop promptly. */
  batch?: number;
  /** The slash command as installed, for the messages that tell people what to type. */
  command?: string;
  /** The timeout of `client` (slackClientForJobs): how long a call may still be under way. */
  callTimeoutMs?: number;
}

export type DrainResult =
  | { kind: 'drained'; posted: number }
  /** Stopped after a batch with more to post: run again now. */
  | { kind: 'more'; posted: number }
  /** Another worker holds the channel until then. */
  | { kind: 'busy'; until: Date }
  /** Slack refused the channel itself; nothing is tried there before then. */
  | { kind: 'blocked'; until: Date; error: string | null }
  /** Another worker took the channel over while this one was stalled; this one posted nothing more. */
  | { kind: 'lease_lost'; posted: number }
  /** Slack gave no answer (the lease is kept until it runs out) or a passing error: try again then. */
  | { kind: 'wait'; until: Date; posted: number };

export const DEFAULT_POSTER_LEASE_MS = 90_000;
const DEFAULT_PACING_MS = 1_100;
const DEFAULT_BATCH = 20;
const BLOCKED_MS = 10 * 60_000;
const RETRY_MS = 30_000;

// A DM that cannot reach its person (gone, a bot…): that DM is marked failed.
const PERSON_ERRORS = new Set(['user_not_found', 'user_disabled', 'user_not_visible', 'cannot_dm_bot', 'channel_not_found', 'is_archived']);

const isPerson = (channelId: string) => /^[UW][A-Z0-9]+$/.test(channelId);

interface Run {
  deps: ChannelPosterDeps;
  key: PosterKey;
  lease: PosterLease;
  log: Logger;
  view: ThreadView;
  lastPostAt: Date | null;
  /** For a person's poster: their DM channel, once opened. */
  dmChannel: string | null;
  posted: number;
}

type Delivery = { kind: 'posted'; ts: string } | { kind: 'unconfirmed' } | { kind: 'failed' } | { kind: 'moved' };

/** The post went to another channel's poster before this one began it. */
class PostMovedError extends Error {}

/** Extends the lease, and writes, only while the channel is still this worker's; PosterLeaseLostError otherwise. */
const hold = (run: Run, write?: (tx: Tx) => Promise<unknown>) => underPosterLease(run.deps.db, run.lease, run.deps.clock, write);

/**
 * The same, right before a Slack call: the call must be over (it times out)
 * well before another worker may take the channel, or nothing is written and
 * PosterLeaseTooShortError is thrown (the run then gives the channel back).
 */
const holdForCall = (run: Run, write?: (tx: Tx) => Promise<unknown>) => underPosterLease(run.deps.db, run.lease, run.deps.clock, write, {
  minRemainingMs: leaseNeededForCall(run.lease.ms, run.deps.callTimeoutMs ?? SLACK_CALL_TIMEOUT_MS),
});

export async function drainChannel(deps: ChannelPosterDeps, key: PosterKey): Promise<DrainResult> {
  const { db } = deps;
  const claim = await claimPoster(db, key, deps.clock(), deps.leaseMs ?? DEFAULT_POSTER_LEASE_MS);
  if (claim.kind === 'busy') return claim;
  if (claim.kind === 'blocked') return claim;
  const workspace = await findWorkspace(db, key.workspaceId);
  const locale = (workspace?.locale ?? 'en') as Locale;
  const run: Run = {
    deps, key, lease: claim.lease, lastPostAt: claim.lastPostAt, dmChannel: null, posted: 0,
    log: deps.logger.child({ team: key.workspaceId, channel: key.channelId }),
    view: { locale, t: translator(locale), command: deps.command ?? '/collect' },
  };
  try {
    for (let i = 0; i < (deps.batch ?? DEFAULT_BATCH); i++) {
      const post = await nextPendingPost(db, key);
      if (!post) {
        await releasePoster(db, run.lease);
        return { kind: 'drained', posted: run.posted };
      }
      await send(run, post);
    }
    const more = (await nextPendingPost(db, key)) !== undefined;
    await releasePoster(db, run.lease);
    return more ? { kind: 'more', posted: run.posted } : { kind: 'drained', posted: run.posted };
  } catch (error) {
    return stopped(run, error);
  }
}

async function stopped(run: Run, error: unknown): Promise<DrainResult> {
  const { deps, log } = run;
  const now = deps.clock().getTime();
  if (error instanceof PosterLeaseLostError) {
    log.warn('another worker took this channel over while this one was stalled; this one stops and posts nothing more');
    return { kind: 'lease_lost', posted: run.posted };
  }
  if (error instanceof PosterLeaseTooShortError) {
    await releasePoster(deps.db, run.lease).catch((e: Error) => log.warn({ err: e }, 'could not give the lease up; it runs out on its own'));
    log.warn({ err: error.message }, 'the database kept this worker waiting too long to call Slack safely; the next run goes on');
    return { kind: 'wait', until: new Date(now), posted: run.posted };
  }
  if (error instanceof SlackNoAnswerError) {
    // Slack may still act on that call: the lease runs out on its own, so nobody posts meanwhile.
    log.warn({ err: error.message }, 'no answer from Slack: the next attempt looks for the message before posting it');
    return { kind: 'wait', until: new Date(now + run.lease.ms), posted: run.posted };
  }
  if (error instanceof SlackCallError && error.permanent) {
    const until = new Date(now + BLOCKED_MS);
    await releasePoster(deps.db, run.lease, { blockedUntil: until, lastError: error.code })
      .catch((e: Error) => log.warn({ err: e }, 'could not give the lease up; it runs out on its own'));
    log.error({ slackError: error.code }, `${channelHelp(error.code, run.key.channelId)}; case-thread posts wait and are tried again in 10 minutes`);
    return { kind: 'blocked', until, error: error.code };
  }
  await releasePoster(deps.db, run.lease).catch((e: Error) => log.warn({ err: e }, 'could not give the lease up; it runs out on its own'));
  if (error instanceof SlackCallError) {
    log.warn({ slackError: error.code }, 'Slack refused a post for now; this channel is tried again shortly');
    return { kind: 'wait', until: new Date(now + RETRY_MS), posted: run.posted };
  }
  throw error;
}

async function send(run: Run, post: ChannelPost): Promise<void> {
  if (post.kind === 'activity') return sendActivity(run, post);
  if (post.kind === 'dm') return sendToPerson(run, post);
  if (post.kind === 'message') return sendMessage(run, post);
  await settle(run, post, 'skipped');
}

const settle = (run: Run, post: ChannelPost, status: 'skipped' | 'unconfirmed' | 'failed') =>
  hold(run, (tx) => settlePost(tx, post.id, run.key.channelId, status));

async function sendActivity(run: Run, post: ChannelPost): Promise<void> {
  const activity = post.activityId ? await loadThreadActivity(run.deps.db, post.activityId) : null;
  if (!activity) return settle(run, post, 'skipped');
  const threadTs = await ensureThread(run, activity.caseId);
  if (!threadTs) return settle(run, post, 'failed');
  await deliver(run, post, threadPost(activity, run.view), { threadTs });
  await retireCancelledDraft(run, activity);
}

/**
 * A draft cancelled by relance itself (a payment settled its invoices) loses its
 * Send / Edit / Skip: its post, above in the same thread, is re-rendered when the
 * cancellation is posted. People's own decisions update the post as they click.
 */
async function retireCancelledDraft(run: Run, activity: { kind: string; data: Record<string, unknown> }): Promise<void> {
  const draftId = activity.data.draft_id;
  if (activity.kind !== 'reminder_cancelled' || typeof draftId !== 'number') return;
  const { db, client } = run.deps;
  await refreshDraftPost({ db, client, logger: run.log }, { workspaceId: run.key.workspaceId, draftId, outbox: false, command: run.view.command });
}

async function sendToPerson(run: Run, post: ChannelPost): Promise<void> {
  const activity = post.activityId ? await loadThreadActivity(run.deps.db, post.activityId) : null;
  if (!activity) return settle(run, post, 'skipped');
  const channel = await openDm(run);
  if (!channel) return settle(run, post, 'failed');
  await deliver(run, post, activityDm(activity, run.view), { channel });
}

async function sendMessage(run: Run, post: ChannelPost): Promise<void> {
  const payload = post.payload as { text?: unknown; blocks?: unknown } | null;
  if (typeof payload?.text !== 'string') return settle(run, post, 'failed');
  const message = { text: payload.text, ...(Array.isArray(payload.blocks) ? { blocks: payload.blocks as ThreadMessage['blocks'] } : {}) };
  if (isPerson(run.key.channelId)) {
    const channel = await openDm(run);
    if (!channel) return settle(run, post, 'failed');
    await deliver(run, post, message, { channel });
    return;
  }
  const threadTs = post.caseId ? await ensureThread(run, post.caseId) : null;
  if (post.caseId && !threadTs) return settle(run, post, 'failed');
  await deliver(run, post, message, threadTs ? { threadTs } : {});
}

/** The case's thread in this channel: its header is posted first when it has none. Null when Slack refused the header. */
async function ensureThread(run: Run, caseId: number): Promise<string | null> {
  const { db } = run.deps;
  const channelId = run.key.channelId;
  const existing = await caseThreadIn(db, caseId, channelId);
  if (existing) return existing;
  // A header nobody could confirm gives way to a new one: a second header is better than a case without its thread.
  for (let attempt = 0; attempt < 2; attempt++) {
    const root = await rootFor(db, { workspaceId: run.key.workspaceId, caseId, channelId, now: run.deps.clock() });
    if (root.messageTs) {
      const ts = root.messageTs;
      await hold(run, (tx) => setCaseThread(tx, caseId, channelId, ts));
      return ts;
    }
    const header = await loadCaseHeader(db, caseId, run.deps.clock());
    if (!header) return null;
    const delivery = await deliver(run, root, threadRoot(header, run.view), {}, (tx, ts) => setCaseThread(tx, caseId, channelId, ts));
    if (delivery.kind === 'posted') {
      await keepPermalink(run, root.id, delivery.ts);
      return delivery.ts;
    }
    if (delivery.kind !== 'unconfirmed') return null;
  }
  return null;
}

/** For the case card's link; the thread works without it. A lost or too short lease still stops the run. */
async function keepPermalink(run: Run, rootId: number, ts: string): Promise<void> {
  try {
    const answer = await callSlack(run.deps, () => run.deps.client.chat.getPermalink({ channel: run.key.channelId, message_ts: ts }),
      { beforeAttempt: () => holdForCall(run) });
    const { permalink } = answer;
    if (permalink) await hold(run, (tx) => recordPermalink(tx, rootId, permalink));
  } catch (error) {
    if (!(error instanceof SlackCallError || error instanceof SlackNoAnswerError)) throw error;
    run.log.warn({ err: error.message }, 'no permalink for a case thread; the case card names its channel instead');
  }
}

async function openDm(run: Run): Promise<string | null> {
  if (run.dmChannel) return run.dmChannel;
  try {
    const opened = await callSlack(run.deps, () => run.deps.client.conversations.open({ users: run.key.channelId }), { beforeAttempt: () => holdForCall(run) });
    run.dmChannel = opened.channel?.id ?? null;
    return run.dmChannel;
  } catch (error) {
    if (error instanceof SlackCallError && PERSON_ERRORS.has(error.code)) {
      run.log.warn({ slackError: error.code }, 'cannot open a DM with this person; their messages are marked failed');
      return null;
    }
    throw error;
  }
}

/**
 * Posts `post` once: looks for an earlier attempt's message first, then posts
 * at Slack's pace, and records the ts (with `also`, in the same transaction).
 */
async function deliver(
  run: Run, post: ChannelPost, message: ThreadMessage, where: { channel?: string; threadTs?: string },
  also?: (tx: Tx, ts: string) => Promise<unknown>,
): Promise<Delivery> {
  const { deps } = run;
  const channel = where.channel ?? run.key.channelId;
  let ts: string | null = null;
  if (post.postStartedAt && !post.messageTs) {
    const lookup = await lookFor(run, post, channel, where.threadTs);
    if (lookup.kind === 'unsure') {
      await settle(run, post, 'unconfirmed');
      run.log.error({ post: post.id, caseId: post.caseId, part: post.kind, why: lookup.why },
        'could not confirm whether a queued message already reached Slack, so it was not posted again');
      return { kind: 'unconfirmed' };
    }
    if (lookup.kind === 'found') ts = lookup.ts;
  }
  if (!ts) {
    await pace(run);
    try {
      const answer = await callSlack(deps, () => deps.client.chat.postMessage({
        channel, text: message.text, ...(message.blocks ? { blocks: message.blocks } : {}),
        ...(where.threadTs ? { thread_ts: where.threadTs } : {}),
        metadata: { event_type: POST_EVENT, event_payload: { post_id: post.id, part: post.kind, ...(post.caseId ? { case_id: post.caseId } : {}) } },
      }), {
        beforeAttempt: () => holdForCall(run, async (tx) => {
          if (!(await markPostStarted(tx, post.id, run.key.channelId, deps.clock()))) throw new PostMovedError();
        }),
      });
      ts = answer.ts!;
    } catch (error) {
      if (error instanceof PostMovedError) return { kind: 'moved' };
      // Slack did nothing (an error answer), or no call was made: nothing to look for later.
      // The mark stays only when the outcome is unknown: no answer, or an error after which Slack may have acted.
      if ((error instanceof SlackCallError && !error.mayHaveActed) || error instanceof PosterLeaseTooShortError) {
        await hold(run, (tx) => unmarkPostStarted(tx, post.id, run.key.channelId));
      }
      // This message as it is (or this person) will never be taken: it is left out, and the posts behind it go on.
      const refused = error instanceof SlackCallError
        && (error.messageRefused || (isPerson(run.key.channelId) && PERSON_ERRORS.has(error.code)));
      if (!refused) throw error;
      await settle(run, post, 'failed');
      run.log.error({ post: post.id, caseId: post.caseId, part: post.kind, slackError: error.code }, 'Slack refused this message; it was not posted');
      return { kind: 'failed' };
    }
  }
  const recorded = ts;
  let at = deps.clock();
  await hold(run, async (tx) => {
    at = deps.clock();
    await recordPosted(tx, post.id, recorded, at);
    await notePosterPost(tx, run.key, at);
    await also?.(tx, recorded);
  });
  run.lastPostAt = at;
  run.posted += 1;
  return { kind: 'posted', ts: recorded };
}

/** Slack allows about one message a second per channel: wait what is left of that since the last one. */
async function pace(run: Run): Promise<void> {
  if (!run.lastPostAt) return;
  const wait = (run.deps.pacingMs ?? DEFAULT_PACING_MS) - (run.deps.clock().getTime() - run.lastPostAt.getTime());
  if (wait > 0) await run.deps.sleep(wait);
}

/** Slack timestamps ("1796371200.000100") in order, without floating point. */
function laterTs(a: string, b: string): string {
  const [ai = '', af = ''] = a.split('.');
  const [bi = '', bf = ''] = b.split('.');
  if (ai.length !== bi.length) return ai.length > bi.length ? a : b;
  return `${ai}.${af.padEnd(6, '0')}` > `${bi}.${bf.padEnd(6, '0')}` ? a : b;
}

/**
 * Did an attempt that began at post_started_at get this message into Slack?
 * Slack gave it a ts after the last message recorded in the channel (posts go
 * out one at a time) and before the end of that attempt's lease, each padded
 * as the digest's read-back is. A channel relance is not in (any more) cannot
 * be read back yet: SlackCallError, so the channel waits and is tried again
 * later, the mark kept.
 */
async function lookFor(run: Run, post: ChannelPost, channel: string, threadTs: string | undefined) {
  const started = post.postStartedAt!.getTime();
  const recorded = await lastRecordedTs(run.deps.db, run.key);
  const floor = slackTs(started - CLOCK_SKEW_MS);
  const window = {
    channel, oldest: recorded ? laterTs(recorded, floor) : floor, latest: slackTs(started + run.lease.ms + CLOCK_SKEW_MS),
    ...(threadTs ? { threadTs } : {}),
  };
  const matches = (m: { metadata?: { event_type?: string; event_payload?: Record<string, unknown> } }) =>
    m.metadata?.event_type === POST_EVENT && Number(m.metadata.event_payload?.post_id) === post.id;
  // Reading can take minutes (one page a minute): keep the lease, and stop if it is lost.
  const lookup = await findPosted(run.deps, window, matches, { beforeAttempt: () => holdForCall(run) });
  if (lookup.kind === 'unsure' && lookup.why.kind === 'refused' && CHANNEL_GONE.has(lookup.why.error)) throw new SlackCallError(lookup.why.error);
  return lookup;
}
