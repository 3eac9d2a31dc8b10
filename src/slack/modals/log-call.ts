// The log-call modal: outcome, note, the amount and date of a promise (or the
// amount of a claimed payment), a dispute's reason and the next follow-up day.
// Slack modals cannot show a field for one outcome only without a round trip
// per choice, so every field is there, each says when it is needed, and the
// submission checks them (src/slack/log-call-submission.ts). It opens in two
// steps, because a trigger_id lasts 3 s and works once: a loading view at once,
// then the form (views.update) once the case is read.
import type { KnownBlock, ModalView } from '@slack/types';
import { z } from 'zod';
import { CALL_OUTCOMES, DISPUTE_REASONS, isCallOutcome, type CallOutcome, type DisputeReason } from '../../domain/call-outcomes.ts';
import type { IsoDate } from '../../domain/dates.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import { formatDate, inert } from '../../i18n/format.ts';
import type { Locale, Translator } from '../../i18n/messages.ts';
import { fitBlocks, LIMITS, mrkdwnText, plainText } from '../blocks/kit.ts';

export const LOG_CALL_VIEW = 'log_call_modal';

/** What the modal's note accepts; checked again on submission, where a forged payload can send more. */
export const NOTE_MAX_CHARS = 2000;
/** "1 200 000,50 €" and then some; anything longer is not an amount. */
export const AMOUNT_MAX_CHARS = 40;

/** The modal's blocks; each input's element is `value`. */
export const FIELD = {
  outcome: 'outcome', note: 'note', amount: 'amount', promiseDate: 'promise_date', dispute: 'dispute', nextDate: 'next_date',
} as const;
export type Field = (typeof FIELD)[keyof typeof FIELD];

/** Where the modal came from, carried in `private_metadata` and read back, untrusted, on submission. */
export const logCallMetadata = z.object({
  caseId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  channelId: z.string().regex(/^[CDG][A-Z0-9]{2,30}$/).optional(),
  messageTs: z.string().regex(/^\d{1,12}\.\d{1,8}$/).optional(),
  /** The case's overdue currencies, the first one for an amount typed without a currency. */
  currencies: z.array(z.string().regex(/^[A-Z]{3}$/)).max(20).optional(),
  /** The call-note reading this form edits (src/slack/note-confirmation.ts): its Confirm and this form log one call between them. */
  readingId: z.string().regex(/^[A-Za-z0-9_-]{16}$/).optional(),
});
export type LogCallMetadata = z.infer<typeof logCallMetadata>;

/** What a Log call button (digest, case card, or a reply whose form could not open) asks for. */
export interface LogCallRequest {
  caseId: number;
  outcome?: CallOutcome;
  note?: string;
}

const buttonRequest = z.object({
  caseId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  outcome: z.string().refine(isCallOutcome).optional(),
  note: z.string().max(NOTE_MAX_CHARS).optional(),
});

/** A plain case id, or the case with what to fill in, cut to fit a button's value. */
export function logCallButtonValue(request: LogCallRequest): string {
  if (request.outcome === undefined && !request.note) return String(request.caseId);
  const base = { caseId: request.caseId, ...(request.outcome ? { outcome: request.outcome } : {}) };
  let note = request.note ?? '';
  let value = JSON.stringify(note ? { ...base, note } : base);
  // Escapes make a character up to six long in JSON: cut by the overflow until it fits.
  while (value.length > LIMITS.buttonValue) {
    note = note.slice(0, Math.max(0, note.length - (value.length - LIMITS.buttonValue)));
    value = JSON.stringify(note ? { ...base, note } : base);
  }
  return value;
}

/** The button's value read back; the error is the value as received. */
export function parseLogCallButton(value: string | undefined): Result<LogCallRequest, string> {
  const raw = value ?? '';
  if (/^[1-9]\d{0,14}$/.test(raw)) return ok({ caseId: Number(raw) });
  if (!raw.startsWith('{')) return err(raw);
  try {
    const parsed = buttonRequest.safeParse(JSON.parse(raw));
    return parsed.success ? ok(parsed.data as LogCallRequest) : err(raw);
  } catch {
    return err(raw);
  }
}

function frame(t: Translator, meta: LogCallMetadata | null): Omit<ModalView, 'blocks'> {
  return {
    type: 'modal',
    callback_id: LOG_CALL_VIEW,
    private_metadata: meta ? JSON.stringify(meta) : '',
    title: plainText(t('logCall.title'), LIMITS.modalTitle),
    close: plainText(t('logCall.close'), LIMITS.modalButton),
  };
}

/**
 * What opens at once on the trigger, before anything is read. It carries the
 * case when the button named it, so a submission racing the form still knows it.
 */
export function loadingModal(t: Translator, meta: LogCallMetadata | null): ModalView {
  return { ...frame(t, meta), blocks: [{ type: 'section', text: mrkdwnText(t('logCall.loading')) }] };
}

/** The modal when there is no form to show: a refusal, a case not found. */
export function noticeModal(t: Translator, text: string): ModalView {
  return { ...frame(t, null), blocks: fitBlocks([{ type: 'section', text: mrkdwnText(text) }], LIMITS.blocksPerView) };
}

export interface LogCallForm {
  name: string;
  ref: string;
  /** When the phone was flagged wrong, as a day in the workspace zone. */
  phoneWrongOn: IsoDate | null;
  backoffDays: readonly number[];
  /** Prefilled from the command. */
  outcome?: CallOutcome | null;
  note?: string | null;
  /** Prefilled from a call note's reading (Edit on its confirmation). */
  amount?: string | null;
  promiseDate?: IsoDate | null;
  dispute?: DisputeReason | null;
  nextDate?: IsoDate | null;
}

const option = (text: string, value: string) => ({ text: plainText(text, LIMITS.optionText), value });

export function logCallModal(t: Translator, locale: Locale, form: LogCallForm, meta: LogCallMetadata): ModalView {
  const outcomes = CALL_OUTCOMES.map((o) => option(t(`outcome.${o}`), o));
  const chosen = outcomes.find((o) => o.value === form.outcome);
  const disputes = DISPUTE_REASONS.map((r) => option(t(`disputeReason.${r}`), r));
  const disputeChosen = disputes.find((o) => o.value === form.dispute);
  const hint = (text: string) => plainText(text, LIMITS.inputLabel);
  const phoneFlag: KnownBlock[] = form.phoneWrongOn
    ? [{ type: 'context', elements: [mrkdwnText(t('logCall.phoneWrong', { date: formatDate(form.phoneWrongOn, locale) }))] }]
    : [];
  const blocks: KnownBlock[] = [
    { type: 'section', text: mrkdwnText(`*${inert(form.name)}* (${inert(form.ref)})`) },
    ...phoneFlag,
    {
      type: 'input',
      block_id: FIELD.outcome,
      label: plainText(t('logCall.outcome'), LIMITS.inputLabel),
      element: { type: 'static_select', action_id: 'value', options: outcomes, ...(chosen ? { initial_option: chosen } : {}) },
    },
    {
      type: 'input',
      block_id: FIELD.note,
      optional: true,
      label: plainText(t('logCall.note'), LIMITS.inputLabel),
      element: {
        type: 'plain_text_input', action_id: 'value', multiline: true, max_length: NOTE_MAX_CHARS,
        placeholder: plainText(t('logCall.notePlaceholder'), LIMITS.placeholder),
        ...(form.note ? { initial_value: form.note.slice(0, NOTE_MAX_CHARS) } : {}),
      },
    },
    {
      type: 'input',
      block_id: FIELD.amount,
      optional: true,
      label: plainText(t('logCall.amount'), LIMITS.inputLabel),
      hint: hint(t('logCall.amountHint')),
      element: {
        type: 'plain_text_input', action_id: 'value', max_length: AMOUNT_MAX_CHARS, placeholder: plainText(t('logCall.amountPlaceholder'), LIMITS.placeholder),
        ...(form.amount ? { initial_value: form.amount.slice(0, AMOUNT_MAX_CHARS) } : {}),
      },
    },
    {
      type: 'input',
      block_id: FIELD.promiseDate,
      optional: true,
      label: plainText(t('logCall.promiseDate'), LIMITS.inputLabel),
      hint: hint(t('logCall.promiseDateHint')),
      element: { type: 'datepicker', action_id: 'value', ...(form.promiseDate ? { initial_date: form.promiseDate } : {}) },
    },
    {
      type: 'input',
      block_id: FIELD.dispute,
      optional: true,
      label: plainText(t('logCall.dispute'), LIMITS.inputLabel),
      hint: hint(t('logCall.disputeHint')),
      element: { type: 'static_select', action_id: 'value', options: disputes, ...(disputeChosen ? { initial_option: disputeChosen } : {}) },
    },
    {
      type: 'input',
      block_id: FIELD.nextDate,
      optional: true,
      label: plainText(t('logCall.nextDate'), LIMITS.inputLabel),
      hint: hint(t('logCall.nextDateHint', { days: form.backoffDays.join(', ') })),
      element: { type: 'datepicker', action_id: 'value', ...(form.nextDate ? { initial_date: form.nextDate } : {}) },
    },
  ];
  return {
    ...frame(t, meta),
    submit: plainText(t('logCall.submit'), LIMITS.modalButton),
    close: plainText(t('logCall.cancel'), LIMITS.modalButton),
    blocks: fitBlocks(blocks, LIMITS.blocksPerView),
  };
}
