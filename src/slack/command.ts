// The contract between the /collect router and the subcommands in commands/.
import type { KnownBlock } from '@slack/types';
import type { Queue } from 'bullmq';
import type { WebClient } from '@slack/web-api';
import type { Env } from '../config/env.ts';
import type { Db } from '../db/client.ts';
import type { Role } from '../db/members.ts';
import type { Workspace } from '../db/workspaces.ts';
import type { IsoDate } from '../domain/dates.ts';
import { suggestSpellings } from '../domain/suggest.ts';
import { t, type Locale, type PlainMessageKey, type Translator } from '../i18n/messages.ts';
import type { Logger } from '../log.ts';
import type { RoleSource } from './access.ts';

export interface Reply {
  text: string;
  blocks?: KnownBlock[];
  response_type?: 'ephemeral' | 'in_channel';
}

export interface CommandContext {
  db: Db;
  env: Env;
  logger: Logger;
  client: WebClient;
  workspace: Workspace;
  locale: Locale;
  t: Translator;
  now: Date;
  today: IsoDate;
  userId: string;
  role: Role | null;
  roleSource: RoleSource | null;
  channelId: string;
  triggerId: string;
  /** The slash command as installed, e.g. "/collect". */
  command: string;
  digestQueue: Queue | null;
  /** Call reminders (jobs/call-reminder.ts); null where no Redis is at hand. */
  reminderQueue: Queue | null;
}

export interface Subcommand {
  name: string;
  aliases?: string[];
  /** The least role allowed to run it; null lets anyone (help). */
  minRole: Role | null;
  usage: string;
  examples: string[];
  summary: PlainMessageKey;
  details?: PlainMessageKey;
  run(ctx: CommandContext, args: string[]): Promise<Reply>;
  /**
   * For subcommands that need no database or Slack call: the reply, built
   * synchronously, goes out in the ack itself instead of through response_url.
   */
  ackReply?(args: string[], locale: Locale, command: string): Reply;
}


export function findSubcommand(registry: Subcommand[], name: string): Subcommand | undefined {
  const key = name.toLowerCase();
  return registry.find((s) => s.name === key || s.aliases?.includes(key));
}

/** "Did you mean …?" when a name or alias is close to what was typed, else the pointer to help. */
export function unknownSubReply(locale: Locale, input: string, registry: Subcommand[], command: string): string {
  const [first, second] = suggestSpellings(input, registry);
  if (first !== undefined && second !== undefined) return t(locale, 'error.unknownSubSuggestTwo', { input, first, second, command });
  if (first !== undefined) return t(locale, 'error.unknownSubSuggest', { input, suggestion: first, command });
  return t(locale, 'error.unknownSub', { input, command });
}
