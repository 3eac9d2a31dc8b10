import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ManualClock, SlackEmulator } from '../../src/emulator/index.ts';
import {
  createManualClock,
  DEMO_BOT_USER_ID,
  DEMO_COLLECTIONS_CHANNEL_ID,
  DEMO_COLLECTOR_ID,
  DEMO_TEAM_ID,
  startSlackEmulator,
} from '../../src/emulator/index.ts';
import { botClient } from './support.ts';

let emulator: SlackEmulator;
let clock: ManualClock;

beforeEach(async () => {
  clock = createManualClock();
  emulator = await startSlackEmulator({ clock: clock.now });
});

afterEach(async () => {
  await emulator.close();
});

const meta = { teamId: DEMO_TEAM_ID, channelId: DEMO_COLLECTIONS_CHANNEL_ID, userId: DEMO_COLLECTOR_ID };

// What Bolt's respond() does: a JSON POST, failing on a non-2xx status.
const respond = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

describe('response_url', () => {
  it('accepts 5 replies, then refuses', async () => {
    const { id, url } = emulator.newResponseUrl(meta);
    expect(url).toBe(`${emulator.url}respond/${id}`);
    for (let i = 1; i <= 5; i += 1) expect((await respond(url, { text: `reply ${i}` })).status).toBe(200);
    const sixth = await respond(url, { text: 'reply 6' });
    expect(sixth.status).toBe(404);
    expect(await sixth.json()).toEqual({ ok: false, error: 'used_url' });
    expect(emulator.responses(id).map((r) => r.accepted)).toEqual([true, true, true, true, true, false]);
    // Ephemeral by default: recorded for the user, never in history.
    expect(emulator.ephemerals({ user: DEMO_COLLECTOR_ID })).toHaveLength(5);
    expect(emulator.messages(DEMO_COLLECTIONS_CHANNEL_ID)).toEqual([]);
  });

  it('expires after 30 minutes of emulator time', async () => {
    const { id, url } = emulator.newResponseUrl(meta);
    clock.advance(30 * 60 * 1000 + 1);
    const late = await respond(url, { text: 'too late' });
    expect(late.status).toBe(404);
    expect(await late.json()).toEqual({ ok: false, error: 'expired_url' });
    expect(emulator.responses(id)).toMatchObject([{ accepted: false, error: 'expired_url' }]);
  });

  it('resolves waitForResponse when the reply arrives, without sleeping', async () => {
    const { id, url } = emulator.newResponseUrl(meta);
    const waiting = emulator.waitForResponse(id, { timeoutMs: 2000 });
    setTimeout(() => void respond(url, { text: 'done', response_type: 'in_channel' }), 10);
    const record = await waiting;
    expect(record.body).toEqual({ text: 'done', response_type: 'in_channel' });
    expect(emulator.messages(DEMO_COLLECTIONS_CHANNEL_ID)).toMatchObject([{ text: 'done', user: DEMO_BOT_USER_ID }]);
    // Already there: resolves at once.
    await expect(emulator.waitForResponse(id)).resolves.toMatchObject({ accepted: true });
    await expect(emulator.waitForResponse(id, { count: 2, timeoutMs: 50 })).rejects.toThrow(/timed out/);
  });

  it('replaces and deletes the original message', async () => {
    const client = botClient(emulator);
    const posted = await client.chat.postMessage({ channel: DEMO_COLLECTIONS_CHANNEL_ID, text: 'Approve?' });
    const first = emulator.newResponseUrl({ ...meta, messageTs: posted.ts! });
    await respond(first.url, { replace_original: true, text: 'Approved by Chloé' });
    expect(emulator.message(DEMO_COLLECTIONS_CHANNEL_ID, posted.ts!)?.text).toBe('Approved by Chloé');
    await respond(first.url, { delete_original: true });
    expect(emulator.message(DEMO_COLLECTIONS_CHANNEL_ID, posted.ts!)).toBeUndefined();
  });

  it('refuses malformed replies', async () => {
    const { url } = emulator.newResponseUrl(meta);
    expect((await respond(url, {})).status).toBe(400);
    expect((await fetch(url, { method: 'POST', body: 'not json' })).status).toBe(400);
    expect((await respond(`${emulator.url}respond/T0DEMO/0/unknown`, { text: 'x' })).status).toBe(404);
  });
});
