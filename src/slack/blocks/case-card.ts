import type { KnownBlock } from '@slack/types';
import type { CaseCard, CustomerMatch } from '../../db/cases.ts';
import { timeBarDate, TIME_BAR_WARNING_DAYS } from '../../domain/aging.ts';
import { daysBetween, type IsoDate } from '../../domain/dates.ts';
import type { LedgerHoldView } from '../../domain/ledger-freshness.ts';
import { formatMoney } from '../../domain/money.ts';
import { channelLink, formatDate, formatTotals, inert, joinMrkdwn, mention, mrkdwn, type Mrkdwn } from '../../i18n/format.ts';
import type { Locale, Translator } from '../../i18n/messages.ts';
import type { Reply } from '../command.ts';
import { activityBy, describeActivity } from './activity-text.ts';
import { ledgerHoldText, LOG_CALL_ACTION } from './digest.ts';
import { button, context, fieldsSection, fitReply, header, section } from './kit.ts';
import { caseStatusLabel, OPEN_CASE_ACTION } from './worklist.ts';

interface CardView {
  locale: Locale;
  t: Translator;
  today: IsoDate;
}

function activityLine(a: CaseCard['activities'][number], v: CardView): string {
  return `• ${formatDate(a.occurredOn, v.locale)} — ${describeActivity(a, v)}${activityBy(a.actorId, v)}`;
}

/** Slack's own permalink, as a link with our label; anything else is not shown as a link. */
const permalinkTo = (permalink: string | null, label: string): Mrkdwn | null =>
  permalink && /^https:\/\/[^\s<>|]+$/.test(permalink) ? mrkdwn(`<${permalink}|${inert(label)}>`) : null;

/** Where the case's thread is: a link when Slack gave one, else its channel. */
function threadLine(card: CaseCard, v: CardView): string | null {
  const kase = card.case;
  if (!kase?.threadChannelId || !kase.threadTs) return null;
  const link = permalinkTo(kase.threadPermalink, v.t('case.threadLabel'));
  if (link) return v.t('case.threadLink', { link });
  return v.t('case.threadIn', { channel: channelLink(kase.threadChannelId) });
}

/** A customer who falls overdue again gets a new case; its card points to the earlier ones. */
function earlierCasesLine(card: CaseCard, v: CardView): string | null {
  if (card.earlierCases.length === 0) return null;
  const { t, locale } = v;
  const items = card.earlierCases.map((k) => {
    const span = t('case.earlierSpan', {
      opened: formatDate(k.openedOn, locale), closed: k.closedOn ? formatDate(k.closedOn, locale) : '…', status: t(`status.${k.status}` as 'status.open'),
    });
    const link = permalinkTo(k.threadPermalink, t('case.threadLabel'));
    return link ? mrkdwn(`${span} ${link.text}`) : mrkdwn(span);
  });
  return t('case.earlierCases', { list: joinMrkdwn(items, ' · '), more: card.earlierCaseCount - card.earlierCases.length });
}

/** The running plan in one line: how far it is, and the next instalment. */
function planLine(plan: NonNullable<CaseCard['plan']>, v: CardView): string {
  const money = (cents: number) => formatMoney({ cents, currency: plan.currency }, v.locale);
  const next = plan.lines.find((l) => l.status === 'pending');
  return v.t('case.plan', {
    count: plan.instalments, period: v.t(`planPeriod.${plan.period}`), paid: plan.lines.filter((l) => l.status === 'kept').length, total: money(plan.totalCents),
  }) + (next ? v.t('case.planNext', { amount: money(next.amountCents), date: formatDate(next.dueOn, v.locale) }) : '');
}

export function caseCardReply(card: CaseCard & { ledgerHold?: LedgerHoldView }, v: CardView): Reply {
  const { t, locale } = v;
  const c = card.customer;
  const title = t('case.title', { name: c.name, ref: c.ref });
  const open = formatTotals(card.balances.map((b) => ({ cents: b.openCents, currency: b.currency })), locale) || '0';
  const overdue = formatTotals(card.balances.filter((b) => b.overdueCents > 0).map((b) => ({ cents: b.overdueCents, currency: b.currency })), locale) || '—';
  const owner = card.case?.ownerId ?? c.ownerId;
  const fields = [
    [t('case.field.balance'), open],
    [t('case.field.overdue'), overdue],
    [t('case.field.status'), card.case ? caseStatusLabel(t, locale, card.case) : t('status.none')],
    [t('case.field.owner'), owner ? mention(owner) : t('overdue.noOwner')],
    [t('case.field.kind'), t(`kind.${c.kind}`)],
  ];
  if (card.oldestDueDate) {
    fields.push([t('case.field.oldest'), t('case.oldestValue', { date: formatDate(card.oldestDueDate, locale), days: Math.max(0, daysBetween(card.oldestDueDate, v.today)) })]);
  }
  const blocks: KnownBlock[] = [
    header(`${c.name} (${c.ref})`),
    fieldsSection(fields.map(([k, val]) => `*${k}*\n${val}`)),
  ];
  if (card.earliestStartDate && card.balances.length) {
    const bar = timeBarDate(c.kind, card.earliestStartDate);
    const left = daysBetween(v.today, bar);
    if (left < 0) blocks.push(section(t('case.timeBarPassed', { date: formatDate(bar, locale) })));
    else if (left <= TIME_BAR_WARNING_DAYS) blocks.push(section(t('case.timeBar', { date: formatDate(bar, locale), days: left })));
  }
  // Why no reminder goes out on an open case: the ledger is too old.
  if (card.ledgerHold && card.case && !['resolved', 'written_off'].includes(card.case.status)) blocks.push(section(ledgerHoldText(card.ledgerHold, t, locale)));
  if (card.plan) blocks.push(context([planLine(card.plan, v)]));
  if (c.phoneWrongOn) blocks.push(context([t('logCall.phoneWrong', { date: formatDate(c.phoneWrongOn, locale) })]));
  if (!card.case || card.balances.every((b) => b.overdueCents === 0)) {
    blocks.push(context([t('case.noOpenCase')]));
  }
  if (card.invoices.length) {
    const lines = card.invoices.map((i) => {
      const late = daysBetween(i.dueDate, v.today);
      return t('case.invoiceRow', {
        number: i.number, issued: formatDate(i.issueDate, locale), due: formatDate(i.dueDate, locale),
        late: late > 0 ? t('case.daysLate', { days: late }) : '',
        amount: formatMoney({ cents: i.amountCents, currency: i.currency }, locale),
        balance: formatMoney({ cents: i.balanceCents, currency: i.currency }, locale),
      });
    });
    const more = card.unpaidInvoices - card.invoices.length;
    if (more > 0) lines.push(t('case.invoicesMore', { more }));
    blocks.push({ type: 'divider' }, section(`${t('case.invoicesTitle', { count: card.unpaidInvoices })}\n${lines.join('\n')}`));
  }
  const activity = card.activities.length ? card.activities.map((a) => activityLine(a, v)).join('\n') : t('case.noActivity');
  blocks.push({ type: 'divider' }, section(`${t('case.activityTitle')}\n${activity}`));
  const thread = threadLine(card, v);
  if (thread) blocks.push(context([thread]));
  const earlier = earlierCasesLine(card, v);
  if (earlier) blocks.push(context([earlier]));
  if (card.case && !['resolved', 'written_off'].includes(card.case.status)) {
    blocks.push({ type: 'actions', block_id: `case_card_${card.case.id}`, elements: [
      button({ actionId: LOG_CALL_ACTION, text: t('button.logCall'), value: String(card.case.id), style: 'primary' }),
    ] });
  }
  return fitReply({ text: `${title} — ${open}`, blocks });
}

export function ambiguousReply(input: string, candidates: CustomerMatch[], more: number, v: CardView): Reply {
  const { t } = v;
  const blocks: KnownBlock[] = [
    section(t('case.ambiguous', { input, count: candidates.length + more })),
    ...candidates.map((c): KnownBlock => ({
      type: 'section',
      text: { type: 'mrkdwn', text: `*${inert(c.name)}* (${inert(c.customerRef)})`, verbatim: true },
      accessory: button({ actionId: OPEN_CASE_ACTION, text: t('button.openCase'), value: String(c.customerId) }),
    })),
  ];
  if (more > 0) blocks.push(context([t('case.ambiguousMore', { more })]));
  return fitReply({ text: t('case.ambiguous', { input, count: candidates.length + more }), blocks });
}
