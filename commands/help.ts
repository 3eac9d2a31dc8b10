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
  // `text` is the notification and fallback line: Slack shows the blocks. Repeating the list there would double the reply.
  return { text: t('help.title', { command }), blocks };
}

export function helpCommand(registry: () => Subcommand[]): Subcommand {
  // Help is typed far more than anything else and is the same for everyone: each
  // (language, command, topic) is built once. Only known topics are kept, so what
  // people type cannot grow it.
  const built = new Map<string, Reply>();
  const cachedHelp = (locale: Locale, command: string, topic?: string): Reply => {
    const sub = topic === undefined ? undefined : findSubcommand(registry(), topic);
    if (topic !== undefined && sub === undefined) return helpReply(registry(), locale, command, topic);
    const key = `${locale}\u0000${command}\u0000${sub?.name ?? ''}`;
    let reply = built.get(key);
    if (reply === undefined) {
      reply = helpReply(registry(), locale, command, topic);
      built.set(key, reply);
    }
    return reply;
  };
  return {
    name: 'help',
    aliases: ['aide', '?'],
    minRole: null,
    usage: 'help [command]',
    examples: ['help', 'help overdue'],
    summary: 'help.help.summary',
    async run(ctx, args): Promise<Reply> {
      return cachedHelp(ctx.locale, ctx.command, args[0]);
    },
    ackReply(args, locale, command): Reply {
      return cachedHelp(locale, command, args[0]);
    },
  };
}
