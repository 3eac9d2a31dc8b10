// Posts today's digest of the demo channel through the real poster and returns
// its case replies, for tests about what people do on the digest.
import { WebClient } from '@slack/web-api';
import { DEMO_BOT_TOKEN, DEMO_COLLECTIONS_CHANNEL_ID, DEMO_TEAM_ID } from '../../src/emulator/seed.ts';
import { createLogger } from '../../src/log.ts';
import { postDigest } from '../../src/services/post-digest.ts';
import type { TestApp } from './app.ts';

export interface PostedReply {
  ts: string;
  caseId: number;
}

export async function postTestDigest(t: TestApp, businessDate: string): Promise<{ parentTs: string; replies: PostedReply[] }> {
  const client = new WebClient(DEMO_BOT_TOKEN, { slackApiUrl: t.emulator.apiUrl });
  const posted = await postDigest({ db: t.database.db, client, clock: () => t.clock.now, sleep: async () => {}, logger: createLogger('silent') },
    { workspaceId: DEMO_TEAM_ID, channelId: DEMO_COLLECTIONS_CHANNEL_ID, businessDate });
  if (posted.kind !== 'posted') throw new Error(`digest not posted: ${posted.kind}`);
  const replies = t.emulator.messages(DEMO_COLLECTIONS_CHANNEL_ID, { threadTs: posted.messageTs }).filter((m) => m.ts !== posted.messageTs)
    .map((m) => ({ ts: m.ts, caseId: (m.metadata as { event_payload: { case_id: number } }).event_payload.case_id }));
  return { parentTs: posted.messageTs, replies };
}
