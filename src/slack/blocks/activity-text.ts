// One sentence per activity, the same on the case card and in the case thread.
//
// The sentence is the message `activity.<kind>`, given parameters derived from
// the activity's data by one convention, so a new kind needs only its message
// (in English and French):
//   amount_cents + currency → amount; paid_cents → paid; missing_cents → missing (formatted money)
//   due_on → date; until → until; next_on → next; last_due_on → last; acknowledged_on → acknowledged (formatted dates)
//   outcome → outcome (`outcome.<x>`); reason → reason (`pauseReason.<x>`); dispute → dispute (`disputeReason.<x>`);
//   period → period (`planPeriod.<x>`); escalation → escalation (`escalationKind.<x>`: notice, agency, legal, writeoff)
//   instalment, instalments → themselves (whole numbers)
//   stage → stage, from_stage → from_stage (`stage.<x>`: a ladder step)
//   subject, to, message_id, smtp_response → themselves (a reminder e-mail's evidence)
//   reminder_cancelled's reason → `mailCancel.<x>`; reminder_sent's via → `mailVia.<x>` (smtp, outbox)
// A kind without a message, or whose data lacks what its message needs, reads
// as `activity.other` (the kind in words). Values pass through the translator,
// which escapes them.
import { isIsoDate } from '../../domain/dates.ts';
import { formatMoney } from '../../domain/money.ts';
import { formatDate, mention } from '../../i18n/format.ts';
import { isMessageKey, t as translate, type Locale, type MessageKey, type Translator } from '../../i18n/messages.ts';

export interface ActivityView {
  locale: Locale;
  t: Translator;
}

export interface DescribableActivity {
  kind: string;
  data: Record<string, unknown>;
}

const MONEY_PARAMS = { amount_cents: 'amount', paid_cents: 'paid', missing_cents: 'missing' } as const;
const DATE_PARAMS = { due_on: 'date', until: 'until', next_on: 'next', last_due_on: 'last', acknowledged_on: 'acknowledged' } as const;
const LABEL_PARAMS = { outcome: 'outcome', reason: 'pauseReason', dispute: 'disputeReason', period: 'planPeriod', escalation: 'escalationKind',
  stage: 'stage', from_stage: 'stage' } as const;
const COUNT_PARAMS = ['instalment', 'instalments'] as const;
// A reminder e-mail's evidence, shown as it was sent (the translator escapes it).
const TEXT_PARAMS = ['subject', 'to', 'message_id', 'smtp_response'] as const;
// Where a kind's code means something else than the convention's: a mail's `reason` and `via`.
const KIND_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  reminder_cancelled: { reason: 'mailCancel' },
  reminder_sent: { via: 'mailVia' },
};
// Keys under activity. that are not kinds.
const NOT_KINDS = new Set(['other', 'by']);

/** A translated label for a code (`outcome.no_answer` → "no answer"); an unknown code in words. */
function label(prefix: string, code: string, v: ActivityView): string {
  const key = `${prefix}.${code}`;
  return isMessageKey(key) ? (translate as (l: Locale, k: MessageKey) => string)(v.locale, key) : code.replace(/_/g, ' ');
}

/** The parameters of `activity.<kind>`, from the activity's data by the convention above. */
export function activityParams(data: Record<string, unknown>, v: ActivityView, kind = ''): Record<string, string> {
  const params: Record<string, string> = {};
  const currency = typeof data.currency === 'string' ? data.currency : null;
  for (const [field, name] of Object.entries(MONEY_PARAMS)) {
    const cents = data[field];
    if (currency && typeof cents === 'number' && Number.isSafeInteger(cents)) params[name] = formatMoney({ cents, currency }, v.locale);
  }
  for (const [field, name] of Object.entries(DATE_PARAMS)) {
    const date = data[field];
    if (typeof date === 'string' && isIsoDate(date)) params[name] = formatDate(date, v.locale);
  }
  for (const [field, prefix] of Object.entries(LABEL_PARAMS)) {
    const code = data[field];
    if (typeof code === 'string' && code !== '') params[field] = label(prefix, code, v);
  }
  for (const field of COUNT_PARAMS) {
    const n = data[field];
    if (typeof n === 'number' && Number.isSafeInteger(n)) params[field] = String(n);
  }
  for (const field of TEXT_PARAMS) {
    const text = data[field];
    if (typeof text === 'string' && text !== '') params[field] = text;
  }
  for (const [field, prefix] of Object.entries(KIND_LABELS[kind] ?? {})) {
    const code = data[field];
    if (typeof code === 'string' && code !== '') params[field] = label(prefix, code, v);
  }
  return params;
}

/** What happened, as one sentence of mrkdwn (data escaped). */
export function describeActivity(activity: DescribableActivity, v: ActivityView): string {
  const key = `activity.${activity.kind}`;
  if (!NOT_KINDS.has(activity.kind) && isMessageKey(key)) {
    const text = (translate as (l: Locale, k: MessageKey, p: Record<string, string>) => string)(v.locale, key, activityParams(activity.data, v, activity.kind));
    // A message given data that lacks one of its parameters says "undefined": the kind in words is better.
    if (!/\bundefined\b/.test(text)) return text;
  }
  return v.t('activity.other', { kind: activity.kind });
}

/** " by @someone" for a person; nothing for relance itself or an import. */
export function activityBy(actorId: string, v: ActivityView): string {
  return /^[UW][A-Z0-9]+$/.test(actorId) ? ` ${v.t('activity.by', { who: mention(actorId) })}` : '';
}
