// What a manager does about a digest relance stopped on ('unconfirmed'): it
// could not tell whether one message was already in the channel. The manager
// looks, then says it is missing (confirm: it is posted, and the rest) or
// shows where it is (found <link>: it is recorded, and the rest is posted).
// Either way a run of that day is queued, for the day it is about.
import type { Queue } from 'bullmq';
import type { WebClient } from '@slack/web-api';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { confirmMissing, type DigestRow } from '../db/digest-lease.ts';
import { customers } from '../db/schema.ts';
import { latestUnconfirmed, recordFound, unconfirmedPart, type UnconfirmedPart } from '../db/unconfirmed-digests.ts';
import { addDays, type IsoDate } from '../domain/dates.ts';
import type { MessageLink } from '../domain/digest-args.ts';
import type { DigestJobData } from '../../jobs/digest.ts';
import { queueDigestRun } from '../../jobs/scheduler.ts';
import { callSlack, realSleep, SlackCallError } from '../slack/call-slack.ts';
import type { ReadMessage } from '../slack/find-posted.ts';
import { DIGEST_EVENT } from './post-digest.ts';

/** An unconfirmed day older than this is not offered any more: its list of cases is stale. */
export const UNCONFIRMED_LOOKBACK_DAYS = 7;

/** The channel's latest unconfirmed digest of the last week, today included. */
export function recentUnconfirmed(db: Db, workspaceId: string, channelId: string, today: IsoDate): Promise<DigestRow | undefined> {
  return latestUnconfirmed(db, workspaceId, channelId, addDays(today, 1 - UNCONFIRMED_LOOKBACK_DAYS), today);
}

/** A run of that day's digest, now: it goes on from where it stopped. */
async function queueDay(db: Db, queue: Queue | null, day: Pick<DigestJobData, 'workspaceId' | 'channelId' | 'businessDate'>): Promise<void> {
  if (queue) await queueDigestRun(queue, db, { workspaceId: day.workspaceId, channelId: day.channelId, businessDate: day.businessDate, manual: true }, 0);
}

export type ConfirmOutcome =
  | { kind: 'confirmed'; day: IsoDate }
  /** No day given, and none unconfirmed lately. */
  | { kind: 'nothing_unconfirmed' }
  /** The day given is not unconfirmed. */
  | { kind: 'not_unconfirmed'; day: IsoDate };

/** The manager looked: the message relance stopped on is missing. It is posted without checking again, then the rest. */
export async function confirmDigestMissing(db: Db, queue: Queue | null, target: { workspaceId: string; channelId: string; today: IsoDate; day?: IsoDate }):
  Promise<ConfirmOutcome> {
  const day = target.day ?? (await recentUnconfirmed(db, target.workspaceId, target.channelId, target.today))?.businessDate;
  if (!day) return { kind: 'nothing_unconfirmed' };
  const key = { workspaceId: target.workspaceId, channelId: target.channelId, businessDate: day };
  if (!(await confirmMissing(db, key))) return { kind: 'not_unconfirmed', day };
  await queueDay(db, queue, key);
  return { kind: 'confirmed', day };
}

export type FoundOutcome =
  | { kind: 'recorded'; day: IsoDate; channelId: string; name: string | null }
  | { kind: 'nothing_unconfirmed'; channelId: string }
  /** The link is not the message relance stopped on (name: the case of the reply it stopped on, null for the digest itself). */
  | { kind: 'not_it'; day: IsoDate; channelId: string; name: string | null }
  /** Slack would not let relance read the message. */
  | { kind: 'unreadable'; error: string };

/**
 * The manager found the message relance stopped on, at `link`: it is read
 * back, checked against the metadata relance gave it (this digest, this
 * case), recorded, and the rest of that day's digest is queued.
 */
export async function recordFoundDigestMessage(
  deps: { db: Db; client: WebClient; queue: Queue | null },
  target: { workspaceId: string; today: IsoDate; link: MessageLink },
): Promise<FoundOutcome> {
  const { db } = deps;
  const { link } = target;
  const digest = await recentUnconfirmed(db, target.workspaceId, link.channelId, target.today);
  const part = digest ? await unconfirmedPart(db, digest) : null;
  if (!digest || !part) return { kind: 'nothing_unconfirmed', channelId: link.channelId };
  const name = part.part === 'entry' ? await customerName(db, part.customerId) : null;
  const notIt = { kind: 'not_it', day: digest.businessDate, channelId: digest.channelId, name } as const;

  let message: ReadMessage | undefined;
  try {
    message = await readMessage(deps.client, link, part);
  } catch (error) {
    if (error instanceof SlackCallError) return { kind: 'unreadable', error: error.code };
    throw error;
  }
  if (!message || !isThePart(message, digest, part)) return notIt;
  if (!(await recordFound(db, digest.id, part, link.ts))) return notIt;
  await queueDay(db, deps.queue, digest);
  return { kind: 'recorded', day: digest.businessDate, channelId: digest.channelId, name };
}

async function customerName(db: Db, customerId: number): Promise<string | null> {
  const [row] = await db.select({ name: customers.name }).from(customers).where(eq(customers.id, customerId));
  return row?.name ?? null;
}

/** The message at `link`, with its metadata: in the channel for the digest itself, in the digest's thread for a reply. */
async function readMessage(client: WebClient, link: MessageLink, part: UnconfirmedPart): Promise<ReadMessage | undefined> {
  const window = { channel: link.channelId, oldest: link.ts, latest: link.ts, inclusive: true, include_all_metadata: true };
  // One read, a person waiting: a 429 is waited out rather than refused.
  const answer: { messages?: ReadMessage[] } = await callSlack({ sleep: realSleep }, () => (part.part === 'parent'
    ? client.conversations.history({ ...window, limit: 1 })
    // The thread's parent comes first whatever the window: room for it and the reply.
    : client.conversations.replies({ ...window, ts: part.threadTs, limit: 2 })));
  return answer.messages?.find((m) => m.ts === link.ts);
}

function isThePart(message: ReadMessage, digest: DigestRow, part: UnconfirmedPart): boolean {
  const p = message.metadata?.event_type === DIGEST_EVENT ? message.metadata.event_payload : undefined;
  if (!p || Number(p.digest_id) !== digest.id || p.part !== part.part) return false;
  return part.part === 'parent' || Number(p.case_id) === part.caseId;
}
