// Builds the per-request context every subcommand and action receives, and
// applies the access rule: strangers get a polite refusal and no debtor data.
import { randomBytes } from 'node:crypto';
import type { WebClient } from '@slack/web-api';
import { todayIn } from '../domain/dates.ts';
import { translator, type Locale } from '../i18n/messages.ts';
import { joinMrkdwn, mention } from '../i18n/format.ts';
import type { Role } from '../db/members.ts';
import { hasRole, type AccessResolver } from './access.ts';
import type { CommandContext, Reply } from './command.ts';
import type { AppDeps } from './deps.ts';
import type { WorkspaceCache } from './workspace-cache.ts';

export interface RequestInput {
  teamId: string;
  userId: string;
  channelId: string;
  triggerId: string;
  client: WebClient;
}

/** The request context's input for a button click. */
export function fromBlockAction(body: { team?: { id: string } | null; user: { id: string; team_id?: string }; channel?: { id: string }; trigger_id: string }, client: WebClient): RequestInput {
  return { teamId: body.team?.id ?? body.user.team_id ?? '', userId: body.user.id, channelId: body.channel?.id ?? '', triggerId: body.trigger_id, client };
}

export interface RequestServices {
  deps: AppDeps;
  workspaces: WorkspaceCache;
  resolveAccess: AccessResolver;
}

export async function buildContext(services: RequestServices, input: RequestInput): Promise<CommandContext> {
  const { deps } = services;
  const now = deps.clock();
  const workspace = await services.workspaces.get(input.teamId, now);
  const access = await services.resolveAccess(deps.database.db, input.client, workspace.id, input.userId, now);
  const locale = workspace.locale as Locale;
  return {
    db: deps.database.db,
    env: deps.env,
    logger: deps.logger,
    client: input.client,
    workspace,
    locale,
    t: translator(locale),
    now,
    today: todayIn(workspace.timezone, now),
    userId: input.userId,
    role: access.role,
    roleSource: access.source,
    channelId: input.channelId,
    triggerId: input.triggerId,
    command: deps.env.RELANCE_COMMAND,
    digestQueue: deps.digestQueue,
    reminderQueue: deps.reminderQueue ?? null,
  };
}

/** The refusal for anyone below `needed`; null when access is granted. */
export function refusal(ctx: CommandContext, needed: Role, sub: string): Reply | null {
  if (hasRole(ctx.role, needed)) return null;
  if (ctx.role === null) {
    const admins = joinMrkdwn(ctx.env.RELANCE_ADMINS.map(mention), ', ');
    return { text: ctx.t('access.stranger', { command: ctx.command, admins }) };
  }
  return { text: ctx.t('access.needRole', { role: needed, command: ctx.command, sub }) };
}

/** A reference to quote in an error reply and find in the logs. */
export const errorRef = () => randomBytes(4).toString('hex');
