// What the sandbox page shows one person at one moment: the channels they can
// open, the open channel's messages with their own ephemerals mixed in, the
// open thread, their modal stack and their App Home. Read from the emulator
// only; the page renders it as Slack's client would.
import type { SlackEmulator } from '../emulator/emulator.ts';
import { compareTs } from '../emulator/ids.ts';
import type { Channel, Message, UploadedFile } from '../emulator/types.ts';
import type { ClientNotice } from './client-notices.ts';

type Obj = Record<string, unknown>;

export interface PersonView { key: string; id: string; name: string; role: string }

export interface ChannelView {
  id: string;
  name: string;
  kind: 'channel' | 'private' | 'app';
  member: boolean;
  purpose: string;
}

export interface FileView { id: string; name: string; title: string; url: string; mimetype: string; size: number }

export interface MessageView {
  ts: string;
  /** Who wrote it: a user id, `slackbot`, or the app's bot user. */
  author: string;
  authorName: string;
  isApp: boolean;
  text: string;
  blocks: unknown[];
  files: FileView[];
  reactions: { name: string; count: number; mine: boolean; users: string[] }[];
  replyCount: number;
  replyUsers: string[];
  latestReply?: string;
  threadTs?: string;
  edited: boolean;
  ephemeral: boolean;
  deleted: boolean;
}

export interface Snapshot {
  version: number;
  me: PersonView;
  people: PersonView[];
  command: string;
  hasOutbox: boolean;
  channels: ChannelView[];
  /** The open channel, or the app's DM (`kind: 'app'`). */
  channel: ChannelView;
  users: Record<string, { name: string; realName: string; isBot: boolean }>;
  channelNames: Record<string, string>;
  messages: MessageView[];
  thread: { ts: string; messages: MessageView[] } | null;
  /** The open modals, root first: the page shows the last. */
  modals: Obj[];
  home: Obj | null;
}

export const APP_CHANNEL = 'app';

const MIME_BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf', csv: 'text/csv; charset=utf-8', txt: 'text/plain; charset=utf-8', json: 'application/json',
  zip: 'application/zip', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', eml: 'text/plain; charset=utf-8',
  html: 'text/plain; charset=utf-8', md: 'text/plain; charset=utf-8',
};

/** Served inline when the browser can show it (the PDF letters open in a tab), otherwise downloaded. */
export function mimeTypeOf(filename: string): string {
  const extension = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase() ?? '';
  return MIME_BY_EXTENSION[extension] ?? 'application/octet-stream';
}

function channelView(channel: Channel, userId: string): ChannelView {
  return {
    id: channel.id,
    name: channel.name,
    kind: channel.isPrivate ? 'private' : 'channel',
    member: channel.members.has(userId),
    purpose: channel.purpose,
  };
}

/** Public channels, and private ones the person is in, as Slack's sidebar lists them. */
export function visibleChannels(emulator: SlackEmulator, userId: string): ChannelView[] {
  return [...emulator.state.channels.values()]
    .filter((c) => !c.isIm && !c.isArchived && (!c.isPrivate || c.members.has(userId)))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((c) => channelView(c, userId));
}

/** The DM between the person and the app, if either has written in it yet. */
export function appDmId(emulator: SlackEmulator, userId: string): string | undefined {
  const botUserId = emulator.state.workspace(emulator.state.defaultTeamId ?? '').botUserId;
  for (const channel of emulator.state.channels.values()) {
    if (channel.isIm && channel.imUsers?.includes(userId) && channel.imUsers.includes(botUserId)) return channel.id;
  }
  return undefined;
}

function fileView(file: unknown, stored: Map<string, UploadedFile>): FileView | undefined {
  const shape = file as Obj;
  const id = typeof shape.id === 'string' ? shape.id : undefined;
  const known = id === undefined ? undefined : stored.get(id);
  if (id === undefined || known === undefined) return undefined;
  return {
    id,
    name: known.filename,
    title: known.title ?? known.filename,
    url: `/files/${id}/${encodeURIComponent(known.filename)}`,
    mimetype: mimeTypeOf(known.filename),
    size: known.bytes?.length ?? known.length,
  };
}

function messageView(emulator: SlackEmulator, m: Message, userId: string): MessageView {
  const botUserId = emulator.state.workspace(emulator.state.defaultTeamId ?? '').botUserId;
  const author = m.user ?? (m.bot_id !== undefined ? botUserId : 'unknown');
  const user = emulator.state.user(author);
  return {
    ts: m.ts,
    author,
    authorName: m.bot_profile?.name ?? user?.displayName ?? user?.realName ?? user?.name ?? author,
    isApp: m.bot_id !== undefined || user?.isBot === true,
    text: m.text,
    blocks: m.blocks ?? [],
    files: (m.files ?? []).map((f) => fileView(f, emulator.state.files)).filter((f): f is FileView => f !== undefined),
    reactions: (m.reactions ?? []).map((r) => ({ name: r.name, count: r.count, mine: r.users.includes(userId), users: r.users })),
    replyCount: m.reply_count ?? 0,
    replyUsers: m.reply_users ?? [],
    ...(m.latest_reply !== undefined ? { latestReply: m.latest_reply } : {}),
    ...(m.thread_ts !== undefined ? { threadTs: m.thread_ts } : {}),
    edited: m.edited !== undefined,
    ephemeral: false,
    deleted: m.subtype === 'tombstone',
  };
}

function ephemeralView(emulator: SlackEmulator, e: { ts: string; text: string; blocks?: unknown[]; threadTs?: string; from?: string }): MessageView {
  const botUserId = emulator.state.workspace(emulator.state.defaultTeamId ?? '').botUserId;
  const fromSlackbot = e.from === 'slackbot';
  return {
    ts: e.ts,
    author: fromSlackbot ? 'slackbot' : botUserId,
    authorName: fromSlackbot ? 'Slackbot' : emulator.state.user(botUserId)?.name ?? 'app',
    isApp: !fromSlackbot,
    text: e.text,
    blocks: e.blocks ?? [],
    files: [],
    reactions: [],
    replyCount: 0,
    replyUsers: [],
    ...(e.threadTs !== undefined ? { threadTs: e.threadTs } : {}),
    edited: false,
    ephemeral: true,
    deleted: false,
  };
}

const byTs = (a: MessageView, b: MessageView) => compareTs(a.ts, b.ts);

export interface SnapshotRequest {
  version: number;
  me: PersonView;
  people: PersonView[];
  command: string;
  hasOutbox: boolean;
  channelId: string;
  threadTs?: string;
  notices: ClientNotice[];
}

export function buildSnapshot(emulator: SlackEmulator, request: SnapshotRequest): Snapshot {
  const { state } = emulator;
  const userId = request.me.id;
  const channels = visibleChannels(emulator, userId);
  const isApp = request.channelId === APP_CHANNEL;
  const dmId = isApp ? appDmId(emulator, userId) : undefined;
  const channelId = isApp ? dmId : request.channelId;
  const stored = channelId === undefined ? undefined : state.channels.get(channelId);
  const channel: ChannelView = isApp
    ? { id: APP_CHANNEL, name: state.user(state.workspace(state.defaultTeamId ?? '').botUserId)?.name ?? 'app', kind: 'app', member: true, purpose: '' }
    : stored !== undefined ? channelView(stored, userId) : { id: request.channelId, name: request.channelId, kind: 'channel', member: false, purpose: '' };

  const ephemerals = channelId === undefined ? [] : [
    ...emulator.ephemerals({ channel: channelId, user: userId }).map((e) => ephemeralView(emulator, e)),
    ...request.notices.filter((n) => n.channelId === channelId && n.userId === userId).map((n) => ephemeralView(emulator, n)),
  ];
  const messages = channelId === undefined ? [] : [
    ...emulator.messages(channelId).map((m) => messageView(emulator, m, userId)),
    ...ephemerals.filter((e) => e.threadTs === undefined),
  ].sort(byTs);

  let thread: Snapshot['thread'] = null;
  if (channelId !== undefined && request.threadTs !== undefined && emulator.message(channelId, request.threadTs) !== undefined) {
    const threadTs = request.threadTs;
    thread = {
      ts: threadTs,
      messages: [
        ...emulator.messages(channelId, { threadTs }).map((m) => messageView(emulator, m, userId)),
        ...ephemerals.filter((e) => e.threadTs === threadTs),
      ].sort(byTs),
    };
  }

  const users: Snapshot['users'] = {};
  for (const u of state.users.values()) users[u.id] = { name: u.displayName || u.realName || u.name, realName: u.realName, isBot: u.isBot };
  const channelNames: Record<string, string> = {};
  for (const c of state.channels.values()) if (!c.isIm) channelNames[c.id] = c.name;

  return {
    version: request.version,
    me: request.me,
    people: request.people,
    command: request.command,
    hasOutbox: request.hasOutbox,
    channels,
    channel,
    users,
    channelNames,
    messages,
    thread,
    modals: emulator.openViews(userId),
    home: emulator.home(userId) ?? null,
  };
}
