// `/collect log <case> letter-sent | letter-received <date> | recovered <amount>`:
// what follows a formal notice, recorded from the log command (not a call).
// Every refusal quotes what was wrong, shows an example and writes nothing.
import { sql } from 'drizzle-orm';
import { rows } from '../db/client.ts';
import { lookupCase } from '../db/cases.ts';
import { noticeEventAt, parseNoticeEvent, type NoticeEvent } from '../domain/notice-log.ts';
import { formatMoney, type Locale } from '../domain/money.ts';
import { formatInputError } from '../i18n/errors.ts';
import { formatDate } from '../i18n/format.ts';
import { recordLetterEvent } from '../services/letters/record-letter-event.ts';
import { recordRecovery } from '../services/record-recovery.ts';
import { ambiguousReply } from './blocks/case-card.ts';
import { caseStatusLabel } from './blocks/worklist.ts';
import type { CommandContext, Reply } from './command.ts';

const EXAMPLES: Record<Locale, Record<NoticeEvent['kind'], string>> = {
  en: { letter_sent: 'letter-sent 1A23456789012', letter_received: 'letter-received 12/05/2026', recovered: 'recovered 1200 €' },
  fr: { letter_sent: 'lettre-envoyée 1A23456789012', letter_received: 'AR reçu 12/05/2026', recovered: 'récupéré 1200 €' },
};

/** The currency an amount without one is in: the customer's largest overdue balance. */
async function defaultCurrency(ctx: CommandContext, customerId: number): Promise<string> {
  const [row] = await rows<{ currency: string }>(ctx.db, sql`
    select currency from customer_balances where workspace_id = ${ctx.workspace.id} and customer_id = ${customerId}
    order by overdue_cents desc, open_cents desc, currency limit 1`);
  return row?.currency ?? 'EUR';
}

export async function logNoticeEvent(ctx: CommandContext, args: readonly string[], split: { caseText: string; restAt: number }): Promise<Reply> {
  const { t, locale, command } = ctx;
  const found = await lookupCase(ctx.db, ctx.workspace.id, split.caseText);
  if (found.kind === 'none') return { text: t('log.notFound', { input: split.caseText, command }) };
  if (found.kind === 'ambiguous') return ambiguousReply(split.caseText, found.candidates, found.more, { locale, t, today: ctx.today });
  const { customer } = found;
  const currency = await defaultCurrency(ctx, customer.customerId);
  const parsed = parseNoticeEvent(args.slice(split.restAt), { locale, today: ctx.today, currency })!;
  const example = `${command} log ${customer.customerRef} ${EXAMPLES[locale][noticeEventAt(args, split.restAt)!.kind]}`;
  if (!parsed.ok) return { text: formatInputError(locale, parsed.error, example) };
  const event = parsed.value;
  const base = { workspaceId: ctx.workspace.id, customerId: customer.customerId, userId: ctx.userId, now: ctx.now };

  if (event.kind === 'recovered') {
    const result = await recordRecovery(ctx.db, { ...base, today: ctx.today, amount: { cents: event.amount.cents, currency: event.amount.currency }, note: event.note });
    switch (result.kind) {
      case 'no_case': return { text: t('notice.noCase', { name: result.name }) };
      case 'not_handed_off':
        return { text: t('recovered.notHandedOff', { name: result.name, status: caseStatusLabel(t, locale, { status: result.status, stage: null }), command, ref: customer.customerRef }) };
      case 'nothing_owed': return { text: t('recovered.nothingOwed', { name: result.name, currency: result.currency }) };
      case 'more_than_balance':
        return { text: t('recovered.moreThanBalance', { input: event.amount.text, name: result.name, balance: formatMoney(result.balance, locale), example }) };
      case 'recorded': {
        const money = (cents: number) => formatMoney({ cents, currency: result.amount.currency }, locale);
        const invoices = result.allocations.map((a) => `${a.invoiceNumber} (${money(a.cents)})`).join(', ');
        const params = { name: result.name, amount: formatMoney(result.amount, locale), invoices };
        return { text: result.resolved ? t('recovered.resolved', params) : t('recovered.recorded', { ...params, left: money(result.leftCents) }) };
      }
    }
  }

  const result = await recordLetterEvent(ctx.db, {
    ...base, event: event.kind === 'letter_sent' ? event : { kind: 'letter_received', receivedOn: event.receivedOn },
  });
  switch (result.kind) {
    case 'no_case': return { text: t('notice.noCase', { name: result.name }) };
    case 'no_letter': return { text: t('notice.noLetter', { name: result.name, command, ref: customer.customerRef }) };
    case 'already_sent':
      return { text: t('notice.alreadySent', { name: result.name, date: formatDate(result.sentOn, locale), tracking: result.trackingNo ?? '' }) };
    case 'already_received': return { text: t('notice.alreadyReceived', { name: result.name, date: formatDate(result.receivedOn, locale) }) };
    case 'before_sending': {
      const input = event.kind === 'letter_received' ? event.dateText : '';
      const params = { input, name: result.name, date: formatDate(result.sentOn, locale), example };
      return { text: result.recorded ? t('notice.beforeSending', params) : t('notice.beforeMade', params) };
    }
    case 'recorded':
      return result.event.kind === 'letter_sent'
        ? { text: t('notice.sentRecorded', { name: result.name, tracking: result.event.trackingNo ?? '', deadline: result.deadlineOn ? formatDate(result.deadlineOn, locale) : '—' }) }
        : { text: t('notice.receivedRecorded', { name: result.name, date: formatDate(result.event.receivedOn, locale) }) };
  }
}

