import type { KnownBlock } from '@slack/types';
import type { CurrencyTotals, DigestData, PromiseLine } from '../../db/digest.ts';
import type { WorklistEntry } from '../../db/worklist.ts';
import type { IsoDate } from '../../domain/dates.ts';
import type { LedgerHoldView } from '../../domain/ledger-freshness.ts';
import { formatMoney } from '../../domain/money.ts';
import { formatDate, inert, joinMrkdwn, mention, mrkdwn } from '../../i18n/format.ts';
import type { Locale, Translator } from '../../i18n/messages.ts';
import type { Reply } from '../command.ts';
import { button, context, fitReply, header, mrkdwnText, section } from './kit.ts';
import { REVIEW_ACTION } from './review.ts';
import { entryText, OPEN_CASE_ACTION } from './worklist.ts';

export const CLAIM_CALL_ACTION = 'claim_call';
export const LOG_CALL_ACTION = 'log_call';

export interface DigestView {
  locale: Locale;
  t: Translator;
  today: IsoDate;
}

const money = (cents: number, currency: string, locale: Locale) => formatMoney({ cents, currency }, locale);

/** Why nothing reaches debtors (src/domain/ledger-freshness.ts): the digest, the case card and the dispatcher's one notice say it alike. */
export const ledgerHoldText = (hold: LedgerHoldView, t: Translator, locale: Locale): string =>
  t('ledger.hold', { count: hold.count, unit: hold.unit, source: hold.source, date: formatDate(hold.syncedOn, locale) });

function totalLine(total: CurrencyTotals, v: DigestView): string {
  const { t, locale } = v;
  const amount = money(total.overdueCents, total.currency, locale);
  let change = '';
  if (total.previousCents !== null) {
    const delta = total.overdueCents - total.previousCents;
    change = delta > 0 ? t('digest.changeUp', { amount: money(delta, total.currency, locale) })
      : delta < 0 ? t('digest.changeDown', { amount: money(-delta, total.currency, locale) })
        : t('digest.changeNone');
  }
  return t('digest.total', { amount, change });
}

function promiseList(lines: PromiseLine[], v: DigestView): string {
  return lines.map((p) => v.t('digest.promiseLine', {
    name: p.customerName, amount: money(p.amountCents, p.currency, v.locale), by: mention(p.takenBy),
  })).join('\n');
}

/** The parent message: the team's morning summary. */
export function digestParent(data: DigestData, v: DigestView): Reply {
  const { t, locale } = v;
  const title = t('digest.title', { date: formatDate(data.businessDate, locale) });
  const overdue = data.totals.filter((x) => x.overdueCents > 0 || (x.previousCents ?? 0) > 0);
  const blocks: KnownBlock[] = [header(title)];
  if (data.ledgerHold) blocks.push(section(ledgerHoldText(data.ledgerHold, t, locale)));
  blocks.push(section(overdue.length ? overdue.map((x) => totalLine(x, v)).join('\n') : t('digest.nothingOverdue')));
  const aging = data.totals.filter((x) => x.overdueCents > 0 || x.dueSoonCents > 0).map((x) => t('digest.aging', {
    currency: x.currency,
    soon: money(x.dueSoonCents, x.currency, locale),
    a1: money(x.aged1To30Cents, x.currency, locale),
    a2: money(x.aged31To60Cents, x.currency, locale),
    a3: money(x.aged61To90Cents, x.currency, locale),
    a4: money(x.aged91PlusCents, x.currency, locale),
  }));
  if (aging.length) blocks.push(context(aging));

  const due = data.promisesDueToday;
  const broken = data.promisesBroken;
  blocks.push(section([t('digest.promisesDue', { count: due.count }), promiseList(due.lines, v)].filter(Boolean).join('\n')));
  blocks.push(section([t('digest.promisesBroken', { count: broken.count }), promiseList(broken.lines, v)].filter(Boolean).join('\n')));
  const calls = joinMrkdwn(data.callsToday.map((c) => mrkdwn(`${mention(c.assigneeId)} ${c.calls}`)), ' · ');
  blocks.push(section(data.callsToday.length ? t('digest.callsToday', { list: calls }) : t('digest.noCalls')));
  blocks.push(section(t('digest.unowned', {
    count: data.unownedNeedingCall.count,
    names: data.unownedNeedingCall.names.join(', '),
  })));
  blocks.push(section(t('digest.approvals', { count: data.approvalsWaiting })));
  if (data.remindersWaiting > 0) {
    blocks.push({
      type: 'section', text: mrkdwnText(t('digest.remindersWaiting', { count: data.remindersWaiting })),
      accessory: button({ actionId: REVIEW_ACTION, text: t('digest.review'), value: '0', style: 'primary' }),
    });
  }
  if (data.mailsUnknown > 0) blocks.push(section(t('digest.mailsUnknown', { count: data.mailsUnknown })));
  blocks.push(context([t('digest.threadHint', { shown: data.entries.length, total: data.actionableCases })]));

  const text = [title, ...overdue.map((x) => totalLine(x, v).replace(/\*/g, ''))].join(' — ');
  return fitReply({ text, blocks });
}

/** One thread reply per actionable case, with the buttons the team acts on. */
export function digestEntry(entry: WorklistEntry, rank: number, v: DigestView, claimedBy?: string | null): Reply {
  const { t } = v;
  const caseId = String(entry.caseId ?? '');
  const blocks: KnownBlock[] = [
    section(entryText(entry, rank, v)),
    {
      type: 'actions',
      block_id: `digest_case_${caseId}`,
      elements: [
        button({ actionId: CLAIM_CALL_ACTION, text: t('button.claimCall'), value: caseId, style: 'primary' }),
        button({ actionId: LOG_CALL_ACTION, text: t('button.logCall'), value: caseId }),
        button({ actionId: OPEN_CASE_ACTION, text: t('button.openCase'), value: String(entry.customerId) }),
      ],
    },
    context([claimedBy ? t('digest.claimedBy', { user: mention(claimedBy) }) : t('digest.claimHint')]),
  ];
  return fitReply({ text: `${rank}. ${inert(entry.name)} (${inert(entry.customerRef)})`, blocks });
}

/** Block Kit to plain text, for the terminal (`relance digest`). */
export function blocksToText(blocks: KnownBlock[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.type === 'header') out.push(b.text.text.toUpperCase(), '');
    else if (b.type === 'section') {
      if (b.text) out.push(b.text.text);
      for (const f of b.fields ?? []) out.push(f.text.replace('\n', ': '));
    } else if (b.type === 'context') out.push(...b.elements.map((e) => ('text' in e ? `  ${e.text}` : '')));
    else if (b.type === 'actions') out.push(`  [${b.elements.map((e) => ('text' in e && e.text ? e.text.text : '')).join('] [')}]`);
    else if (b.type === 'divider') out.push('—'.repeat(40));
  }
  return mrkdwnToText(out.join('\n'));
}

/** Slack mrkdwn as a terminal shows it: no bold markers, mentions as @id, entities decoded. */
export function mrkdwnToText(text: string): string {
  return text.replace(/\*([^*\n]+)\*/g, '$1').replace(/<@([A-Z0-9]+)(\|[^>]*)?>/g, '@$1').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

export function digestText(data: DigestData, v: DigestView): string {
  const parent = digestParent(data, v);
  const entries = data.entries.map((e, i) => blocksToText(digestEntry(e, i + 1, v).blocks!.slice(0, 1)));
  return [blocksToText(parent.blocks!), '', ...entries].join('\n');
}
