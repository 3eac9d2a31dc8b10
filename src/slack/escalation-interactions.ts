// Deciding escalation requests from Slack: Approve (or, on a ladder hand-off,
// Approve: agency / Approve: legal), Reject with its form asking why, and the
// Next page button of `/collect escalations`. Every refusal is told to the
// clicker alone and changes nothing; the decision itself updates the request
// message, reaches the case thread and the timeline, and DMs the requester.
import type { App, BlockButtonAction, RespondFn, ViewSubmitAction } from '@slack/bolt';
import { aiClientFor } from '../ai/client.ts';
import { escalationsPage } from '../../commands/escalations.ts';
import { loadBrief } from '../db/escalations.ts';
import { REASON_MAX_CHARS } from '../domain/escalation-args.ts';
import { stripControls } from '../domain/typed-text.ts';
import { formatDate, mention, mrkdwn, plainFromMrkdwn } from '../i18n/format.ts';
import { t as translate, type Locale } from '../i18n/messages.ts';
import { decideEscalation, type DecideResult, type Decision } from '../services/escalations/decide.ts';
import { fulfilApprovals } from '../services/escalations/fulfil.ts';
import { showDecision } from '../services/escalations/show-decision.ts';
import { todayIn } from '../domain/dates.ts';
import {
  APPROVE_ACTION, kindLabel, PAGE_ACTION, parseDecisionValue, parseRejectMetadata, REJECT_ACTION, REJECT_FIELD, REJECT_VIEW, rejectModal,
} from './blocks/escalation.ts';
import { fitReply } from './blocks/kit.ts';
import { statusLabel } from './blocks/worklist.ts';
import type { CommandContext, Reply } from './command.ts';
import { answeringFailures } from './digest-replies.ts';
import { parseIdValue } from './interaction-values.ts';
import { buildContext, errorRef, fromBlockAction, refusal, type RequestServices } from './request-context.ts';

const STALE_TRIGGER = ['expired_trigger_id', 'invalid_trigger_id'];
/** How much of a damaged form's metadata is quoted back. */
const QUOTED_METADATA_CHARS = 60;

/** Strangers get the usual refusal; team members below manager are told who decides. */
function decisionRefusal(ctx: CommandContext): Reply | null {
  if (ctx.role === 'manager' || ctx.role === 'admin') return null;
  if (ctx.role === null) return refusal(ctx, 'manager', 'escalations');
  return { text: ctx.t('escalation.decide.managersOnly', { role: ctx.t(`role.${ctx.role}`) }) };
}

function decisionText(ctx: CommandContext, result: DecideResult): string {
  const { t } = ctx;
  const day = (at: Date | null) => (at ? formatDate(todayIn(ctx.workspace.timezone, at), ctx.locale) : '');
  switch (result.kind) {
    case 'approved': {
      const b = result.brief;
      return t('escalation.decide.approved', { kind: kindLabel(t, b.kind), name: b.name, status: statusLabel(t, b.caseStatus, b.stage) });
    }
    case 'rejected': return t('escalation.decide.rejected', { kind: kindLabel(t, result.brief.kind), name: result.brief.name });
    case 'not_found': return t('escalation.decide.notFound', { command: ctx.command });
    case 'own': return t('escalation.decide.own', { kind: kindLabel(t, result.brief.kind), name: result.brief.name });
    case 'case_closed': return t('escalation.decide.caseClosed', { name: result.brief.name });
    case 'no_route': return t('interaction.badValue', { input: 'route', command: ctx.command });
    case 'decided': {
      const b = result.brief;
      const params = { kind: kindLabel(t, b.kind), name: b.name, user: b.decidedBy ? mention(b.decidedBy) : mrkdwn(t('escalation.nobody')), date: day(b.decidedAt) };
      if (b.status === 'approved') return t('escalation.decide.alreadyApproved', params);
      if (b.status === 'rejected') return t('escalation.decide.alreadyRejected', params);
      return t('escalation.decide.alreadyClosed', { name: b.name, date: params.date });
    }
  }
}

/** The decision changed the request: its message is updated now if it is in Slack (else by the background pass). */
async function showChanged(ctx: CommandContext, services: RequestServices, result: DecideResult, client: CommandContext['client']): Promise<void> {
  if (result.kind !== 'approved' && result.kind !== 'rejected' && result.kind !== 'case_closed') return;
  const deps = { db: ctx.db, client, logger: services.deps.logger, command: ctx.command };
  await showDecision(deps, ctx.workspace.id, result.brief.id, ctx.now)
    .catch((error: unknown) => ctx.logger.warn({ err: error, escalation: result.brief.id }, 'could not update the request message; the background pass does'));
}

async function decide(ctx: CommandContext, escalationId: number, decision: Decision): Promise<DecideResult> {
  return decideEscalation(ctx.db, { workspace: ctx.workspace, escalationId, userId: ctx.userId, decision, now: ctx.now, command: ctx.command });
}

const ephemeral = (respond: RespondFn) => (text: string) => respond({ response_type: 'ephemeral', replace_original: false, text }).then(() => {});

export function registerEscalationInteractions(app: App, services: RequestServices): void {
  app.action<BlockButtonAction>(new RegExp(`^${APPROVE_ACTION}(_agency|_legal)?$`), async ({ ack, body, action, client, respond }) => {
    await ack();
    const answer = ephemeral(respond);
    await answeringFailures(services, APPROVE_ACTION, answer, async () => {
      const ctx = await buildContext(services, fromBlockAction(body, client));
      const denied = decisionRefusal(ctx);
      if (denied) return void (await answer(denied.text));
      const value = parseDecisionValue(action.value);
      if (!value.ok) return void (await answer(ctx.t('interaction.badValue', { input: value.error, command: ctx.command })));
      const result = await decide(ctx, value.value.id, { kind: 'approve', route: value.value.route });
      await answer(decisionText(ctx, result));
      await showChanged(ctx, services, result, client);
      if (result.kind === 'approved') {
        // After the ack and the answer: the model may word the notice (a timeout only means the template).
        await fulfilApprovals({ db: ctx.db, client, logger: services.deps.logger, command: ctx.command, ai: aiClientFor(ctx.env, ctx.logger) }, { workspaceId: ctx.workspace.id, now: ctx.now, escalationId: result.brief.id });
      }
    });
  });

  app.action<BlockButtonAction>(REJECT_ACTION, async ({ ack, body, action, client, respond }) => {
    await ack();
    const answer = ephemeral(respond);
    await answeringFailures(services, REJECT_ACTION, answer, async () => {
      const ctx = await buildContext(services, fromBlockAction(body, client));
      const denied = decisionRefusal(ctx);
      if (denied) return void (await answer(denied.text));
      const id = parseIdValue(action.value);
      if (!id.ok) return void (await answer(ctx.t('interaction.badValue', { input: id.error, command: ctx.command })));
      // Refused before the form opens: nobody types a reason for nothing.
      const brief = await loadBrief(ctx.db, ctx.workspace.id, id.value);
      if (!brief) return void (await answer(decisionText(ctx, { kind: 'not_found' })));
      if (brief.status !== 'pending') return void (await answer(decisionText(ctx, { kind: 'decided', brief })));
      if (brief.requestedBy === ctx.userId) return void (await answer(decisionText(ctx, { kind: 'own', brief })));
      const view = { t: ctx.t, locale: ctx.locale, timezone: ctx.workspace.timezone, today: ctx.today, command: ctx.command };
      const channelId = body.channel?.id;
      try {
        await client.views.open({ trigger_id: body.trigger_id, view: rejectModal(brief, view, { escalationId: brief.id, ...(channelId ? { channelId } : {}) }) });
      } catch (error) {
        const code = (error as { data?: { error?: string } }).data?.error ?? '';
        if (!STALE_TRIGGER.includes(code)) throw error;
        await answer(ctx.t('rejectForm.staleTrigger'));
      }
    });
  });

  app.view<ViewSubmitAction>(REJECT_VIEW, async ({ ack, body, view, client }) => {
    let acked = false;
    // Slack shows a field's error as plain text: no markup, no entities.
    const answer = async (error?: string) => {
      acked = true;
      await ack(error ? { response_action: 'errors', errors: { [REJECT_FIELD]: plainFromMrkdwn(error) } } : undefined);
    };
    try {
      const teamId = body.team?.id ?? body.user.team_id ?? '';
      const ctx = await buildContext(services, { teamId, userId: body.user.id, channelId: '', triggerId: '', client });
      const denied = decisionRefusal(ctx);
      if (denied) return void (await answer(denied.text));
      const meta = parseRejectMetadata(view.private_metadata);
      if (!meta.ok) return void (await answer(ctx.t('rejectForm.badForm', { input: meta.error.slice(0, QUOTED_METADATA_CHARS), command: ctx.command })));
      const reason = stripControls(view.state.values[REJECT_FIELD]?.value?.value ?? '').trim();
      if (!reason) return void (await answer(ctx.t('rejectForm.needReason')));
      if (reason.length > REASON_MAX_CHARS) return void (await answer(ctx.t('rejectForm.tooLong', { length: reason.length, max: REASON_MAX_CHARS })));
      const result = await decide(ctx, meta.value.escalationId, { kind: 'reject', reason });
      if (result.kind !== 'rejected') {
        await answer(decisionText(ctx, result));
        await showChanged(ctx, services, result, client);
        return;
      }
      await answer();
      if (meta.value.channelId) {
        await client.chat.postEphemeral({ channel: meta.value.channelId, user: ctx.userId, text: decisionText(ctx, result) })
          .catch((error: unknown) => ctx.logger.warn({ err: error }, 'could not confirm the rejection to the manager'));
      }
      await showChanged(ctx, services, result, client);
    } catch (error) {
      const ref = errorRef();
      services.deps.logger.error({ err: error, ref, what: REJECT_VIEW }, 'rejecting an escalation failed');
      if (!acked) await answer(translate(services.deps.env.RELANCE_LOCALE as Locale, 'rejectForm.failed', { ref })).catch(() => {});
    }
  });

  app.action<BlockButtonAction>(PAGE_ACTION, async ({ ack, body, action, client, respond }) => {
    await ack();
    const answer = ephemeral(respond);
    await answeringFailures(services, PAGE_ACTION, answer, async () => {
      const ctx = await buildContext(services, fromBlockAction(body, client));
      const denied = refusal(ctx, 'manager', 'escalations');
      if (denied) return void (await answer(denied.text));
      const page = parseIdValue(action.value);
      if (!page.ok) return void (await answer(ctx.t('interaction.badValue', { input: page.error, command: ctx.command })));
      await respond({ response_type: 'ephemeral', replace_original: true, ...fitReply(await escalationsPage(ctx, page.value)) });
    });
  });
}
