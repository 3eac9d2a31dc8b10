// Signed requests Slack would never send, and requests dated outside Slack's
// 5-minute window: refused before Bolt sees them, and the bot keeps answering.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COLLECTIONS_CHANNEL_ID as CHANNEL, DEMO_COLLECTOR_ID } from '../../src/emulator/seed.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});

afterAll(async () => {
  await t?.close();
});

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

/** The bot still answers a normal signed `/collect help`. */
async function stillServes(): Promise<void> {
  const sent = await t.sender.slashCommand({ userId: DEMO_COLLECTOR_ID, channelId: CHANNEL, text: 'help' });
  expect(sent.status).toBe(200);
  const body = sent.body && typeof sent.body === 'object' && 'text' in sent.body
    ? sent.body
    : (await t.emulator.waitForResponse(sent.responseUrlId!, { timeoutMs: 10_000 })).body;
  // The list is in the blocks, which Slack shows; `text` is the one-line fallback.
  expect(JSON.stringify((body as { blocks?: unknown }).blocks)).toContain('/collect overdue');
}

describe('signed bodies that are not what Slack sends', () => {
  const malformed: [string, string, string][] = [
    ['form payload=null', FORM, 'payload=null'],
    ['JSON null', JSON_TYPE, 'null'],
    ['form payload=123', FORM, 'payload=123'],
    ['form payload="x"', FORM, `payload=${encodeURIComponent('"x"')}`],
    ['form payload=[]', FORM, `payload=${encodeURIComponent('[]')}`],
    ['form payload={} (no type)', FORM, `payload=${encodeURIComponent('{}')}`],
    ['form payload that is not JSON', FORM, `payload=${encodeURIComponent('{oops')}`],
    ['form with two payloads', FORM, `payload=${encodeURIComponent('{"type":"block_actions"}')}&payload=null`],
    ['form with neither payload nor command', FORM, 'hello=world'],
    ['JSON 123', JSON_TYPE, '123'],
    ['JSON "x"', JSON_TYPE, '"x"'],
    ['JSON []', JSON_TYPE, '[]'],
    ['JSON {} (no type)', JSON_TYPE, '{}'],
    ['JSON that is not JSON', JSON_TYPE, '{oops'],
    ['empty JSON body', JSON_TYPE, ''],
  ];

  it.each(malformed)('refuses %s with 400, and the bot keeps serving', async (_name, contentType, body) => {
    const sent = await t.sender.raw(body, contentType);
    expect(sent.status).toBe(400);
    await stillServes();
  });

  it('checks the signature first: the same bodies unsigned or forged get 401', async () => {
    for (const signing of ['missing', 'bad'] as const) {
      expect((await t.sender.raw('payload=null', FORM, { signing })).status).toBe(401);
      expect((await t.sender.raw('null', JSON_TYPE, { signing })).status).toBe(401);
    }
    await stillServes();
  });

  it('still answers what Slack does send: url_verification and ssl_check', async () => {
    const challenge = await t.sender.urlVerification('a-challenge');
    expect(challenge.body).toEqual({ challenge: 'a-challenge' });
    // Slack's ssl_check is not signed; it is answered and nothing runs.
    expect((await t.sender.raw('ssl_check=1&token=x', FORM, { signing: 'missing' })).status).toBe(200);
  });

  it('runs nothing smuggled beside an unsigned ssl_check (the guard answers it itself)', async () => {
    const responseUrl = t.emulator.newResponseUrl({ teamId: 'T0DEMO', channelId: CHANNEL, userId: DEMO_COLLECTOR_ID });
    const command = new URLSearchParams({
      ssl_check: '1', team_id: 'T0DEMO', channel_id: CHANNEL, user_id: DEMO_COLLECTOR_ID, command: '/collect', text: 'overdue all',
      response_url: responseUrl.url, trigger_id: 't',
    }).toString();
    const payload = `ssl_check=1&payload=${encodeURIComponent(JSON.stringify({ type: 'block_actions', user: { id: DEMO_COLLECTOR_ID }, actions: [] }))}`;
    const callsBefore = t.emulator.calls().length;
    for (const body of [command, payload]) {
      const sent = await t.sender.raw(body, FORM, { signing: 'missing' });
      expect(sent.status).toBe(200);
      expect(sent.body).toBe('');
    }
    // A command that ran would have answered in its ack (or at its response URL).
    expect(t.emulator.responses(responseUrl.id)).toEqual([]);
    expect(t.emulator.calls().length).toBe(callsBefore);
  });
});

describe('request timestamps', () => {
  it.each([
    ['an hour ahead', 3600],
    ['a year ahead', 365 * 24 * 3600],
    ['six minutes ahead', 6 * 60],
    ['an hour old', -3600],
  ])('refuses a correctly signed request dated %s with 401 and runs nothing', async (_name, offset) => {
    const sent = await t.sender.slashCommand({ userId: DEMO_COLLECTOR_ID, channelId: CHANNEL, text: 'help', timestampOffsetSeconds: offset });
    expect(sent.status).toBe(401);
    expect(t.emulator.responses(sent.responseUrlId!)).toEqual([]);
  });

  it('accepts a clock a few minutes off either way, as Slack allows', async () => {
    for (const offset of [4 * 60, -4 * 60]) {
      const sent = await t.sender.slashCommand({ userId: DEMO_COLLECTOR_ID, channelId: CHANNEL, text: 'help', timestampOffsetSeconds: offset });
      expect(sent.status).toBe(200);
    }
  });

  it('refuses a timestamp that is not a number', async () => {
    const sent = await t.sender.raw('command=%2Fcollect&text=help', FORM, { headers: { 'x-slack-request-timestamp': 'soon' } });
    expect(sent.status).toBe(401);
  });
});
