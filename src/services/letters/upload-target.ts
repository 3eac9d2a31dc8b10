// Where a case's files go in Slack: its thread when it has one, else the team
// channel itself (the thread is started by the first post the outbox sends).
import { eq } from 'drizzle-orm';
import { teamChannel } from '../../db/channel-posts.ts';
import type { Queryable } from '../../db/client.ts';
import { cases } from '../../db/schema.ts';

export type UploadTarget =
  | { kind: 'thread'; channelId: string; threadTs: string }
  | { kind: 'channel'; channelId: string }
  | { kind: 'none' };

export async function caseUploadTarget(db: Queryable, workspaceId: string, caseId: number): Promise<UploadTarget> {
  const [kase] = await db.select({ channelId: cases.threadChannelId, ts: cases.threadTs }).from(cases).where(eq(cases.id, caseId));
  if (kase?.channelId && kase.ts) return { kind: 'thread', channelId: kase.channelId, threadTs: kase.ts };
  const channelId = await teamChannel(db, workspaceId);
  return channelId ? { kind: 'channel', channelId } : { kind: 'none' };
}
