// Opening the log-call form from a command or a button. A trigger_id lasts
// 3 seconds and works once, so the modal opens at once as a loading view,
// before anything is read, and is filled (views.update) once the case is.
// A trigger Slack no longer honours is reported, not thrown: the caller offers
// a button, whose click brings a fresh one.
import type { View } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { and, eq } from 'drizzle-orm';
import { ensureBalancesFresh } from '../db/balances.ts';
import { loadCaseCard } from '../db/cases.ts';
import { cases } from '../db/schema.ts';
import { readSettings } from '../db/settings.ts';
import type { CallOutcome } from '../domain/call-outcomes.ts';
import type { Translator } from '../i18n/messages.ts';
import type { CommandContext } from './command.ts';
import { loadingModal, logCallModal, noticeModal, type LogCallForm, type LogCallMetadata } from './modals/log-call.ts';

export type OpenedForm = { kind: 'opened'; viewId: string } | { kind: 'stale' };

const STALE_TRIGGER = ['expired_trigger_id', 'invalid_trigger_id'];

const slackError = (error: unknown): string | undefined =>
  (error as { data?: { error?: unknown } } | null)?.data?.error as string | undefined;

export async function openLoadingForm(client: WebClient, triggerId: string, t: Translator, meta: LogCallMetadata | null): Promise<OpenedForm> {
  try {
    const opened = await client.views.open({ trigger_id: triggerId, view: loadingModal(t, meta) });
    const viewId = opened.view?.id;
    if (!viewId) throw new Error('views.open answered without a view id');
    return { kind: 'opened', viewId };
  } catch (error) {
    if (STALE_TRIGGER.includes(slackError(error) ?? '')) return { kind: 'stale' };
    throw error;
  }
}

/**
 * Replaces the loading view. The person may have closed it meanwhile (Slack
 * then refuses the update): what they were told elsewhere stands, so this is
 * logged, not reported.
 */
export async function showInForm(ctx: Pick<CommandContext, 'client' | 'logger'>, viewId: string, view: View): Promise<void> {
  try {
    await ctx.client.views.update({ view_id: viewId, view });
  } catch (error) {
    ctx.logger.warn({ err: error, view: viewId }, 'could not fill the log-call form');
  }
}

export const showNotice = (ctx: Pick<CommandContext, 'client' | 'logger' | 't'>, viewId: string, text: string) =>
  showInForm(ctx, viewId, noticeModal(ctx.t, text));

export interface FormRequest {
  caseId: number;
  channelId?: string | undefined;
  messageTs?: string | undefined;
  outcome?: CallOutcome | null;
  note?: string | null;
  /** The rest of a call note's reading, and its id (Edit on the note's confirmation). */
  prefill?: Pick<LogCallForm, 'amount' | 'promiseDate' | 'dispute' | 'nextDate'>;
  readingId?: string;
}

export type FormCase = { kind: 'shown'; name: string } | { kind: 'no_case' } | { kind: 'closed'; name: string };

/** Reads the case and puts its form in the open view; says why not when the case is gone or closed. */
export async function fillLogCallForm(ctx: CommandContext, viewId: string, request: FormRequest): Promise<FormCase> {
  const [kase] = await ctx.db.select({ customerId: cases.customerId, status: cases.status }).from(cases)
    .where(and(eq(cases.workspaceId, ctx.workspace.id), eq(cases.id, request.caseId)));
  if (!kase) return { kind: 'no_case' };
  await ensureBalancesFresh(ctx.db, ctx.workspace.id, ctx.now);
  const [card, settings] = await Promise.all([loadCaseCard(ctx.db, ctx.workspace.id, kase.customerId), readSettings(ctx.db, ctx.workspace.id)]);
  if (!card) return { kind: 'no_case' };
  const name = card.customer.name;
  if (['resolved', 'written_off'].includes(kase.status)) return { kind: 'closed', name };
  const currencies = card.balances.filter((b) => b.overdueCents > 0).map((b) => b.currency);
  const meta: LogCallMetadata = {
    caseId: request.caseId,
    ...(request.channelId ? { channelId: request.channelId } : {}),
    ...(request.messageTs ? { messageTs: request.messageTs } : {}),
    ...(currencies.length ? { currencies } : {}),
    ...(request.readingId ? { readingId: request.readingId } : {}),
  };
  const form = {
    name, ref: card.customer.ref, phoneWrongOn: card.customer.phoneWrongOn, backoffDays: settings.callBackoffDays,
    outcome: request.outcome ?? null, note: request.note ?? null, ...request.prefill,
  };
  await showInForm(ctx, viewId, logCallModal(ctx.t, ctx.locale, form, meta));
  return { kind: 'shown', name };
}
