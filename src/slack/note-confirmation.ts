// `/collect log <case> <free text>` (no outcome keyword first): the note is
// read — by the model when there is a key, else by the rules — after the
// slash command's ack, and what was understood comes back as an ephemeral
// with Confirm, Edit and Cancel. Nothing is written before Confirm.
//
// The reading waits server-side (src/services/pending-readings.ts); the
// buttons carry its id and the case. Confirm logs the call as the log-call
// form would (logCall: its promise, pause, next call, refusals) under the key
// `reading:<id>`, which the form opened by Edit shares: a double click, a
// Slack retry, or Confirm after Edit's form log one call between them.
import type { App, BlockButtonAction, RespondArguments, RespondFn } from '@slack/bolt';
import type { KnownBlock } from '@slack/types';
import { z } from 'zod';
import { queueCallReminder } from '../../jobs/call-reminder.ts';
import { aiClientFor } from '../ai/client.ts';
import type { CallNoteReading } from '../ai/call-note.ts';
import { stripControlsToOneLine } from '../domain/control-characters.ts';
import { formatMoney, formatMoneyPlain, type Money } from '../domain/money.ts';
import { escapeMrkdwn, formatWeekdayDate, formatDate } from '../i18n/format.ts';
import { translator, type Locale, type Translator } from '../i18n/messages.ts';
import { logCall } from '../services/log-call.ts';
import { closePendingReadings, isReadingId, pendingReadingsFor, redisPendingReadings, registerPendingReadings, type PendingReading } from '../services/pending-readings.ts';
import { readNote } from '../services/read-call-note.ts';
import type { PromiseTarget } from '../services/record-promise.ts';
import { button, context, fieldsSection, LIMITS, mrkdwnText, section } from './blocks/kit.ts';
import type { CommandContext, Reply } from './command.ts';
import { answeringFailures } from './digest-replies.ts';
import { fillLogCallForm, openLoadingForm, showNotice } from './log-call-form.ts';
import { loggedText, pauseRefusal, promiseRefusal } from './log-call-text.ts';
import { buildContext, fromBlockAction, refusal, type RequestServices } from './request-context.ts';

export const NOTE_CONFIRM_ACTION = 'note_reading_confirm';
export const NOTE_EDIT_ACTION = 'note_reading_edit';
export const NOTE_CANCEL_ACTION = 'note_reading_cancel';

/** How much of the note the confirmation quotes (a section holds 3,000 characters). */
const QUOTED_NOTE_CHARS = 2500;

type Missing = 'outcome' | 'amount' | 'date' | 'dispute';

/** What the reading lacks before Confirm can log it, as the form would refuse it. */
export function missingFor(reading: CallNoteReading): Missing[] {
  if (reading.outcome === null) return ['outcome'];
  const missing: Missing[] = [];
  if (reading.outcome === 'promised') {
    if (!reading.amount) missing.push('amount');
    if (!reading.date) missing.push('date');
  }
  if (reading.outcome === 'disputed' && !reading.dispute) missing.push('dispute');
  return missing;
}

const EVERY_KEY = { week: 'noteReading.every.week', '2 weeks': 'noteReading.every.fortnight', month: 'noteReading.every.month' } as const;
const DROPPED_LABEL = {
  amount: 'noteReading.amount', date: 'noteReading.date', plan: 'noteReading.plan', next_step: 'noteReading.nextStep', summary: null,
} as const;

/** The note as a block quote, as typed (escaped: it cannot ping, link or format). */
function quoted(note: string): string {
  const lines = note.split(/\r\n|\r|\n/).map((line) => `>${escapeMrkdwn(stripControlsToOneLine(line))}`);
  const text = lines.join('\n');
  return text.length > QUOTED_NOTE_CHARS ? `${text.slice(0, QUOTED_NOTE_CHARS - 1)}…` : text;
}

const buttonValue = (id: string, caseId: number) => JSON.stringify({ r: id, c: caseId });
const buttonRequest = z.object({ r: z.string().refine(isReadingId), c: z.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

function parseButton(value: string | undefined): { id: string; caseId: number } | null {
  try {
    const parsed = buttonRequest.safeParse(JSON.parse(value ?? ''));
    return parsed.success ? { id: parsed.data.r, caseId: parsed.data.c } : null;
  } catch {
    return null;
  }
}

/** The confirmation: what was read, the note, who read it, and the buttons. */
export function confirmationReply(t: Translator, locale: Locale, command: string, id: string, pending: PendingReading): Reply {
  const { reading } = pending;
  const none = t('noteReading.nothing');
  const field = (label: string, value: string) => `*${label}*\n${value}`;
  const nextStep = reading.nextStep === 'none' ? t('noteReading.noNextStep')
    : reading.nextStep === 'escalate' ? t('noteReading.escalate')
      : t('noteReading.callBack', { date: formatWeekdayDate(reading.nextStep.callBack, locale, t) });
  const fields = [
    field(t('noteReading.outcome'), reading.outcome ? t(`outcome.${reading.outcome}`) : none),
    field(t('noteReading.amount'), reading.amount ? formatMoney(reading.amount, locale) : none),
    field(t('noteReading.date'), reading.date ? formatWeekdayDate(reading.date, locale, t) : none),
    field(t('noteReading.nextStep'), nextStep),
    ...(reading.plan ? [field(t('noteReading.plan'), t('noteReading.planValue', { count: reading.plan.count, every: t(EVERY_KEY[reading.plan.every]) }))] : []),
    ...(reading.outcome === 'disputed' ? [field(t('noteReading.dispute'), reading.dispute ? t(`disputeReason.${reading.dispute}`) : none)] : []),
  ];
  const heading = t('noteReading.heading', { name: pending.name });
  const notes: string[] = [];
  if (pending.source === 'ai') notes.push(t('noteReading.byAi'));
  else notes.push(t('noteReading.byRules', { why: t(`noteReading.why.${(pending.aiSkipped ?? 'no_key') as 'no_key'}`) }));
  const dropped = reading.dropped.flatMap((d) => (DROPPED_LABEL[d] ? [t(DROPPED_LABEL[d]).toLowerCase()] : []));
  if (dropped.length) notes.push(t('noteReading.dropped', { fields: dropped.join(', ') }));
  if (reading.summary) notes.push(t('noteReading.summary', { summary: reading.summary }));
  if (reading.plan) notes.push(t('noteReading.planHint', { command }));
  const missing = missingFor(reading);
  const blocks: KnownBlock[] = [
    section(heading),
    fieldsSection(fields),
    { type: 'section', text: mrkdwnText(`${t('noteReading.yourNote')}\n${quoted(pending.note)}`) },
    context(notes),
    ...(missing.length ? [section(t('noteReading.missing', { fields: missing.map((m) => t(`noteReading.missing.${m}`)).join(', ') }))] : []),
    {
      type: 'actions',
      elements: [
        ...(missing.length ? [] : [button({ actionId: NOTE_CONFIRM_ACTION, text: t('noteReading.button.confirm'), value: buttonValue(id, pending.caseId), style: 'primary' })]),
        button({ actionId: NOTE_EDIT_ACTION, text: t('noteReading.button.edit'), value: buttonValue(id, pending.caseId), ...(missing.length ? { style: 'primary' as const } : {}) }),
        button({ actionId: NOTE_CANCEL_ACTION, text: t('noteReading.button.cancel'), value: buttonValue(id, pending.caseId) }),
      ],
    },
  ];
  const summaryLine = reading.outcome ? `${t('noteReading.outcome')}: ${t(`outcome.${reading.outcome}`)}` : t('noteReading.missing', { fields: t('noteReading.missing.outcome') });
  return { text: `${heading}\n${summaryLine}`.slice(0, LIMITS.messageText), blocks };
}

/**
 * Reads the note (after the ack: the caller is a slash command's run) and
 * returns the confirmation; null when no reading store is at hand or it
 * cannot hold the reading, and the caller opens the form as before.
 */
export async function confirmNote(ctx: CommandContext, target: PromiseTarget, note: string): Promise<Reply | null> {
  const store = pendingReadingsFor(ctx.env);
  if (!store) return null;
  const first = target.overdue.find((o) => o.overdueCents > 0) ?? target.overdue[0];
  const balance: Money = { cents: first?.overdueCents ?? 0, currency: first?.currency ?? 'EUR' };
  const read = await readNote(aiClientFor(ctx.env, ctx.logger), note, { today: ctx.today, locale: ctx.locale, balance });
  const pending: PendingReading = {
    workspaceId: ctx.workspace.id, userId: ctx.userId, caseId: target.caseId, name: target.name, ref: target.ref,
    channelId: ctx.channelId, note, reading: read.reading, source: read.source, aiSkipped: read.aiSkipped,
  };
  let id: string;
  try {
    id = await store.put(pending);
  } catch (error) {
    // Without the store there is nothing for Confirm to log: the form opens instead (or its button, the trigger being spent).
    ctx.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'could not hold the call-note reading');
    return null;
  }
  ctx.logger.info({ case: target.caseId, source: read.source, aiSkipped: read.aiSkipped, dropped: read.reading.dropped }, 'call note read for confirmation');
  return confirmationReply(ctx.t, ctx.locale, ctx.command, id, pending);
}

type Say = (reply: { text: string; replace?: boolean }) => Promise<void>;

function sayer(respond: RespondFn): Say {
  return async ({ text, replace = false }) => {
    const args: RespondArguments = replace ? { replace_original: true, text } : { response_type: 'ephemeral', replace_original: false, text };
    await respond(args);
  };
}

export function registerNoteConfirmation(app: App, services: RequestServices): void {
  const { deps } = services;
  const store = redisPendingReadings(deps.env, deps.logger);
  registerPendingReadings(deps.env, store);

  /** The reading a click names, if it is still waiting and this person's. */
  const pendingOf = async (ctx: CommandContext, id: string): Promise<PendingReading | null> => {
    const pending = await store.get(id);
    return pending && pending.userId === ctx.userId && pending.workspaceId === ctx.workspace.id ? pending : null;
  };

  app.action<BlockButtonAction>(NOTE_CONFIRM_ACTION, async ({ ack, body, action, client, respond }) => {
    await ack();
    const say = sayer(respond);
    await answeringFailures(services, NOTE_CONFIRM_ACTION, (text: string) => say({ text }), async () => {
      const ctx = await buildContext(services, fromBlockAction(body, client));
      const denied = refusal(ctx, 'collector', 'log');
      if (denied) return void (await say({ text: denied.text }));
      const clicked = parseButton(action.value);
      const pending = clicked ? await pendingOf(ctx, clicked.id) : null;
      if (!clicked || !pending) return void (await say({ text: ctx.t('noteReading.gone', { command: ctx.command }), replace: true }));
      const { reading } = pending;
      // The buttons are drawn from the stored reading, but a crafted click could press Confirm anyway.
      if (missingFor(reading).length > 0 || reading.outcome === null) {
        return void (await say({ text: ctx.t('noteReading.missing', { fields: missingFor(reading).map((m) => ctx.t(`noteReading.missing.${m}`)).join(', ') }) }));
      }
      const followUpOn = typeof reading.nextStep === 'object' ? reading.nextStep.callBack : null;
      const textView = { t: ctx.t, locale: ctx.locale, command: ctx.command };
      if (followUpOn !== null && followUpOn < ctx.today) {
        const past = ctx.t('logCall.pastDate', { date: formatDate(followUpOn, ctx.locale), today: formatDate(ctx.today, ctx.locale) });
        return void (await say({ text: `${past} ${ctx.t('noteReading.fixWithEdit')}` }));
      }
      const result = await logCall(ctx.db, {
        workspaceId: ctx.workspace.id, caseId: pending.caseId, userId: ctx.userId, now: ctx.now, via: 'command',
        submissionKey: `reading:${clicked.id}`,
        outcome: reading.outcome, note: pending.note, followUpOn,
        ...(reading.outcome === 'promised' && reading.amount && reading.date
          ? { promise: { amountCents: reading.amount.cents, currency: reading.amount.currency, dueOn: reading.date } } : {}),
        ...(reading.outcome === 'paid' ? { claimed: reading.amount ? { amountCents: reading.amount.cents, currency: reading.amount.currency } : null } : {}),
        ...(reading.outcome === 'disputed' && reading.dispute ? { dispute: reading.dispute } : {}),
      });
      switch (result.kind) {
        case 'logged': {
          await store.drop(clicked.id);
          await say({ text: loggedText(textView, result), replace: true });
          if (result.nextTaskId && result.nextCall) {
            await queueCallReminder(ctx.reminderQueue, { workspaceId: ctx.workspace.id, taskId: result.nextTaskId, dueAtMs: result.nextCall.dueAt.getTime() }, ctx.now, ctx.logger);
          }
          return;
        }
        case 'duplicate':
          await store.drop(clicked.id);
          return void (await say({ text: ctx.t('noteReading.alreadyLogged'), replace: true }));
        case 'no_case':
        case 'closed':
          await store.drop(clicked.id);
          return void (await say({ text: result.kind === 'closed' ? ctx.t('logCall.closedCase', { name: result.name }) : ctx.t('logCall.closedCaseShort'), replace: true }));
        case 'promise_refused': {
          const { text } = promiseRefusal(textView, result.refusal, `500 ${reading.amount?.currency ?? 'EUR'}`);
          return void (await say({ text: `${text} ${ctx.t('noteReading.fixWithEdit')}` }));
        }
        case 'pause_refused':
          return void (await say({ text: `${pauseRefusal(textView, result.refusal).text} ${ctx.t('noteReading.fixWithEdit')}` }));
      }
    });
  });

  app.action<BlockButtonAction>(NOTE_EDIT_ACTION, async ({ ack, body, action, client, respond }) => {
    await ack();
    const quick = translator((services.workspaces.peek(body.team?.id ?? body.user.team_id ?? '')?.locale ?? deps.env.RELANCE_LOCALE) as Locale);
    const say = sayer(respond);
    let formId: string | null = null;
    const tell = async (text: string) => {
      if (formId) await showNotice({ client, logger: deps.logger, t: quick }, formId, text);
      await say({ text });
    };
    await answeringFailures(services, NOTE_EDIT_ACTION, tell, async () => {
      const clicked = parseButton(action.value);
      const channelId = body.channel?.id;
      // The trigger first, before any read: it lasts 3 seconds.
      const opened = clicked
        ? await openLoadingForm(client, body.trigger_id, quick, { caseId: clicked.caseId, ...(channelId ? { channelId } : {}), readingId: clicked.id })
        : null;
      if (opened?.kind === 'opened') formId = opened.viewId;
      const ctx = await buildContext(services, fromBlockAction(body, client));
      const denied = refusal(ctx, 'collector', 'log');
      if (denied) return void (await tell(denied.text));
      if (!clicked || !opened) return void (await tell(ctx.t('interaction.badValue', { input: action.value ?? '', command: ctx.command })));
      if (opened.kind === 'stale') return void (await tell(ctx.t('logCall.staleTrigger')));
      const pending = await pendingOf(ctx, clicked.id);
      if (!pending) {
        // Logged, cancelled or expired: the form opens on the case alone.
        await say({ text: ctx.t('noteReading.gone', { command: ctx.command }) });
        await fillLogCallForm(ctx, opened.viewId, { caseId: clicked.caseId, channelId });
        return;
      }
      const { reading } = pending;
      const shown = await fillLogCallForm(ctx, opened.viewId, {
        caseId: pending.caseId, channelId, outcome: reading.outcome, note: pending.note, readingId: clicked.id,
        prefill: {
          amount: reading.amount ? formatMoneyPlain(reading.amount, ctx.locale) : null,
          promiseDate: reading.outcome === 'promised' ? reading.date : null,
          dispute: reading.dispute,
          nextDate: typeof reading.nextStep === 'object' ? reading.nextStep.callBack : null,
        },
      });
      if (shown.kind === 'no_case') await tell(ctx.t('claim.notFound', { command: ctx.command }));
      else if (shown.kind === 'closed') await tell(ctx.t('logCall.closedCase', { name: shown.name }));
    });
  });

  app.action<BlockButtonAction>(NOTE_CANCEL_ACTION, async ({ ack, body, action, client, respond }) => {
    await ack();
    const say = sayer(respond);
    await answeringFailures(services, NOTE_CANCEL_ACTION, (text: string) => say({ text }), async () => {
      const ctx = await buildContext(services, fromBlockAction(body, client));
      const clicked = parseButton(action.value);
      if (clicked && await pendingOf(ctx, clicked.id)) await store.drop(clicked.id);
      await say({ text: ctx.t('noteReading.cancelled'), replace: true });
    });
  });
}

/** Closes the reading store of an app being stopped. */
export const closeNoteConfirmation = closePendingReadings;
