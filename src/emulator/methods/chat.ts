import { MESSAGE_LIMITS, validateBlocks } from '../blocks.ts';
import type { MethodContext, MethodHandler } from '../method-context.ts';
import { accessChannel, ApiError, flag, needScope, str } from '../method-context.ts';
import { botProfile, permalink } from '../shapes.ts';
import type { Args, Message, MessageMetadata } from '../types.ts';

/** Slack truncates at 40,000 characters and refuses longer text. */
const MAX_TEXT = 40_000;

export interface Content {
  text: string;
  blocks?: unknown[];
  attachments?: unknown[];
}

/** Validates text, blocks and attachments the way chat.postMessage does. */
export function readContent(args: Args, requireSomething: boolean): Content {
  const text = str(args, 'text') ?? str(args, 'markdown_text') ?? '';
  const content: Content = { text };
  if (args.blocks !== undefined) {
    if (!Array.isArray(args.blocks)) throw new ApiError('invalid_blocks_format');
    const errors = validateBlocks(args.blocks, MESSAGE_LIMITS);
    if (errors.length > 0) {
      throw new ApiError('invalid_blocks', { errors, response_metadata: { messages: errors.map((e) => `[ERROR] ${e}`) } });
    }
    content.blocks = args.blocks;
  }
  if (args.attachments !== undefined) {
    if (!Array.isArray(args.attachments)) throw new ApiError('invalid_attachments');
    if (args.attachments.length > 100) throw new ApiError('too_many_attachments');
    content.attachments = args.attachments;
  }
  const empty = text === '' && !content.blocks?.length && !content.attachments?.length;
  if (requireSomething && empty) throw new ApiError('no_text');
  if (text.length > MAX_TEXT) throw new ApiError('msg_too_long');
  return content;
}

function readMetadata(args: Args): MessageMetadata | undefined {
  const value = args.metadata;
  if (value === undefined) return undefined;
  const ok =
    typeof value === 'object' &&
    value !== null &&
    typeof (value as MessageMetadata).event_type === 'string' &&
    typeof (value as MessageMetadata).event_payload === 'object';
  if (!ok) throw new ApiError('invalid_metadata_format');
  return value as MessageMetadata;
}

/** The author fields of a message posted with the caller's token. */
export function authorFields(ctx: MethodContext): Pick<Message, 'user' | 'bot_id' | 'app_id' | 'bot_profile'> {
  const { grant, workspace, state } = ctx;
  if (!grant.isBot) return { user: grant.userId };
  const name = state.user(workspace.botUserId)?.name ?? 'app';
  return {
    user: workspace.botUserId,
    bot_id: workspace.botId,
    app_id: workspace.appId,
    bot_profile: botProfile(workspace, name) as Message['bot_profile'],
  };
}

function ownMessage(ctx: MethodContext, channelId: string, ts: string | undefined, refusal: string): Message {
  const record = ts === undefined ? undefined : ctx.state.messages.get(channelId, ts);
  if (record === undefined) throw new ApiError('message_not_found');
  if (record.message.user !== ctx.grant.userId) throw new ApiError(refusal);
  return record.message;
}

export const chatMethods: Record<string, MethodHandler> = {
  'chat.postMessage': (ctx) => {
    needScope(ctx, 'chat:write');
    const channel = accessChannel(ctx, str(ctx.args, 'channel'), 'post');
    const content = readContent(ctx.args, true);
    const metadata = readMetadata(ctx.args);
    const threadTs = str(ctx.args, 'thread_ts');
    // An unknown thread_ts does not fail in Slack: the message lands in the channel.
    const parent = threadTs === undefined || threadTs === '' ? undefined : ctx.state.messages.threadParent(channel.id, threadTs);
    const message: Message = {
      type: 'message',
      ...authorFields(ctx),
      ...content,
      ts: ctx.state.nextTs(),
      team: ctx.workspace.id,
      ...(parent !== undefined ? { thread_ts: parent.message.ts } : {}),
      ...(parent !== undefined && flag(ctx.args.reply_broadcast) ? { subtype: 'thread_broadcast' } : {}),
      ...(metadata !== undefined ? { metadata } : {}),
    };
    ctx.state.messages.add(channel.id, message, {
      ...(ctx.args.unfurl_links !== undefined ? { unfurlLinks: flag(ctx.args.unfurl_links) } : {}),
      ...(ctx.args.unfurl_media !== undefined ? { unfurlMedia: flag(ctx.args.unfurl_media) } : {}),
    });
    return { channel: channel.id, ts: message.ts, message: structuredClone(message) };
  },

  'chat.postEphemeral': (ctx) => {
    needScope(ctx, 'chat:write');
    const channel = accessChannel(ctx, str(ctx.args, 'channel'), 'post');
    const userId = str(ctx.args, 'user') ?? '';
    const user = ctx.state.user(userId);
    if (user === undefined || user.teamId !== ctx.workspace.id) throw new ApiError('user_not_found');
    if (!channel.members.has(userId)) throw new ApiError('user_not_in_channel');
    const content = readContent(ctx.args, true);
    const ts = ctx.state.nextTs();
    const threadTs = str(ctx.args, 'thread_ts');
    ctx.state.ephemerals.push({
      channel: channel.id,
      user: userId,
      ts,
      text: content.text,
      ...(content.blocks !== undefined ? { blocks: content.blocks } : {}),
      ...(threadTs !== undefined && threadTs !== '' ? { threadTs } : {}),
      via: 'api',
      at: ctx.now,
    });
    return { message_ts: ts };
  },

  'chat.update': (ctx) => {
    needScope(ctx, 'chat:write');
    const channel = accessChannel(ctx, str(ctx.args, 'channel'), 'see');
    const ts = str(ctx.args, 'ts');
    ownMessage(ctx, channel.id, ts, 'cant_update_message');
    const content = readContent(ctx.args, false);
    const metadata = readMetadata(ctx.args);
    const hasText = ctx.args.text !== undefined || ctx.args.markdown_text !== undefined;
    const updated = ctx.state.messages.update(
      channel.id,
      ts ?? '',
      {
        ...(hasText ? { text: content.text } : {}),
        ...(content.blocks !== undefined ? { blocks: content.blocks } : {}),
        ...(content.attachments !== undefined ? { attachments: content.attachments } : {}),
        ...(metadata !== undefined ? { metadata } : {}),
      },
      { user: ctx.grant.userId, ts: ctx.state.nextTs(), at: ctx.now },
    );
    if (updated === undefined) throw new ApiError('message_not_found');
    return { channel: channel.id, ts: updated.ts, text: updated.text, message: structuredClone(updated) };
  },

  'chat.delete': (ctx) => {
    needScope(ctx, 'chat:write');
    const channel = accessChannel(ctx, str(ctx.args, 'channel'), 'see');
    const ts = str(ctx.args, 'ts');
    ownMessage(ctx, channel.id, ts, 'cant_delete_message');
    ctx.state.messages.delete(channel.id, ts ?? '');
    return { channel: channel.id, ts };
  },

  'chat.getPermalink': (ctx) => {
    const channel = accessChannel(ctx, str(ctx.args, 'channel'), 'see');
    const record = ctx.state.messages.get(channel.id, str(ctx.args, 'message_ts') ?? '');
    if (record === undefined) throw new ApiError('message_not_found');
    return { channel: channel.id, permalink: permalink(ctx.workspace, channel.id, record.message.ts, record.message.thread_ts) };
  },

  'reactions.add': (ctx) => {
    needScope(ctx, 'reactions:write');
    const channel = accessChannel(ctx, str(ctx.args, 'channel'), 'read');
    const name = (str(ctx.args, 'name') ?? '').replace(/^:|:$/g, '');
    if (name === '') throw new ApiError('invalid_name');
    const result = ctx.state.messages.react(channel.id, str(ctx.args, 'timestamp') ?? '', ctx.grant.userId, name);
    if (result !== 'ok') throw new ApiError(result === 'message_not_found' ? 'message_not_found' : 'already_reacted');
    return {};
  },

  'reactions.remove': (ctx) => {
    needScope(ctx, 'reactions:write');
    const channel = accessChannel(ctx, str(ctx.args, 'channel'), 'read');
    const name = (str(ctx.args, 'name') ?? '').replace(/^:|:$/g, '');
    const result = ctx.state.messages.unreact(channel.id, str(ctx.args, 'timestamp') ?? '', ctx.grant.userId, name);
    if (result !== 'ok') throw new ApiError(result);
    return {};
  },

  // Messages only (no files). Without `full`, Slack may cut each reaction's user list.
  'reactions.get': (ctx) => {
    needScope(ctx, 'reactions:read');
    const channel = accessChannel(ctx, str(ctx.args, 'channel'), 'read');
    const record = ctx.state.messages.get(channel.id, str(ctx.args, 'timestamp') ?? '');
    if (record === undefined) throw new ApiError('message_not_found');
    const message = structuredClone(record.message);
    return {
      type: 'message',
      channel: channel.id,
      message: { ...message, permalink: permalink(ctx.workspace, channel.id, message.ts, message.thread_ts) },
    };
  },
};
