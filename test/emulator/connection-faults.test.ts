// Connection faults (a slow connection, a connection dropped after Slack acted)
// and the history read limits of apps outside the Slack Marketplace.
import { ErrorCode, type WebAPIRateLimitedError } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ManualClock, SlackEmulator } from '../../src/emulator/index.ts';
import { createManualClock, DEMO_COLLECTIONS_CHANNEL_ID as CHANNEL, DEMO_COLLECTOR_ID, DEMO_TEAM_ID, startSlackEmulator } from '../../src/emulator/index.ts';
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

describe('failConnectionNext', () => {
  it('slow: the post lands only once the emulator clock has moved on, then answers', async () => {
    emulator.failConnectionNext('chat.postMessage', { kind: 'slow', ms: 30_000 });
    const posting = botClient(emulator).chat.postMessage({ channel: CHANNEL, text: 'late' });
    await emulator.waitFor(() => emulator.held('chat.postMessage') || undefined);
    expect(emulator.messages(CHANNEL)).toEqual([]);
    clock.advance(30_000);
    await expect(posting).resolves.toMatchObject({ ok: true });
    expect(emulator.messages(CHANNEL).map((m) => m.text)).toEqual(['late']);
  });

  it('slow: a client that gives up first leaves nothing in Slack', async () => {
    emulator.failConnectionNext('chat.postMessage', { kind: 'slow', ms: 30_000 });
    await expect(botClient(emulator, { timeout: 100 }).chat.postMessage({ channel: CHANNEL, text: 'never' })).rejects.toThrow();
    await emulator.waitForCall('chat.postMessage', { where: (c) => c.status === 0 });
    clock.advance(60_000);
    expect(emulator.messages(CHANNEL)).toEqual([]);
    expect(emulator.held('chat.postMessage')).toBe(0);
  });

  it('drop_after_accept: the message is posted, the client gets a connection error', async () => {
    emulator.failConnectionNext('chat.postMessage', { kind: 'drop_after_accept' });
    const error = (await botClient(emulator).chat.postMessage({ channel: CHANNEL, text: 'posted' }).catch((e: unknown) => e)) as { code: string };
    expect(error.code).toBe(ErrorCode.RequestError);
    expect(emulator.messages(CHANNEL).map((m) => m.text)).toEqual(['posted']);
  });
});

describe('limitHistoryReads', () => {
  it('gives 15 messages a call and one call a minute per channel', async () => {
    emulator.state.grantScopes(DEMO_TEAM_ID, ['channels:history']);
    for (let i = 0; i < 20; i++) emulator.postAsUser(DEMO_COLLECTOR_ID, CHANNEL, `m${i}`);
    emulator.limitHistoryReads();
    const client = botClient(emulator, { rejectRateLimitedCalls: true });
    const first = await client.conversations.history({ channel: CHANNEL, limit: 100 });
    expect(first.messages).toHaveLength(15);
    expect(first.has_more).toBe(true);
    const cursor = first.response_metadata!.next_cursor!;
    const refused = (await client.conversations.history({ channel: CHANNEL, cursor }).catch((e: unknown) => e)) as WebAPIRateLimitedError;
    expect(refused.retryAfter).toBe(60);
    clock.advance(60_000);
    const second = await client.conversations.history({ channel: CHANNEL, cursor, limit: 100 });
    expect(second.messages).toHaveLength(5);
    expect(second.has_more).toBe(false);
  });
});
