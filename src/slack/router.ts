// The one slash command. It acks at once (no I/O before the ack, well inside
// Slack's 3 s) and answers through response_url once the work is done.
import type { App } from '@slack/bolt';
import { tokenize } from '../domain/args.ts';
import { t, type Locale } from '../i18n/messages.ts';
import { findSubcommand, type Subcommand } from './command.ts';
import { buildContext, errorRef, refusal, type RequestServices } from './request-context.ts';


export function registerSlashCommand(app: App, services: RequestServices, registry: Subcommand[]): void {
  const { env, logger } = services.deps;
  app.command(env.RELANCE_COMMAND, async ({ command, ack, respond, client }) => {
    const tokens = tokenize(command.text ?? '');
    const name = tokens[0] ?? 'help';
    const sub = findSubcommand(registry, name);
    if (!sub) {
      // Known without any I/O: answer in the ack itself, in the default language.
      await ack({ response_type: 'ephemeral', text: t(env.RELANCE_LOCALE as Locale, 'error.unknownSub', { input: name, command: env.RELANCE_COMMAND }) });
      return;
    }
    if (sub.ackReply) {
      // No database, no response_url round trip: the language comes from the cache, else the default.
      const locale = (services.workspaces.peek(command.team_id)?.locale ?? env.RELANCE_LOCALE) as Locale;
      await ack({ response_type: 'ephemeral', ...sub.ackReply(tokens.slice(1), locale, env.RELANCE_COMMAND) });
      return;
    }
    await ack();
    const log = logger.child({ team: command.team_id, user: command.user_id, sub: sub.name });
    try {
      const ctx = await buildContext(services, {
        teamId: command.team_id, userId: command.user_id, channelId: command.channel_id, triggerId: command.trigger_id, client,
      });
      const refused = sub.minRole ? refusal(ctx, sub.minRole, sub.name) : null;
      const reply = refused ?? await sub.run(ctx, tokens.slice(1));
      await respond({ response_type: 'ephemeral', ...reply });
    } catch (error) {
      const ref = errorRef();
      log.error({ err: error, ref }, 'slash command failed');
      await respond({ response_type: 'ephemeral', text: t(env.RELANCE_LOCALE as Locale, 'error.internal', { ref }) })
        .catch((e: unknown) => log.warn({ err: e, ref }, 'could not deliver the error reply'));
    }
  });
}
