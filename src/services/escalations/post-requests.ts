// Getting a request in front of the managers: its message in the managers'
// channel (through the outbox, under the key `escalation.<id>`, so a retry
// queues it once) and a DM to each manager who may decide it.
//
// Ladder proposals arrive without either. The background pass posts each one
// like a person's request, unless more than PROPOSAL_BURST wait at once: then
// none is posted on its own (the ladder posts one summary for them), they are
// marked `summarized_at` so they never are, each manager gets one DM saying
// how many wait, and `/collect escalations` is where they are decided.
import { eq, inArray } from 'drizzle-orm';
import { enqueueChannelPost, teamChannel, type ChannelPostTarget } from '../../db/channel-posts.ts';
import type { Db, Queryable } from '../../db/client.ts';
import { deciders, loadBrief, SYSTEM_REQUESTER, untoldProposals, type EscalationBrief } from '../../db/escalations.ts';
import { escalations } from '../../db/schema.ts';
import { readSettings } from '../../db/settings.ts';
import { findWorkspace, type Workspace } from '../../db/workspaces.ts';
import type { Settings } from '../../domain/settings.ts';
import { channelLink, mrkdwn, type Mrkdwn } from '../../i18n/format.ts';
import { kindLabel, requestMessage, workspaceView } from '../../slack/blocks/escalation.ts';
import type { AiClient } from '../../ai/client.ts';
import type { Logger } from '../../log.ts';
import { keepRuleNarrative, writeProposalNarratives } from './case-brief.ts';

/** More ladder proposals than this waiting at once are listed, not posted one by one. */
export const PROPOSAL_BURST = 10;

interface Ctx {
  workspace: Workspace;
  now: Date;
  /** The slash command as installed, for the messages that name it. */
  command: string;
}

/** Where requests go: the managers' channel, else the team channel (followed if it changes). */
export const requestTarget = (settings: Settings): ChannelPostTarget =>
  (settings.managersChannel ? { to: 'channel', channelId: settings.managersChannel } : { to: 'team' });

/** The channel requests go to now, if there is one yet. */
export async function requestChannel(db: Queryable, workspaceId: string): Promise<string | null> {
  const settings = await readSettings(db, workspaceId);
  return settings.managersChannel ?? (await teamChannel(db, workspaceId));
}

/** Queues the request's message, its narrative kept first (the rules' if none was written); returns its outbox id. */
export async function queueRequest(tx: Queryable, ctx: Ctx, brief: EscalationBrief): Promise<number> {
  const narrative = brief.narrative ?? await keepRuleNarrative(tx, ctx.workspace, brief);
  const message = requestMessage({ ...brief, narrative }, workspaceView(ctx.workspace, ctx.now, ctx.command));
  const settings = await readSettings(tx, ctx.workspace.id);
  const postId = await enqueueChannelPost(tx, {
    workspaceId: ctx.workspace.id, target: requestTarget(settings), text: message.text, blocks: message.blocks, key: `escalation.${brief.id}`, now: ctx.now,
  });
  await tx.update(escalations).set({ postId }).where(eq(escalations.id, brief.id));
  return postId;
}

async function whereRequestsGo(tx: Queryable, ctx: Ctx): Promise<Mrkdwn> {
  const channel = await requestChannel(tx, ctx.workspace.id);
  return channel ? channelLink(channel) : mrkdwn(workspaceView(ctx.workspace, ctx.now, ctx.command).t('escalation.dm.teamChannel'));
}

/** One DM per manager who may decide (not the requester); returns how many. */
export async function tellManagers(tx: Queryable, ctx: Ctx, brief: EscalationBrief): Promise<number> {
  const { t } = workspaceView(ctx.workspace, ctx.now, ctx.command);
  const managers = (await deciders(tx, ctx.workspace.id)).filter((m) => m !== brief.requestedBy);
  const params = { kind: kindLabel(t, brief.kind), name: brief.name, ref: brief.ref, where: await whereRequestsGo(tx, ctx), command: ctx.command };
  const text = brief.requestedBy === SYSTEM_REQUESTER
    ? t('escalation.dm.proposal', params)
    : t('escalation.dm.request', { ...params, user: mrkdwn(`<@${brief.requestedBy}>`) });
  for (const userId of managers) {
    await enqueueChannelPost(tx, { workspaceId: ctx.workspace.id, target: { to: 'user', userId }, text, key: `escalation.${brief.id}.dm.${userId}`, now: ctx.now });
  }
  await tx.update(escalations).set({ managersToldAt: ctx.now }).where(eq(escalations.id, brief.id));
  return managers.length;
}

export interface ProposalsPosted {
  posted: number;
  summarized: number;
}

/**
 * The ladder's new proposals: each posted with its DMs, or, in a burst, listed
 * with one DM per manager. Their narratives are written first, outside the
 * transaction (the model may take seconds); one the model did not write gets
 * the rules' when queued.
 */
export async function postWaitingProposals(db: Db, input: { workspaceId: string; now: Date; command: string; ai?: AiClient | null; logger?: Logger }): Promise<ProposalsPosted> {
  try {
    await writeProposalNarratives(db, input.ai ?? null, {
      workspaceId: input.workspaceId, now: input.now, burst: PROPOSAL_BURST, ...(input.logger ? { logger: input.logger } : {}),
    });
  } catch (error) {
    // The proposals are posted all the same, with the rule brief.
    input.logger?.warn({ err: error instanceof Error ? error.message : String(error) }, 'could not write the proposals\' narratives');
  }
  return db.transaction(async (tx) => {
    // Skip locked: two workers' passes never tell the managers twice.
    const ids = await untoldProposals(tx, input.workspaceId);
    if (ids.length === 0) return { posted: 0, summarized: 0 };
    const workspace = await findWorkspace(tx, input.workspaceId);
    if (!workspace) return { posted: 0, summarized: 0 };
    const ctx = { workspace, now: input.now, command: input.command };
    if (ids.length > PROPOSAL_BURST) {
      await tx.update(escalations).set({ summarizedAt: input.now, managersToldAt: input.now }).where(inArray(escalations.id, ids));
      const { t } = workspaceView(workspace, input.now, input.command);
      const text = t('escalation.dm.burst', { count: ids.length, command: input.command });
      for (const userId of await deciders(tx, workspace.id)) {
        await enqueueChannelPost(tx, {
          workspaceId: workspace.id, target: { to: 'user', userId }, text, key: `escalations.burst.${ids[0]}-${ids.at(-1)}.${userId}`, now: input.now,
        });
      }
      return { posted: 0, summarized: ids.length };
    }
    for (const id of ids) {
      const brief = await loadBrief(tx, workspace.id, id);
      if (!brief) continue;
      await queueRequest(tx, ctx, brief);
      await tellManagers(tx, ctx, brief);
    }
    return { posted: ids.length, summarized: 0 };
  });
}
