// Was this message already posted? Asked after a post whose answer never came
// (a crash, a timeout, a dropped connection). Slack lets apps outside the
// Marketplace read a channel's history once a minute, 15 messages a call, so
// the read covers only the window in which the message could have been
// posted, follows the pages (waiting out each 429), and answers "unsure"
// rather than guess when it cannot read that far.
import type { WebClient } from '@slack/web-api';
import { callSlack, SlackCallError, type CallOptions } from './call-slack.ts';

export const PAGE_SIZE = 15;
/** 150 messages, about ten minutes of reading at one page a minute. */
export const MAX_PAGES = 10;

export interface ReadWindow {
  channel: string;
  /** Read the replies of this thread instead of the channel's top-level messages. */
  threadTs?: string;
  /** Slack timestamps, both excluded. */
  oldest: string;
  latest: string;
}

export type Unsure = { kind: 'too_many'; read: number } | { kind: 'refused'; error: string };

export type Lookup = { kind: 'found'; ts: string } | { kind: 'absent' } | { kind: 'unsure'; why: Unsure };

export interface ReadMessage {
  ts?: string;
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
}

/** A Slack timestamp ("1796371200.000000") from a time in milliseconds. */
export const slackTs = (ms: number): string => (ms / 1000).toFixed(6);

export async function findPosted(
  deps: { client: WebClient; sleep: (ms: number) => Promise<void> },
  window: ReadWindow,
  matches: (message: ReadMessage) => boolean,
  options: CallOptions & { maxPages?: number } = {},
): Promise<Lookup> {
  const maxPages = options.maxPages ?? MAX_PAGES;
  let cursor: string | undefined;
  for (let page = 1; page <= maxPages; page++) {
    const args = {
      channel: window.channel, oldest: window.oldest, latest: window.latest, inclusive: false,
      limit: PAGE_SIZE, include_all_metadata: true, ...(cursor ? { cursor } : {}),
    };
    let answer: { messages?: ReadMessage[]; has_more?: boolean; response_metadata?: { next_cursor?: string } };
    try {
      answer = await callSlack(deps, () => (window.threadTs
        ? deps.client.conversations.replies({ ...args, ts: window.threadTs })
        : deps.client.conversations.history(args)), options);
    } catch (error) {
      // Refused (scope, channel, rate limit after every wait): nothing to read it from.
      if (error instanceof SlackCallError) return { kind: 'unsure', why: { kind: 'refused', error: error.code } };
      throw error;
    }
    const found = (answer.messages ?? []).find((m) => m.ts && matches(m));
    if (found?.ts) return { kind: 'found', ts: found.ts };
    cursor = answer.response_metadata?.next_cursor;
    if (!answer.has_more || !cursor) return { kind: 'absent' };
  }
  return { kind: 'unsure', why: { kind: 'too_many', read: maxPages * PAGE_SIZE } };
}
