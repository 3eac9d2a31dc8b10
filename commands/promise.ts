import { ensureBalancesFresh } from '../src/db/balances.ts';
import { lookupCase, type CaseLookup, type CustomerMatch } from '../src/db/cases.ts';
import { readSettings } from '../src/db/settings.ts';
import { isBusinessCalendar, type IsoDate } from '../src/domain/dates.ts';
import { formatMoney, minorUnits, type Locale } from '../src/domain/money.ts';
import { caseGuess, caseSplits, parsePromiseTerms, type PromiseTermsInput } from '../src/domain/promise-args.ts';
import { promiseLastDay } from '../src/domain/promises.ts';
import { formatInputError } from '../src/i18n/errors.ts';
import { formatWeekdayDate } from '../src/i18n/format.ts';
import { ambiguousReply } from '../src/slack/blocks/case-card.ts';
import type { CommandContext, Reply, Subcommand } from '../src/slack/command.ts';
import { promiseTarget, recordPromise, type PromiseTarget, type RecordPromiseResult } from '../src/services/record-promise.ts';

/** `600.00 EUR` / `600,00 EUR`: an amount as a person would type it back. */
function typedAmount(cents: number, currency: string, locale: Locale): string {
  const digits = minorUnits(currency);
  const text = (cents / 10 ** digits).toFixed(digits);
  return `${locale === 'fr' ? text.replace('.', ',') : text} ${currency}`;
}

const DAY_EXAMPLE: Record<Locale, string> = { en: 'friday', fr: 'vendredi' };

/**
 * The case is the longest run of leading words that names one customer
 * (quoted names arrive as one word); it ends before an amount, so only those
 * places are tried.
 */
async function findCase(ctx: CommandContext, words: string[]):
  Promise<{ kind: 'found'; customer: CustomerMatch; used: number } | { kind: 'ambiguous'; input: string; lookup: Extract<CaseLookup, { kind: 'ambiguous' }> } | { kind: 'none'; input: string }> {
  let ambiguous: { input: string; lookup: Extract<CaseLookup, { kind: 'ambiguous' }> } | undefined;
  for (const used of caseSplits(words)) {
    const input = words.slice(0, used).join(' ');
    const found = await lookupCase(ctx.db, ctx.workspace.id, input);
    if (found.kind === 'found') return { kind: 'found', customer: found.customer, used };
    if (found.kind === 'ambiguous') ambiguous ??= { input, lookup: found };
  }
  if (ambiguous) return { kind: 'ambiguous', ...ambiguous };
  return { kind: 'none', input: caseGuess(words) };
}

export const promiseCommand: Subcommand = {
  name: 'promise',
  aliases: ['promesse', 'ptp'],
  minRole: 'collector',
  usage: 'promise <case> <amount> <date> [note…]',
  examples: ['promise C-1042 1200 friday', 'promise acme 1 200,50 € 15/12/2026 will pay by transfer', 'promise "Société Générale" 500 EUR fin du mois'],
  summary: 'help.promise.summary',
  details: 'help.promise.details',
  async run(ctx, args) {
    const { t, locale, command } = ctx;
    if (args.length === 0) return { text: t('promise.usage', { command }) };
    // The case is open only once the day's balances are: a case that fell overdue this morning is opened by this rebuild.
    await ensureBalancesFresh(ctx.db, ctx.workspace.id, ctx.now);
    const found = await findCase(ctx, args);
    if (found.kind === 'none') return { text: t('promise.notFound', { input: found.input, command }) };
    if (found.kind === 'ambiguous') {
      return ambiguousReply(found.input, found.lookup.candidates, found.lookup.more, { locale, t, today: ctx.today });
    }
    const target = await promiseTarget(ctx.db, ctx.workspace.id, found.customer.customerId, ctx.today);
    if (!target) return { text: t('promise.noOpenCase', { name: found.customer.name }) };
    const only = target.overdue.length === 1 ? target.overdue[0]! : null;
    const example = (amount: string) => `${command} promise ${target.ref} ${amount} ${DAY_EXAMPLE[locale]}`;
    const exampleAmount = only ? typedAmount(Math.min(only.overdueCents, 100_000), only.currency, locale) : '1200 EUR';

    const terms = parsePromiseTerms(args.slice(found.used), { locale, today: ctx.today, defaultCurrency: only?.currency ?? 'EUR' });
    if (!terms.ok) {
      const e = terms.error;
      if (e.kind === 'missing_amount') return { text: t('promise.missingAmount', { name: target.name, example: example(exampleAmount) }) };
      if (e.kind === 'missing_date') return { text: t('promise.missingDate', { input: e.amountText, example: example(e.amountText) }) };
      return { text: formatInputError(locale, e.error, example(exampleAmount)) };
    }
    const result = await recordPromise(ctx.db, {
      workspaceId: ctx.workspace.id, caseId: target.caseId, userId: ctx.userId,
      amountCents: terms.value.amount.cents, currency: terms.value.currencyGiven ? terms.value.amount.currency : null,
      dueOn: terms.value.dueOn, note: terms.value.note, now: ctx.now, today: ctx.today, via: 'command',
    });
    return recordedReply(ctx, result, terms.value, target, example);
  },
};

async function recordedReply(
  ctx: CommandContext, result: RecordPromiseResult, terms: PromiseTermsInput, target: PromiseTarget, example: (amount: string) => string,
): Promise<Reply> {
  const { t, locale, command } = ctx;
  const date = (d: IsoDate) => formatWeekdayDate(d, locale, t);
  const listed = target.overdue.map((o) => formatMoney({ cents: o.overdueCents, currency: o.currency }, locale)).join(' · ');
  switch (result.kind) {
    case 'recorded': {
      const { promiseGraceDays } = await readSettings(ctx.db, ctx.workspace.id);
      const calendar = isBusinessCalendar(ctx.workspace.country) ? ctx.workspace.country : 'none';
      return {
        text: t('promise.recorded', {
          name: result.name, amount: formatMoney({ cents: result.amountCents, currency: result.currency }, locale),
          date: date(result.dueOn), deadline: date(promiseLastDay(result.dueOn, promiseGraceDays, calendar)), grace: promiseGraceDays,
        }),
      };
    }
    case 'no_case': return { text: t('promise.noCase', { command }) };
    case 'past_date':
      return { text: formatInputError(locale, { code: 'date.past', input: terms.dateText, params: { date: terms.dueOn } }, example(terms.amountText)) };
    case 'not_positive':
      return { text: formatInputError(locale, { code: 'amount.zero', input: terms.amountText }, example(terms.amountText)) };
    case 'currency': {
      if (result.currencies.length === 0) return { text: t('promise.nothingOverdue', { name: target.name }) };
      const first = target.overdue[0]!;
      const fix = example(typedAmount(Math.min(first.overdueCents, terms.amount.cents), first.currency, locale));
      return terms.currencyGiven
        ? { text: t('promise.wrongCurrency', { input: terms.amountText, currency: terms.amount.currency, name: target.name, currencies: listed, example: fix }) }
        : { text: t('promise.whichCurrency', { input: terms.amountText, name: target.name, currencies: listed, example: fix }) };
    }
    case 'plan_active': return { text: t('promise.planActive', { name: result.name, command, ref: result.ref }) };
    case 'too_large':
      return {
        text: t('promise.tooLarge', {
          input: terms.amountText, name: target.name,
          balance: formatMoney({ cents: result.balanceCents, currency: result.currency }, locale),
          example: example(typedAmount(result.balanceCents, result.currency, locale)),
        }),
      };
  }
}
