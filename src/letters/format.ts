// Figures and dates as a letter prints them (FACTS-fr "Formatting"): French
// amounts `10 000,00 €` with U+202F between thousands, which the embedded font
// draws; dates written out, `1er décembre 2026`, never ISO.
import { ymd, type IsoDate } from '../domain/dates.ts';
import { formatMoney, type Money } from '../domain/money.ts';
import { formatPercent } from '../domain/rates.ts';
import { formatDate } from '../i18n/format.ts';
import type { Locale } from '../i18n/messages.ts';

const MONTHS: Record<Locale, readonly string[]> = {
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** `23 novembre 2026`, `1er décembre 2026`; `23 November 2026`. */
export function longDate(date: IsoDate, locale: Locale): string {
  const [year, month, day] = ymd(date);
  const dayText = locale === 'fr' && day === 1 ? '1er' : String(day);
  return `${dayText} ${MONTHS[locale][month - 1]} ${year}`;
}

/** `23/11/2026`; `23 Nov 2026`: in tables, where space is short. */
export const shortDate = (date: IsoDate, locale: Locale): string => formatDate(date, locale);

export const money = (m: Money, locale: Locale): string => formatMoney(m, locale);

/** `12,15 %` (U+202F before the sign, as French typesets it); `12.15%`. */
export const percent = (milliPercent: number, locale: Locale): string =>
  locale === 'fr' ? `${formatPercent(milliPercent, ',')}\u202f%` : `${formatPercent(milliPercent, '.')}%`;

/** `a, b et c`; `a, b and c`. */
export function joinList(items: readonly string[], locale: Locale): string {
  if (items.length <= 1) return items[0] ?? '';
  const and = locale === 'fr' ? ' et ' : ' and ';
  return `${items.slice(0, -1).join(', ')}${and}${items.at(-1)}`;
}

/** `premier semestre 2026`; `first half of 2026`. */
export function halfYearWords(startsOn: IsoDate, locale: Locale): string {
  const [year, month] = ymd(startsOn);
  const first = month <= 6;
  return locale === 'fr' ? `${first ? 'premier' : 'second'} semestre ${year}` : `${first ? 'first' : 'second'} half of ${year}`;
}
