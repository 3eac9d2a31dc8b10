// `/collect log <case> [outcome] [note…]`: logs a call in one line, or opens the
// log-call form when the text names not all an outcome needs (a promise's
// amount and date, a dispute's reason) or only the case. Free text that names
// no outcome first is read (by AI, else by rules) and shown for confirmation
// (src/slack/note-confirmation.ts): nothing is written before Confirm.
import type { KnownBlock } from '@slack/types';
import { queueCallReminder } from '../jobs/call-reminder.ts';
import { ensureBalancesFresh } from '../src/db/balances.ts';
import { lookupCase, type CaseLookup, type CustomerMatch } from '../src/db/cases.ts';
import { caseSplits, expectsForm, outcomeAt, parseLogRequest, type LogRequest } from '../src/domain/call-outcomes.ts';
import type { Locale } from '../src/domain/money.ts';
import { noticeSplit } from '../src/domain/notice-log.ts';
import { formatInputError } from '../src/i18n/errors.ts';
import { logCall, type LogCallResult } from '../src/services/log-call.ts';
import { promiseTarget, type PromiseTarget } from '../src/services/record-promise.ts';
import { ambiguousReply } from '../src/slack/blocks/case-card.ts';
import { LOG_CALL_ACTION } from '../src/slack/blocks/digest.ts';
import { button, section } from '../src/slack/blocks/kit.ts';
import type { CommandContext, Reply, Subcommand } from '../src/slack/command.ts';
import { fillLogCallForm, openLoadingForm, showNotice, type OpenedForm } from '../src/slack/log-call-form.ts';
import { logNoticeEvent } from '../src/slack/notice-log.ts';
import { confirmNote } from '../src/slack/note-confirmation.ts';
import { loggedText, pauseRefusal, promiseRefusal } from '../src/slack/log-call-text.ts';
import { FIELD, logCallButtonValue } from '../src/slack/modals/log-call.ts';

type Found =
  | { kind: 'found'; customer: CustomerMatch; restAt: number }
  | { kind: 'ambiguous'; input: string; lookup: Extract<CaseLookup, { kind: 'ambiguous' }> }
  | { kind: 'none'; input: string };

/**
 * The first split (src/domain/call-outcomes.ts) whose case names exactly one
 * customer. When a case before an outcome matches several customers, those are
 * listed rather than a longer name guessed from the words after it.
 */
async function findCase(ctx: CommandContext, args: string[]): Promise<Found> {
  let ambiguous: Extract<Found, { kind: 'ambiguous' }> | undefined;
  const splits = caseSplits(args);
  for (const split of splits) {
    if (ambiguous && !split.outcomeNext) break;
    const found = await lookupCase(ctx.db, ctx.workspace.id, split.caseText);
    if (found.kind === 'found') return { kind: 'found', customer: found.customer, restAt: split.restAt };
    if (found.kind === 'ambiguous') ambiguous ??= { kind: 'ambiguous', input: split.caseText, lookup: found };
  }
  return ambiguous ?? { kind: 'none', input: splits.find((s) => s.outcomeNext)?.caseText ?? args[0] ?? '' };
}

/**
 * Text after a one-word (or quoted) case that does not start with an outcome:
 * most likely a note to read and confirm, so no form is opened before the
 * lookup. (A case of several unquoted words with an outcome after it, which
 * needs the form, then opens it after the lookup: a trigger Slack no longer
 * honours gets the button reply.)
 */
const freeTextLikely = (args: readonly string[]) => args.length > 1 && outcomeAt(args, 1) === null;

const PROMISE_EXAMPLE: Record<Locale, string> = { en: 'promised 500 friday', fr: 'promis 500 vendredi' };

function staleReply(ctx: CommandContext, target: PromiseTarget, request: Extract<LogRequest, { kind: 'form' }>): Reply {
  const text = ctx.t('logCall.staleTriggerCommand', { name: target.name });
  const value = logCallButtonValue({ caseId: target.caseId, ...(request.outcome ? { outcome: request.outcome } : {}), ...(request.note ? { note: request.note } : {}) });
  const blocks: KnownBlock[] = [
    section(text),
    { type: 'actions', elements: [button({ actionId: LOG_CALL_ACTION, text: ctx.t('button.logCall'), value, style: 'primary' })] },
  ];
  return { text, blocks };
}

function resultReply(ctx: CommandContext, result: LogCallResult, request: Extract<LogRequest, { kind: 'log' }>, example: string): Reply {
  const v = { t: ctx.t, locale: ctx.locale, command: ctx.command };
  switch (result.kind) {
    case 'logged': return { text: loggedText(v, result) };
    case 'closed': return { text: ctx.t('logCall.closedCase', { name: result.name }) };
    case 'no_case':
    case 'duplicate': return { text: ctx.t('logCall.closedCaseShort') };
    case 'promise_refused': {
      const { field, text } = promiseRefusal(v, result.refusal, `500 ${request.promise?.amount.currency ?? 'EUR'}`);
      const input = field === FIELD.amount ? request.promise?.amount.text : field === FIELD.promiseDate ? request.promise?.dateText : undefined;
      return { text: input ? ctx.t('log.refused', { input, reason: text, example }) : text };
    }
    case 'pause_refused': return { text: pauseRefusal(v, result.refusal).text };
  }
}

export const logCommand: Subcommand = {
  name: 'log',
  aliases: ['appel', 'noter'],
  minRole: 'collector',
  usage: 'log <case> [outcome] [note…] | log <case> letter-sent [tracking no.] | letter-received <date> | recovered <amount>',
  examples: [
    'log C-1042 no answer', 'log acme promised 1200 friday will pay by transfer', 'log "boulangerie martin" pas de réponse',
    'log acme disputed quality pallets damaged', 'log acme paid 300 € by cheque', 'log acme said he will pay half on friday', 'log acme',
    'log acme letter-sent 1A23456789012', 'log acme letter-received 12/05/2026', 'log acme recovered 1200 € agency transfer',
  ],
  summary: 'help.log.summary',
  details: 'help.log.details',
  async run(ctx, args) {
    const { t, locale, command } = ctx;
    if (args.length === 0) return { text: t('log.usage', { command }) };
    // The letter's sending and receipt, and an agency's recovery, are not calls: read first, never the form.
    const noticeEvent = noticeSplit(args);
    if (noticeEvent) {
      await ensureBalancesFresh(ctx.db, ctx.workspace.id, ctx.now);
      return logNoticeEvent(ctx, args, noticeEvent);
    }
    // The form opens before any lookup when it is likely: Slack honours the trigger for 3 seconds.
    let form: OpenedForm | null = expectsForm(args) && !freeTextLikely(args) ? await openLoadingForm(ctx.client, ctx.triggerId, t, null) : null;
    const answer = async (reply: Reply): Promise<Reply> => {
      if (form?.kind === 'opened') await showNotice(ctx, form.viewId, reply.text);
      return reply;
    };
    await ensureBalancesFresh(ctx.db, ctx.workspace.id, ctx.now);
    const found = await findCase(ctx, args);
    if (found.kind === 'none') return answer({ text: t('log.notFound', { input: found.input, command }) });
    if (found.kind === 'ambiguous') return answer(ambiguousReply(found.input, found.lookup.candidates, found.lookup.more, { locale, t, today: ctx.today }));
    const target = await promiseTarget(ctx.db, ctx.workspace.id, found.customer.customerId, ctx.today);
    if (!target) return answer({ text: t('logCall.closedCase', { name: found.customer.name }) });

    const currency = target.overdue[0]?.currency ?? 'EUR';
    const example = `${command} log ${target.ref} ${PROMISE_EXAMPLE[locale]}`;
    const parsed = parseLogRequest(args.slice(found.restAt), { locale, today: ctx.today, currency });
    if (!parsed.ok) return answer({ text: formatInputError(locale, parsed.error, example) });
    const request = parsed.value;
    if (request.kind === 'form') {
      if (form === null && request.outcome === null && request.note) {
        // A free-text note: read after the ack (this run is), shown for one-click confirmation.
        const confirmation = await confirmNote(ctx, target, request.note);
        if (confirmation) return confirmation;
      }
      form ??= await openLoadingForm(ctx.client, ctx.triggerId, t, null);
      if (form.kind === 'stale') return staleReply(ctx, target, request);
      const shown = await fillLogCallForm(ctx, form.viewId, { caseId: target.caseId, channelId: ctx.channelId, outcome: request.outcome, note: request.note });
      if (shown.kind === 'shown') return { text: t('logCall.formOpened', { name: shown.name }) };
      return answer({ text: shown.kind === 'closed' ? t('logCall.closedCase', { name: shown.name }) : t('logCall.closedCaseShort') });
    }

    const { promise, paid } = request;
    const result = await logCall(ctx.db, {
      workspaceId: ctx.workspace.id, caseId: target.caseId, userId: ctx.userId, now: ctx.now, via: 'command',
      outcome: request.outcome, note: request.note,
      ...(promise ? { promise: { amountCents: promise.amount.cents, currency: promise.amount.currencyTyped ? promise.amount.currency : null, dueOn: promise.dueOn } } : {}),
      ...(paid ? { claimed: { amountCents: paid.cents, currency: paid.currency } } : {}),
      ...(request.dispute ? { dispute: request.dispute } : {}),
    });
    if (result.kind === 'logged' && result.nextTaskId && result.nextCall) {
      await queueCallReminder(ctx.reminderQueue, { workspaceId: ctx.workspace.id, taskId: result.nextTaskId, dueAtMs: result.nextCall.dueAt.getTime() }, ctx.now, ctx.logger);
    }
    return answer(resultReply(ctx, result, request, example));
  },
};
