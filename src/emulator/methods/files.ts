import { hex, slackId } from '../ids.ts';
import type { MethodHandler } from '../method-context.ts';
import { accessChannel, ApiError, needScope, str } from '../method-context.ts';
import { fileShape } from '../shapes.ts';
import type { Message, UploadedFile } from '../types.ts';
import { authorFields, readContent } from './chat.ts';

export const fileMethods: Record<string, MethodHandler> = {
  'files.getUploadURLExternal': (ctx) => {
    needScope(ctx, 'files:write');
    const filename = str(ctx.args, 'filename');
    const length = Number(ctx.args.length);
    if (filename === undefined || filename === '' || !Number.isInteger(length) || length <= 0) throw new ApiError('invalid_arguments');
    const altText = str(ctx.args, 'alt_text');
    const file: UploadedFile = {
      id: slackId('F'),
      teamId: ctx.workspace.id,
      userId: ctx.grant.userId,
      filename,
      length,
      uploadToken: hex(16),
      created: ctx.now,
      completed: false,
      ...(altText !== undefined ? { altText } : {}),
    };
    ctx.state.files.set(file.id, file);
    return { upload_url: `${ctx.emulatorUrl}upload/v1/${file.uploadToken}`, file_id: file.id };
  },

  'files.completeUploadExternal': (ctx) => {
    needScope(ctx, 'files:write');
    const requested = ctx.args.files;
    if (!Array.isArray(requested) || requested.length === 0) throw new ApiError('invalid_arguments');
    const files = requested.map((entry: unknown) => {
      const { id, title } = (entry ?? {}) as { id?: unknown; title?: unknown };
      const file = typeof id === 'string' ? ctx.state.files.get(id) : undefined;
      // Not uploaded yet, or already completed, counts as unknown.
      if (file === undefined || file.teamId !== ctx.workspace.id || file.bytes === undefined || file.completed) {
        throw new ApiError('file_not_found');
      }
      return { file, title: typeof title === 'string' && title !== '' ? title : file.filename };
    });
    const channelId = str(ctx.args, 'channel_id');
    const channel = channelId === undefined || channelId === '' ? undefined : accessChannel(ctx, channelId, 'read');
    const comment = readContent({ text: ctx.args.initial_comment, blocks: ctx.args.blocks }, false);
    for (const { file, title } of files) {
      file.completed = true;
      file.title = title;
    }
    if (channel !== undefined) {
      const threadTs = str(ctx.args, 'thread_ts');
      const parent = threadTs === undefined || threadTs === '' ? undefined : ctx.state.messages.threadParent(channel.id, threadTs);
      const message: Message = {
        type: 'message',
        subtype: 'file_share',
        ...authorFields(ctx),
        text: comment.text,
        ...(comment.blocks !== undefined ? { blocks: comment.blocks } : {}),
        files: files.map(({ file }) => fileShape(file, ctx.workspace, ctx.emulatorUrl)),
        upload: true,
        display_as_bot: false,
        ts: ctx.state.nextTs(),
        team: ctx.workspace.id,
        ...(parent !== undefined ? { thread_ts: parent.message.ts } : {}),
      };
      ctx.state.messages.add(channel.id, message);
      for (const { file } of files) {
        file.channelId = channel.id;
        file.messageTs = message.ts;
        if (parent !== undefined) file.threadTs = parent.message.ts;
      }
    }
    return { files: files.map(({ file }) => fileShape(file, ctx.workspace, ctx.emulatorUrl)) };
  },
};
