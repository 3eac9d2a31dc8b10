// The request message shows the decision once it is made: its buttons give
// way to "Approved by …" (chat.update). Right after the click when the
// message is in Slack already; else the background pass does it once the
// outbox has posted it. Updating twice shows the same thing, so only a
// done update (or a message that will never exist) marks it shown.
import type { WebClient } from '@slack/web-api';
import { eq } from 'drizzle-orm';
import { findChannelPost } from '../../db/channel-posts.ts';
import type { Db } from '../../db/client.ts';
import { loadBrief, undisplayedDecisions } from '../../db/escalations.ts';
import { escalations } from '../../db/schema.ts';
import { findWorkspace } from '../../db/workspaces.ts';
import type { Logger } from '../../log.ts';
import { requestMessage, workspaceView } from '../../slack/blocks/escalation.ts';

export interface SlackDeps {
  db: Db;
  client: WebClient;
  logger: Logger;
  /** The slash command as installed. */
  command: string;
}

export type Shown = 'shown' | 'waiting' | 'nothing';

/** Slack will never let this message be updated: stop trying. */
const GONE = new Set(['message_not_found', 'cant_update_message', 'channel_not_found', 'is_archived', 'not_in_channel', 'edit_window_closed']);

export async function showDecision(deps: SlackDeps, workspaceId: string, escalationId: number, now: Date): Promise<Shown> {
  const { db } = deps;
  const [brief, workspace] = await Promise.all([loadBrief(db, workspaceId, escalationId), findWorkspace(db, workspaceId)]);
  if (!brief || !workspace || brief.status === 'pending' || !brief.postId) return 'nothing';
  const post = await findChannelPost(db, workspaceId, brief.postId);
  const done = (where: { channelId?: string; messageTs?: string } = {}) =>
    db.update(escalations).set({ decisionShownAt: now, ...where }).where(eq(escalations.id, escalationId));
  if (!post || ['skipped', 'failed', 'unconfirmed'].includes(post.status)) {
    await done();
    return 'nothing';
  }
  if (post.status !== 'posted' || !post.channelId || !post.messageTs) return 'waiting';
  const message = requestMessage(brief, workspaceView(workspace, now, deps.command));
  try {
    await deps.client.chat.update({ channel: post.channelId, ts: post.messageTs, text: message.text, blocks: message.blocks });
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error;
    if (!code || !GONE.has(code)) throw error;
    deps.logger.warn({ slackError: code, escalation: escalationId }, 'the request message can no longer be updated; the decision is in the case thread and the timeline');
  }
  await done({ channelId: post.channelId, messageTs: post.messageTs });
  return 'shown';
}

/** Every decided request of the workspace whose message still shows its buttons. */
export async function showDecisions(deps: SlackDeps, workspaceId: string, now: Date): Promise<number> {
  let shown = 0;
  for (const id of await undisplayedDecisions(deps.db, workspaceId)) {
    try {
      if ((await showDecision(deps, workspaceId, id, now)) === 'shown') shown++;
    } catch (error) {
      deps.logger.warn({ err: error, escalation: id }, 'could not show a decision on its request message; tried again at the next pass');
    }
  }
  return shown;
}
