import type { Clock } from './clock.ts';
import { realClock } from './clock.ts';
import { slackId, TsGenerator } from './ids.ts';
import { MessageStore } from './message-store.ts';
import type {
  CallRecord,
  Channel,
  Ephemeral,
  TokenGrant,
  UploadedFile,
  User,
  ViewRecord,
  Workspace,
} from './types.ts';

export interface WorkspaceInput {
  id?: string;
  name: string;
  domain?: string;
  enterpriseId?: string;
  appId?: string;
  botUserId?: string;
  botId?: string;
  botName?: string;
  scopes?: Iterable<string>;
  /** Tokens not registered anywhere resolve to the default workspace. */
  isDefault?: boolean;
}

export interface UserInput {
  id?: string;
  teamId?: string;
  name: string;
  realName?: string;
  displayName?: string;
  tz?: string;
  email?: string;
  isAdmin?: boolean;
  isOwner?: boolean;
  isPrimaryOwner?: boolean;
  isBot?: boolean;
  isRestricted?: boolean;
}

export interface ChannelInput {
  id?: string;
  teamId?: string;
  name: string;
  isPrivate?: boolean;
  members?: string[];
  /** Whether the workspace's bot user is a member. */
  botMember?: boolean;
  isGeneral?: boolean;
  isArchived?: boolean;
  topic?: string;
  purpose?: string;
}

/** What relance's manifest asks for (see SLACK-NOTES.md). */
export const RELANCE_BOT_SCOPES = [
  'commands',
  'chat:write',
  'chat:write.public',
  'reactions:read',
  'users:read',
  'im:write',
  'files:write',
  'channels:read',
  // Read back only to recover a digest a crashed worker posted but did not record.
  'channels:history',
  'groups:history',
  // Read back only to recover a DM (a broken promise to its case's owner) a crashed worker posted but did not record.
  'im:history',
  'groups:read',
  'channels:join',
  'metadata.message:read',
] as const;

/** Everything the emulated platform knows, in memory. Mutated only through the API or these helpers. */
export class EmulatorState {
  readonly clock: Clock;
  readonly workspaces = new Map<string, Workspace>();
  readonly users = new Map<string, User>();
  readonly channels = new Map<string, Channel>();
  readonly tokens = new Map<string, TokenGrant>();
  readonly messages = new MessageStore();
  readonly ephemerals: Ephemeral[] = [];
  readonly views = new Map<string, ViewRecord>();
  /** `${teamId}:${userId}` → id of the published Home view. */
  readonly homes = new Map<string, string>();
  readonly files = new Map<string, UploadedFile>();
  readonly calls: CallRecord[] = [];
  readonly ts = new TsGenerator();
  defaultTeamId: string | undefined;
  /** Any `xoxb-` token is the default workspace's bot unless turned off. */
  acceptAnyBotToken = true;
  /** The most messages conversations.history and .replies return per call, whatever `limit` asks. */
  historyPageLimit: number | undefined;
  readonly #listeners = new Set<() => void>();

  constructor(clock: Clock = realClock) {
    this.clock = clock;
  }

  now(): number {
    return this.clock();
  }

  nextTs(): string {
    return this.ts.next(this.clock());
  }

  addWorkspace(input: WorkspaceInput): Workspace {
    const id = input.id ?? slackId('T');
    const workspace: Workspace = {
      id,
      name: input.name,
      domain: input.domain ?? input.name.toLowerCase().replace(/[^a-z0-9-]+/g, '-'),
      appId: input.appId ?? slackId('A'),
      botUserId: input.botUserId ?? slackId('U'),
      botId: input.botId ?? slackId('B'),
      scopes: new Set(input.scopes ?? RELANCE_BOT_SCOPES),
      ...(input.enterpriseId !== undefined ? { enterpriseId: input.enterpriseId } : {}),
    };
    this.workspaces.set(id, workspace);
    if (input.isDefault || this.defaultTeamId === undefined) this.defaultTeamId = id;
    const botName = input.botName ?? 'relance';
    this.users.set(workspace.botUserId, {
      id: workspace.botUserId,
      teamId: id,
      name: botName,
      realName: botName,
      displayName: '',
      tz: 'America/Los_Angeles',
      isAdmin: false,
      isOwner: false,
      isPrimaryOwner: false,
      isBot: true,
      isRestricted: false,
      deleted: false,
      botId: workspace.botId,
    });
    this.notify();
    return workspace;
  }

  addUser(input: UserInput): User {
    const teamId = input.teamId ?? this.#defaultTeam();
    const user: User = {
      id: input.id ?? slackId('U'),
      teamId,
      name: input.name,
      realName: input.realName ?? input.name,
      displayName: input.displayName ?? input.name,
      tz: input.tz ?? 'Europe/Paris',
      isAdmin: input.isAdmin ?? false,
      isOwner: input.isOwner ?? false,
      isPrimaryOwner: input.isPrimaryOwner ?? false,
      isBot: input.isBot ?? false,
      isRestricted: input.isRestricted ?? false,
      deleted: false,
      ...(input.email !== undefined ? { email: input.email } : {}),
    };
    this.users.set(user.id, user);
    this.notify();
    return user;
  }

  addChannel(input: ChannelInput): Channel {
    const teamId = input.teamId ?? this.#defaultTeam();
    const members = new Set(input.members ?? []);
    if (input.botMember) members.add(this.workspace(teamId).botUserId);
    const channel: Channel = {
      id: input.id ?? slackId('C'),
      teamId,
      name: input.name.replace(/^#/, ''),
      isPrivate: input.isPrivate ?? false,
      isIm: false,
      members,
      created: Math.floor(this.clock() / 1000),
      creator: [...members][0] ?? '',
      isArchived: input.isArchived ?? false,
      isGeneral: input.isGeneral ?? false,
      topic: input.topic ?? '',
      purpose: input.purpose ?? '',
    };
    this.channels.set(channel.id, channel);
    this.notify();
    return channel;
  }

  /** Puts a user (or the bot: pass its user id) in a channel, as an invitation would. */
  addMember(channelId: string, userId: string): void {
    const channel = this.channels.get(channelId);
    if (channel === undefined) throw new Error(`emulator: no channel ${channelId}`);
    channel.members.add(userId);
    this.notify();
  }

  /** Takes a user (or the bot) out of a channel, as /remove or leaving would. */
  removeMember(channelId: string, userId: string): void {
    const channel = this.channels.get(channelId);
    if (channel === undefined) throw new Error(`emulator: no channel ${channelId}`);
    channel.members.delete(userId);
    this.notify();
  }

  /** Registers a token. A user token (`isBot: false`) acts as that user with every scope. */
  addToken(token: string, grant: { teamId?: string; userId?: string; scopes?: Iterable<string> } = {}): TokenGrant {
    const teamId = grant.teamId ?? this.#defaultTeam();
    const workspace = this.workspace(teamId);
    const userId = grant.userId ?? workspace.botUserId;
    const isBot = userId === workspace.botUserId;
    const entry: TokenGrant = {
      teamId,
      userId,
      isBot,
      scopes: grant.scopes !== undefined ? new Set(grant.scopes) : isBot ? workspace.scopes : null,
    };
    this.tokens.set(token, entry);
    return entry;
  }

  resolveToken(token: string): TokenGrant | undefined {
    const known = this.tokens.get(token);
    if (known !== undefined) return known;
    if (!this.acceptAnyBotToken || !token.startsWith('xoxb-') || this.defaultTeamId === undefined) return undefined;
    const workspace = this.workspace(this.defaultTeamId);
    return { teamId: workspace.id, userId: workspace.botUserId, isBot: true, scopes: workspace.scopes };
  }

  grantScopes(teamId: string, scopes: string[]): void {
    const workspace = this.workspace(teamId);
    for (const scope of scopes) workspace.scopes.add(scope);
  }

  revokeScopes(teamId: string, scopes: string[]): void {
    const workspace = this.workspace(teamId);
    for (const scope of scopes) workspace.scopes.delete(scope);
  }

  workspace(teamId: string): Workspace {
    const workspace = this.workspaces.get(teamId);
    if (workspace === undefined) throw new Error(`emulator: no workspace ${teamId}`);
    return workspace;
  }

  user(userId: string): User | undefined {
    return this.users.get(userId);
  }

  /** By id, or by name (`general`, `#general`) as chat.postMessage allows. */
  findChannel(teamId: string, idOrName: string): Channel | undefined {
    const byId = this.channels.get(idOrName);
    if (byId !== undefined) return byId.teamId === teamId ? byId : undefined;
    const name = idOrName.replace(/^#/, '');
    for (const channel of this.channels.values()) {
      if (channel.teamId === teamId && !channel.isIm && channel.name === name) return channel;
    }
    return undefined;
  }

  /** The DM between two users, created on first use. */
  openDm(teamId: string, a: string, b: string): { channel: Channel; created: boolean } {
    for (const channel of this.channels.values()) {
      if (channel.isIm && channel.imUsers?.includes(a) && channel.imUsers.includes(b)) return { channel, created: false };
    }
    const channel = this.#addConversation({ id: slackId('D'), teamId, name: '', isIm: true, imUsers: [a, b], members: new Set([a, b]), creator: a });
    return { channel, created: true };
  }

  /** The group DM of exactly these users (the opener included), created on first use, as Slack does. */
  openGroupDm(teamId: string, opener: string, others: readonly string[]): { channel: Channel; created: boolean } {
    const everyone = [...new Set([opener, ...others])];
    for (const channel of this.channels.values()) {
      if (channel.isMpim && channel.teamId === teamId && channel.members.size === everyone.length && everyone.every((u) => channel.members.has(u))) {
        return { channel, created: false };
      }
    }
    const names = everyone.map((u) => this.user(u)?.name ?? u.toLowerCase());
    const channel = this.#addConversation({
      id: slackId('G'), teamId, name: `mpdm-${names.join('--')}-1`, isIm: false, isMpim: true, members: new Set(everyone), creator: opener,
    });
    return { channel, created: true };
  }

  /** A private conversation (a DM or a group DM) as Slack creates one on first use. */
  #addConversation(fields: Pick<Channel, 'id' | 'teamId' | 'name' | 'isIm' | 'members' | 'creator'> & Partial<Channel>): Channel {
    const channel: Channel = {
      isPrivate: true, created: Math.floor(this.clock() / 1000), isArchived: false, isGeneral: false, topic: '', purpose: '', ...fields,
    };
    this.channels.set(channel.id, channel);
    return channel;
  }

  /** Called after every change so waiters can re-check. */
  notify(): void {
    for (const listener of [...this.#listeners]) listener();
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #defaultTeam(): string {
    if (this.defaultTeamId === undefined) throw new Error('emulator: add a workspace first');
    return this.defaultTeamId;
  }
}
