// Submitting the log-call modal. The write happens before the ack, so every
// problem — a bad form, a forged payload, a refused promise, a database
// failure — shows in the modal itself (response_action: errors) on the field
// it is about, with what was typed still there, and a submission Slack or
// anyone replays writes nothing the second time.
import type { App, ViewSubmitAction } from '@slack/bolt';
import { queueCallReminder } from '../../jobs/call-reminder.ts';
import { isCallOutcome, isDisputeReason, readAmount, type CallOutcome, type DisputeReason, type TypedAmount } from '../domain/call-outcomes.ts';
import { isIsoDate, type IsoDate } from '../domain/dates.ts';
import { stripControls } from '../domain/typed-text.ts';
import { formatDate, plainFromMrkdwn } from '../i18n/format.ts';
import { formatInputError } from '../i18n/errors.ts';
import { t, type Locale } from '../i18n/messages.ts';
import { logCall, type LogCallInput } from '../services/log-call.ts';
import type { CommandContext } from './command.ts';
import { refreshEntry, tellUser } from './digest-replies.ts';
import { parseLogCallMetadata } from './interaction-values.ts';
import { loggedText, pauseRefusal, promiseRefusal } from './log-call-text.ts';
import { AMOUNT_MAX_CHARS, FIELD, LOG_CALL_VIEW, NOTE_MAX_CHARS, type Field, type LogCallMetadata } from './modals/log-call.ts';
import { buildContext, errorRef, refusal, type RequestServices } from './request-context.ts';

/** How much of damaged metadata is quoted back in the modal. */
const QUOTED_METADATA_CHARS = 60;

type FieldErrors = Partial<Record<Field, string>>;
type StateValues = ViewSubmitAction['view']['state']['values'];

interface Submitted {
  outcome: CallOutcome;
  note: string | null;
  promise?: LogCallInput['promise'];
  claimed?: LogCallInput['claimed'];
  dispute?: DisputeReason;
  followUpOn: IsoDate | null;
}

const selected = (values: StateValues, field: Field) => values[field]?.value?.selected_option?.value ?? '';
const typed = (values: StateValues, field: Field) => stripControls(values[field]?.value?.value ?? '').trim();
const picked = (values: StateValues, field: Field) => values[field]?.value?.selected_date ?? null;

/** Reads the form; every field's problem at once, so one correction round is enough. */
function readForm(ctx: CommandContext, values: StateValues, meta: LogCallMetadata): { ok: true; value: Submitted } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const { locale } = ctx;
  const outcome = selected(values, FIELD.outcome);
  if (!isCallOutcome(outcome)) errors.outcome = ctx.t('logCall.pickOutcome');
  const note = typed(values, FIELD.note);
  if (note.length > NOTE_MAX_CHARS) errors.note = ctx.t('logCall.noteTooLong', { length: note.length, max: NOTE_MAX_CHARS });

  const dateOf = (field: Field, notBefore: IsoDate): IsoDate | null => {
    const date = picked(values, field);
    if (date === null || date === '') return null;
    if (!isIsoDate(date)) errors[field] = formatInputError(locale, { code: 'date.unparseable', input: String(date).slice(0, 40) });
    else if (date < notBefore) errors[field] = ctx.t('logCall.pastDate', { date: formatDate(date, locale), today: formatDate(ctx.today, locale) });
    else return date;
    return null;
  };
  const followUpOn = dateOf(FIELD.nextDate, ctx.today);

  const amountText = typed(values, FIELD.amount);
  const amount = (): TypedAmount | null => {
    if (amountText.length > AMOUNT_MAX_CHARS) {
      errors.amount = formatInputError(locale, { code: 'amount.not_a_number', input: `${amountText.slice(0, AMOUNT_MAX_CHARS)}…` });
      return null;
    }
    const read = readAmount(amountText, { locale, currency: meta.currencies?.[0] ?? 'EUR' });
    if (read.ok) return read.value;
    errors.amount = formatInputError(locale, read.error);
    return null;
  };
  const result: Submitted = { outcome: outcome as CallOutcome, note: note || null, followUpOn };
  if (outcome === 'promised') {
    const promised = amountText === '' ? null : amount();
    if (amountText === '') errors.amount = ctx.t('logCall.needAmount');
    const dueOn = dateOf(FIELD.promiseDate, ctx.today);
    if (picked(values, FIELD.promiseDate) === null) errors.promise_date = ctx.t('logCall.needPromiseDate');
    if (promised && dueOn) result.promise = { amountCents: promised.cents, currency: currencyOf(promised, meta), dueOn };
  } else if (outcome === 'paid' && amountText !== '') {
    const claimed = amount();
    if (claimed) result.claimed = { amountCents: claimed.cents, currency: claimed.currency };
  } else if (outcome === 'disputed') {
    const dispute = selected(values, FIELD.dispute);
    if (isDisputeReason(dispute)) result.dispute = dispute;
    else errors.dispute = ctx.t('logCall.needDispute');
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value: result };
}

/** A currency the collector typed, else the case's only overdue one; null lets the promise ask which. */
function currencyOf(amount: TypedAmount, meta: LogCallMetadata): string | null {
  if (amount.currencyTyped) return amount.currency;
  return meta.currencies?.length === 1 ? amount.currency : null;
}

export function registerLogCallSubmission(app: App, services: RequestServices): void {
  const { env, logger } = services.deps;
  app.view<ViewSubmitAction>(LOG_CALL_VIEW, async ({ ack, body, view, client }) => {
    let acked = false;
    const answer = async (errors?: FieldErrors) => {
      acked = true;
      // Slack shows a field's error as plain text: no markup, no entities.
      const plain = errors && Object.fromEntries(Object.entries(errors).map(([field, text]) => [field, plainFromMrkdwn(text)]));
      await ack(plain ? { response_action: 'errors', errors: plain } : undefined);
    };
    try {
      const teamId = body.team?.id ?? body.user.team_id ?? '';
      const ctx = await buildContext(services, { teamId, userId: body.user.id, channelId: '', triggerId: '', client });
      const denied = refusal(ctx, 'collector', 'log');
      if (denied) return void (await answer({ outcome: denied.text }));
      const meta = parseLogCallMetadata(view.private_metadata);
      if (!meta.ok) return void (await answer({ outcome: ctx.t('logCall.badForm', { input: meta.error.slice(0, QUOTED_METADATA_CHARS), command: ctx.command }) }));
      const form = readForm(ctx, view.state.values, meta.value);
      if (!form.ok) return void (await answer(form.errors));

      const result = await logCall(ctx.db, {
        workspaceId: ctx.workspace.id, caseId: meta.value.caseId, userId: ctx.userId, now: ctx.now, via: 'modal',
        // One form logs one call: the view closes on success, and the form's own
        // views.update (loading → filled) changes the hash, so the id alone is the key.
        // A form opened from a call note's confirmation shares the reading's key with
        // its Confirm button: one call between them.
        submissionKey: meta.value.readingId ? `reading:${meta.value.readingId}` : `view:${view.id}`, ...form.value,
      });
      const textView = { t: ctx.t, locale: ctx.locale, command: ctx.command };
      switch (result.kind) {
        case 'no_case': return void (await answer({ outcome: ctx.t('logCall.noCase', { command: ctx.command }) }));
        case 'closed': return void (await answer({ outcome: ctx.t('logCall.closedCaseShort') }));
        case 'promise_refused': {
          const example = `500 ${meta.value.currencies?.[0] ?? 'EUR'}`;
          const { field, text } = promiseRefusal(textView, result.refusal, example);
          return void (await answer({ [field]: text }));
        }
        case 'pause_refused': {
          const { field, text } = pauseRefusal(textView, result.refusal);
          return void (await answer({ [field]: text }));
        }
        case 'duplicate': return void (await answer(meta.value.readingId ? { outcome: ctx.t('noteReading.alreadyLogged') } : undefined));
        case 'logged': break;
      }
      await answer();
      if (result.nextTaskId && result.nextCall) {
        await queueCallReminder(ctx.reminderQueue, { workspaceId: ctx.workspace.id, taskId: result.nextTaskId, dueAtMs: result.nextCall.dueAt.getTime() }, ctx.now, ctx.logger);
      }
      const { channelId, messageTs } = meta.value;
      if (!channelId) return;
      await tellUser(client, channelId, ctx.userId, loggedText(textView, result))
        .catch((error: unknown) => ctx.logger.warn({ err: error }, 'could not confirm the logged call'));
      if (messageTs) await refreshEntry(ctx, client, channelId, messageTs);
    } catch (error) {
      const ref = errorRef();
      logger.error({ err: error, ref, what: LOG_CALL_VIEW }, 'logging a call failed');
      if (!acked) await answer({ note: t(env.RELANCE_LOCALE as Locale, 'logCall.failed', { ref }) }).catch(() => {});
    }
  });
}
