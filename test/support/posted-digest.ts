// Posts today's digest of the demo channel through the real poster and returns
// its case replies, for tests about what people do on the digest.
import { WebClient } from '@slack/web-api';
import { and, eq } from 'drizzle-orm';
import { activities } from '../../src/db/schema.ts';
import { debtors } from './digest-ledger.ts';
import { seedLedger } from './ledger.ts';
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

/** A case of another workspace (T0OTHER), for tests that forge a click or a form pointing at it. */
export async function otherWorkspaceCase(t: TestApp, businessDate: string): Promise<number> {
  const other = await seedLedger(t.database, 'T0OTHER', businessDate, debtors(1, businessDate));
  const [opened] = await t.database.db.select({ caseId: activities.caseId }).from(activities)
    .where(and(eq(activities.customerId, other.get('D01')!), eq(activities.kind, 'case_opened')));
  return opened!.caseId!;
}
