import { compareTs } from '../ids.ts';
import type { MethodContext, MethodHandler } from '../method-context.ts';
import { accessChannel, ApiError, flag, historyScopes, needScope, readScopes, str } from '../method-context.ts';
import { channelShape } from '../shapes.ts';
import type { Message } from '../types.ts';
import { page } from './paging.ts';

/** Metadata is returned only to callers that ask for it, as in Slack. */
function forReader(messages: Message[], includeMetadata: boolean): Message[] {
  return messages.map((m) => {
    const copy = structuredClone(m);
    if (!includeMetadata) delete copy.metadata;
    return copy;
  });
}

function inWindow(ctx: MethodContext, ts: string): boolean {
  const oldest = str(ctx.args, 'oldest');
  const latest = str(ctx.args, 'latest');
  const inclusive = flag(ctx.args.inclusive);
  if (oldest !== undefined) {
    const c = compareTs(ts, oldest);
    if (c < 0 || (c === 0 && !inclusive)) return false;
  }
  if (latest !== undefined) {
    const c = compareTs(ts, latest);
    if (c > 0 || (c === 0 && !inclusive)) return false;
  }
  return true;
}

export const conversationMethods: Record<string, MethodHandler> = {
  'conversations.info': (ctx) => {
    const channel = accessChannel(ctx, str(ctx.args, 'channel'), 'see');
    needScope(ctx, ...readScopes(channel));
    const shape = channelShape(channel, ctx.grant.userId, ctx.now);
    if (flag(ctx.args.include_num_members)) shape.num_members = channel.members.size;
    return { channel: shape };
  },

  'conversations.join': (ctx) => {
    needScope(ctx, 'channels:join');
    const channel = accessChannel(ctx, str(ctx.args, 'channel'), 'see');
    if (channel.isPrivate || channel.isIm) throw new ApiError('method_not_supported_for_channel_type');
    if (channel.isArchived) throw new ApiError('is_archived');
    const already = channel.members.has(ctx.grant.userId);
    channel.members.add(ctx.grant.userId);
    const shape = channelShape(channel, ctx.grant.userId, ctx.now);
    return already
      ? { channel: shape, warning: 'already_in_channel', response_metadata: { warnings: ['already_in_channel'] } }
      : { channel: shape };
  },

  'conversations.open': (ctx) => {
    needScope(ctx, 'im:write');
    const existing = str(ctx.args, 'channel');
    if (existing !== undefined) {
      const channel = accessChannel(ctx, existing, 'see');
      return { channel: { id: channel.id } };
    }
    const users = (str(ctx.args, 'users') ?? '').split(',').map((u) => u.trim()).filter(Boolean);
    if (users.length === 0) throw new ApiError('users_list_not_supplied');
    // Slack opens a group DM for 2 to 8 people, with its own scope (relance's manifest does not ask for it).
    if (users.length > 8) throw new ApiError('too_many_users');
    if (users.length > 1) needScope(ctx, 'mpim:write');
    const found = users.map((id) => {
      const user = ctx.state.user(id);
      if (user === undefined || user.teamId !== ctx.workspace.id) throw new ApiError('user_not_found');
      if (user.deleted) throw new ApiError('user_disabled');
      if (user.isBot) throw new ApiError('cannot_dm_bot');
      return user;
    });
    const { channel, created } = found.length > 1
      ? ctx.state.openGroupDm(ctx.workspace.id, ctx.grant.userId, found.map((u) => u.id))
      : ctx.state.openDm(ctx.workspace.id, ctx.grant.userId, found[0]!.id);
    const shape = flag(ctx.args.return_im) ? channelShape(channel, ctx.grant.userId, ctx.now) : { id: channel.id };
    return created ? { channel: shape } : { no_op: true, already_open: true, channel: shape };
  },

  'conversations.members': (ctx) => {
    const channel = accessChannel(ctx, str(ctx.args, 'channel'), 'see');
    needScope(ctx, ...readScopes(channel));
    const { items, nextCursor } = page([...channel.members], ctx.args, 100);
    return { members: items, response_metadata: { next_cursor: nextCursor } };
  },

  'conversations.history': (ctx) => {
    const channel = accessChannel(ctx, str(ctx.args, 'channel'), 'read');
    needScope(ctx, ...historyScopes(channel));
    const newestFirst = ctx.state.messages
      .history(channel.id)
      .filter((m) => inWindow(ctx, m.ts))
      .reverse();
    const { items, nextCursor } = page(newestFirst, ctx.args, 100, ctx.state.historyPageLimit);
    return {
      messages: forReader(items, flag(ctx.args.include_all_metadata)),
      has_more: nextCursor !== '',
      pin_count: 0,
      channel_actions_ts: null,
      channel_actions_count: 0,
      response_metadata: { next_cursor: nextCursor },
    };
  },

  'conversations.replies': (ctx) => {
    const channel = accessChannel(ctx, str(ctx.args, 'channel'), 'read');
    needScope(ctx, ...historyScopes(channel));
    const ts = str(ctx.args, 'ts') ?? '';
    const target = ctx.state.messages.get(channel.id, ts);
    if (target === undefined) throw new ApiError('thread_not_found');
    // Asking with a reply's ts returns that reply alone, as Slack does.
    const isReply = target.message.thread_ts !== undefined && target.message.thread_ts !== ts;
    const thread = isReply ? [target.message] : ctx.state.messages.thread(channel.id, ts);
    const { items, nextCursor } = page(thread.filter((m) => m.ts === ts || inWindow(ctx, m.ts)), ctx.args, 1000, ctx.state.historyPageLimit);
    return {
      messages: forReader(items, flag(ctx.args.include_all_metadata)),
      has_more: nextCursor !== '',
      response_metadata: { next_cursor: nextCursor },
    };
  },
};
