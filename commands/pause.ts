import { ensureBalancesFresh } from '../src/db/balances.ts';
import { lookupActiveCase } from '../src/db/pauses.ts';
import { parsePauseArgs } from '../src/domain/pause-args.ts';
import { formatInputError } from '../src/i18n/errors.ts';
import { formatDate } from '../src/i18n/format.ts';
import { pauseReasonLabel } from '../src/slack/blocks/worklist.ts';
import type { Subcommand } from '../src/slack/command.ts';
import { pauseCase } from '../src/services/pause-case.ts';

/** A correct command in the user's words, for error messages. */
const EXAMPLE = { en: 'pause acme 30d dispute price', fr: 'pause acme 30j litige prix' } as const;

export const pause: Subcommand = {
  name: 'pause',
  aliases: ['suspendre'],
  minRole: 'collector',
  usage: 'pause <case> <until|duration> dispute|plan|other [dispute reason] [note…]',
  examples: ['pause acme 30d dispute price', 'pause C-1042 15/12/2026 plan 3 instalments agreed', 'pause acme "fin du mois" litige non livré', 'pause INV-2026-0193 2w other owner on leave'],
  summary: 'help.pause.summary',
  details: 'help.pause.details',
  async run(ctx, args) {
    const parsed = parsePauseArgs(args, { today: ctx.today, locale: ctx.locale });
    if (!parsed.ok) return { text: formatInputError(ctx.locale, parsed.error, `${ctx.command} ${EXAMPLE[ctx.locale]}`) };
    const { caseText, until, reason, dispute, note } = parsed.value;
    // Today's rebuild may open the case being named.
    await ensureBalancesFresh(ctx.db, ctx.workspace.id, ctx.now);
    const found = await lookupActiveCase(ctx.db, ctx.workspace.id, caseText);
    switch (found.kind) {
      case 'none': return { text: ctx.t('pause.noCase', { input: caseText, command: ctx.command }) };
      case 'closed': return { text: ctx.t('pause.closed', { name: found.name }) };
      case 'ambiguous': return {
        text: ctx.t('pause.ambiguous', { input: caseText, names: found.candidates.map((c) => `${c.name} (${c.customerRef})`).join(', '), command: ctx.command }),
      };
      case 'case': break;
    }
    const result = await pauseCase(ctx.db, {
      workspaceId: ctx.workspace.id, caseId: found.caseId, userId: ctx.userId, until, reason, dispute, note, now: ctx.now, today: ctx.today,
    });
    switch (result.kind) {
      case 'no_case': return { text: ctx.t('pause.noCase', { input: caseText, command: ctx.command }) };
      case 'closed': return { text: ctx.t('pause.closed', { name: found.name }) };
      // The parser already refuses these; the service checks again for its other callers.
      case 'past_date': return { text: formatInputError(ctx.locale, { code: 'pause.not_after_today', input: parsed.value.whenText }, `${ctx.command} ${EXAMPLE[ctx.locale]}`) };
      case 'paused': {
        const shown = { name: result.name, until: formatDate(result.until, ctx.locale), reason: pauseReasonLabel(ctx.t, reason, dispute ?? null) };
        const said = result.previousUntil
          ? ctx.t('pause.moved', { ...shown, from: formatDate(result.previousUntil, ctx.locale) })
          : ctx.t('pause.done', shown);
        return { text: result.cancelledCalls > 0 ? `${said} ${ctx.t('pause.cancelledCalls', { count: result.cancelledCalls })}` : said };
      }
    }
  },
};
