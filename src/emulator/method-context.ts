import type { EmulatorState } from './state.ts';
import type { TriggerRegistry } from './triggers.ts';
import type { Args, Channel, TokenGrant, Workspace } from './types.ts';

/** A Slack `{ ok: false, error }` answer; `extra` adds fields such as `needed` or `errors`. */
export class ApiError extends Error {
  readonly code: string;
  readonly extra: Record<string, unknown>;

  constructor(code: string, extra: Record<string, unknown> = {}) {
    super(code);
    this.code = code;
    this.extra = extra;
  }
}

export interface MethodContext {
  state: EmulatorState;
  args: Args;
  grant: TokenGrant;
  workspace: Workspace;
  now: number;
  /** Base URL of the emulator, ending in `/`, for absolute URLs it hands out. */
  emulatorUrl: string;
  triggers: TriggerRegistry;
}

export type MethodHandler = (ctx: MethodContext) => Record<string, unknown>;

export function needScope(ctx: MethodContext, ...anyOf: string[]): void {
  const { scopes } = ctx.grant;
  if (scopes === null || anyOf.some((scope) => scopes.has(scope))) return;
  throw new ApiError('missing_scope', { needed: anyOf.join(','), provided: [...scopes].join(',') });
}

export function str(args: Args, name: string): string | undefined {
  const value = args[name];
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** Form bodies carry booleans as `true`/`1`. */
export function flag(value: unknown): boolean {
  return value === true || value === 'true' || value === '1' || value === 1;
}

export function int(args: Args, name: string, fallback: number): number {
  const value = Number(args[name]);
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback;
}

/** Slack's scopes for reading a conversation of each kind. */
export function readScopes(channel: Channel): string[] {
  if (channel.isIm) return ['im:read'];
  if (channel.isMpim) return ['mpim:read'];
  return channel.isPrivate ? ['groups:read'] : ['channels:read'];
}

export function historyScopes(channel: Channel): string[] {
  if (channel.isIm) return ['im:history'];
  if (channel.isMpim) return ['mpim:history'];
  return channel.isPrivate ? ['groups:history'] : ['channels:history'];
}

export type ChannelPurpose = 'see' | 'read' | 'post';

/**
 * Resolves a channel as Slack does for the caller: private channels and DMs the
 * caller is not in do not exist for it; a public channel can be seen by anyone,
 * read by members, and posted to by members or with `chat:write.public`.
 */
export function accessChannel(ctx: MethodContext, idOrName: string | undefined, purpose: ChannelPurpose): Channel {
  if (idOrName === undefined || idOrName === '') throw new ApiError('channel_not_found');
  let channel = ctx.state.findChannel(ctx.grant.teamId, idOrName);
  if (channel === undefined && purpose === 'post' && /^[UW][A-Z0-9]+$/.test(idOrName)) {
    const user = ctx.state.user(idOrName);
    if (user !== undefined && user.teamId === ctx.grant.teamId) {
      channel = ctx.state.openDm(ctx.grant.teamId, ctx.grant.userId, user.id).channel;
    }
  }
  if (channel === undefined) throw new ApiError('channel_not_found');
  const isMember = channel.members.has(ctx.grant.userId);
  if ((channel.isPrivate || channel.isIm) && !isMember) throw new ApiError('channel_not_found');
  if (purpose === 'see') return channel;
  if (purpose === 'post' && channel.isArchived) throw new ApiError('is_archived');
  if (!isMember) {
    // chat:write.public is a bot scope; people must be in the channel to post.
    const canPostPublic = ctx.grant.isBot && (ctx.grant.scopes === null || ctx.grant.scopes.has('chat:write.public'));
    if (!(purpose === 'post' && canPostPublic)) throw new ApiError('not_in_channel');
  }
  return channel;
}
