// `/collect escalations [page]`: the requests waiting for a decision, oldest
// first, with Approve / Reject on each (a manager's own requests show without
// them). It is how a burst of ladder proposals, listed rather than posted one
// by one, is reviewed.
import { ensureBalancesFresh } from '../src/db/balances.ts';
import { pendingList } from '../src/services/escalations/list.ts';
import { pendingListReply } from '../src/slack/blocks/escalation.ts';
import type { CommandContext, Reply, Subcommand } from '../src/slack/command.ts';

/** One page of the list, as the command and the Next page button show it. */
export async function escalationsPage(ctx: CommandContext, page: number): Promise<Reply> {
  await ensureBalancesFresh(ctx.db, ctx.workspace.id, ctx.now);
  const list = await pendingList(ctx.db, ctx.workspace.id, page);
  const view = { t: ctx.t, locale: ctx.locale, timezone: ctx.workspace.timezone, today: ctx.today, command: ctx.command };
  return pendingListReply(list, view, ctx.userId);
}

export const escalationsCommand: Subcommand = {
  name: 'escalations',
  aliases: ['approvals', 'escalades', 'approbations'],
  minRole: 'manager',
  usage: 'escalations [page]',
  examples: ['escalations', 'escalations 2'],
  summary: 'help.escalations.summary',
  details: 'help.escalations.details',
  async run(ctx, args) {
    const [first, ...rest] = args;
    if (rest.length > 0 || (first !== undefined && !/^[1-9]\d{0,3}$/.test(first))) {
      return { text: ctx.t('escalations.badPage', { input: args.join(' '), command: ctx.command }) };
    }
    return escalationsPage(ctx, first === undefined ? 1 : Number(first));
  },
};
