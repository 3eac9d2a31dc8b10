// Buttons. Each handler acks first, then answers the clicking user only.
import type { App, BlockButtonAction, RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { ambiguousReply, caseCardReply } from './blocks/case-card.ts';
import { fitReply } from './blocks/kit.ts';
import { OPEN_CASE_ACTION } from './blocks/worklist.ts';
import { parseIdValue } from './interaction-values.ts';
import { openCaseById } from '../services/open-case.ts';
import { t, type Locale } from '../i18n/messages.ts';
import type { Reply } from './command.ts';
import { buildContext, errorRef, fromBlockAction, refusal, type RequestServices } from './request-context.ts';
import { registerStatementInteractions } from './statement-interactions.ts';

type Answer = { text: string; blocks?: Reply['blocks'] };

/**
 * Where a click is answered: in the conversation it came from (response_url), or,
 * for a click on the Home tab, which has none, in the clicker's DM with relance.
 */
function answerer(body: BlockButtonAction, client: WebClient, respond: RespondFn | undefined) {
  if (body.response_url && respond) return (reply: Answer) => respond({ response_type: 'ephemeral', replace_original: false, ...reply }).then(() => {});
  return async (reply: Answer) => {
    const dm = await client.conversations.open({ users: body.user.id });
    await client.chat.postMessage({ channel: dm.channel!.id!, ...reply });
  };
}

export function registerActions(app: App, services: RequestServices): void {
  const { env, logger } = services.deps;
  // The bank statement review list (Match, Ignore, the Match form).
  registerStatementInteractions(app, services);
  app.action<BlockButtonAction>(OPEN_CASE_ACTION, async ({ ack, body, action, respond, client }) => {
    await ack();
    const answer = answerer(body, client, respond as RespondFn | undefined);
    try {
      const ctx = await buildContext(services, fromBlockAction(body, client));
      const denied = refusal(ctx, 'collector', 'case');
      if (denied) {
        await answer(denied);
        return;
      }
      const customerId = parseIdValue(action.value);
      if (!customerId.ok) {
        await answer({ text: ctx.t('interaction.badValue', { input: customerId.error, command: ctx.command }) });
        return;
      }
      const found = await openCaseById(ctx.db, ctx.workspace.id, ctx.now, customerId.value);
      const view = { locale: ctx.locale, t: ctx.t, today: ctx.today };
      const reply = found.kind === 'card' ? caseCardReply(found.card, view)
        : found.kind === 'ambiguous' ? ambiguousReply(action.value ?? '', found.candidates, found.more, view)
          : { text: ctx.t('claim.notFound', { command: ctx.command }) };
      await answer(fitReply(reply));
    } catch (error) {
      const ref = errorRef();
      logger.error({ err: error, ref, action: OPEN_CASE_ACTION }, 'button failed');
      await answer({ text: t(env.RELANCE_LOCALE as Locale, 'error.internal', { ref }) }).catch(() => {});
    }
  });
}
