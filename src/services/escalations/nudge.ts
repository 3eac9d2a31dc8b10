// Requests left undecided for `escalation_nudge_hours` business hours (24 by
// default; business days of the workspace's calendar, in its zone) get one
// nudge: a reply in the request's thread mentioning the managers who may
// decide. Requests without a message of their own (a burst of ladder
// proposals) are nudged together, in one message to the managers' channel.
//
// Once only: each request is stamped `nudged_at`, under its row lock (skip
// locked, so two workers never both nudge it); a thread reply is stamped in
// the transaction that posted it, so a failed post is tried again at the next
// pass. Only a crash between Slack's answer and the commit could nudge twice.
import { createHash } from 'node:crypto';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { enqueueChannelPost, findChannelPost } from '../../db/channel-posts.ts';
import { deciders, unnudged } from '../../db/escalations.ts';
import { escalations } from '../../db/schema.ts';
import { readSettings } from '../../db/settings.ts';
import { findWorkspace } from '../../db/workspaces.ts';
import { addBusinessHours } from '../../domain/business-hours.ts';
import { isBusinessCalendar } from '../../domain/dates.ts';
import { mrkdwn } from '../../i18n/format.ts';
import { workspaceView } from '../../slack/blocks/escalation.ts';
import { requestTarget } from './post-requests.ts';
import type { SlackDeps } from './show-decision.ts';

export interface Nudged {
  inThreads: number;
  listed: number;
}

const mentions = (users: string[]) => mrkdwn(users.map((u) => `<@${u}>`).join(' '));

export async function nudgeWaiting(deps: SlackDeps, workspaceId: string, now: Date): Promise<Nudged> {
  const { db } = deps;
  const workspace = await findWorkspace(db, workspaceId);
  if (!workspace) return { inThreads: 0, listed: 0 };
  const settings = await readSettings(db, workspaceId);
  const calendar = isBusinessCalendar(workspace.country) ? workspace.country : 'none';
  const hours = settings.escalationNudgeHours;
  const due = (await unnudged(db, workspaceId))
    .filter((c) => addBusinessHours(c.createdAt, hours, workspace.timezone, calendar).getTime() <= now.getTime());
  if (due.length === 0) return { inThreads: 0, listed: 0 };
  const { t } = workspaceView(workspace, now, deps.command);
  const managers = await deciders(db, workspaceId);

  const threads: { id: number; channelId: string; ts: string; requestedBy: string }[] = [];
  const listed: number[] = [];
  for (const c of due) {
    const post = c.postId ? await findChannelPost(db, workspaceId, c.postId) : null;
    if (post?.status === 'posted' && post.channelId && post.messageTs) threads.push({ id: c.id, channelId: post.channelId, ts: post.messageTs, requestedBy: c.requestedBy });
    // A message still in the outbox is nudged once it is posted; one that will never be is nudged in the list.
    else if (!post || post.status !== 'pending') listed.push(c.id);
  }

  let inThreads = 0;
  for (const c of threads) {
    const text = t('escalation.nudge', { managers: mentions(managers.filter((m) => m !== c.requestedBy)), hours });
    const sent = await db.transaction(async (tx) => {
      const [held] = await tx.select({ id: escalations.id }).from(escalations)
        .where(and(eq(escalations.id, c.id), eq(escalations.status, 'pending'), isNull(escalations.nudgedAt)))
        .for('update', { skipLocked: true });
      if (!held) return false;
      await deps.client.chat.postMessage({ channel: c.channelId, thread_ts: c.ts, text });
      await tx.update(escalations).set({ nudgedAt: now }).where(eq(escalations.id, c.id));
      return true;
    }).catch((error: unknown) => {
      deps.logger.warn({ err: error, escalation: c.id }, 'could not nudge the managers in the request thread; tried again at the next pass');
      return false;
    });
    if (sent) inThreads++;
  }

  const listedCount = listed.length === 0 ? 0 : await db.transaction(async (tx) => {
    const held = await tx.select({ id: escalations.id }).from(escalations)
      .where(and(inArray(escalations.id, listed), eq(escalations.status, 'pending'), isNull(escalations.nudgedAt)))
      .orderBy(escalations.id).for('update', { skipLocked: true });
    if (held.length === 0) return 0;
    const ids = held.map((h) => h.id);
    const key = `escalations.nudge.${createHash('sha256').update(ids.join(',')).digest('hex').slice(0, 24)}`;
    await enqueueChannelPost(tx, {
      workspaceId, target: requestTarget(settings), key, now,
      text: t('escalation.nudgeList', { managers: mentions(managers), count: ids.length, hours, command: deps.command }),
    });
    await tx.update(escalations).set({ nudgedAt: now }).where(inArray(escalations.id, ids));
    return ids.length;
  });
  return { inThreads, listed: listedCount };
}
