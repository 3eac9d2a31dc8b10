// Things people do in Slack: each changes the state and returns the Events API
// `event` object Slack would deliver, ready for `SlackSender.event`.
import type { EmulatorState } from './state.ts';
import type { Channel, Message } from './types.ts';

type Obj = Record<string, unknown>;

function member(state: EmulatorState, userId: string, channelId: string): Channel {
  const channel = state.channels.get(channelId);
  if (channel === undefined) throw new Error(`emulator: no channel ${channelId}`);
  if (!state.users.has(userId)) throw new Error(`emulator: no user ${userId}`);
  if (!channel.members.has(userId)) throw new Error(`emulator: ${userId} is not in ${channelId}`);
  return channel;
}

function channelType(channel: Channel): string {
  if (channel.isIm) return 'im';
  return channel.isPrivate ? 'group' : 'channel';
}

export function addReaction(state: EmulatorState, userId: string, channelId: string, ts: string, name: string): Obj {
  member(state, userId, channelId);
  const result = state.messages.react(channelId, ts, userId, name);
  if (result !== 'ok') throw new Error(`emulator: reaction refused: ${result}`);
  state.notify();
  const item = state.messages.get(channelId, ts)?.message;
  return {
    type: 'reaction_added',
    user: userId,
    reaction: name,
    ...(item?.user !== undefined ? { item_user: item.user } : {}),
    item: { type: 'message', channel: channelId, ts },
    event_ts: state.nextTs(),
  };
}

export function removeReaction(state: EmulatorState, userId: string, channelId: string, ts: string, name: string): Obj {
  member(state, userId, channelId);
  const item = state.messages.get(channelId, ts)?.message;
  const result = state.messages.unreact(channelId, ts, userId, name);
  if (result !== 'ok') throw new Error(`emulator: reaction removal refused: ${result}`);
  state.notify();
  return {
    type: 'reaction_removed',
    user: userId,
    reaction: name,
    ...(item?.user !== undefined ? { item_user: item.user } : {}),
    item: { type: 'message', channel: channelId, ts },
    event_ts: state.nextTs(),
  };
}

export function postAsUser(state: EmulatorState, userId: string, channelId: string, text: string, threadTs?: string): Obj {
  const channel = member(state, userId, channelId);
  const parent = threadTs === undefined ? undefined : state.messages.threadParent(channelId, threadTs);
  const message: Message = {
    type: 'message',
    user: userId,
    text,
    ts: state.nextTs(),
    team: channel.teamId,
    ...(parent !== undefined ? { thread_ts: parent.message.ts } : {}),
  };
  state.messages.add(channelId, message);
  state.notify();
  return { ...structuredClone(message), channel: channelId, event_ts: message.ts, channel_type: channelType(channel) };
}

export function appHomeOpened(state: EmulatorState, userId: string): Obj {
  const user = state.users.get(userId);
  if (user === undefined) throw new Error(`emulator: no user ${userId}`);
  const workspace = state.workspace(user.teamId);
  const dm = state.openDm(user.teamId, workspace.botUserId, userId).channel;
  const homeId = state.homes.get(`${user.teamId}:${userId}`);
  const home = homeId === undefined ? undefined : state.views.get(homeId)?.view;
  return {
    type: 'app_home_opened',
    user: userId,
    channel: dm.id,
    tab: 'home',
    event_ts: state.nextTs(),
    ...(home !== undefined ? { view: structuredClone(home) } : {}),
  };
}
