import type { MethodHandler } from '../method-context.ts';
import { ApiError, needScope, str } from '../method-context.ts';
import { teamShape, teamUrl, userShape } from '../shapes.ts';
import { page } from './paging.ts';

const withEmail = (scopes: Set<string> | null) => scopes === null || scopes.has('users:read.email');

export const identityMethods: Record<string, MethodHandler> = {
  'auth.test': ({ workspace, grant, state }) => ({
    url: teamUrl(workspace),
    team: workspace.name,
    user: state.user(grant.userId)?.name ?? '',
    team_id: workspace.id,
    user_id: grant.userId,
    ...(grant.isBot ? { bot_id: workspace.botId } : {}),
    ...(workspace.enterpriseId !== undefined ? { enterprise_id: workspace.enterpriseId } : {}),
    is_enterprise_install: false,
  }),

  'team.info': (ctx) => {
    needScope(ctx, 'team:read');
    const teamId = str(ctx.args, 'team') ?? ctx.workspace.id;
    const workspace = ctx.state.workspaces.get(teamId);
    if (workspace === undefined) throw new ApiError('team_not_found');
    return { team: teamShape(workspace) };
  },

  'users.info': (ctx) => {
    needScope(ctx, 'users:read');
    const user = ctx.state.user(str(ctx.args, 'user') ?? '');
    if (user === undefined || user.teamId !== ctx.workspace.id) throw new ApiError('user_not_found');
    return { user: userShape(user, ctx.now, withEmail(ctx.grant.scopes)) };
  },

  'users.list': (ctx) => {
    needScope(ctx, 'users:read');
    const all = [...ctx.state.users.values()].filter((u) => u.teamId === ctx.workspace.id);
    const { items, nextCursor } = page(all, ctx.args, 1000);
    return {
      members: items.map((u) => userShape(u, ctx.now, withEmail(ctx.grant.scopes))),
      cache_ts: Math.floor(ctx.now / 1000),
      response_metadata: { next_cursor: nextCursor },
    };
  },
};
