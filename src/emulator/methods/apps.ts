import type { MethodHandler } from '../method-context.ts';
import { ApiError } from '../method-context.ts';
import { socketModeHub } from '../socket-mode.ts';

export const appMethods: Record<string, MethodHandler> = {
  'apps.connections.open': (ctx) => {
    // Only app-level (xapp-) tokens carry connections:write; Slack refuses bot and user tokens by type.
    if (ctx.grant.scopes === null || !ctx.grant.scopes.has('connections:write')) throw new ApiError('not_allowed_token_type');
    return { url: socketModeHub(ctx.state).issueUrl(ctx.emulatorUrl, ctx.workspace.appId, ctx.workspace.id) };
  },
};
