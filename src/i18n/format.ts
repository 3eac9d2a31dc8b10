import type { IsoDate } from '../domain/dates.ts';
import { formatMoney, type Money } from '../domain/money.ts';
import type { Locale } from './messages.ts';

// Building an Intl formatter costs ~60× formatting with one: build each once.
const dateFormats: Record<Locale, Intl.DateTimeFormat> = {
  fr: new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' }),
};

/** Dates as people read them: 23/11/2026 in French, 23 Nov 2026 in English — never ISO. */
export function formatDate(date: IsoDate, locale: Locale): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return dateFormats[locale].format(new Date(Date.UTC(y, m - 1, d)));
}

/** Totals per currency on one line; never summed across currencies. */
export function formatTotals(list: Money[], locale: Locale): string {
  return list.map((m) => formatMoney(m, locale)).join(' · ');
}

export const mention = (userId: string) => `<@${userId}>`;

/** Slack mrkdwn control characters in data (names, refs) must not become markup. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
