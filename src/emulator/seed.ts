import type { EmulatorState } from './state.ts';

// Fixed ids so tests and the sandbox can name people and places directly.
export const DEMO_TEAM_ID = 'T0DEMO';
export const DEMO_TEAM_NAME = 'Demo';
export const DEMO_TEAM_DOMAIN = 'demo';
export const DEMO_APP_ID = 'A0DEMOAPP';
export const DEMO_BOT_USER_ID = 'U0DEMOBOT';
export const DEMO_BOT_ID = 'B0DEMOBOT';
export const DEMO_BOT_TOKEN = 'xoxb-demo-bot-token';
/** App-level token (scope connections:write) for Socket Mode: SLACK_APP_TOKEN. */
export const DEMO_APP_TOKEN = 'xapp-demo-app-token';
/** Any string works as a signing secret; this one is shared by the sandbox and tests. */
export const DEMO_SIGNING_SECRET = 'demo-signing-secret-not-for-production';
export const DEMO_VERIFICATION_TOKEN = 'demoVerificationToken';

/** Workspace admin and owner. */
export const DEMO_ADMIN_ID = 'U0ADMIN';
export const DEMO_MANAGER_ID = 'U0MANAGER';
export const DEMO_COLLECTOR_ID = 'U0COLLECTOR';
/** In the workspace but not in #collections and given no role. */
export const DEMO_OUTSIDER_ID = 'U0OUTSIDER';

/** #collections: public, the bot and the team are members. */
export const DEMO_COLLECTIONS_CHANNEL_ID = 'C0COLLECTIONS';
/** #general: public, everyone but the bot. */
export const DEMO_GENERAL_CHANNEL_ID = 'C0GENERAL';
/** #board: private, the bot is not invited. */
export const DEMO_PRIVATE_CHANNEL_ID = 'C0BOARD';

export function seedDemo(state: EmulatorState): void {
  state.addWorkspace({
    id: DEMO_TEAM_ID,
    name: DEMO_TEAM_NAME,
    domain: DEMO_TEAM_DOMAIN,
    appId: DEMO_APP_ID,
    botUserId: DEMO_BOT_USER_ID,
    botId: DEMO_BOT_ID,
    botName: 'relance',
    isDefault: true,
  });
  state.addToken(DEMO_BOT_TOKEN, { teamId: DEMO_TEAM_ID });
  state.addToken(DEMO_APP_TOKEN, { teamId: DEMO_TEAM_ID, scopes: ['connections:write'] });
  state.addUser({
    id: DEMO_ADMIN_ID,
    name: 'alice',
    realName: 'Alice Martin',
    displayName: 'Alice',
    email: 'alice@demo.example',
    tz: 'Europe/Paris',
    isAdmin: true,
    isOwner: true,
    isPrimaryOwner: true,
  });
  state.addUser({
    id: DEMO_MANAGER_ID,
    name: 'marc',
    realName: 'Marc Dubois',
    displayName: 'Marc',
    email: 'marc@demo.example',
    tz: 'Europe/Paris',
  });
  state.addUser({
    id: DEMO_COLLECTOR_ID,
    name: 'chloe',
    realName: 'Chloé Bernard',
    displayName: 'Chloé',
    email: 'chloe@demo.example',
    tz: 'Europe/Paris',
  });
  state.addUser({
    id: DEMO_OUTSIDER_ID,
    name: 'oscar',
    realName: 'Oscar Reed',
    displayName: 'Oscar',
    email: 'oscar@demo.example',
    tz: 'America/New_York',
  });
  const everyone = [DEMO_ADMIN_ID, DEMO_MANAGER_ID, DEMO_COLLECTOR_ID, DEMO_OUTSIDER_ID];
  state.addChannel({
    id: DEMO_COLLECTIONS_CHANNEL_ID,
    name: 'collections',
    members: [DEMO_ADMIN_ID, DEMO_MANAGER_ID, DEMO_COLLECTOR_ID],
    botMember: true,
    purpose: 'Accounts receivable follow-up',
  });
  state.addChannel({ id: DEMO_GENERAL_CHANNEL_ID, name: 'general', members: everyone, isGeneral: true });
  state.addChannel({ id: DEMO_PRIVATE_CHANNEL_ID, name: 'board', isPrivate: true, members: [DEMO_ADMIN_ID, DEMO_MANAGER_ID] });
}
