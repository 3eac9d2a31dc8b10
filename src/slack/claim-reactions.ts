// :raising_hand: on a digest case reply: added claims the call, removed releases
// it. Slack may deliver the two events out of order (removed before added), so
// a claim is kept only if the reaction is still on the message afterwards.
import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { findDigestEntry } from '../db/digest.ts';
import { claimCall, releaseCall } from '../services/claim-call.ts';
import type { CommandContext } from './command.ts';
import { answeringFailures, CLAIM_REACTION, claimText, refreshEntry, tellUser } from './digest-replies.ts';
import { buildContext, refusal, type RequestServices } from './request-context.ts';

interface ReactionArgs {
  event: { user: string; reaction: string; item: { type: string; channel?: string; ts?: string } };
  body: { team_id?: string };
  client: WebClient;
}

/** Whether `userId`'s claim reaction is on the message now; when Slack cannot say, it is taken as there. */
async function stillReacted(ctx: CommandContext, client: WebClient, channel: string, ts: string, userId: string): Promise<boolean> {
  try {
    const got = await client.reactions.get({ channel, timestamp: ts, full: true });
    const reaction = got.message?.reactions?.find((r) => r.name === CLAIM_REACTION);
    return reaction?.users?.includes(userId) ?? false;
  } catch (error) {
    ctx.logger.warn({ err: error, channel, ts }, 'could not check the claim reaction; keeping the claim');
    return true;
  }
}

export function registerClaimReactions(app: App, services: RequestServices): void {
  const onReaction = (added: boolean) => async ({ event, body, client }: ReactionArgs) => {
    if (event.reaction !== CLAIM_REACTION || event.item.type !== 'message' || !event.item.channel || !event.item.ts) return;
    const { channel, ts } = event.item;
    const tell = (text: string) => tellUser(client, channel, event.user, text);
    await answeringFailures(services, added ? 'reaction_added' : 'reaction_removed', tell, async () => {
      const ctx = await buildContext(services, { teamId: body.team_id ?? '', userId: event.user, channelId: channel, triggerId: '', client });
      const entry = await findDigestEntry(ctx.db, ctx.workspace.id, channel, ts);
      if (!entry) return; // a reaction on any other message means nothing to relance
      const denied = refusal(ctx, 'collector', 'claim');
      if (denied) return void (await tell(denied.text));
      const input = { workspaceId: ctx.workspace.id, caseId: entry.caseId, userId: ctx.userId, now: ctx.now, via: 'reaction' as const };
      if (added) {
        const result = await claimCall(ctx.db, input);
        if (result.kind === 'claimed' && !(await stillReacted(ctx, client, channel, ts, ctx.userId))) {
          // The removal came first and found nothing to release: give the call back now, silently.
          await releaseCall(ctx.db, input);
          return;
        }
        await tell(claimText(ctx, result));
        if (result.kind === 'claimed') await refreshEntry(ctx, client, channel, ts);
      } else {
        const result = await releaseCall(ctx.db, input);
        if (result.kind === 'not_claimed') return void (await tell(ctx.t('claim.notClaimed', { name: result.name })));
        if (result.kind !== 'released') return;
        await tell(ctx.t('claim.released', { name: result.name }));
        await refreshEntry(ctx, client, channel, ts);
      }
    });
  };
  app.event('reaction_added', onReaction(true));
  app.event('reaction_removed', onReaction(false));
}
