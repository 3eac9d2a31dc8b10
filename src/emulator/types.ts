// The emulator's model of a Slack organisation. Field names are camelCase here;
// the Slack wire shapes (snake_case) are built in `shapes.ts`.

export type Args = Record<string, unknown>;

export interface Workspace {
  id: string;
  name: string;
  domain: string;
  enterpriseId?: string;
  appId: string;
  botUserId: string;
  botId: string;
  /** Scopes granted to the bot token; checked per method like Slack does. */
  scopes: Set<string>;
}

export interface User {
  id: string;
  teamId: string;
  name: string;
  realName: string;
  displayName: string;
  tz: string;
  email?: string;
  isAdmin: boolean;
  isOwner: boolean;
  isPrimaryOwner: boolean;
  isBot: boolean;
  isRestricted: boolean;
  deleted: boolean;
  botId?: string;
}

export interface Channel {
  id: string;
  teamId: string;
  /** Empty for direct messages. */
  name: string;
  isPrivate: boolean;
  isIm: boolean;
  /** For a DM: the two participants. */
  imUsers?: [string, string];
  /** A group DM (mpim): private, named after its members, its members fixed when opened. */
  isMpim?: boolean;
  members: Set<string>;
  created: number;
  creator: string;
  isArchived: boolean;
  isGeneral: boolean;
  topic: string;
  purpose: string;
}

export interface Reaction {
  name: string;
  users: string[];
  count: number;
}

export interface MessageMetadata {
  event_type: string;
  event_payload: unknown;
}

/** A message as Slack returns it from history (wire shape). */
export interface Message {
  type: 'message';
  ts: string;
  team: string;
  text: string;
  user?: string;
  bot_id?: string;
  app_id?: string;
  subtype?: string;
  blocks?: unknown[];
  attachments?: unknown[];
  thread_ts?: string;
  parent_user_id?: string;
  reply_count?: number;
  reply_users?: string[];
  reply_users_count?: number;
  latest_reply?: string;
  metadata?: MessageMetadata;
  reactions?: Reaction[];
  edited?: { user: string; ts: string };
  files?: unknown[];
  upload?: boolean;
  display_as_bot?: boolean;
  bot_profile?: { id: string; app_id: string; name: string; deleted: boolean; team_id: string };
}

export interface Revision {
  at: number;
  text: string;
  blocks?: unknown[];
}

export interface MessageRecord {
  channel: string;
  message: Message;
  /** Earlier versions, oldest first, kept when `chat.update` edits the message. */
  revisions: Revision[];
  unfurlLinks?: boolean;
  unfurlMedia?: boolean;
}

export interface Ephemeral {
  channel: string;
  user: string;
  ts: string;
  text: string;
  blocks?: unknown[];
  threadTs?: string;
  /** `api` for chat.postEphemeral, `response_url` for replies through a response URL. */
  via: 'api' | 'response_url';
  at: number;
}

export interface ViewRecord {
  id: string;
  teamId: string;
  userId: string;
  /** The view as Slack would return it (wire shape). */
  view: Record<string, unknown>;
  rootViewId: string;
  previousViewId: string | null;
  open: boolean;
}

export interface UploadedFile {
  id: string;
  teamId: string;
  userId: string;
  filename: string;
  length: number;
  altText?: string;
  title?: string;
  uploadToken: string;
  bytes?: Buffer;
  created: number;
  completed: boolean;
  /** Where it was shared on completion. */
  channelId?: string;
  threadTs?: string;
  messageTs?: string;
}

export interface CallRecord {
  method: string;
  args: Args;
  at: number;
  teamId?: string;
  userId?: string;
  status: number;
  response: Record<string, unknown>;
}

export interface TokenGrant {
  teamId: string;
  userId: string;
  isBot: boolean;
  /** null: every scope (user tokens of the sandbox). */
  scopes: Set<string> | null;
}
