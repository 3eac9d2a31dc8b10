// What relance says once a call is logged (by command, or after the form
// closes), and how a refused promise or pause reads: as a sentence for the
// command, as errors on the form's fields for the modal.
import { localParts } from '../domain/dates.ts';
import { formatMoney } from '../domain/money.ts';
import { formatDate, formatWeekdayDate } from '../i18n/format.ts';
import type { Locale, Translator } from '../i18n/messages.ts';
import type { LoggedCall, PauseRefusal, PromiseRefusal } from '../services/log-call.ts';
import { FIELD, type Field } from './modals/log-call.ts';

export interface TextView {
  t: Translator;
  locale: Locale;
  command: string;
}

/** "Call to X logged: no answer." and a sentence for each thing the outcome set in motion. */
export function loggedText(v: TextView, result: LoggedCall): string {
  const { t, locale } = v;
  const lines = [t('logCall.done', { name: result.name, outcome: t(`outcome.${result.outcome}`) })];
  if (result.promise) {
    lines.push(t('logCall.promised', {
      amount: formatMoney({ cents: result.promise.amountCents, currency: result.promise.currency }, locale),
      date: formatWeekdayDate(result.promise.dueOn, locale, t),
    }));
  }
  if (result.paused) lines.push(t('logCall.paused', { until: formatWeekdayDate(result.paused.until, locale, t), dispute: t(`disputeReason.${result.paused.dispute}`) }));
  if (result.outcome === 'wrong_number') lines.push(t('logCall.phoneFlagged'));
  if (result.outcome === 'paid') {
    const claimed = result.claimed;
    lines.push(t('logCall.paymentClaimed', { amount: claimed ? formatMoney({ cents: claimed.amountCents, currency: claimed.currency }, locale) : '' }));
  }
  if (result.outcome === 'refused') lines.push(t('logCall.escalate', { command: v.command, ref: result.ref }));
  if (result.nextCall) {
    const at = localParts(result.nextCall.dueAt, result.nextCall.timeZone);
    lines.push(t('logCall.nextCall', { date: formatWeekdayDate(at.date, locale, t), time: at.time, zone: result.nextCall.timeZone }));
  }
  return lines.join('\n');
}

/** A refused promise as the field it is about and what to say there. */
export function promiseRefusal(v: TextView, refusal: PromiseRefusal, amountExample: string): { field: Field; text: string } {
  const { t, locale } = v;
  switch (refusal.kind) {
    case 'no_case': return { field: FIELD.outcome, text: t('logCall.closedCaseShort') };
    case 'past_date': return { field: FIELD.promiseDate, text: t('logCall.pastPromise', { today: formatDate(refusal.today, locale) }) };
    case 'not_positive': return { field: FIELD.amount, text: t('logCall.notPositive') };
    case 'currency': return {
      field: FIELD.amount,
      text: refusal.currencies.length === 0 ? t('logCall.nothingOverdue') : t('logCall.whichCurrency', { currencies: refusal.currencies.join(', '), example: amountExample }),
    };
    case 'plan_active': return { field: FIELD.outcome, text: t('logCall.planActive', { command: v.command, ref: refusal.ref }) };
    case 'too_large': return {
      field: FIELD.amount,
      text: t('logCall.tooLarge', { balance: formatMoney({ cents: refusal.balanceCents, currency: refusal.currency }, locale) }),
    };
  }
}

/** A refused dispute pause, likewise. */
export function pauseRefusal(v: TextView, refusal: PauseRefusal): { field: Field; text: string } {
  switch (refusal.kind) {
    case 'past_date': return { field: FIELD.nextDate, text: v.t('logCall.pauseNotAfterToday', { today: formatDate(refusal.today, v.locale) }) };
    case 'no_case':
    case 'closed': return { field: FIELD.outcome, text: v.t('logCall.closedCaseShort') };
  }
}
