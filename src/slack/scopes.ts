// The bot scopes relance needs and why: each Web API method it calls, each
// event it listens to. slack/manifest.json must ask for all of them (its test
// checks it), and `relance doctor` compares what the installed token was
// granted with what the manifest asks for.
import { readFileSync } from 'node:fs';

/**
 * Scopes each method needs, for every kind of conversation relance uses it on
 * (a method on a private channel needs the groups: scope, on a DM the im: one).
 */
export const METHOD_SCOPES: Readonly<Record<string, readonly string[]>> = {
  'auth.test': [],
  // chat:write.public: the digest and case threads go to public channels the bot was never invited to.
  'chat.postMessage': ['chat:write', 'chat:write.public'],
  'chat.postEphemeral': ['chat:write'],
  'chat.update': ['chat:write'],
  'chat.getPermalink': [],
  'conversations.info': ['channels:read', 'groups:read'],
  'conversations.join': ['channels:join'],
  'conversations.open': ['im:write'],
  // Read back only to recover a post (digest, DM) a crashed worker made but did not record; metadata names it.
  'conversations.history': ['channels:history', 'groups:history', 'im:history', 'metadata.message:read'],
  'conversations.replies': ['channels:history', 'groups:history', 'im:history', 'metadata.message:read'],
  'reactions.get': ['reactions:read'],
  'users.info': ['users:read'],
  'views.open': [],
  'views.update': [],
  'views.publish': [],
  'files.getUploadURLExternal': ['files:write'],
  'files.completeUploadExternal': ['files:write'],
};

/** The WebClient helpers relance calls, and the methods they call in turn. */
export const CLIENT_HELPERS: Readonly<Record<string, readonly string[]>> = {
  filesUploadV2: ['files.getUploadURLExternal', 'files.completeUploadExternal'],
};

/** Scopes the events relance listens to need to be delivered at all. */
export const EVENT_SCOPES: Readonly<Record<string, readonly string[]>> = {
  reaction_added: ['reactions:read'],
  reaction_removed: ['reactions:read'],
  app_home_opened: [],
};

/** A slash command needs `commands`. */
export const COMMAND_SCOPES: readonly string[] = ['commands'];

/** Every bot scope the code above needs, sorted. */
export function requiredBotScopes(): string[] {
  const all = new Set<string>(COMMAND_SCOPES);
  for (const scopes of [...Object.values(METHOD_SCOPES), ...Object.values(EVENT_SCOPES)]) for (const s of scopes) all.add(s);
  return [...all].sort();
}

/** The parts of slack/manifest.json that relance's checks read. */
export interface AppManifest {
  display_information: { name: string; description?: string; long_description?: string };
  features: {
    app_home?: { home_tab_enabled?: boolean; messages_tab_enabled?: boolean; messages_tab_read_only_enabled?: boolean };
    bot_user?: { display_name: string; always_online?: boolean };
    slash_commands?: { command: string; url?: string; description: string; usage_hint?: string; should_escape?: boolean }[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions?: { request_url?: string; bot_events?: string[] };
    interactivity?: { is_enabled: boolean; request_url?: string };
    socket_mode_enabled?: boolean;
  };
}

export const MANIFEST_PATH = new URL('../../slack/manifest.json', import.meta.url);

export function readManifest(path: URL | string = MANIFEST_PATH): AppManifest {
  return JSON.parse(readFileSync(path, 'utf8')) as AppManifest;
}

/** The manifest's bot scopes that `granted` lacks, in the manifest's order. */
export function missingScopes(manifestScopes: readonly string[], granted: Iterable<string>): string[] {
  const have = new Set(granted);
  return manifestScopes.filter((s) => !have.has(s));
}
