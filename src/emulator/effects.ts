// What Slack's clients do with the app's answers to interactions: replies
// posted to a response_url, and the ack of a view submission.
import { slackId } from './ids.ts';
import { flag } from './method-context.ts';
import { modalStack, wireView } from './methods/views.ts';
import type { ResponseUrlMeta } from './response-urls.ts';
import { botProfile } from './shapes.ts';
import type { EmulatorState } from './state.ts';
import type { Message } from './types.ts';

type Obj = Record<string, unknown>;

export function applyResponse(state: EmulatorState, meta: ResponseUrlMeta, body: Obj): void {
  const workspace = state.workspace(meta.teamId);
  const text = typeof body.text === 'string' ? body.text : '';
  const blocks = Array.isArray(body.blocks) ? body.blocks : undefined;
  const original = meta.messageTs;
  if (flag(body.delete_original) && original !== undefined) {
    if (meta.isEphemeral) {
      const index = state.ephemerals.findIndex((e) => e.channel === meta.channelId && e.ts === original);
      if (index !== -1) state.ephemerals.splice(index, 1);
    } else {
      state.messages.delete(meta.channelId, original);
    }
    return;
  }
  if (flag(body.replace_original) && original !== undefined) {
    if (meta.isEphemeral) {
      const ephemeral = state.ephemerals.find((e) => e.channel === meta.channelId && e.ts === original);
      if (ephemeral !== undefined) {
        ephemeral.text = text;
        if (blocks !== undefined) ephemeral.blocks = blocks;
        else delete ephemeral.blocks;
      }
      return;
    }
    const patch = { text, ...(blocks !== undefined ? { blocks } : { blocks: [] }) };
    const updated = state.messages.update(meta.channelId, original, patch, { user: workspace.botUserId, ts: state.nextTs(), at: state.now() });
    // A replacement through response_url is not shown as "(edited)".
    if (updated !== undefined) delete updated.edited;
    return;
  }
  const threadTs = typeof body.thread_ts === 'string' ? body.thread_ts : meta.threadTs;
  if (body.response_type === 'in_channel') {
    const parent = threadTs === undefined ? undefined : state.messages.threadParent(meta.channelId, threadTs);
    const message: Message = {
      type: 'message',
      user: workspace.botUserId,
      bot_id: workspace.botId,
      app_id: workspace.appId,
      bot_profile: botProfile(workspace, state.user(workspace.botUserId)?.name ?? 'app') as Message['bot_profile'],
      text,
      ...(blocks !== undefined ? { blocks } : {}),
      ts: state.nextTs(),
      team: workspace.id,
      ...(parent !== undefined ? { thread_ts: parent.message.ts } : {}),
    };
    state.messages.add(meta.channelId, message);
    return;
  }
  state.ephemerals.push({
    channel: meta.channelId,
    user: meta.userId,
    ts: state.nextTs(),
    text,
    ...(blocks !== undefined ? { blocks } : {}),
    ...(threadTs !== undefined ? { threadTs } : {}),
    via: 'response_url',
    at: state.now(),
  });
}

/**
 * The modal after the app acked a view_submission: an empty ack closes the view,
 * `errors` keeps it open, `update` replaces it, `push` stacks one, `clear` closes all.
 */
export function applyViewSubmissionAck(state: EmulatorState, viewId: string, ack: unknown): void {
  const record = state.views.get(viewId);
  if (record === undefined) return;
  const body = typeof ack === 'object' && ack !== null ? (ack as Obj) : {};
  const action = body.response_action;
  const ctx = { workspace: state.workspace(record.teamId), now: state.now() };
  if (action === 'errors') return;
  if (action === 'update' && typeof body.view === 'object' && body.view !== null) {
    record.view = wireView(ctx, body.view as Obj, record.id, { root: record.rootViewId, previous: record.previousViewId }, undefined);
    return;
  }
  if (action === 'push' && typeof body.view === 'object' && body.view !== null) {
    const id = slackId('V');
    const view = wireView(ctx, body.view as Obj, id, { root: record.rootViewId, previous: record.id }, undefined);
    state.views.set(id, { id, teamId: record.teamId, userId: record.userId, view, rootViewId: record.rootViewId, previousViewId: record.id, open: true });
    return;
  }
  if (action === 'clear') {
    for (const view of modalStack({ state }, record.teamId, record.userId)) view.open = false;
    return;
  }
  record.open = false;
}
