// Submitting the log-call modal. The write happens before the ack, so every
// problem — a bad form, a forged payload, a database failure — shows in the
// modal itself (response_action: errors) with the note still typed in, and a
// submission Slack or anyone replays writes nothing the second time.
import type { App, ViewSubmitAction } from '@slack/bolt';
import { stripControls } from '../domain/typed-text.ts';
import { t, type Locale } from '../i18n/messages.ts';
import { isCallOutcome, logCall } from '../services/log-call.ts';
import { refreshEntry, tellUser } from './digest-replies.ts';
import { parseLogCallMetadata } from './interaction-values.ts';
import { LOG_CALL_VIEW, NOTE_MAX_CHARS } from './modals/log-call.ts';
import { buildContext, errorRef, refusal, type RequestServices } from './request-context.ts';

/** How much of damaged metadata is quoted back in the modal. */
const QUOTED_METADATA_CHARS = 60;

type BlockErrors = Partial<Record<'outcome' | 'note', string>>;

export function registerLogCallSubmission(app: App, services: RequestServices): void {
  const { env, logger } = services.deps;
  app.view<ViewSubmitAction>(LOG_CALL_VIEW, async ({ ack, body, view, client }) => {
    let acked = false;
    const answer = async (errors?: BlockErrors) => {
      acked = true;
      await ack(errors ? { response_action: 'errors', errors } : undefined);
    };
    try {
      const teamId = body.team?.id ?? body.user.team_id ?? '';
      const ctx = await buildContext(services, { teamId, userId: body.user.id, channelId: '', triggerId: '', client });
      const denied = refusal(ctx, 'collector', 'log');
      if (denied) return void (await answer({ outcome: denied.text }));
      const meta = parseLogCallMetadata(view.private_metadata);
      if (!meta.ok) return void (await answer({ outcome: ctx.t('logCall.badForm', { input: meta.error.slice(0, QUOTED_METADATA_CHARS), command: ctx.command }) }));
      const outcome = view.state.values.outcome?.value?.selected_option?.value ?? '';
      if (!isCallOutcome(outcome)) return void (await answer({ outcome: ctx.t('logCall.pickOutcome') }));
      const note = stripControls(view.state.values.note?.value?.value ?? '').trim();
      if (note.length > NOTE_MAX_CHARS) return void (await answer({ note: ctx.t('logCall.noteTooLong', { length: note.length, max: NOTE_MAX_CHARS }) }));

      const result = await logCall(ctx.db, {
        workspaceId: ctx.workspace.id, caseId: meta.value.caseId, userId: ctx.userId, outcome, note: note || null, now: ctx.now,
        submissionKey: `view:${view.id}:${view.hash}`,
      });
      if (result.kind === 'no_case') return void (await answer({ outcome: ctx.t('logCall.noCase', { command: ctx.command }) }));
      await answer();
      const { channelId, messageTs } = meta.value;
      if (result.kind !== 'logged' || !channelId) return;
      await tellUser(client, channelId, ctx.userId, ctx.t('logCall.done', { name: result.name, outcome: ctx.t(`outcome.${outcome}`) }))
        .catch((error: unknown) => ctx.logger.warn({ err: error }, 'could not confirm the logged call'));
      if (messageTs) await refreshEntry(ctx, client, channelId, messageTs);
    } catch (error) {
      const ref = errorRef();
      logger.error({ err: error, ref, what: LOG_CALL_VIEW }, 'logging a call failed');
      if (!acked) await answer({ note: t(env.RELANCE_LOCALE as Locale, 'logCall.failed', { ref }) }).catch(() => {});
    }
  });
}
