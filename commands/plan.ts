// `/collect plan <case> <n> [every <period>] [from <date>] [<currency>]`
// records a payment plan, `plan <case>` shows the running one and
// `plan <case> cancel` cancels it. The case may be several words, so it is
// the longest run of leading words that names one customer before the number
// of instalments (or `cancel`).
import { ensureBalancesFresh } from '../src/db/balances.ts';
import { lookupCase, type CaseLookup, type CustomerMatch } from '../src/db/cases.ts';
import { activePlanOf } from '../src/db/plans.ts';
import { readSettings } from '../src/db/settings.ts';
import { MAX_INSTALMENTS, MIN_INSTALMENTS } from '../src/domain/instalments.ts';
import { formatMoney, type Locale } from '../src/domain/money.ts';
import { parsePlanArgs, planCaseGuess, planCaseSplits, type PlanTerms } from '../src/domain/plan-args.ts';
import { formatInputError } from '../src/i18n/errors.ts';
import { formatDate, formatWeekdayDate, mention } from '../src/i18n/format.ts';
import type { MessageKey } from '../src/i18n/messages.ts';
import { ambiguousReply } from '../src/slack/blocks/case-card.ts';
import { statusLabel } from '../src/slack/blocks/worklist.ts';
import type { CommandContext, Reply, Subcommand } from '../src/slack/command.ts';
import { cancelPlan } from '../src/services/cancel-plan.ts';
import { recordPlan, type RecordPlanResult } from '../src/services/record-plan.ts';
import { promiseTarget, type PromiseTarget } from '../src/services/record-promise.ts';

/** The terms of a correct command, in the user's words. */
const EXAMPLE_TERMS: Record<Locale, string> = { en: '3 every month from 15/12', fr: '3 tous les mois à partir du 15/12' };

type Found =
  | { kind: 'found'; customer: CustomerMatch; used: number }
  | { kind: 'ambiguous'; input: string; lookup: Extract<CaseLookup, { kind: 'ambiguous' }> }
  | { kind: 'none'; input: string };

/** The longest run of leading words that names one customer, tried only where the case can end. */
async function findCase(ctx: CommandContext, words: string[]): Promise<Found> {
  let ambiguous: { input: string; lookup: Extract<CaseLookup, { kind: 'ambiguous' }> } | undefined;
  for (const used of planCaseSplits(words)) {
    const input = words.slice(0, used).join(' ');
    const found = await lookupCase(ctx.db, ctx.workspace.id, input);
    if (found.kind === 'found') return { kind: 'found', customer: found.customer, used };
    if (found.kind === 'ambiguous') ambiguous ??= { input, lookup: found };
  }
  if (ambiguous) return { kind: 'ambiguous', ...ambiguous };
  return { kind: 'none', input: planCaseGuess(words) };
}

export const planCommand: Subcommand = {
  name: 'plan',
  aliases: ['echeancier', 'échéancier'],
  minRole: 'collector',
  usage: 'plan <case> <n> [every week|2 weeks|month] [from <date>] [currency] · plan <case> [cancel]',
  examples: [
    'plan C-1042 3', 'plan acme 6 every month from 15/12', 'plan "Société Générale" 4 toutes les 2 semaines à partir du 1/12 EUR',
    'plan acme', 'plan acme cancel',
  ],
  summary: 'help.plan.summary',
  details: 'help.plan.details',
  async run(ctx, args) {
    const { t, locale, command } = ctx;
    if (args.length === 0) return { text: t('plan.usage', { command }) };
    // The case is open only once the day's balances are: a case that fell overdue this morning is opened by this rebuild.
    await ensureBalancesFresh(ctx.db, ctx.workspace.id, ctx.now);
    const found = await findCase(ctx, args);
    if (found.kind === 'none') return { text: t('plan.notFound', { input: found.input, command }) };
    if (found.kind === 'ambiguous') {
      return ambiguousReply(found.input, found.lookup.candidates, found.lookup.more, { locale, t, today: ctx.today });
    }
    const target = await promiseTarget(ctx.db, ctx.workspace.id, found.customer.customerId, ctx.today);
    if (!target) return { text: t('plan.noOpenCase', { name: found.customer.name }) };
    const rest = args.slice(found.used);
    const action = parsePlanArgs(rest, { locale, today: ctx.today });
    if (!action.ok) return { text: formatInputError(locale, action.error, `${command} plan ${target.ref} ${EXAMPLE_TERMS[locale]}`) };
    switch (action.value.kind) {
      case 'show': return showPlan(ctx, target);
      case 'cancel': return cancelled(ctx, target);
      case 'record': {
        const terms = action.value.terms;
        const result = await recordPlan(ctx.db, {
          workspaceId: ctx.workspace.id, caseId: target.caseId, userId: ctx.userId, instalments: terms.instalments, period: terms.period,
          firstDueOn: terms.firstDueOn, currency: terms.currency, now: ctx.now, today: ctx.today,
        });
        return recordedReply(ctx, result, { terms, words: rest, target });
      }
    }
  },
};

async function recordedReply(ctx: CommandContext, result: RecordPlanResult, typed: { terms: PlanTerms; words: string[]; target: PromiseTarget }): Promise<Reply> {
  const { t, locale, command } = ctx;
  const { terms, words, target } = typed;
  const money = (cents: number, currency: string) => formatMoney({ cents, currency }, locale);
  /** The user's own command with one word changed, or a currency added. */
  const example = (change: { currency?: string; count?: number }) => {
    let changed = words.map((w) => (change.currency && w === terms.currencyText ? change.currency : w));
    if (change.count !== undefined) changed = [String(change.count), ...changed.slice(1)];
    if (change.currency && terms.currencyText === null) changed.push(change.currency);
    return `${command} plan ${target.ref} ${changed.join(' ')}`;
  };
  const listed = target.overdue.map((o) => money(o.overdueCents, o.currency)).join(' · ');
  switch (result.kind) {
    case 'recorded': {
      const { promiseGraceDays } = await readSettings(ctx.db, ctx.workspace.id);
      const lines = [
        t('plan.recorded', {
          name: result.name, total: money(result.totalCents, result.currency), count: result.schedule.length,
          period: t(`planPeriod.${result.period}`), ack: formatDate(result.acknowledgedOn, locale), until: formatWeekdayDate(result.pausedUntil, locale, t),
        }),
        ...result.schedule.map((line) => t('plan.line', {
          number: line.number, date: formatWeekdayDate(line.dueOn, locale, t), amount: money(line.amountCents, result.currency),
        })),
        t('plan.rule', { grace: promiseGraceDays }),
      ];
      if (result.replacedPlan) {
        lines.push(t('plan.replacedPlan', { total: money(result.replacedPlan.totalCents, result.replacedPlan.currency), count: result.replacedPlan.instalments }));
      }
      if (result.replacedPromises > 0) lines.push(t('plan.replacedPromise'));
      if (result.cancelledCalls > 0) lines.push(t('pause.cancelledCalls', { count: result.cancelledCalls }));
      return { text: lines.join('\n') };
    }
    case 'no_case': return { text: t('plan.noCase', { command }) };
    // The parser refuses these already; the service checks again for its other callers.
    case 'bad_count':
      return { text: formatInputError(locale, { code: 'plan.count_out_of_range', input: terms.countText, params: { min: MIN_INSTALMENTS, max: MAX_INSTALMENTS } }, example({ count: MIN_INSTALMENTS })) };
    case 'past_date':
      return { text: formatInputError(locale, { code: 'date.past', input: terms.dateText ?? result.firstDueOn, params: { date: result.firstDueOn } }, `${command} plan ${target.ref} ${EXAMPLE_TERMS[locale]}`) };
    case 'currency': {
      if (result.currencies.length === 0) return { text: t('plan.nothingOverdue', { name: target.name }) };
      const fix = example({ currency: result.currencies[0]! });
      return terms.currencyText === null
        ? { text: t('plan.whichCurrency', { name: target.name, currencies: listed, example: fix }) }
        : { text: t('plan.wrongCurrency', { input: terms.currencyText, name: target.name, currencies: listed, example: fix }) };
    }
    case 'too_small':
      return {
        text: t('plan.tooSmall', {
          input: terms.countText, total: money(result.totalCents, result.currency), name: target.name, example: example({ count: MIN_INSTALMENTS }),
        }),
      };
  }
}

async function showPlan(ctx: CommandContext, target: PromiseTarget): Promise<Reply> {
  const { t, locale, command } = ctx;
  const plan = await activePlanOf(ctx.db, ctx.workspace.id, target.caseId);
  if (!plan) return { text: t('plan.none', { name: target.name, command, ref: target.ref }) };
  const money = (cents: number) => formatMoney({ cents, currency: plan.currency }, locale);
  return {
    text: [
      t('plan.show', {
        name: target.name, total: money(plan.totalCents), count: plan.instalments, period: t(`planPeriod.${plan.period}`),
        ack: formatDate(plan.acknowledgedOn, locale), by: mention(plan.createdBy),
      }),
      ...plan.lines.map((line) => t('plan.showLine', {
        number: line.number, date: formatWeekdayDate(line.dueOn, locale, t), amount: money(line.amountCents),
        status: t(`planLine.${line.status}` as MessageKey & `planLine.${string}`),
      })),
      t('plan.showHint', { command, ref: target.ref }),
    ].join('\n'),
  };
}

async function cancelled(ctx: CommandContext, target: PromiseTarget): Promise<Reply> {
  const { t, locale, command } = ctx;
  const result = await cancelPlan(ctx.db, { workspaceId: ctx.workspace.id, caseId: target.caseId, userId: ctx.userId, now: ctx.now, today: ctx.today });
  switch (result.kind) {
    case 'no_case': return { text: t('plan.noCase', { command }) };
    case 'no_plan': return { text: t('plan.nothingToCancel', { name: result.name }) };
    case 'cancelled':
      return {
        text: t('plan.cancelled', {
          name: result.name, total: formatMoney({ cents: result.totalCents, currency: result.currency }, locale),
          count: result.cancelledInstalments, status: statusLabel(t, result.status, null),
        }),
      };
  }
}
