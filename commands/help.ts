import type { KnownBlock } from '@slack/types';
import type { Reply, Subcommand } from '../src/slack/command.ts';
import { findSubcommand } from '../src/slack/router.ts';

/** Help needs the registry, so it is built from it rather than imported by it. */
export function helpCommand(registry: () => Subcommand[]): Subcommand {
  return {
    name: 'help',
    aliases: ['aide', '?'],
    minRole: null,
    usage: 'help [command]',
    examples: ['help', 'help overdue'],
    summary: 'help.help.summary',
    async run(ctx, args): Promise<Reply> {
      const { t, command } = ctx;
      const notOnTeam = ctx.role === null ? `\n\n${t('help.notOnTeam', { command })}` : '';
      if (args[0]) {
        const sub = findSubcommand(registry(), args[0]);
        if (!sub) return { text: t('help.unknown', { input: args[0], command }) };
        const lines = [
          `*\`${command} ${sub.usage}\`*`,
          t(sub.summary),
          ...(sub.details ? [t(sub.details)] : []),
          `*${t('help.examples')}*`,
          ...sub.examples.map((e) => `\`${command} ${e}\``),
        ];
        const text = lines.join('\n') + notOnTeam;
        return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
      }
      const list = registry().map((s) => `• \`${command} ${s.usage}\` — ${t(s.summary)}`).join('\n');
      const blocks: KnownBlock[] = [
        { type: 'section', text: { type: 'mrkdwn', text: t('help.title', { command }) } },
        { type: 'section', text: { type: 'mrkdwn', text: list + notOnTeam } },
      ];
      return { text: `${t('help.title', { command })}\n${list}${notOnTeam}`, blocks };
    },
  };
}
