// The review list of a bank statement: Match opens a form to pick the
// invoices a credit pays, Ignore sets it aside. Collectors and above; the
// clicker alone hears the answer, everyone sees the list updated. A second
// click, or one on a credit decided meanwhile, changes nothing and says so.
import type { App, BlockButtonAction, RespondFn, ViewSubmitAction } from '@slack/bolt';
import { formatMoney } from '../domain/money.ts';
import { mention, plainFromMrkdwn } from '../i18n/format.ts';
import { t as translate, type Locale } from '../i18n/messages.ts';
import { ignoreEntry } from '../services/statements/ignore-entry.ts';
import { matchChoices } from '../services/statements/match-choices.ts';
import { matchEntry, type MatchEntryResult } from '../services/statements/match-entry.ts';
import { loadReviewEntry, refreshReviewPost } from '../services/statements/review-post.ts';
import {
  matchModal, parseMatchMetadata, STATEMENT_IGNORE_ACTION, STATEMENT_MATCH_ACTION, STATEMENT_MATCH_FIELD, STATEMENT_MATCH_VIEW, type ReviewEntry,
} from './blocks/statement-review.ts';
import type { CommandContext } from './command.ts';
import { answeringFailures } from './digest-replies.ts';
import { parseIdValue } from './interaction-values.ts';
import { buildContext, errorRef, fromBlockAction, refusal, type RequestServices } from './request-context.ts';

const STALE_TRIGGER = ['expired_trigger_id', 'invalid_trigger_id'];
const QUOTED_METADATA_CHARS = 60;

const ephemeral = (respond: RespondFn) => (text: string) => respond({ response_type: 'ephemeral', replace_original: false, text }).then(() => {});

/** What to say about a credit someone (or the bank) already decided. */
function alreadyText(ctx: CommandContext, entry: ReviewEntry): string {
  const user = mention(entry.decidedBy ?? 'relance');
  if (entry.status === 'matched') return ctx.t('statement.already.matched', { user, invoices: entry.invoices.join(', ') });
  if (entry.status === 'ignored') return ctx.t('statement.already.ignored', { user });
  return ctx.t('statement.already.reversed');
}

function matchText(ctx: CommandContext, result: MatchEntryResult): string {
  switch (result.kind) {
    case 'matched': {
      const money = (cents: number) => formatMoney({ cents, currency: result.entry.currency }, ctx.locale);
      const paid = result.allocations.reduce((sum, a) => sum + a.cents, 0);
      const done = ctx.t('statement.match.done', { amount: money(paid), invoices: result.allocations.map((a) => a.invoiceNumber).join(', ') });
      return result.unallocatedCents > 0 ? `${done} ${ctx.t('statement.match.overpaid', { rest: money(result.unallocatedCents) })}` : done;
    }
    case 'already': return alreadyText(ctx, result.entry);
    case 'invoice_gone': return ctx.t('statement.match.invoiceGone', { number: result.number });
    case 'no_invoice': return ctx.t('statement.match.needInvoice');
    case 'not_found': return ctx.t('statement.notFound', { command: ctx.command });
  }
}

export function registerStatementInteractions(app: App, services: RequestServices): void {
  const { deps } = services;

  app.action<BlockButtonAction>(STATEMENT_MATCH_ACTION, async ({ ack, body, action, client, respond }) => {
    await ack();
    const answer = ephemeral(respond);
    await answeringFailures(services, STATEMENT_MATCH_ACTION, answer, async () => {
      const ctx = await buildContext(services, fromBlockAction(body, client));
      const denied = refusal(ctx, 'collector', 'statements');
      if (denied) return void (await answer(denied.text));
      const id = parseIdValue(action.value);
      if (!id.ok) return void (await answer(ctx.t('interaction.badValue', { input: id.error, command: ctx.command })));
      const entry = await loadReviewEntry(ctx.db, ctx.workspace.id, id.value);
      if (!entry) return void (await answer(ctx.t('statement.notFound', { command: ctx.command })));
      if (entry.status !== 'unmatched') {
        await answer(alreadyText(ctx, entry));
        await refreshReviewPost({ db: ctx.db, client, logger: deps.logger }, { workspaceId: ctx.workspace.id, postId: entry.reviewPostId });
        return;
      }
      const choices = await matchChoices(ctx.db, { workspaceId: ctx.workspace.id, currency: entry.currency, customerId: entry.customerId });
      if (choices.length === 0) return void (await answer(ctx.t('statement.match.noInvoices', { currency: entry.currency })));
      const meta = { entryId: entry.id, ...(body.channel ? { channelId: body.channel.id } : {}), ...(body.message ? { messageTs: body.message.ts } : {}) };
      try {
        await client.views.open({ trigger_id: body.trigger_id, view: matchModal(entry, choices, { t: ctx.t, locale: ctx.locale }, meta) });
      } catch (error) {
        const code = (error as { data?: { error?: string } }).data?.error ?? '';
        if (!STALE_TRIGGER.includes(code)) throw error;
        await answer(ctx.t('statement.match.stale'));
      }
    });
  });

  app.view<ViewSubmitAction>(STATEMENT_MATCH_VIEW, async ({ ack, body, view, client }) => {
    let acked = false;
    // Slack shows a field's error as plain text.
    const answer = async (error?: string) => {
      acked = true;
      await ack(error ? { response_action: 'errors', errors: { [STATEMENT_MATCH_FIELD]: plainFromMrkdwn(error) } } : undefined);
    };
    try {
      const teamId = body.team?.id ?? body.user.team_id ?? '';
      const ctx = await buildContext(services, { teamId, userId: body.user.id, channelId: '', triggerId: '', client });
      const denied = refusal(ctx, 'collector', 'statements');
      if (denied) return void (await answer(denied.text));
      const meta = parseMatchMetadata(view.private_metadata);
      if (!meta.ok) return void (await answer(ctx.t('statement.match.badForm', { input: meta.error.slice(0, QUOTED_METADATA_CHARS), command: ctx.command })));
      const picked = (view.state.values[STATEMENT_MATCH_FIELD]?.value?.selected_options ?? []).map((o) => o.value ?? '').filter((v) => v !== '');
      const result = await matchEntry(deps.database, {
        workspaceId: ctx.workspace.id, entryId: meta.value.entryId, invoiceNumbers: picked, userId: ctx.userId, now: ctx.now,
      });
      if (result.kind === 'no_invoice' || result.kind === 'invoice_gone') return void (await answer(matchText(ctx, result)));
      await answer();
      const { channelId, messageTs } = meta.value;
      if (channelId) {
        await client.chat.postEphemeral({ channel: channelId, user: ctx.userId, text: matchText(ctx, result) })
          .catch((error: unknown) => ctx.logger.warn({ err: error }, 'could not confirm the match to the collector'));
      }
      if (result.kind === 'matched' || result.kind === 'already') {
        await refreshReviewPost({ db: ctx.db, client, logger: deps.logger }, {
          workspaceId: ctx.workspace.id, postId: result.entry.reviewPostId, ...(channelId && messageTs ? { at: { channelId, ts: messageTs } } : {}),
        });
      }
    } catch (error) {
      const ref = errorRef();
      deps.logger.error({ err: error, ref, what: STATEMENT_MATCH_VIEW }, 'matching a bank credit failed');
      if (!acked) await answer(translate(deps.env.RELANCE_LOCALE as Locale, 'error.internal', { ref })).catch(() => {});
    }
  });

  app.action<BlockButtonAction>(STATEMENT_IGNORE_ACTION, async ({ ack, body, action, client, respond }) => {
    await ack();
    const answer = ephemeral(respond);
    await answeringFailures(services, STATEMENT_IGNORE_ACTION, answer, async () => {
      const ctx = await buildContext(services, fromBlockAction(body, client));
      const denied = refusal(ctx, 'collector', 'statements');
      if (denied) return void (await answer(denied.text));
      const id = parseIdValue(action.value);
      if (!id.ok) return void (await answer(ctx.t('interaction.badValue', { input: id.error, command: ctx.command })));
      const result = await ignoreEntry(deps.database, { workspaceId: ctx.workspace.id, entryId: id.value, userId: ctx.userId, now: ctx.now });
      if (result.kind === 'not_found') return void (await answer(ctx.t('statement.notFound', { command: ctx.command })));
      await answer(result.kind === 'ignored'
        ? ctx.t('statement.ignore.done', { amount: formatMoney({ cents: result.entry.amountCents, currency: result.entry.currency }, ctx.locale) })
        : alreadyText(ctx, result.entry));
      const at = body.channel && body.message ? { channelId: body.channel.id, ts: body.message.ts } : undefined;
      await refreshReviewPost({ db: ctx.db, client, logger: deps.logger }, { workspaceId: ctx.workspace.id, postId: result.entry.reviewPostId, ...(at ? { at } : {}) });
    });
  });
}
