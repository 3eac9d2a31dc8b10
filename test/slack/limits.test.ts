// Slack refuses a whole message when one text is over a Block Kit limit; relance
// cuts instead, and does not echo back whatever size of text it is sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { members } from '../../src/db/schema.ts';
import { DEMO_COLLECTIONS_CHANNEL_ID as CHANNEL, DEMO_COLLECTOR_ID, DEMO_TEAM_ID } from '../../src/emulator/seed.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { seedLedger } from '../support/ledger.ts';
import { postTestDigest } from '../support/posted-digest.ts';

const MONDAY = '2026-11-23';
const LONG_NAME = `Very Long Name ${'Holding & Co '.repeat(800)}`;
let t: TestApp;

type Block = { type: string; text?: { text: string }; fields?: { text: string }[]; elements?: { text?: unknown }[] };

/** Every text of every block is within Slack's limits. */
function expectWithinLimits(blocks: Block[]): void {
  expect(blocks.length).toBeLessThanOrEqual(50);
  for (const b of blocks) {
    if (b.type === 'section' && b.text) expect(b.text.text.length).toBeLessThanOrEqual(3000);
    if (b.type === 'header' && b.text) expect(b.text.text.length).toBeLessThanOrEqual(150);
    for (const f of b.fields ?? []) expect(f.text.length).toBeLessThanOrEqual(2000);
  }
}

async function collect(text: string) {
  const sent = await t.sender.slashCommand({ userId: DEMO_COLLECTOR_ID, channelId: CHANNEL, text });
  expect(sent.status).toBe(200);
  return { sent, reply: await t.emulator.waitForResponse(sent.responseUrlId!, { timeoutMs: 10_000 }) };
}

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set('2026-11-23T08:00:00Z');
  await seedLedger(t.database, DEMO_TEAM_ID, MONDAY, [
    { ref: 'C-LONG', name: LONG_NAME, invoices: [{ number: 'F-1', issued: '2026-07-01', due: '2026-08-01', cents: 100_000 }] },
    { ref: 'C-SHORT', name: 'Short SARL', invoices: [{ number: 'F-2', issued: '2026-07-01', due: '2026-08-03', cents: 50_000 }] },
  ]);
  await t.database.db.insert(members).values({ workspaceId: DEMO_TEAM_ID, userId: DEMO_COLLECTOR_ID, role: 'collector' });
});

afterAll(async () => {
  await t?.close();
});

describe('a customer name of 10,000 characters', () => {
  it('shows in /collect overdue, cut with an ellipsis, and Slack accepts the reply', async () => {
    const { sent, reply } = await collect('overdue all');
    const body = reply.body as { text: string; blocks: Block[] };
    expect(t.emulator.responses(sent.responseUrlId!).every((r) => r.accepted)).toBe(true);
    expectWithinLimits(body.blocks);
    const rows = JSON.stringify(body.blocks);
    expect(rows).toContain('Very Long Name Holding &amp; Co');
    expect(rows).toContain('…');
    expect(rows).toContain('Short SARL');
    expect(body.text.length).toBeLessThan(1000);
  });

  it('shows in the case card, and Slack accepts it', async () => {
    const { sent, reply } = await collect('case C-LONG');
    expect(t.emulator.responses(sent.responseUrlId!).every((r) => r.accepted)).toBe(true);
    expectWithinLimits((reply.body as { blocks: Block[] }).blocks);
    expect(JSON.stringify(reply.body)).toContain('F-1');
  });

  it('shows in the digest, and Slack accepts every message', async () => {
    const { replies } = await postTestDigest(t, MONDAY);
    expect(replies).toHaveLength(2);
    for (const r of replies) expectWithinLimits(t.emulator.message(CHANNEL, r.ts)!.blocks as Block[]);
  });
});

describe('a 50,000-character command', () => {
  it('is refused in the ack, quoting only its start, and nothing runs', async () => {
    const callsBefore = t.emulator.calls().length;
    const sent = await t.sender.slashCommand({ userId: DEMO_COLLECTOR_ID, channelId: CHANNEL, text: `case ${'A'.repeat(50_000)}` });
    expect(sent.status).toBe(200);
    const text = (sent.body as { text: string }).text;
    expect(text).toContain('50005 characters long; I read at most 2000');
    expect(text).toContain('"case AAAA');
    expect(text.length).toBeLessThan(400);
    // Only the ack's own message: nothing else was answered.
    expect(t.emulator.responses(sent.responseUrlId!).map((r) => r.via)).toEqual(['ack']);
    expect(t.emulator.calls().length).toBe(callsBefore);
  });

  it('quotes the start of a command holding & and < as typed: escaped once, no entity cut in half', async () => {
    // Slack sends & < > in a command as &amp; &lt; &gt;; the quote is of what was typed.
    const asSlackSends = (typed: string) => typed.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const refusal = async (typed: string) => {
      const sent = await t.sender.slashCommand({ userId: DEMO_COLLECTOR_ID, channelId: CHANNEL, text: asSlackSends(typed) });
      expect(sent.status).toBe(200);
      return (sent.body as { text: string }).text;
    };
    const mixed = `case <b & ${'x'.repeat(2_090)}`;
    expect(mixed).toHaveLength(2_100);
    const text = await refusal(mixed);
    expect(text).toContain('2100 characters long; I read at most 2000');
    expect(text).toContain(`starts "case &lt;b &amp; ${'x'.repeat(30)}…"`);
    expect(text).not.toContain('&amp;amp;');
    expect(text).not.toContain('&amp;lt;');
    // The 40th character typed is a <: quoted whole, not as the start of its entity.
    const edge = await refusal(`case ${'y'.repeat(33)} <${'z'.repeat(2_060)}`);
    expect(edge).toContain(`starts "case ${'y'.repeat(33)} &lt;…"`);
  });

  it('measures what was typed, not Slack\'s escaped form of it', async () => {
    // 1,990 characters typed, 2,030 once Slack has escaped the ten ampersands: read, not refused.
    const typed = `case ${'&'.repeat(10)}${'w'.repeat(1_975)}`;
    const { reply } = await collect(typed.replace(/&/g, '&amp;'));
    expect((reply.body as { text: string }).text).toContain('No case matches');
  });

  it('quotes typed input shortened in any reply', async () => {
    const { reply } = await collect(`case ${'B'.repeat(1_900)}`);
    const text = (reply.body as { text: string }).text;
    expect(text).toContain('No case matches "BBBB');
    expect(text.length).toBeLessThan(700);
  });
});

describe('the emulator, like Slack', () => {
  it('refuses a reply whose section is over 3,000 characters, on a response_url', async () => {
    const url = t.emulator.newResponseUrl({ teamId: DEMO_TEAM_ID, channelId: CHANNEL, userId: DEMO_COLLECTOR_ID });
    const tooLong = await fetch(url.url, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: 'x', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(3001) } }] }),
    });
    expect(tooLong.status).toBe(400);
    expect(await tooLong.json()).toMatchObject({ ok: false, error: 'invalid_blocks' });
    const fine = await fetch(url.url, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: 'x', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(3000) } }] }),
    });
    expect(fine.status).toBe(200);
  });
});
