// Buttons. Each handler acks first, then answers the clicking user only.
import type { App, BlockButtonAction } from '@slack/bolt';
import { ambiguousReply, caseCardReply } from './blocks/case-card.ts';
import { fitReply } from './blocks/kit.ts';
import { OPEN_CASE_ACTION } from './blocks/worklist.ts';
import { parseIdValue } from './interaction-values.ts';
import { openCaseById } from '../services/open-case.ts';
import { t, type Locale } from '../i18n/messages.ts';
import { buildContext, errorRef, fromBlockAction, refusal, type RequestServices } from './request-context.ts';

export function registerActions(app: App, services: RequestServices): void {
  const { env, logger } = services.deps;
  app.action<BlockButtonAction>(OPEN_CASE_ACTION, async ({ ack, body, action, respond, client }) => {
    await ack();
    try {
      const ctx = await buildContext(services, fromBlockAction(body, client));
      const denied = refusal(ctx, 'collector', 'case');
      if (denied) {
        await respond({ response_type: 'ephemeral', replace_original: false, ...denied });
        return;
      }
      const customerId = parseIdValue(action.value);
      if (!customerId.ok) {
        await respond({ response_type: 'ephemeral', replace_original: false, text: ctx.t('interaction.badValue', { input: customerId.error, command: ctx.command }) });
        return;
      }
      const found = await openCaseById(ctx.db, ctx.workspace.id, ctx.now, customerId.value);
      const view = { locale: ctx.locale, t: ctx.t, today: ctx.today };
      const reply = found.kind === 'card' ? caseCardReply(found.card, view)
        : found.kind === 'ambiguous' ? ambiguousReply(action.value ?? '', found.candidates, found.more, view)
          : { text: ctx.t('claim.notFound', { command: ctx.command }) };
      await respond({ response_type: 'ephemeral', replace_original: false, ...fitReply(reply) });
    } catch (error) {
      const ref = errorRef();
      logger.error({ err: error, ref, action: OPEN_CASE_ACTION }, 'button failed');
      await respond({ response_type: 'ephemeral', replace_original: false, text: t(env.RELANCE_LOCALE as Locale, 'error.internal', { ref }) }).catch(() => {});
    }
  });
}
