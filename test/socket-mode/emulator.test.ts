// The emulator's Socket Mode, seen from a bare WebSocket client: what
// apps.connections.open answers, the hello, envelopes and acks, Slack's retries
// of unacknowledged events on the emulator clock, and disconnects.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createManualClock, DEMO_APP_ID, DEMO_APP_TOKEN, DEMO_BOT_TOKEN, socketModeHub, startSlackEmulator } from '../../src/emulator/index.ts';
import type { SlackEmulator, SocketModeHub } from '../../src/emulator/index.ts';
import { botClient } from '../emulator/support.ts';

type Obj = Record<string, unknown>;

const clock = createManualClock();
let emulator: SlackEmulator;
let hub: SocketModeHub;
const clients: WebSocket[] = [];

/** Polls a condition that depends on frames crossing the loopback socket. */
async function until<T>(probe: () => T | undefined, what: string): Promise<T> {
  for (let i = 0; i < 400; i += 1) {
    const value = probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function openUrl(): Promise<string> {
  const answer = await botClient(emulator, {}, DEMO_APP_TOKEN).apps.connections.open({});
  return answer.url!;
}

/** A client that keeps every frame it receives. */
async function connect(url?: string): Promise<{ socket: WebSocket; frames: Obj[] }> {
  const socket = new WebSocket(url ?? await openUrl());
  clients.push(socket);
  const frames: Obj[] = [];
  socket.on('message', (data) => frames.push(JSON.parse(String(data)) as Obj));
  await until(() => frames.find((f) => f.type === 'hello'), 'hello');
  return { socket, frames };
}

const envelopes = (frames: Obj[]) => frames.filter((f) => typeof f.envelope_id === 'string');

beforeAll(async () => {
  emulator = await startSlackEmulator({ clock: clock.now });
  hub = socketModeHub(emulator.state);
});

afterEach(() => {
  for (const socket of clients.splice(0)) socket.terminate();
});

afterAll(async () => {
  await emulator.close();
});

describe('apps.connections.open', () => {
  it('refuses a bot token by type, and asks for a token at all', async () => {
    await expect(botClient(emulator, {}, DEMO_BOT_TOKEN).apps.connections.open({})).rejects.toMatchObject({ data: { error: 'not_allowed_token_type' } });
    const anonymous = await fetch(`${emulator.apiUrl}apps.connections.open`, { method: 'POST' });
    expect(await anonymous.json()).toEqual({ ok: false, error: 'not_authed' });
  });

  it('gives an app-level token a one-use WebSocket URL on the emulator', async () => {
    const url = await openUrl();
    expect(url).toMatch(new RegExp(`^ws://127\\.0\\.0\\.1:\\d+/link/\\?ticket=[0-9a-f-]{36}&app_id=${DEMO_APP_ID}$`));
    const { frames } = await connect(url);
    expect(frames[0]).toEqual({
      type: 'hello',
      num_connections: 1,
      debug_info: { host: expect.any(String), build_number: expect.any(Number), approximate_connection_time: expect.any(Number) },
      connection_info: { app_id: DEMO_APP_ID },
    });
    const again = new WebSocket(url);
    const status = await new Promise<number>((resolve) => again.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)));
    expect(status).toBe(401);
  });
});

describe('envelopes', () => {
  it('delivers a slash command and hands back the ack payload', async () => {
    const { socket, frames } = await connect();
    const sent = hub.send({ type: 'slash_commands', payload: { command: '/collect', text: 'help' }, acceptsResponsePayload: true });
    const [envelope] = await until(() => (envelopes(frames).length > 0 ? envelopes(frames) : undefined), 'the envelope');
    expect(envelope).toEqual({
      envelope_id: sent.envelopeId, type: 'slash_commands', payload: { command: '/collect', text: 'help' }, accepts_response_payload: true,
    });
    socket.send(JSON.stringify({ envelope_id: sent.envelopeId, payload: { text: 'Here is help' } }));
    expect((await sent.acked).payload).toEqual({ text: 'Here is help' });
    expect(hub.unacknowledged()).toEqual([]);
  });

  it('retries an unacknowledged event every 3 s of emulator time, 3 times, then gives up; never an interaction', async () => {
    const { frames } = await connect();
    const event = hub.send({ type: 'events_api', payload: { type: 'event_callback', event_id: 'Ev1' }, acceptsResponsePayload: false });
    hub.send({ type: 'interactive', payload: { type: 'block_actions' }, acceptsResponsePayload: false });
    const attempts = () => envelopes(frames).filter((f) => f.envelope_id === event.envelopeId);
    await until(() => (envelopes(frames).length === 2 ? true : undefined), 'both envelopes');
    expect(attempts()[0]).toMatchObject({ type: 'events_api', retry_attempt: 0, retry_reason: '' });
    clock.advance(2999);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(attempts()).toHaveLength(1);
    for (const retry of [1, 2, 3]) {
      clock.advance(hub.ackTimeoutMs);
      const seen = await until(() => attempts()[retry], `retry ${retry}`);
      expect(seen).toMatchObject({ retry_attempt: retry, retry_reason: 'timeout' });
    }
    clock.advance(hub.ackTimeoutMs);
    await until(() => (hub.unacknowledged().some((e) => e.envelope_id === event.envelopeId) ? undefined : true), 'Slack to give up');
    expect(attempts()).toHaveLength(4);
    expect(envelopes(frames).filter((f) => f.type === 'interactive')).toHaveLength(1);
    expect(hub.unacknowledged()).toEqual([]);
  });
});

describe('disconnects', () => {
  it('sends disconnect with its reason and closes; what is sent meanwhile goes to the next connection', async () => {
    const first = await connect();
    const closed = new Promise<number>((resolve) => first.socket.on('close', (code) => resolve(code)));
    hub.disconnect('link_disabled');
    expect(await closed).toBe(1000);
    expect(first.frames.at(-1)).toEqual({ type: 'disconnect', reason: 'link_disabled', debug_info: { host: expect.any(String) } });
    const sent = hub.send({ type: 'events_api', payload: { type: 'event_callback', event_id: 'Ev2' }, acceptsResponsePayload: false });
    const second = await connect();
    const envelope = await until(() => envelopes(second.frames).find((f) => f.envelope_id === sent.envelopeId), 'the held envelope');
    second.socket.send(JSON.stringify({ envelope_id: envelope.envelope_id }));
    expect((await sent.acked).payload).toEqual({});
  });
});
