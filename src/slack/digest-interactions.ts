// What the team does on the digest: Claim call and Log call buttons, the
// log-call modal, and :raising_hand: reactions (added claims, removed releases).
import type { App, BlockButtonAction } from '@slack/bolt';
import { and, eq } from 'drizzle-orm';
import { loadCaseCard } from '../db/cases.ts';
import { cases } from '../db/schema.ts';
import { claimCall } from '../services/claim-call.ts';
import { CLAIM_CALL_ACTION, LOG_CALL_ACTION } from './blocks/digest.ts';
import { registerClaimReactions } from './claim-reactions.ts';
import type { CommandContext } from './command.ts';
import { answeringFailures, claimText, refreshEntry } from './digest-replies.ts';
import { parseIdValue } from './interaction-values.ts';
import { registerLogCallSubmission } from './log-call-submission.ts';
import { logCallModal } from './modals/log-call.ts';
import { buildContext, fromBlockAction, refusal, type RequestServices } from './request-context.ts';

/** The case a digest button names, or what to tell the clicker when it names none. */
function buttonCase(ctx: CommandContext, value: string | undefined): { ok: true; caseId: number } | { ok: false; text: string } {
  const parsed = parseIdValue(value);
  return parsed.ok ? { ok: true, caseId: parsed.value } : { ok: false, text: ctx.t('interaction.badValue', { input: parsed.error, command: ctx.command }) };
}

export function registerDigestInteractions(app: App, services: RequestServices): void {
  app.action<BlockButtonAction>(CLAIM_CALL_ACTION, async ({ ack, body, action, client, respond }) => {
    await ack();
    const answer = (text: string) => respond({ response_type: 'ephemeral', replace_original: false, text });
    await answeringFailures(services, CLAIM_CALL_ACTION, answer, async () => {
      const ctx = await buildContext(services, fromBlockAction(body, client));
      const denied = refusal(ctx, 'collector', 'claim');
      if (denied) return void (await answer(denied.text));
      const target = buttonCase(ctx, action.value);
      if (!target.ok) return void (await answer(target.text));
      const result = await claimCall(ctx.db, { workspaceId: ctx.workspace.id, caseId: target.caseId, userId: ctx.userId, now: ctx.now, via: 'button' });
      await answer(claimText(ctx, result));
      if (result.kind === 'claimed' && body.channel && body.message) await refreshEntry(ctx, client, body.channel.id, body.message.ts);
    });
  });

  app.action<BlockButtonAction>(LOG_CALL_ACTION, async ({ ack, body, action, client, respond }) => {
    await ack();
    const answer = (text: string) => respond({ response_type: 'ephemeral', replace_original: false, text });
    await answeringFailures(services, LOG_CALL_ACTION, answer, async () => {
      const ctx = await buildContext(services, fromBlockAction(body, client));
      const denied = refusal(ctx, 'collector', 'log');
      if (denied) return void (await answer(denied.text));
      const target = buttonCase(ctx, action.value);
      if (!target.ok) return void (await answer(target.text));
      const [kase] = await ctx.db.select({ customerId: cases.customerId }).from(cases)
        .where(and(eq(cases.workspaceId, ctx.workspace.id), eq(cases.id, target.caseId)));
      const card = kase ? await loadCaseCard(ctx.db, ctx.workspace.id, kase.customerId) : null;
      if (!card) return void (await answer(ctx.t('claim.notFound', { command: ctx.command })));
      const meta = { caseId: target.caseId, channelId: body.channel?.id, messageTs: body.message?.ts };
      await client.views.open({ trigger_id: body.trigger_id, view: logCallModal(ctx.t, card.customer.name, meta) });
    });
  });

  registerLogCallSubmission(app, services);
  registerClaimReactions(app, services);
}
