// What the team does on the digest: Claim call and Log call buttons (Log call
// also on the case card), the log-call modal, and :raising_hand: reactions
// (added claims, removed releases).
import type { App, BlockButtonAction } from '@slack/bolt';
import { translator, type Locale } from '../i18n/messages.ts';
import { claimCall } from '../services/claim-call.ts';
import { CLAIM_CALL_ACTION, LOG_CALL_ACTION } from './blocks/digest.ts';
import { registerClaimReactions } from './claim-reactions.ts';
import type { CommandContext } from './command.ts';
import { answeringFailures, claimText, refreshEntry } from './digest-replies.ts';
import { parseIdValue } from './interaction-values.ts';
import { fillLogCallForm, openLoadingForm, showNotice } from './log-call-form.ts';
import { registerLogCallSubmission } from './log-call-submission.ts';
import { parseLogCallButton } from './modals/log-call.ts';
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

  // Log call, on a digest reply, a case card, or a reply whose form could not open.
  app.action<BlockButtonAction>(LOG_CALL_ACTION, async ({ ack, body, action, client, respond }) => {
    await ack();
    const quick = translator((services.workspaces.peek(body.team?.id ?? body.user.team_id ?? '')?.locale ?? services.deps.env.RELANCE_LOCALE) as Locale);
    let formId: string | null = null;
    // Once the form is open, what the clicker is told shows there too, so it never stays on "loading" (a failure included).
    const answer = async (text: string) => {
      if (formId) await showNotice({ client, logger: services.deps.logger, t: quick }, formId, text);
      await respond({ response_type: 'ephemeral', replace_original: false, text });
    };
    await answeringFailures(services, LOG_CALL_ACTION, answer, async () => {
      const request = parseLogCallButton(action.value);
      if (!request.ok) {
        // A button relance did not make opens nothing.
        const ctx = await buildContext(services, fromBlockAction(body, client));
        const denied = refusal(ctx, 'collector', 'log');
        return void (await answer(denied ? denied.text : ctx.t('interaction.badValue', { input: request.error, command: ctx.command })));
      }
      const { caseId } = request.value;
      const channelId = body.channel?.id;
      const messageTs = body.message?.ts;
      // The trigger first, before any read: it lasts 3 seconds.
      const opened = await openLoadingForm(client, body.trigger_id, quick, { caseId, ...(channelId ? { channelId } : {}), ...(messageTs ? { messageTs } : {}) });
      if (opened.kind === 'opened') formId = opened.viewId;
      const ctx = await buildContext(services, fromBlockAction(body, client));
      const denied = refusal(ctx, 'collector', 'log');
      if (denied) return void (await answer(denied.text));
      if (opened.kind === 'stale') return void (await answer(ctx.t('logCall.staleTrigger')));
      const shown = await fillLogCallForm(ctx, opened.viewId, { caseId, channelId, messageTs, outcome: request.value.outcome, note: request.value.note });
      if (shown.kind === 'no_case') await answer(ctx.t('claim.notFound', { command: ctx.command }));
      else if (shown.kind === 'closed') await answer(ctx.t('logCall.closedCase', { name: shown.name }));
    });
  });

  registerLogCallSubmission(app, services);
  registerClaimReactions(app, services);
}
