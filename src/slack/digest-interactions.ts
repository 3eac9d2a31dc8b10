// What the team does on the digest: Claim call and Log call buttons, the
// log-call modal, and :raising_hand: reactions (added claims, removed releases).
import type { App, BlockButtonAction, ViewSubmitAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { findDigestEntry } from '../db/digest.ts';
import { loadEntries } from '../db/worklist.ts';
import { mention } from '../i18n/format.ts';
import { callHolder, claimCall, releaseCall, type ClaimResult } from '../services/claim-call.ts';
import { isCallOutcome, logCall } from '../services/log-call.ts';
import { loadCaseCard } from '../db/cases.ts';
import { cases } from '../db/schema.ts';
import { and, eq } from 'drizzle-orm';
import { CLAIM_CALL_ACTION, digestEntry, LOG_CALL_ACTION } from './blocks/digest.ts';
import type { CommandContext } from './command.ts';
import { logCallModal, LOG_CALL_VIEW, type LogCallMetadata } from './modals/log-call.ts';
import { buildContext, errorRef, fromBlockAction, refusal, type RequestServices } from './request-context.ts';

export const CLAIM_REACTION = 'raising_hand';

function claimText(ctx: CommandContext, result: ClaimResult): string {
  switch (result.kind) {
    case 'claimed': return ctx.t('claim.done', { name: result.name });
    case 'already': return ctx.t('claim.already', { name: result.name });
    case 'taken': return ctx.t('claim.taken', { name: result.name, user: mention(result.by) });
    case 'closed': return ctx.t('claim.closed');
  }
}

/** Re-renders a digest reply so everyone sees who holds the call. */
async function refreshEntry(ctx: CommandContext, client: WebClient, channelId: string, messageTs: string): Promise<void> {
  const entry = await findDigestEntry(ctx.db, ctx.workspace.id, channelId, messageTs);
  if (!entry) return;
  const [detail] = await loadEntries(ctx.db, ctx.workspace.id, ctx.today, [entry.customerId]);
  if (!detail) return;
  const holder = await callHolder(ctx.db, ctx.workspace.id, entry.caseId);
  const reply = digestEntry({ ...detail, caseId: entry.caseId }, entry.rank, { locale: ctx.locale, t: ctx.t, today: ctx.today }, holder);
  await client.chat.update({ channel: channelId, ts: messageTs, text: reply.text, blocks: reply.blocks });
}

async function tellUser(client: WebClient, channelId: string, userId: string, text: string): Promise<void> {
  await client.chat.postEphemeral({ channel: channelId, user: userId, text });
}

export function registerDigestInteractions(app: App, services: RequestServices): void {
  const { logger } = services.deps;
  const failed = (what: string, error: unknown) => logger.error({ err: error, ref: errorRef(), what }, 'digest interaction failed');

  app.action<BlockButtonAction>(CLAIM_CALL_ACTION, async ({ ack, body, action, client, respond }) => {
    await ack();
    try {
      const ctx = await buildContext(services, fromBlockAction(body, client));
      const denied = refusal(ctx, 'collector', 'claim');
      if (denied) return void (await respond({ response_type: 'ephemeral', replace_original: false, ...denied }));
      const result = await claimCall(ctx.db, { workspaceId: ctx.workspace.id, caseId: Number(action.value), userId: ctx.userId, now: ctx.now, via: 'button' });
      await respond({ response_type: 'ephemeral', replace_original: false, text: claimText(ctx, result) });
      if (result.kind === 'claimed' && body.channel && body.message) await refreshEntry(ctx, client, body.channel.id, body.message.ts);
    } catch (error) {
      failed(CLAIM_CALL_ACTION, error);
    }
  });

  app.action<BlockButtonAction>(LOG_CALL_ACTION, async ({ ack, body, action, client, respond }) => {
    await ack();
    try {
      const ctx = await buildContext(services, fromBlockAction(body, client));
      const denied = refusal(ctx, 'collector', 'log');
      if (denied) return void (await respond({ response_type: 'ephemeral', replace_original: false, ...denied }));
      const caseId = Number(action.value);
      const [kase] = await ctx.db.select({ customerId: cases.customerId }).from(cases).where(and(eq(cases.workspaceId, ctx.workspace.id), eq(cases.id, caseId)));
      const card = kase ? await loadCaseCard(ctx.db, ctx.workspace.id, kase.customerId) : null;
      if (!card) return void (await respond({ response_type: 'ephemeral', replace_original: false, text: ctx.t('claim.closed') }));
      const meta: LogCallMetadata = { caseId, channelId: body.channel?.id, messageTs: body.message?.ts };
      await client.views.open({ trigger_id: body.trigger_id, view: logCallModal(ctx.t, card.customer.name, meta) });
    } catch (error) {
      failed(LOG_CALL_ACTION, error);
    }
  });

  app.view<ViewSubmitAction>(LOG_CALL_VIEW, async ({ ack, body, view, client }) => {
    const outcome = view.state.values.outcome?.value?.selected_option?.value ?? '';
    if (!isCallOutcome(outcome)) {
      await ack({ response_action: 'errors', errors: { outcome: 'Pick an outcome.' } });
      return;
    }
    await ack();
    try {
      const meta = JSON.parse(view.private_metadata || '{}') as LogCallMetadata;
      const ctx = await buildContext(services, { teamId: body.team?.id ?? body.user.team_id ?? '', userId: body.user.id, channelId: meta.channelId ?? '', triggerId: '', client });
      if (refusal(ctx, 'collector', 'log')) return;
      const note = view.state.values.note?.value?.value?.trim() || null;
      const result = await logCall(ctx.db, { workspaceId: ctx.workspace.id, caseId: meta.caseId, userId: ctx.userId, outcome, note, now: ctx.now });
      if (result.kind !== 'logged' || !meta.channelId) return;
      await tellUser(client, meta.channelId, ctx.userId, ctx.t('logCall.done', { name: result.name, outcome: ctx.t(`outcome.${outcome}`) }));
      if (meta.messageTs) await refreshEntry(ctx, client, meta.channelId, meta.messageTs);
    } catch (error) {
      failed(LOG_CALL_VIEW, error);
    }
  });

  const onReaction = (added: boolean) => async ({ event, body, client }: {
    event: { user: string; reaction: string; item: { type: string; channel?: string; ts?: string } };
    body: { team_id?: string };
    client: WebClient;
  }) => {
    if (event.reaction !== CLAIM_REACTION || event.item.type !== 'message' || !event.item.channel || !event.item.ts) return;
    const { channel, ts } = event.item;
    try {
      const ctx = await buildContext(services, { teamId: body.team_id ?? '', userId: event.user, channelId: channel, triggerId: '', client });
      const entry = await findDigestEntry(ctx.db, ctx.workspace.id, channel, ts);
      if (!entry) return; // a reaction on any other message means nothing to relance
      const denied = refusal(ctx, 'collector', 'claim');
      if (denied) return void (await tellUser(client, channel, ctx.userId, denied.text));
      const input = { workspaceId: ctx.workspace.id, caseId: entry.caseId, userId: ctx.userId, now: ctx.now, via: 'reaction' as const };
      if (added) {
        const result = await claimCall(ctx.db, input);
        await tellUser(client, channel, ctx.userId, claimText(ctx, result));
        if (result.kind === 'claimed') await refreshEntry(ctx, client, channel, ts);
      } else {
        const result = await releaseCall(ctx.db, input);
        if (result.kind !== 'released') return;
        await tellUser(client, channel, ctx.userId, ctx.t('claim.released', { name: result.name }));
        await refreshEntry(ctx, client, channel, ts);
      }
    } catch (error) {
      failed(added ? 'reaction_added' : 'reaction_removed', error);
    }
  };
  app.event('reaction_added', onReaction(true));
  app.event('reaction_removed', onReaction(false));
}
