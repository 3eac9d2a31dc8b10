import type { KnownBlock } from '@slack/types';
import type { CaseCard, CustomerMatch } from '../../db/cases.ts';
import { timeBarDate, TIME_BAR_WARNING_DAYS } from '../../domain/aging.ts';
import { daysBetween, type IsoDate } from '../../domain/dates.ts';
import { formatMoney } from '../../domain/money.ts';
import { formatDate, formatTotals, inert, mention } from '../../i18n/format.ts';
import type { Locale, MessageKey, Translator } from '../../i18n/messages.ts';
import type { Reply } from '../command.ts';
import { button, context, fieldsSection, fitReply, header, section } from './kit.ts';
import { OPEN_CASE_ACTION, statusLabel } from './worklist.ts';

interface CardView {
  locale: Locale;
  t: Translator;
  today: IsoDate;
}

function activityLine(a: CaseCard['activities'][number], v: CardView): string {
  const { t } = v;
  const when = formatDate(a.occurredOn, v.locale);
  let what: string;
  if (a.kind === 'payment_recorded' && typeof a.data.amount_cents === 'number' && typeof a.data.currency === 'string') {
    what = t('activity.payment_recorded', { amount: formatMoney({ cents: a.data.amount_cents, currency: a.data.currency }, v.locale) });
  } else if (a.kind === 'case_opened' || a.kind === 'case_resolved') {
    what = t(`activity.${a.kind}` as MessageKey & `activity.case_${string}`);
  } else {
    what = t('activity.other', { kind: a.kind });
  }
  const who = a.actorId.startsWith('U') || a.actorId.startsWith('W') ? ` ${t('activity.by', { who: mention(a.actorId) })}` : '';
  return `• ${when} — ${what}${who}`;
}

export function caseCardReply(card: CaseCard, v: CardView): Reply {
  const { t, locale } = v;
  const c = card.customer;
  const title = t('case.title', { name: c.name, ref: c.ref });
  const open = formatTotals(card.balances.map((b) => ({ cents: b.openCents, currency: b.currency })), locale) || '0';
  const overdue = formatTotals(card.balances.filter((b) => b.overdueCents > 0).map((b) => ({ cents: b.overdueCents, currency: b.currency })), locale) || '—';
  const owner = card.case?.ownerId ?? c.ownerId;
  const fields = [
    [t('case.field.balance'), open],
    [t('case.field.overdue'), overdue],
    [t('case.field.status'), card.case ? statusLabel(t, card.case.status, card.case.stage) : t('status.none')],
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
