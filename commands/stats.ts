// `/collect stats [period]`: the team's figures over a period of calendar
// days in the workspace's zone (this month to date by default). Everyone on
// the team sees the team figures; managers and admins every collector's line,
// a collector their own.
import { loadStats } from '../src/db/stats.ts';
import { parseStatsPeriod } from '../src/domain/stats-period.ts';
import { formatInputError } from '../src/i18n/errors.ts';
import { hasRole } from '../src/slack/access.ts';
import { statsReply } from '../src/slack/blocks/stats.ts';
import type { Subcommand } from '../src/slack/command.ts';

const EXAMPLE = { en: 'stats last month', fr: 'stats mois dernier' } as const;

export const statsCommand: Subcommand = {
  name: 'stats',
  aliases: ['statistiques', 'stat', 'kpi'],
  minRole: 'collector',
  usage: 'stats [period]',
  examples: ['stats', 'stats last month', 'stats 2026-10', 'stats 30d', 'stats 2026-10-01..2026-10-31', 'stats trimestre dernier'],
  summary: 'help.stats.summary',
  details: 'help.stats.details',
  async run(ctx, args) {
    const period = parseStatsPeriod(args.join(' '), { locale: ctx.locale, today: ctx.today });
    if (!period.ok) return { text: formatInputError(ctx.locale, period.error, `${ctx.command} ${EXAMPLE[ctx.locale]}`) };
    const timeZone = ctx.workspace.timezone;
    const data = await loadStats(ctx.db, { workspaceId: ctx.workspace.id, start: period.value.start, end: period.value.end, timeZone });
    return statsReply(data, {
      locale: ctx.locale, t: ctx.t, timeZone, period: period.value,
      viewer: { userId: ctx.userId, seesEveryone: hasRole(ctx.role, 'manager') },
    });
  },
};
