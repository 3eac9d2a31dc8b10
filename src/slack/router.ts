// The one slash command. What needs no I/O (help, a refusal of what was typed)
// is answered in the ack at once. Other work starts at once too: a reply ready
// well inside Slack's 3 s goes in the ack's body, a slower one (or an error)
// through response_url after an empty ack, as Slack allows both.
import type { AnyMiddlewareArgs, App, Middleware, RespondFn, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { decodeEntities, tokenize } from '../domain/args.ts';
import { stripControls } from '../domain/typed-text.ts';
import { t, type Locale } from '../i18n/messages.ts';
import { fitReply } from './blocks/kit.ts';
import { findSubcommand, unknownSubReply, type Subcommand } from './command.ts';
import { buildContext, errorRef, refusal, type RequestServices } from './request-context.ts';

/** Far more than any command needs; a longer text is pasted by mistake and is not read. */
export const MAX_COMMAND_CHARS = 2000;
/** A reply ready by then goes in the ack's body; Slack waits 3 s for the ack, and a busy process needs the margin. */
export const ACK_REPLY_WITHIN_MS = 1000;
/** How much of a refused command is quoted back. */
const QUOTED_START_CHARS = 40;

/** The first characters of what was typed, on one line; a character outside the BMP is kept whole. */
const quotedStart = (typed: string): string =>
  Array.from(typed.slice(0, 2 * QUOTED_START_CHARS)).slice(0, QUOTED_START_CHARS).join('').replace(/\s+/g, ' ');


type CommandArgs = Pick<SlackCommandMiddlewareArgs, 'command' | 'ack'> & { respond: RespondFn; client: WebClient };

/**
 * Registered after every other global middleware (they wrap it) and before the
 * listeners: Bolt runs each listener's matchers on every request, two dozen
 * promise chains here, and measured under load that was the largest share of the
 * ack path's CPU. A typed command is answered here and goes no further.
 */
export function registerSlashCommand(app: App, services: RequestServices, registry: Subcommand[]): void {
  const answer = answerSlashCommand(services, registry);
  const name = services.deps.env.RELANCE_COMMAND;
  const slashCommand: Middleware<AnyMiddlewareArgs> = async (args) => {
    if (!('command' in args) || args.command.command !== name) return args.next();
    await answer({ command: args.command, ack: args.ack, respond: args.respond, client: args.client });
  };
  app.use(slashCommand);
}

function answerSlashCommand(services: RequestServices, registry: Subcommand[]) {
  const { env, logger } = services.deps;
  return async ({ command, ack, respond, client }: CommandArgs): Promise<void> => {
    const text = command.text ?? '';
    // Answers without I/O: the language comes from the cache, else the default.
    const quickLocale = (services.workspaces.peek(command.team_id)?.locale ?? env.RELANCE_LOCALE) as Locale;
    // Measured and quoted as typed: Slack's &amp; would count 5 and, quoted, be escaped again by t().
    const typed = decodeEntities(text);
    if (typed.length > MAX_COMMAND_CHARS) {
      await ack({ response_type: 'ephemeral', text: t(quickLocale, 'error.commandTooLong', {
        length: typed.length, max: MAX_COMMAND_CHARS, start: `${quotedStart(typed)}…`, command: env.RELANCE_COMMAND,
      }) });
      return;
    }
    const tokens = tokenize(stripControls(text));
    const name = tokens[0] ?? 'help';
    const sub = findSubcommand(registry, name);
    if (!sub) {
      // Known without any I/O: answer in the ack itself, in the default language.
      await ack({ response_type: 'ephemeral', text: unknownSubReply(env.RELANCE_LOCALE as Locale, name, registry, env.RELANCE_COMMAND) });
      return;
    }
    if (sub.ackReply) {
      // No database, no response_url round trip.
      await ack({ response_type: 'ephemeral', ...fitReply(sub.ackReply(tokens.slice(1), quickLocale, env.RELANCE_COMMAND)) });
      return;
    }
    const log = logger.child({ team: command.team_id, user: command.user_id, sub: sub.name });
    const work = (async () => {
      const ctx = await buildContext(services, {
        teamId: command.team_id, userId: command.user_id, channelId: command.channel_id, triggerId: command.trigger_id, client,
      });
      const refused = sub.minRole ? refusal(ctx, sub.minRole, sub.name) : null;
      return { response_type: 'ephemeral' as const, ...fitReply(refused ?? await sub.run(ctx, tokens.slice(1))) };
    })();
    // respond() is a second HTTP exchange (to Slack, over the internet in production): about a
    // third of a worklist reply's CPU here, and a round trip the person waits for.
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((resolve) => { timer = setTimeout(() => resolve(null), ACK_REPLY_WITHIN_MS); });
    const early = await Promise.race([work.catch(() => null), late]);
    clearTimeout(timer);
    if (early) {
      await ack(early);
      return;
    }
    await ack();
    try {
      await respond(await work);
    } catch (error) {
      const ref = errorRef();
      log.error({ err: error, ref }, 'slash command failed');
      await respond({ response_type: 'ephemeral', text: t(env.RELANCE_LOCALE as Locale, 'error.internal', { ref }) })
        .catch((e: unknown) => log.warn({ err: e, ref }, 'could not deliver the error reply'));
    }
  };
}
