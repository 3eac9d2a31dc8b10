// Reminder drafts in Slack: Send, Edit (a form with subject and text) and
// Skip (a form asking why) on a draft's post in its case thread, and the
// digest's Review modal that pages through every draft waiting. Every refusal
// is told to the clicker alone and changes nothing; what was done updates the
// draft's post and goes to the timeline.
import type { App, BlockButtonAction, RespondFn, ViewSubmitAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { EditProblem } from '../domain/draft-edit.ts';
import { stripControls } from '../domain/typed-text.ts';
import { waitingDrafts } from '../db/waiting-drafts.ts';
import { EDIT_BODY_MAX } from '../domain/draft-edit.ts';
import { mrkdwn, plainFromMrkdwn } from '../i18n/format.ts';
import { t as translate, type Locale, type Translator } from '../i18n/messages.ts';
import { approveDrafts, type ApproveResult } from '../services/mail/approve.ts';
import { editDraft, mayDecide } from '../services/mail/edit-draft.ts';
import { draftState, loadDraft, refreshDraftPost, type DraftRow } from '../services/mail/post-draft.ts';
import { skipDraft } from '../services/mail/skip-draft.ts';
import {
  draftStateLine, EDIT_ACTION, EDIT_BODY, EDIT_SUBJECT, EDIT_VIEW, editModal, parseDraftFormMetadata, SEND_ACTION, SKIP_ACTION, SKIP_REASON,
  SKIP_REASON_MAX, SKIP_VIEW, skipModal, type DraftFormMetadata,
} from './blocks/reminder-draft.ts';
import { parseReviewMetadata, REVIEW_ACTION, REVIEW_PAGE_ACTION, REVIEW_PAGE_SIZE, REVIEW_VIEW, reviewModal } from './blocks/review.ts';
import type { CommandContext } from './command.ts';
import { answeringFailures } from './digest-replies.ts';
import { parseIdValue } from './interaction-values.ts';
import { buildContext, errorRef, fromBlockAction, refusal, type RequestServices } from './request-context.ts';

const STALE_TRIGGER = ['expired_trigger_id', 'invalid_trigger_id'];
const QUOTED_METADATA_CHARS = 60;

const ephemeral = (respond: RespondFn) => (text: string) => respond({ response_type: 'ephemeral', replace_original: false, text }).then(() => {});

const outbox = (ctx: CommandContext) => !ctx.env.SMTP_URL;

/** A stranger gets the usual refusal; a collector on a formal-notice copy is told it needs a manager. */
function decideRefusal(ctx: CommandContext, stage: string | null): string | null {
  const denied = refusal(ctx, 'collector', 'case');
  if (denied) return denied.text;
  if (stage !== null && ctx.role && !mayDecide(ctx.role, stage)) return ctx.t('reminder.needsManager', { role: ctx.t(`role.${ctx.role}`) });
  return null;
}

async function notWaiting(ctx: CommandContext, draft: DraftRow): Promise<string> {
  const state = await draftState(ctx.db, { workspaceId: ctx.workspace.id, draft, outbox: outbox(ctx), command: ctx.command });
  return ctx.t('reminder.notWaiting', { state: mrkdwn(draftStateLine(ctx.t, state).replace(/^:[a-z_]+: /, '')) });
}

/** The draft a button names, checked: the draft, or what to tell the clicker. */
async function clickedDraft(ctx: CommandContext, value: string | undefined): Promise<{ draft: DraftRow } | { told: string }> {
  const denied = decideRefusal(ctx, null);
  if (denied) return { told: denied };
  const id = parseIdValue(value);
  if (!id.ok) return { told: ctx.t('interaction.badValue', { input: id.error, command: ctx.command }) };
  const draft = await loadDraft(ctx.db, ctx.workspace.id, id.value);
  if (!draft) return { told: ctx.t('reminder.notFound') };
  const needs = decideRefusal(ctx, draft.stage);
  if (needs) return { told: needs };
  if (draft.status !== 'draft') return { told: await notWaiting(ctx, draft) };
  return { draft };
}

async function approve(ctx: CommandContext, ids: number[]): Promise<ApproveResult> {
  return ctx.db.transaction((tx) => approveDrafts(tx, {
    workspaceId: ctx.workspace.id, draftIds: ids, by: { kind: 'person', userId: ctx.userId, role: ctx.role! }, now: ctx.now, outbox: outbox(ctx),
  }));
}

const refresh = (ctx: CommandContext, services: RequestServices, client: WebClient, draftId: number, at?: { channelId: string; ts: string } | null) =>
  refreshDraftPost({ db: ctx.db, client, logger: services.deps.logger }, { workspaceId: ctx.workspace.id, draftId, outbox: outbox(ctx), command: ctx.command, at: at ?? null });

/** Where the clicked post is, when the click came from a message. */
function postOf(body: BlockButtonAction): { channelId: string; ts: string } | null {
  const channelId = body.channel?.id;
  const ts = body.message?.ts;
  return channelId && ts ? { channelId, ts } : null;
}

function problemText(t: Translator, p: EditProblem): string {
  switch (p.kind) {
    case 'empty': return p.field === 'subject' ? t('reminderEdit.emptySubject') : t('reminderEdit.emptyBody');
    case 'too_long': return p.field === 'subject' ? t('reminderEdit.subjectTooLong', p) : t('reminderEdit.bodyTooLong', p);
    case 'missing': return t('reminderEdit.missing', { missing: [...p.amounts, ...p.invoices].map((x) => `"${x}"`).join(', '), example: p.example });
  }
}

async function openForm(ctx: CommandContext, client: WebClient, triggerId: string, view: Parameters<WebClient['views']['open']>[0]['view'], answer: (text: string) => Promise<void>) {
  try {
    await client.views.open({ trigger_id: triggerId, view });
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error ?? '';
    if (!STALE_TRIGGER.includes(code)) throw error;
    await answer(ctx.t('reminder.staleTrigger'));
  }
}

/** The viewer's page of the drafts waiting (collectors do not see the formal-notice copies). */
async function reviewView(ctx: CommandContext, page: number, done: string | null) {
  const withNotices = ctx.role === 'manager' || ctx.role === 'admin';
  let found = await waitingDrafts(ctx.db, { workspaceId: ctx.workspace.id, withNotices, offset: page * REVIEW_PAGE_SIZE, limit: REVIEW_PAGE_SIZE });
  // A page emptied meanwhile (others approved): the last one that has drafts.
  if (found.drafts.length === 0 && page > 0 && found.total > 0) {
    page = Math.floor((found.total - 1) / REVIEW_PAGE_SIZE);
    found = await waitingDrafts(ctx.db, { workspaceId: ctx.workspace.id, withNotices, offset: page * REVIEW_PAGE_SIZE, limit: REVIEW_PAGE_SIZE });
  }
  return reviewModal(ctx.t, ctx.locale, { drafts: found.drafts, page, total: found.total, noticesLeftOut: !withNotices, outbox: outbox(ctx), done });
}

/** A view submission's context (no channel, no trigger to reuse). */
const submissionContext = (services: RequestServices, body: ViewSubmitAction, client: WebClient) =>
  buildContext(services, { teamId: body.team?.id ?? body.user.team_id ?? '', userId: body.user.id, channelId: '', triggerId: '', client });

function failedSubmission(services: RequestServices, what: string, error: unknown): string {
  const ref = errorRef();
  services.deps.logger.error({ err: error, ref, what }, 'a reminder form failed');
  return translate(services.deps.env.RELANCE_LOCALE as Locale, 'reminder.failed', { ref });
}

export function registerReminderInteractions(app: App, services: RequestServices): void {
  app.action<BlockButtonAction>(SEND_ACTION, async ({ ack, body, action, client, respond }) => {
    await ack();
    const answer = ephemeral(respond);
    await answeringFailures(services, SEND_ACTION, answer, async () => {
      const ctx = await buildContext(services, fromBlockAction(body, client));
      const clicked = await clickedDraft(ctx, action.value);
      if ('told' in clicked) return void (await answer(clicked.told));
      const { draft } = clicked;
      const result = await approve(ctx, [draft.id]);
      const refused = result.refused[0];
      if (refused) {
        switch (refused.reason) {
          case 'needs_manager': return void (await answer(ctx.t('reminder.needsManager', { role: ctx.t(`role.${ctx.role!}`) })));
          case 'no_sender': return void (await answer(ctx.t('reminder.noSender', { command: ctx.command })));
          case 'not_found': return void (await answer(ctx.t('reminder.notFound')));
          case 'not_waiting': {
            const now = await loadDraft(ctx.db, ctx.workspace.id, draft.id);
            return void (await answer(now ? await notWaiting(ctx, now) : ctx.t('reminder.notFound')));
          }
        }
      }
      if (result.noAddress.length > 0) await answer(ctx.t('reminder.noAddress', { name: draft.customerName }));
      await refresh(ctx, services, client, draft.id, postOf(body));
    });
  });

  app.action<BlockButtonAction>(EDIT_ACTION, async ({ ack, body, action, client, respond }) => {
    await ack();
    const answer = ephemeral(respond);
    await answeringFailures(services, EDIT_ACTION, answer, async () => {
      const ctx = await buildContext(services, fromBlockAction(body, client));
      const clicked = await clickedDraft(ctx, action.value);
      if ('told' in clicked) return void (await answer(clicked.told));
      const { draft } = clicked;
      if (draft.body.length > EDIT_BODY_MAX) return void (await answer(ctx.t('reminder.tooLongToEdit', { length: draft.body.length, max: EDIT_BODY_MAX })));
      const at = postOf(body);
      const meta: DraftFormMetadata = { d: draft.id, ...(at ? { c: at.channelId, ts: at.ts } : {}) };
      await openForm(ctx, client, body.trigger_id, editModal(ctx.t, draft, meta), answer);
    });
  });

  app.action<BlockButtonAction>(SKIP_ACTION, async ({ ack, body, action, client, respond }) => {
    await ack();
    const answer = ephemeral(respond);
    await answeringFailures(services, SKIP_ACTION, answer, async () => {
      const ctx = await buildContext(services, fromBlockAction(body, client));
      const clicked = await clickedDraft(ctx, action.value);
      if ('told' in clicked) return void (await answer(clicked.told));
      const at = postOf(body);
      const meta: DraftFormMetadata = { d: clicked.draft.id, ...(at ? { c: at.channelId, ts: at.ts } : {}) };
      await openForm(ctx, client, body.trigger_id, skipModal(ctx.t, clicked.draft, meta), answer);
    });
  });

  app.view<ViewSubmitAction>(EDIT_VIEW, async ({ ack, body, view, client }) => {
    let acked = false;
    const errors = async (fields: Record<string, string>) => {
      acked = true;
      // Slack shows a field's error as plain text: no markup, no entities.
      await ack({ response_action: 'errors', errors: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, plainFromMrkdwn(v)])) });
    };
    try {
      const ctx = await submissionContext(services, body, client);
      const denied = decideRefusal(ctx, null);
      if (denied) return void (await errors({ [EDIT_BODY]: denied }));
      const meta = parseDraftFormMetadata(view.private_metadata);
      if (!meta.ok) return void (await errors({ [EDIT_BODY]: ctx.t('reminder.badForm', { input: meta.error.slice(0, QUOTED_METADATA_CHARS), command: ctx.command }) }));
      const values = view.state.values;
      const edit = { subject: values[EDIT_SUBJECT]?.value?.value ?? '', body: values[EDIT_BODY]?.value?.value ?? '' };
      const result = await editDraft(ctx.db, { workspaceId: ctx.workspace.id, draftId: meta.value.d, userId: ctx.userId, role: ctx.role!, edit, now: ctx.now });
      switch (result.kind) {
        case 'not_found': return void (await errors({ [EDIT_BODY]: ctx.t('reminder.notFound') }));
        case 'needs_manager': return void (await errors({ [EDIT_BODY]: ctx.t('reminder.needsManager', { role: ctx.t(`role.${ctx.role!}`) }) }));
        case 'not_waiting': return void (await errors({ [EDIT_BODY]: await notWaiting(ctx, result.draft) }));
        case 'invalid': {
          const fields: Record<string, string> = {};
          for (const p of result.problems) fields[p.field] ??= problemText(ctx.t, p);
          return void (await errors(fields));
        }
        case 'edited':
          acked = true;
          await ack();
          await refresh(ctx, services, client, result.draft.id, meta.value.c && meta.value.ts ? { channelId: meta.value.c, ts: meta.value.ts } : null);
      }
    } catch (error) {
      const text = failedSubmission(services, EDIT_VIEW, error);
      if (!acked) await errors({ [EDIT_BODY]: text }).catch(() => {});
    }
  });

  app.view<ViewSubmitAction>(SKIP_VIEW, async ({ ack, body, view, client }) => {
    let acked = false;
    const answer = async (error?: string) => {
      acked = true;
      await ack(error ? { response_action: 'errors', errors: { [SKIP_REASON]: plainFromMrkdwn(error) } } : undefined);
    };
    try {
      const ctx = await submissionContext(services, body, client);
      const denied = decideRefusal(ctx, null);
      if (denied) return void (await answer(denied));
      const meta = parseDraftFormMetadata(view.private_metadata);
      if (!meta.ok) return void (await answer(ctx.t('reminder.badForm', { input: meta.error.slice(0, QUOTED_METADATA_CHARS), command: ctx.command })));
      const reason = stripControls(view.state.values[SKIP_REASON]?.value?.value ?? '').trim();
      if (!reason) return void (await answer(ctx.t('reminderSkip.needReason')));
      if (reason.length > SKIP_REASON_MAX) return void (await answer(ctx.t('reminderSkip.tooLong', { length: reason.length, max: SKIP_REASON_MAX })));
      const result = await skipDraft(ctx.db, { workspaceId: ctx.workspace.id, draftId: meta.value.d, userId: ctx.userId, role: ctx.role!, reason, now: ctx.now });
      switch (result.kind) {
        case 'not_found': return void (await answer(ctx.t('reminder.notFound')));
        case 'needs_manager': return void (await answer(ctx.t('reminder.needsManager', { role: ctx.t(`role.${ctx.role!}`) })));
        case 'not_waiting': return void (await answer(await notWaiting(ctx, result.draft)));
        case 'skipped':
          await answer();
          await refresh(ctx, services, client, result.draft.id, meta.value.c && meta.value.ts ? { channelId: meta.value.c, ts: meta.value.ts } : null);
      }
    } catch (error) {
      const text = failedSubmission(services, SKIP_VIEW, error);
      if (!acked) await answer(text).catch(() => {});
    }
  });

  app.action<BlockButtonAction>(REVIEW_ACTION, async ({ ack, body, client, respond }) => {
    await ack();
    const answer = ephemeral(respond);
    await answeringFailures(services, REVIEW_ACTION, answer, async () => {
      const ctx = await buildContext(services, fromBlockAction(body, client));
      const denied = decideRefusal(ctx, null);
      if (denied) return void (await answer(denied));
      await openForm(ctx, client, body.trigger_id, await reviewView(ctx, 0, null), answer);
    });
  });

  app.action<BlockButtonAction>(REVIEW_PAGE_ACTION, async ({ ack, body, action, client }) => {
    await ack();
    try {
      const ctx = await buildContext(services, fromBlockAction(body, client));
      const viewId = body.view?.id;
      if (decideRefusal(ctx, null) || !viewId) return;
      const page = /^\d{1,6}$/.test(action.value ?? '') ? Number(action.value) : 0;
      await client.views.update({ view_id: viewId, ...(body.view?.hash ? { hash: body.view.hash } : {}), view: await reviewView(ctx, page, null) });
    } catch (error) {
      failedSubmission(services, REVIEW_PAGE_ACTION, error);
    }
  });

  app.view<ViewSubmitAction>(REVIEW_VIEW, async ({ ack, body, view, client }) => {
    let acked = false;
    // The modal has no input to hang an error on: what went wrong replaces its content.
    const told = async (text: string) => {
      acked = true;
      await ack({ response_action: 'update', view: toldView(view, text) });
    };
    try {
      const ctx = await submissionContext(services, body, client);
      const denied = decideRefusal(ctx, null);
      if (denied) return void (await told(denied));
      const meta = parseReviewMetadata(view.private_metadata);
      if (!meta.ok) return void (await told(ctx.t('reminder.badForm', { input: meta.error.slice(0, QUOTED_METADATA_CHARS), command: ctx.command })));
      const ids = meta.value.ids;
      const result = await approve(ctx, ids);
      if (result.refused.some((r) => r.reason === 'no_sender')) return void (await told(ctx.t('reminder.noSender', { command: ctx.command })));
      const done = ctx.t('review.result', {
        approved: result.queued.length,
        gone: result.refused.filter((r) => r.reason === 'not_waiting' || r.reason === 'not_found').length,
        noAddress: result.noAddress.length,
        refused: result.refused.filter((r) => r.reason === 'needs_manager').length,
      });
      // The same page again: what it showed is decided now, so it holds the next ones.
      acked = true;
      await ack({ response_action: 'update', view: await reviewView(ctx, meta.value.p, done) });
      // The approved drafts' posts say so; best effort, after Slack has its answer.
      for (const id of ids) await refresh(ctx, services, client, id);
    } catch (error) {
      const text = failedSubmission(services, REVIEW_VIEW, error);
      if (!acked) await told(text).catch(() => {});
    }
  });
}

/** The review modal with only `text` in it and nothing to submit. */
function toldView(view: ViewSubmitAction['view'], text: string) {
  return {
    type: 'modal' as const, callback_id: REVIEW_VIEW, title: view.title, ...(view.close ? { close: view.close } : {}),
    private_metadata: '', blocks: [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text } }],
  };
}
