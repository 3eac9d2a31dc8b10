import type { KnownBlock } from '@slack/types';
import type { WorklistEntry, Worklist } from '../../db/worklist.ts';
import type { IsoDate } from '../../domain/dates.ts';
import { isNearTimeBar, timeBarDate } from '../../domain/aging.ts';
import { formatMoney } from '../../domain/money.ts';
import { DISPUTE_REASONS, PAUSE_REASONS } from '../../domain/pause-args.ts';
import { formatDate, formatTotals, inert, mention, mrkdwn } from '../../i18n/format.ts';
import type { Locale, MessageKey, Translator } from '../../i18n/messages.ts';
import type { Reply } from '../command.ts';
import { button, context, fitReply, mrkdwnText, section } from './kit.ts';

export const OPEN_CASE_ACTION = 'case_open';

export interface WorklistView {
  title: string;
  filter?: string;
  command: string;
  locale: Locale;
  today: IsoDate;
  t: Translator;
}

export function statusLabel(t: Translator, status: string | null, stage: string | null): string {
  const s = t((`status.${status ?? 'none'}`) as MessageKey & `status.${string}`);
  return stage ? `${s} · ${t((`stage.${stage}`) as MessageKey & `stage.${string}`)}` : s;
}

export interface PauseView {
  until: IsoDate;
  reason: string | null;
  dispute: string | null;
}

/** "dispute: price", "payment plan"; a reason relance does not know reads as "other reason". */
export function pauseReasonLabel(t: Translator, reason: string | null, dispute: string | null): string {
  const why = t(`pauseReason.${(PAUSE_REASONS as readonly string[]).includes(reason ?? '') ? reason : 'other'}` as MessageKey & `pauseReason.${string}`);
  if (reason !== 'dispute' || !dispute) return why;
  return t('pause.reasonWithDispute', { reason: why, dispute: pauseDisputeLabel(t, dispute) });
}

export function pauseDisputeLabel(t: Translator, dispute: string): string {
  return t(`disputeReason.${(DISPUTE_REASONS as readonly string[]).includes(dispute) ? dispute : 'other'}` as MessageKey & `disputeReason.${string}`);
}

/** The status of a case, "paused until 15 Dec 2026 (dispute: price)" while it is paused. */
export function caseStatusLabel(t: Translator, locale: Locale, c: { status: string | null; stage: string | null; pause?: PauseView | null }): string {
  if (c.status !== 'paused' || !c.pause) return statusLabel(t, c.status, c.stage);
  return t('pause.statusUntil', { until: formatDate(c.pause.until, locale), reason: pauseReasonLabel(t, c.pause.reason, c.pause.dispute) });
}

/** The one-line summary of a debtor, shared by the worklist and the digest. */
export function entryText(e: WorklistEntry, rank: number, v: { t: Translator; locale: Locale; today: IsoDate }): string {
  const { t, locale } = v;
  const amount = formatTotals(e.balances.map((b) => ({ cents: b.overdueCents, currency: b.currency })), locale);
  const invoices = e.balances.reduce((n, b) => n + b.overdueInvoices, 0);
  const owner = e.ownerId ? mention(e.ownerId) : mrkdwn(t('overdue.noOwner'));
  let text = `${rank}. ${t('overdue.row', {
    name: e.name, ref: e.customerRef, amount, days: e.daysOverdue, invoices, owner,
    status: caseStatusLabel(t, locale, e),
  })}`;
  if (e.earliestStartDate && isNearTimeBar(e.kind, e.earliestStartDate, v.today)) {
    text += `\n${t('overdue.timeBar', { date: formatDate(timeBarDate(e.kind, e.earliestStartDate), locale) })}`;
  }
  return text;
}

function entryBlock(e: WorklistEntry, rank: number, v: WorklistView): KnownBlock {
  return {
    type: 'section',
    text: mrkdwnText(entryText(e, rank, v)),
    accessory: button({ actionId: OPEN_CASE_ACTION, text: v.t('button.openCase'), value: String(e.customerId) }),
  };
}

/** At most `limit` entries: Slack allows 50 blocks a message. */
export function worklistReply(list: Worklist, v: WorklistView): Reply {
  const { t, locale } = v;
  const header = `*${v.title}*${v.filter ? ` — ${v.filter}` : ''}`;
  if (list.entries.length === 0) {
    const text = `${header}\n${t('overdue.empty')}`;
    return fitReply({ text, blocks: [section(text)] });
  }
  const totals = t('overdue.totals', { totals: formatTotals(list.totals.map((x) => ({ cents: x.overdueCents, currency: x.currency })), locale), cases: list.totalCases });
  const blocks: KnownBlock[] = [
    section(`${header}\n${totals}`),
    { type: 'divider' },
    ...list.entries.map((e, i) => entryBlock(e, i + 1, v)),
  ];
  if (list.totalCases > list.entries.length) {
    blocks.push(context([t('overdue.more', { shown: list.entries.length, total: list.totalCases, command: v.command })]));
  }
  const first = list.entries[0]!;
  const fallback = `${v.title}: ${list.totalCases} — ${inert(first.name)} ${formatMoney({ cents: first.balances[0]!.overdueCents, currency: first.balances[0]!.currency }, locale)}…`;
  return fitReply({ text: fallback, blocks });
}
