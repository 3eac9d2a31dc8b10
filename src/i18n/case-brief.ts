// The case brief's narrative from rules: what the request message shows when
// there is no model key, or the model failed or wrote a figure the facts do
// not hold. One line built from the same facts the model is given
// (src/domain/case-brief-text.ts), in the workspace's language:
// "3 reminders, last on 12 Nov 2026; 4 calls, 2 reached (last: refused to pay
// on 16 Nov 2026); 1 promise broken (€1,200.00 due 20 Nov 2026); disputed: price;
// no payment received."
import type { CaseFacts } from '../domain/case-brief-text.ts';
import { formatMoney } from '../domain/money.ts';
import { formatDate } from './format.ts';
import { isMessageKey, t as translate, translator, type Locale, type MessageKey } from './messages.ts';

/** Plain text (no markup): the request message escapes it. */
export function ruleBrief(facts: CaseFacts, locale: Locale): string {
  const t = translator(locale);
  const date = (d: string) => formatDate(d, locale);
  const label = (prefix: string, code: string | null) => {
    const key = `${prefix}.${code ?? 'other'}`;
    return isMessageKey(key) ? (translate as (l: Locale, k: MessageKey) => string)(locale, key) : (code ?? '').replace(/_/g, ' ');
  };
  const parts: string[] = [];

  const lastReminder = facts.reminders.at(-1);
  parts.push(facts.counts.reminders > 0 && lastReminder
    ? t('caseBrief.reminders', { count: facts.counts.reminders, sent: facts.counts.remindersSent, last: date(lastReminder.on) })
    : t('caseBrief.noReminder'));

  const lastCall = facts.calls.at(-1);
  parts.push(facts.counts.calls > 0 && lastCall
    ? t('caseBrief.calls', { count: facts.counts.calls, reached: facts.counts.callsReached, outcome: label('outcome', lastCall.outcome), last: date(lastCall.on) })
    : t('caseBrief.noCall'));

  const broken = facts.promises.filter((p) => p.status === 'broken' || p.status === 'partly_kept');
  const lastBroken = broken.at(-1);
  if (facts.counts.promisesBroken > 0 && lastBroken) {
    parts.push(t('caseBrief.broken', { count: facts.counts.promisesBroken, amount: formatMoney(lastBroken.amount, locale), date: date(lastBroken.dueOn) }));
  }
  const pending = facts.promises.filter((p) => p.status === 'pending').at(-1);
  if (pending) parts.push(t('caseBrief.pending', { amount: formatMoney(pending.amount, locale), date: date(pending.dueOn) }));

  const reasons = [...new Set(facts.disputes.map((d) => label('disputeReason', d.reason)))];
  if (reasons.length > 0) parts.push(t('caseBrief.disputed', { reasons: reasons.join(', ') }));
  if (facts.plans.some((p) => p.status === 'broken')) parts.push(t('caseBrief.planBroken'));

  const lastPayment = facts.payments.at(-1);
  parts.push(lastPayment ? t('caseBrief.lastPayment', { amount: formatMoney(lastPayment.amount, locale), date: date(lastPayment.on) }) : t('caseBrief.noPayment'));

  const line = parts.join(locale === 'fr' ? ' ; ' : '; ');
  return `${line.charAt(0).toUpperCase()}${line.slice(1)}.`;
}
