import { parseOverdueArgs } from '../src/domain/args.ts';
import { formatInputError } from '../src/i18n/errors.ts';
import { mention } from '../src/i18n/format.ts';
import { worklistReply } from '../src/slack/blocks/worklist.ts';
import type { Subcommand } from '../src/slack/command.ts';
import { overdueWorklist } from '../src/services/worklist.ts';

/** Slack allows 50 blocks a message; 20 debtors leave room for the header and footer. */
const PAGE = 20;

export const overdue: Subcommand = {
  name: 'overdue',
  aliases: ['retard', 'retards', 'worklist'],
  minRole: 'collector',
  usage: 'overdue [mine|@user|all] [>30|>60|>90]',
  examples: ['overdue', 'overdue mine', 'overdue @jane >60', 'overdue all >90'],
  summary: 'help.overdue.summary',
  details: 'help.overdue.details',
  async run(ctx, args) {
    const parsed = parseOverdueArgs(args, ctx.userId);
    if (!parsed.ok) return { text: formatInputError(ctx.locale, parsed.error, `${ctx.command} overdue mine >30`) };
    const { scope, minDaysOverdue } = parsed.value;
    const list = await overdueWorklist(ctx.db, {
      workspaceId: ctx.workspace.id,
      today: ctx.today,
      scope: scope === 'all' ? 'all' : { ownerId: scope === 'mine' ? ctx.userId : scope.userId },
      minDaysOverdue,
      limit: PAGE,
    }, ctx.now);
    const title = scope === 'all' ? ctx.t('overdue.title.all')
      : scope === 'mine' ? ctx.t('overdue.title.mine')
        : ctx.t('overdue.title.user', { user: mention(scope.userId) });
    return worklistReply(list, {
      title,
      filter: minDaysOverdue ? ctx.t('overdue.filter', { days: minDaysOverdue }) : undefined,
      command: ctx.command,
      locale: ctx.locale,
      today: ctx.today,
      t: ctx.t,
    });
  },
};
