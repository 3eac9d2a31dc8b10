// Sentences about late-fee breakdowns that every letter and approval request
// using them must carry (SPEC §1: never a silent guess at a rate).
import type { MissingRate } from '../domain/late-fees.ts';
import { formatPercent, halfYearOf } from '../domain/rates.ts';
import { translator, type Locale } from './messages.ts';

/** `12.15%` in English, `12,15 %` (no-break space) in French. */
export const percentText = (milliPercent: number, locale: Locale): string =>
  locale === 'fr' ? `${formatPercent(milliPercent, ',')}\u00a0%` : `${formatPercent(milliPercent)}%`;

/** "The ECB main refinancing rate for the second half of 2026 is not in relance yet: …" with the command that adds it. */
export function missingRateNotice(missing: MissingRate, locale: Locale): string {
  const t = translator(locale);
  const period = (startsOn: string) => t('lateFees.halfYear', halfYearOf(startsOn));
  return t('lateFees.missingRate', {
    table: t(missing.kind === 'ecb' ? 'lateFees.table.ecb' : 'lateFees.table.legal'),
    period: period(missing.halfYear),
    usedPeriod: period(missing.usedStartsOn),
    used: percentText(missing.usedMilliPercent, locale),
    command: missing.command,
  });
}
