import type { WebAPIPlatformError } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SlackEmulator } from '../../src/emulator/index.ts';
import {
  DEMO_ADMIN_ID,
  DEMO_BOT_ID,
  DEMO_BOT_USER_ID,
  DEMO_COLLECTIONS_CHANNEL_ID,
  DEMO_COLLECTOR_ID,
  DEMO_GENERAL_CHANNEL_ID,
  DEMO_MANAGER_ID,
  DEMO_OUTSIDER_ID,
  DEMO_PRIVATE_CHANNEL_ID,
  DEMO_TEAM_ID,
  startSlackEmulator,
} from '../../src/emulator/index.ts';
import { botClient } from './support.ts';

let emulator: SlackEmulator;
let client: ReturnType<typeof botClient>;

beforeEach(async () => {
  emulator = await startSlackEmulator();
  client = botClient(emulator);
});

afterEach(async () => {
  await emulator.close();
});

async function slackError(promise: Promise<unknown>): Promise<WebAPIPlatformError['data']> {
  const error = (await promise.then(
    () => expect.fail('expected the call to fail'),
    (e: unknown) => e,
  )) as WebAPIPlatformError;
  expect(error.code).toBe('slack_webapi_platform_error');
  return error.data;
}

describe('identity', () => {
  it('answers auth.test like Slack for the bot token', async () => {
    const auth = await client.auth.test();
    expect(auth).toMatchObject({
      ok: true,
      team_id: DEMO_TEAM_ID,
      team: 'Demo',
      user_id: DEMO_BOT_USER_ID,
      bot_id: DEMO_BOT_ID,
      url: 'https://demo.slack.com/',
    });
    // The scope header is turned into response_metadata by the WebClient.
    expect(auth.response_metadata?.scopes).toContain('chat:write');
  });

  it('accepts any xoxb- token, refuses others, and can be made strict', async () => {
    await expect(botClient(emulator, {}, 'xoxb-whatever').auth.test()).resolves.toMatchObject({ ok: true });
    const bad = botClient(emulator, {}, 'not-a-token');
    expect(await slackError(bad.auth.test())).toMatchObject({ ok: false, error: 'invalid_auth' });
    emulator.state.acceptAnyBotToken = false;
    const other = botClient(emulator, {}, 'xoxb-unregistered');
    expect((await slackError(other.auth.test())).error).toBe('invalid_auth');
    await expect(client.auth.test()).resolves.toMatchObject({ ok: true });
  });

  it('returns users with time zone, roles and display name', async () => {
    const { user } = await client.users.info({ user: DEMO_ADMIN_ID });
    expect(user).toMatchObject({
      id: DEMO_ADMIN_ID,
      team_id: DEMO_TEAM_ID,
      name: 'alice',
      real_name: 'Alice Martin',
      tz: 'Europe/Paris',
      is_admin: true,
      is_owner: true,
      is_bot: false,
      profile: { display_name: 'Alice' },
    });
    expect([3600, 7200]).toContain(user?.tz_offset);
    // No users:read.email scope, no email — as in Slack.
    expect(user?.profile?.email).toBeUndefined();
    const list = await client.users.list({});
    expect(list.members?.map((m) => m.id)).toEqual(expect.arrayContaining([DEMO_BOT_USER_ID, DEMO_COLLECTOR_ID, DEMO_OUTSIDER_ID]));
    expect((await slackError(client.users.info({ user: 'UNOBODY' }))).error).toBe('user_not_found');
  });

  it('refuses methods whose scope the app lacks', async () => {
    const data = await slackError(client.team.info());
    expect(data).toMatchObject({ error: 'missing_scope', needed: 'team:read' });
    emulator.state.grantScopes(DEMO_TEAM_ID, ['team:read']);
    await expect(client.team.info()).resolves.toMatchObject({ team: { id: DEMO_TEAM_ID, domain: 'demo' } });
  });

  it('answers unknown_method for methods it does not know', async () => {
    expect((await slackError(client.apiCall('chat.scheduleMessage', { channel: 'C1' }))).error).toBe('unknown_method');
  });
});

describe('messages', () => {
  it('posts a thread and reads it back with metadata', async () => {
    const parent = await client.chat.postMessage({
      channel: DEMO_COLLECTIONS_CHANNEL_ID,
      text: 'Case ACME-1',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*ACME* owes 1 200 €' } }],
      metadata: { event_type: 'case_thread', event_payload: { case_id: 'c1' } },
    });
    expect(parent.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(parent.message).toMatchObject({ user: DEMO_BOT_USER_ID, bot_id: DEMO_BOT_ID, text: 'Case ACME-1' });
    const replyA = await client.chat.postMessage({ channel: DEMO_COLLECTIONS_CHANNEL_ID, thread_ts: parent.ts!, text: 'Called, no answer' });
    const replyB = await client.chat.postMessage({ channel: DEMO_COLLECTIONS_CHANNEL_ID, thread_ts: replyA.ts!, text: 'Promise 500 €' });
    expect(replyB.message?.thread_ts).toBe(parent.ts);
    expect(Number(replyB.ts)).toBeGreaterThan(Number(replyA.ts));

    const replies = await emulatorReplies(parent.ts!);
    expect(replies.map((m) => m.text)).toEqual(['Case ACME-1', 'Called, no answer', 'Promise 500 €']);
    expect(replies[0]).toMatchObject({ reply_count: 2, reply_users: [DEMO_BOT_USER_ID], latest_reply: replyB.ts });
    expect(replies[0]?.metadata).toEqual({ event_type: 'case_thread', event_payload: { case_id: 'c1' } });
    // History shows the parent only; replies stay in the thread.
    expect(emulator.messages(DEMO_COLLECTIONS_CHANNEL_ID).map((m) => m.ts)).toEqual([parent.ts]);
  });

  async function emulatorReplies(ts: string) {
    emulator.state.grantScopes(DEMO_TEAM_ID, ['channels:history']);
    const result = await client.conversations.replies({ channel: DEMO_COLLECTIONS_CHANNEL_ID, ts, include_all_metadata: true });
    return result.messages ?? [];
  }

  it('gives unique increasing ts even on a frozen clock', async () => {
    const ts: string[] = [];
    for (let i = 0; i < 5; i += 1) ts.push((await client.chat.postMessage({ channel: DEMO_COLLECTIONS_CHANNEL_ID, text: `m${i}` })).ts!);
    expect(new Set(ts).size).toBe(5);
    expect([...ts].sort()).toEqual(ts);
  });

  it('posts where Slack lets a bot post, and refuses like Slack elsewhere', async () => {
    // chat:write.public: a public channel the bot has not joined is fine…
    await expect(client.chat.postMessage({ channel: DEMO_GENERAL_CHANNEL_ID, text: 'hi' })).resolves.toMatchObject({ ok: true });
    // …until the scope is gone.
    emulator.state.revokeScopes(DEMO_TEAM_ID, ['chat:write.public']);
    expect((await slackError(client.chat.postMessage({ channel: DEMO_GENERAL_CHANNEL_ID, text: 'hi' }))).error).toBe('not_in_channel');
    await client.conversations.join({ channel: DEMO_GENERAL_CHANNEL_ID });
    await expect(client.chat.postMessage({ channel: 'general', text: 'by name' })).resolves.toMatchObject({ channel: DEMO_GENERAL_CHANNEL_ID });
    // A private channel the bot is not in does not exist for it.
    expect((await slackError(client.chat.postMessage({ channel: DEMO_PRIVATE_CHANNEL_ID, text: 'hi' }))).error).toBe('channel_not_found');
    expect((await slackError(client.conversations.join({ channel: DEMO_PRIVATE_CHANNEL_ID }))).error).toBe('channel_not_found');
    expect((await slackError(client.chat.postMessage({ channel: 'CNOPE', text: 'hi' }))).error).toBe('channel_not_found');
  });

  it('validates content like chat.postMessage', async () => {
    const post = (args: Record<string, unknown>) => client.apiCall('chat.postMessage', { channel: DEMO_COLLECTIONS_CHANNEL_ID, ...args });
    expect((await slackError(post({}))).error).toBe('no_text');
    expect((await slackError(post({ text: 'x'.repeat(40_001) }))).error).toBe('msg_too_long');
    const divider = { type: 'divider' };
    const tooMany = await slackError(post({ text: 't', blocks: Array.from({ length: 51 }, () => divider) }));
    expect(tooMany).toMatchObject({ error: 'invalid_blocks', errors: ['must be less than 51 items [json-pointer:/blocks]'] });
    const long = await slackError(post({ text: 't', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(3001) } }] }));
    expect(long.error).toBe('invalid_blocks');
    expect(long.response_metadata?.messages?.[0]).toContain('/blocks/0/text/text');
    await expect(post({ text: 't', blocks: Array.from({ length: 50 }, () => divider) })).resolves.toMatchObject({ ok: true });
    expect(emulator.messages(DEMO_COLLECTIONS_CHANNEL_ID)).toHaveLength(1);
  });

  it('keeps edits, deletions, reactions and permalinks', async () => {
    const posted = await client.chat.postMessage({ channel: DEMO_COLLECTIONS_CHANNEL_ID, text: 'v1' });
    const ts = posted.ts!;
    const updated = await client.chat.update({ channel: DEMO_COLLECTIONS_CHANNEL_ID, ts, text: 'v2' });
    expect(updated).toMatchObject({ ts, text: 'v2', message: { edited: { user: DEMO_BOT_USER_ID } } });
    expect(emulator.revisions(DEMO_COLLECTIONS_CHANNEL_ID, ts).map((r) => r.text)).toEqual(['v1']);

    emulator.addReaction(DEMO_COLLECTOR_ID, DEMO_COLLECTIONS_CHANNEL_ID, ts, 'raising_hand');
    expect(emulator.message(DEMO_COLLECTIONS_CHANNEL_ID, ts)?.reactions).toEqual([{ name: 'raising_hand', users: [DEMO_COLLECTOR_ID], count: 1 }]);
    // The bot lacks reactions:write, as relance's manifest does.
    expect((await slackError(client.reactions.add({ channel: DEMO_COLLECTIONS_CHANNEL_ID, timestamp: ts, name: 'eyes' }))).error).toBe('missing_scope');

    const link = await client.chat.getPermalink({ channel: DEMO_COLLECTIONS_CHANNEL_ID, message_ts: ts });
    expect(link.permalink).toBe(`https://demo.slack.com/archives/${DEMO_COLLECTIONS_CHANNEL_ID}/p${ts.replace('.', '')}`);

    await client.chat.delete({ channel: DEMO_COLLECTIONS_CHANNEL_ID, ts });
    expect(emulator.message(DEMO_COLLECTIONS_CHANNEL_ID, ts)).toBeUndefined();
    expect((await slackError(client.chat.update({ channel: DEMO_COLLECTIONS_CHANNEL_ID, ts, text: 'v3' }))).error).toBe('message_not_found');
  });

  it('records ephemerals apart from history and only for channel members', async () => {
    const eph = await client.chat.postEphemeral({ channel: DEMO_COLLECTIONS_CHANNEL_ID, user: DEMO_COLLECTOR_ID, text: 'only you' });
    expect(eph.message_ts).toBeDefined();
    expect(emulator.ephemerals({ user: DEMO_COLLECTOR_ID })).toMatchObject([{ text: 'only you', channel: DEMO_COLLECTIONS_CHANNEL_ID, via: 'api' }]);
    expect(emulator.messages(DEMO_COLLECTIONS_CHANNEL_ID)).toEqual([]);
    const refused = await slackError(client.chat.postEphemeral({ channel: DEMO_COLLECTIONS_CHANNEL_ID, user: DEMO_OUTSIDER_ID, text: 'x' }));
    expect(refused.error).toBe('user_not_in_channel');
  });

  it('opens DMs with D ids and posts to them', async () => {
    const opened = await client.conversations.open({ users: DEMO_COLLECTOR_ID });
    const dm = opened.channel?.id;
    expect(dm).toMatch(/^D/);
    const again = await client.conversations.open({ users: DEMO_COLLECTOR_ID });
    expect(again).toMatchObject({ already_open: true, channel: { id: dm } });
    await client.chat.postMessage({ channel: dm!, text: 'Call ACME today' });
    // Posting to a user id lands in the same DM.
    const viaUser = await client.chat.postMessage({ channel: DEMO_COLLECTOR_ID, text: 'And BETA' });
    expect(viaUser.channel).toBe(dm);
    expect(emulator.messages(dm!).map((m) => m.text)).toEqual(['Call ACME today', 'And BETA']);
  });

  it('opens a group DM only with the mpim:write scope, which relance does not ask for', async () => {
    const users = `${DEMO_COLLECTOR_ID},${DEMO_MANAGER_ID}`;
    expect(await slackError(client.conversations.open({ users }))).toMatchObject({ error: 'missing_scope', needed: 'mpim:write' });
    emulator.state.grantScopes(DEMO_TEAM_ID, ['mpim:write']);
    const opened = await client.conversations.open({ users, return_im: true });
    expect(opened.channel).toMatchObject({ is_mpim: true, is_private: true });
    const group = opened.channel?.id;
    expect(group).toMatch(/^G/);
    expect(await client.conversations.open({ users: `${DEMO_MANAGER_ID},${DEMO_COLLECTOR_ID}` })).toMatchObject({ already_open: true, channel: { id: group } });
    await client.chat.postMessage({ channel: group!, text: 'Both of you: ACME' });
    expect(emulator.messages(group!).map((m) => m.text)).toEqual(['Both of you: ACME']);
    expect(await slackError(client.conversations.open({ users: `${DEMO_COLLECTOR_ID},UNOBODY` }))).toMatchObject({ error: 'user_not_found' });
  });

  it('logs every call with its arguments and answer', async () => {
    await client.chat.postMessage({ channel: DEMO_COLLECTIONS_CHANNEL_ID, text: 'logged', blocks: [{ type: 'divider' }] });
    await client.chat.postMessage({ channel: 'CNOPE', text: 'x' }).catch(() => undefined);
    const calls = emulator.calls('chat.postMessage');
    expect(calls).toHaveLength(2);
    expect(calls[0]).toMatchObject({ args: { text: 'logged', blocks: [{ type: 'divider' }] }, response: { ok: true }, status: 200 });
    expect(calls[0]?.args).not.toHaveProperty('token');
    expect(calls[1]?.response).toEqual({ ok: false, error: 'channel_not_found' });
  });

  it('reads conversations.info with is_member', async () => {
    const info = await client.conversations.info({ channel: DEMO_COLLECTIONS_CHANNEL_ID });
    expect(info.channel).toMatchObject({ id: DEMO_COLLECTIONS_CHANNEL_ID, name: 'collections', is_private: false, is_member: true });
    const general = await client.conversations.info({ channel: DEMO_GENERAL_CHANNEL_ID });
    expect(general.channel?.is_member).toBe(false);
    const members = await client.conversations.members({ channel: DEMO_COLLECTIONS_CHANNEL_ID });
    expect(members.members).toContain(DEMO_BOT_USER_ID);
  });
});

describe('wire formats and other callers', () => {
  it('takes JSON bodies with a Bearer token, and form bodies with a token field', async () => {
    const asJson = await fetch(`${emulator.apiUrl}chat.postMessage`, {
      method: 'POST',
      headers: { Authorization: 'Bearer xoxb-json', 'Content-Type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ channel: DEMO_COLLECTIONS_CHANNEL_ID, text: 'json', blocks: [{ type: 'divider' }] }),
    });
    expect(await asJson.json()).toMatchObject({ ok: true, message: { blocks: [{ type: 'divider' }] } });
    const asForm = await fetch(`${emulator.apiUrl}auth.test`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'token=xoxb-form',
    });
    expect(await asForm.json()).toMatchObject({ ok: true, user_id: DEMO_BOT_USER_ID });
    const anonymous = await fetch(`${emulator.apiUrl}auth.test`, { method: 'POST' });
    expect(await anonymous.json()).toEqual({ ok: false, error: 'not_authed' });
  });

  it('lets a registered user token act as that person', async () => {
    emulator.state.addToken('xoxp-chloe', { userId: DEMO_COLLECTOR_ID });
    const chloe = botClient(emulator, {}, 'xoxp-chloe');
    const bot = await client.chat.postMessage({ channel: DEMO_COLLECTIONS_CHANNEL_ID, text: 'Case GAMMA' });
    await chloe.reactions.add({ channel: DEMO_COLLECTIONS_CHANNEL_ID, timestamp: bot.ts!, name: 'raising_hand' });
    const said = await chloe.chat.postMessage({ channel: DEMO_COLLECTIONS_CHANNEL_ID, thread_ts: bot.ts!, text: 'on it' });
    expect(said.message).toMatchObject({ user: DEMO_COLLECTOR_ID });
    expect(said.message?.bot_id).toBeUndefined();
    expect(emulator.message(DEMO_COLLECTIONS_CHANNEL_ID, bot.ts!)).toMatchObject({
      reactions: [{ name: 'raising_hand', users: [DEMO_COLLECTOR_ID], count: 1 }],
      reply_users: [DEMO_COLLECTOR_ID],
    });
    // Chloé is not in #board either.
    expect((await slackError(chloe.chat.postMessage({ channel: DEMO_PRIVATE_CHANNEL_ID, text: 'x' }))).error).toBe('channel_not_found');
  });

  it('turns what people do into the events Slack would send', () => {
    const said = emulator.postAsUser(DEMO_COLLECTOR_ID, DEMO_COLLECTIONS_CHANNEL_ID, 'hello');
    expect(said).toMatchObject({ type: 'message', user: DEMO_COLLECTOR_ID, channel: DEMO_COLLECTIONS_CHANNEL_ID, channel_type: 'channel' });
    const added = emulator.addReaction(DEMO_ADMIN_ID, DEMO_COLLECTIONS_CHANNEL_ID, String(said.ts), 'eyes');
    expect(added).toMatchObject({ type: 'reaction_added', user: DEMO_ADMIN_ID, reaction: 'eyes', item_user: DEMO_COLLECTOR_ID });
    const removed = emulator.removeReaction(DEMO_ADMIN_ID, DEMO_COLLECTIONS_CHANNEL_ID, String(said.ts), 'eyes');
    expect(removed).toMatchObject({ type: 'reaction_removed', reaction: 'eyes' });
    expect(emulator.message(DEMO_COLLECTIONS_CHANNEL_ID, String(said.ts))?.reactions).toBeUndefined();
    expect(() => emulator.addReaction(DEMO_OUTSIDER_ID, DEMO_COLLECTIONS_CHANNEL_ID, String(said.ts), 'eyes')).toThrow(/not in/);
    expect(emulator.appHomeOpened(DEMO_MANAGER_ID)).toMatchObject({ type: 'app_home_opened', user: DEMO_MANAGER_ID, tab: 'home', channel: expect.stringMatching(/^D/) });
  });
});
