import type { KnownBlock } from '@slack/types';
import { translator, type Locale } from '../src/i18n/messages.ts';
import { suggestSpellings } from '../src/domain/suggest.ts';
import { findSubcommand, unknownSubReply, type Reply, type Subcommand } from '../src/slack/command.ts';

/** Help needs no database: it is answered in the ack itself, the same for everyone. */
export function helpReply(registry: Subcommand[], locale: Locale, command: string, topic?: string): Reply {
  const t = translator(locale);
  const access = { type: 'context' as const, elements: [{ type: 'mrkdwn' as const, text: t('help.access', { command }) }] };
  if (topic) {
    const sub = findSubcommand(registry, topic);
    if (!sub) {
      // A near miss gets the same "did you mean" as the command itself; anything else, the pointer to the list.
      if (suggestSpellings(topic, registry).length > 0) return { text: unknownSubReply(locale, topic, registry, command) };
      return { text: t('help.unknown', { input: topic, command }) };
    }
    const lines = [
      `*\`${command} ${sub.usage}\`*`,
      t(sub.summary),
      ...(sub.details ? [t(sub.details)] : []),
      `*${t('help.examples')}*`,
      ...sub.examples.map((e) => `\`${command} ${e}\``),
    ];
    const text = lines.join('\n');
    return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }, access] };
  }
  const list = registry.map((s) => `• \`${command} ${s.usage}\` — ${t(s.summary)}`).join('\n');
  const blocks: KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: t('help.title', { command }) } },
    { type: 'section', text: { type: 'mrkdwn', text: list } },
    access,
  ];
  return { text: `${t('help.title', { command })}\n${list}`, blocks };
}

export function helpCommand(registry: () => Subcommand[]): Subcommand {
  return {
    name: 'help',
    aliases: ['aide', '?'],
    minRole: null,
    usage: 'help [command]',
    examples: ['help', 'help overdue'],
    summary: 'help.help.summary',
    async run(ctx, args): Promise<Reply> {
      return helpReply(registry(), ctx.locale, ctx.command, args[0]);
    },
    ackReply(args, locale, command): Reply {
      return helpReply(registry(), locale, command, args[0]);
    },
  };
}
