// `/collect writeoff <case> <reason>`: asks the managers to write a case off,
// approved as an escalation is (a manager other than the requester decides).
// Once approved the case is `written_off`. The reason is required: it is what
// the approving manager reads.
import { aiClientFor } from '../src/ai/client.ts';
import { ensureBalancesFresh } from '../src/db/balances.ts';
import { reasonOf, REASON_MAX_CHARS } from '../src/domain/escalation-args.ts';
import type { Locale } from '../src/i18n/messages.ts';
import { requestEscalation } from '../src/services/escalations/request.ts';
import type { Subcommand } from '../src/slack/command.ts';
import { activeCase, caseAt, MAX_CASE_WORDS, requestedReply } from './escalate.ts';

const EXAMPLE_REASON: Record<Locale, string> = { en: 'company liquidated, claim filed with the liquidator', fr: 'société liquidée, créance déclarée au liquidateur' };

export const writeoffCommand: Subcommand = {
  name: 'writeoff',
  aliases: ['write-off', 'perte', 'passer-en-perte'],
  minRole: 'collector',
  usage: 'writeoff <case> <reason>',
  examples: ['writeoff C-1042 company liquidated, claim filed', 'writeoff "boulangerie martin" montant trop faible pour agir'],
  summary: 'help.writeoff.summary',
  details: 'help.writeoff.details',
  async run(ctx, args) {
    const { t, command } = ctx;
    if (args.length === 0) return { text: t('writeoff.usage', { command }) };
    await ensureBalancesFresh(ctx.db, ctx.workspace.id, ctx.now);
    // The case leaves at least one word for the reason when it can: the whole line is a case only when nothing else is.
    const counts = [...Array.from({ length: Math.min(args.length - 1, MAX_CASE_WORDS) }, (_, i) => i + 1)];
    let found = await caseAt(ctx.db, ctx.workspace.id, args, counts);
    if (found.kind !== 'found') {
      const whole = await caseAt(ctx.db, ctx.workspace.id, args, [args.length]);
      if (whole.kind === 'found' || found.kind === 'none') found = whole;
    }
    const active = await activeCase(ctx, found, 'writeoff.closed', 'writeoff.notFound');
    if (!active.ok) return active.reply;
    const used = found.kind === 'found' ? found.used : args.length;
    const example = `${command} writeoff ${active.ref} ${EXAMPLE_REASON[ctx.locale]}`;
    const reason = reasonOf(args.slice(used));
    if (!reason) return { text: t('writeoff.missingReason', { name: active.name, example }) };
    if (reason.length > REASON_MAX_CHARS) return { text: t('escalate.reasonTooLong', { length: reason.length, max: REASON_MAX_CHARS, example }) };
    const result = await requestEscalation(ctx.db, {
      workspace: ctx.workspace, caseId: active.caseId, kind: 'writeoff', reason, userId: ctx.userId, now: ctx.now, command,
      // The narrative's model: run() comes after the ack.
      ai: aiClientFor(ctx.env, ctx.logger), logger: ctx.logger,
    });
    return requestedReply(ctx, 'writeoff', result);
  },
};
