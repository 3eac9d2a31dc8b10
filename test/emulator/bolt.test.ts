// A real Bolt app, fed by SlackSender and talking back to the emulator: the
// proof that both sides speak Slack as Bolt expects it.
import type { AddressInfo } from 'node:net';
import { App } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackEmulator } from '../../src/emulator/index.ts';
import {
  DEMO_BOT_TOKEN,
  DEMO_COLLECTIONS_CHANNEL_ID,
  DEMO_COLLECTOR_ID,
  DEMO_SIGNING_SECRET,
  SlackSender,
  startSlackEmulator,
} from '../../src/emulator/index.ts';
import { botClient, quietLogger } from './support.ts';

let emulator: SlackEmulator;
let app: App;
let sender: SlackSender;
const reactions: { reaction: string; retryNum: number | undefined; eventId: string }[] = [];

const logCallModal = {
  type: 'modal' as const,
  callback_id: 'log_call',
  title: { type: 'plain_text' as const, text: 'Log a call' },
  submit: { type: 'plain_text' as const, text: 'Save' },
  blocks: [{ type: 'input', block_id: 'note', label: { type: 'plain_text' as const, text: 'Note' }, element: { type: 'plain_text_input', action_id: 'v' } }],
};

beforeAll(async () => {
  emulator = await startSlackEmulator();
  app = new App({ token: DEMO_BOT_TOKEN, signingSecret: DEMO_SIGNING_SECRET, clientOptions: { slackApiUrl: emulator.apiUrl }, logger: quietLogger });
  app.command('/collect', async ({ ack, respond, client, body }) => {
    if (body.text === 'slow') await new Promise((resolve) => setTimeout(resolve, 300));
    await ack();
    if (body.text === 'log') await client.views.open({ trigger_id: body.trigger_id, view: logCallModal });
    await respond({ text: `usage for ${body.user_name}: ${body.text}` });
  });
  app.action('claim', async ({ ack, respond, body }) => {
    await ack();
    const value = body.type === 'block_actions' && body.actions[0]?.type === 'button' ? body.actions[0].value : '';
    await respond({ replace_original: true, text: `Claimed ${value} by <@${body.user.id}>` });
  });
  app.view('log_call', async ({ ack, view }) => {
    const note = view.state.values.note?.v?.value ?? '';
    if (note === '') await ack({ response_action: 'errors', errors: { note: 'Say what happened' } });
    else await ack();
  });
  app.event('reaction_added', async ({ event, context, body, client }) => {
    reactions.push({ reaction: event.reaction, retryNum: context.retryNum, eventId: body.event_id });
    await client.chat.postMessage({ channel: DEMO_COLLECTIONS_CHANNEL_ID, text: `saw ${event.reaction}` });
  });
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as { address(): AddressInfo };
  sender = new SlackSender({
    appUrl: `http://127.0.0.1:${server.address().port}/slack/events`,
    signingSecret: DEMO_SIGNING_SECRET,
    emulator,
  });
});

afterAll(async () => {
  await app.stop();
  await emulator.close();
});

describe('SlackSender against a Bolt app', () => {
  it('delivers a slash command whose respond() reaches the response_url', async () => {
    const result = await sender.slashCommand({ text: 'help', userId: DEMO_COLLECTOR_ID, channelId: DEMO_COLLECTIONS_CHANNEL_ID });
    expect(result.status).toBe(200);
    const reply = await emulator.waitForResponse(result.responseUrlId!);
    expect(reply.body).toEqual({ text: 'usage for chloe: help' });
    // Bolt called auth.test on start, as the notes say.
    expect(emulator.calls('auth.test').length).toBeGreaterThan(0);
  });

  it('gives a trigger_id that opens a modal, and a submission that Bolt validates', async () => {
    const result = await sender.slashCommand({ text: 'log', userId: DEMO_COLLECTOR_ID, channelId: DEMO_COLLECTIONS_CHANNEL_ID });
    await emulator.waitForResponse(result.responseUrlId!);
    const [modal] = emulator.openViews(DEMO_COLLECTOR_ID);
    expect(modal).toMatchObject({ callback_id: 'log_call' });

    const viewId = String(modal?.id);
    const empty = await sender.viewSubmission({ userId: DEMO_COLLECTOR_ID, viewId, view: { state: { values: { note: { v: { type: 'plain_text_input', value: '' } } } } } });
    expect(empty.body).toEqual({ response_action: 'errors', errors: { note: 'Say what happened' } });
    expect(emulator.openViews(DEMO_COLLECTOR_ID)).toHaveLength(1);

    const filled = await sender.viewSubmission({ userId: DEMO_COLLECTOR_ID, viewId, view: { state: { values: { note: { v: { type: 'plain_text_input', value: 'Promised Friday' } } } } } });
    expect(filled.status).toBe(200);
    expect(emulator.openViews(DEMO_COLLECTOR_ID)).toHaveLength(0);
  });

  it('delivers a button click built from the real message', async () => {
    const posted = await botClient(emulator).chat.postMessage({
      channel: DEMO_COLLECTIONS_CHANNEL_ID,
      text: 'ACME needs a call',
      blocks: [{ type: 'actions', block_id: 'case', elements: [{ type: 'button', action_id: 'claim', value: 'ACME-1', text: { type: 'plain_text', text: 'Claim call' } }] }],
    });
    const click = await sender.blockAction({ userId: DEMO_COLLECTOR_ID, channelId: DEMO_COLLECTIONS_CHANNEL_ID, messageTs: posted.ts!, actionId: 'claim' });
    expect(click.status).toBe(200);
    await emulator.waitForResponse(click.responseUrlId!);
    expect(emulator.message(DEMO_COLLECTIONS_CHANNEL_ID, posted.ts!)?.text).toBe(`Claimed ACME-1 by <@${DEMO_COLLECTOR_ID}>`);
  });

  it('delivers events with retry headers', async () => {
    const posted = await botClient(emulator).chat.postMessage({ channel: DEMO_COLLECTIONS_CHANNEL_ID, text: 'Case BETA' });
    const event = emulator.addReaction(DEMO_COLLECTOR_ID, DEMO_COLLECTIONS_CHANNEL_ID, posted.ts!, 'raising_hand');
    expect(event).toMatchObject({ type: 'reaction_added', item: { channel: DEMO_COLLECTIONS_CHANNEL_ID, ts: posted.ts } });
    const before = emulator.calls('chat.postMessage').length;
    expect((await sender.event({ event, eventId: 'Ev01' })).status).toBe(200);
    expect((await sender.event({ event, eventId: 'Ev01', retryNum: 1, retryReason: 'http_timeout' })).status).toBe(200);
    await emulator.waitForCall('chat.postMessage', { count: before + 2 });
    expect(reactions).toEqual([
      { reaction: 'raising_hand', retryNum: undefined, eventId: 'Ev01' },
      { reaction: 'raising_hand', retryNum: 1, eventId: 'Ev01' },
    ]);
  });

  it('answers url_verification', async () => {
    const result = await sender.urlVerification('3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P');
    expect(result.body).toEqual({ challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P' });
  });

  it('is refused with a bad, missing or stale signature', async () => {
    const base = { text: 'help', userId: DEMO_COLLECTOR_ID, channelId: DEMO_COLLECTIONS_CHANNEL_ID };
    for (const signing of ['bad', 'missing', 'stale'] as const) {
      const result = await sender.slashCommand({ ...base, signing });
      expect(result.status, signing).toBe(401);
      expect(emulator.responses(result.responseUrlId!)).toEqual([]);
    }
  });

  it('gives up like Slack when the ack is late', async () => {
    const result = await sender.slashCommand({ text: 'slow', userId: DEMO_COLLECTOR_ID, channelId: DEMO_COLLECTIONS_CHANNEL_ID, timeoutMs: 100 });
    expect(result).toMatchObject({ timedOut: true, status: 0 });
    // The app keeps working after Slack stopped waiting.
    await expect(emulator.waitForResponse(result.responseUrlId!)).resolves.toMatchObject({ accepted: true });
  });
});
