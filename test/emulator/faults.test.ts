import type { WebAPIPlatformError, WebAPIRateLimitedError } from '@slack/web-api';
import { ErrorCode } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ManualClock, SlackEmulator } from '../../src/emulator/index.ts';
import {
  createManualClock,
  DEMO_BOT_TOKEN,
  DEMO_COLLECTIONS_CHANNEL_ID,
  DEMO_GENERAL_CHANNEL_ID,
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

const post = (text: string, channel = DEMO_COLLECTIONS_CHANNEL_ID) => ({ channel, text });

describe('failNext', () => {
  it('answers 429 with a Retry-After header in seconds, and applies nothing', async () => {
    emulator.failNext('chat.postMessage', { status: 429, retryAfter: 7 });
    const response = await fetch(`${emulator.apiUrl}chat.postMessage`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${DEMO_BOT_TOKEN}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(post('raw')).toString(),
    });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(await response.json()).toEqual({ ok: false, error: 'ratelimited' });
    expect(emulator.messages(DEMO_COLLECTIONS_CHANNEL_ID)).toEqual([]);
  });

  it('lets a WebClient with rejectRateLimitedCalls see the delay, then post once', async () => {
    const client = botClient(emulator, { rejectRateLimitedCalls: true });
    emulator.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    const error = (await client.chat.postMessage(post('first')).catch((e: unknown) => e)) as WebAPIRateLimitedError;
    expect(error.code).toBe(ErrorCode.RateLimitedError);
    expect(error.retryAfter).toBe(1);
    await client.chat.postMessage(post('first'));
    expect(emulator.messages(DEMO_COLLECTIONS_CHANNEL_ID).map((m) => m.text)).toEqual(['first']);
  });

  it('is retried by the WebClient and the message lands exactly once', async () => {
    const client = botClient(emulator, { retryConfig: { retries: 2, factor: 1, minTimeout: 0, maxTimeout: 0 } });
    emulator.failNext('chat.postMessage', { status: 429, retryAfter: 0 });
    emulator.failNext('chat.postMessage', { status: 500 });
    const result = await client.chat.postMessage(post('digest'));
    expect(result.ok).toBe(true);
    expect(emulator.messages(DEMO_COLLECTIONS_CHANNEL_ID).map((m) => m.text)).toEqual(['digest']);
    expect(emulator.calls('chat.postMessage').map((c) => c.status)).toEqual([429, 500, 200]);
  });

  it('can answer a Slack error once, then behave', async () => {
    const client = botClient(emulator);
    emulator.failNext('chat.postMessage', { error: 'not_in_channel' }, 2);
    for (let i = 0; i < 2; i += 1) {
      const error = (await client.chat.postMessage(post('x')).catch((e: unknown) => e)) as WebAPIPlatformError;
      expect(error.data.error).toBe('not_in_channel');
    }
    await expect(client.chat.postMessage(post('ok'))).resolves.toMatchObject({ ok: true });
    expect(emulator.messages(DEMO_COLLECTIONS_CHANNEL_ID)).toHaveLength(1);
  });
});

describe('rateLimit', () => {
  it('limits per channel with a burst, on the emulator clock', async () => {
    const client = botClient(emulator, { rejectRateLimitedCalls: true });
    emulator.rateLimit('chat.postMessage', { perChannelPerSecond: 1, burst: 2 });
    await client.chat.postMessage(post('1'));
    await client.chat.postMessage(post('2'));
    const error = (await client.chat.postMessage(post('3')).catch((e: unknown) => e)) as WebAPIRateLimitedError;
    expect(error.retryAfter).toBe(1);
    // Another channel has its own budget.
    await expect(client.chat.postMessage(post('elsewhere', DEMO_GENERAL_CHANNEL_ID))).resolves.toMatchObject({ ok: true });
    clock.advance(1000);
    await client.chat.postMessage(post('3'));
    expect(emulator.messages(DEMO_COLLECTIONS_CHANNEL_ID).map((m) => m.text)).toEqual(['1', '2', '3']);
    emulator.rateLimit('chat.postMessage', null);
    for (const text of ['4', '5', '6']) await client.chat.postMessage(post(text));
  });
});
