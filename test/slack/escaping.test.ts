// Debtor data is data, never Slack markup: a customer named like a broadcast or a
// link reaches every message type inert, in `text` as well as in blocks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { members } from '../../src/db/schema.ts';
import {
  DEMO_COLLECTIONS_CHANNEL_ID as CHANNEL, DEMO_COLLECTOR_ID, DEMO_TEAM_ID,
} from '../../src/emulator/seed.ts';
import { createLogger } from '../../src/log.ts';
import { postDigest, type PostDigestDeps } from '../../src/services/post-digest.ts';
import { slackClientForJobs } from '../../jobs/workers.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { seedLedger } from '../support/ledger.ts';
import { postTestDigest, type PostedReply } from '../support/posted-digest.ts';

const MONDAY = '2026-11-23';
const BROADCAST = '<!channel> pay now <https://evil.example|click>';
const FORMATTING = '<!here> *bold* _italic_ ~struck~ `code` & Co';

let t: TestApp;
let replies: PostedReply[];

/** Nothing from the names may act as markup: no broadcast, no link, no formatting. */
function expectInert(what: string, rendered: string): void {
  expect(rendered, what).not.toContain('<!channel>');
  expect(rendered, what).not.toContain('<!here>');
  expect(rendered, what).not.toContain('<https://evil.example');
  expect(rendered, what).not.toContain('*bold*');
  expect(rendered, what).not.toContain('_italic_');
  expect(rendered, what).not.toContain('~struck~');
  expect(rendered, what).not.toContain('`code`');
  expect(rendered, what).not.toMatch(/& Co/);
}

/** What Slack parses as markup: the message text and every mrkdwn text object (plain_text is shown literally). */
function mrkdwnTexts(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(mrkdwnTexts);
  if (typeof value !== 'object' || value === null) return [];
  const o = value as Record<string, unknown>;
  const own = o.type === 'mrkdwn' && typeof o.text === 'string' ? [o.text] : [];
  return [...own, ...Object.entries(o).filter(([k]) => k !== 'text' || typeof o.text !== 'string').flatMap(([, v]) => mrkdwnTexts(v))];
}

/** Every mrkdwn text object: each must be verbatim, or Slack links the bare URLs and #names inside it. */
function mrkdwnObjects(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap(mrkdwnObjects);
  if (typeof value !== 'object' || value === null) return [];
  const o = value as Record<string, unknown>;
  return [...(o.type === 'mrkdwn' ? [o] : []), ...Object.values(o).flatMap(mrkdwnObjects)];
}

const visible = (m: { text?: string; blocks?: unknown }) => [m.text ?? '', ...mrkdwnTexts(m.blocks ?? [])].join('\n');

async function collect(text: string): Promise<{ text: string; blocks?: unknown[] }> {
  const sent = await t.sender.slashCommand({ userId: DEMO_COLLECTOR_ID, channelId: CHANNEL, text });
  expect(sent.status).toBe(200);
  const reply = await t.emulator.waitForResponse(sent.responseUrlId!, { timeoutMs: 10_000 });
  return reply.body as { text: string; blocks?: unknown[] };
}

const ephemeral = (text: string) =>
  t.emulator.waitFor(() => t.emulator.ephemerals({ user: DEMO_COLLECTOR_ID }).find((e) => e.text.includes(text)), { timeoutMs: 10_000 });

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set('2026-11-23T08:00:00Z');
  await seedLedger(t.database, DEMO_TEAM_ID, MONDAY, [
    { ref: 'EVIL-1', name: BROADCAST, invoices: [{ number: 'INV-<!here>', issued: '2026-07-01', due: '2026-08-01', cents: 500_000 }] },
    { ref: 'EVIL-2', name: FORMATTING, invoices: [{ number: 'INV-9', issued: '2026-07-01', due: '2026-08-02', cents: 400_000 }] },
  ]);
  await t.database.db.insert(members).values({ workspaceId: DEMO_TEAM_ID, userId: DEMO_COLLECTOR_ID, role: 'collector' });
  ({ replies } = await postTestDigest(t, MONDAY));
});

afterAll(async () => {
  await t?.close();
});

describe('a customer named like Slack markup', () => {
  it('is inert in the digest: parent and case replies, text and blocks', async () => {
    expect(replies).toHaveLength(2);
    for (const message of t.emulator.messages(CHANNEL)) expectInert('digest parent', visible(message));
    for (const reply of replies) {
      const message = t.emulator.message(CHANNEL, reply.ts)!;
      expectInert('digest reply', visible(message));
    }
    // Still readable: the characters are shown, escaped the way Slack decodes them.
    expect(t.emulator.message(CHANNEL, replies[0]!.ts)!.text).toContain('&lt;!channel&gt; pay now');
  });

  it('is inert in the claim reply and in the reply re-rendered for everyone (chat.update)', async () => {
    const reply = replies[0]!;
    const sent = await t.sender.blockAction({ userId: DEMO_COLLECTOR_ID, channelId: CHANNEL, messageTs: reply.ts, actionId: 'claim_call' });
    const answer = await t.emulator.waitForResponse(sent.responseUrlId!);
    expect(JSON.stringify(answer.body)).toContain('You have the call to');
    expectInert('claim reply', visible(answer.body as { text: string }));
    const update = await t.emulator.waitForCall('chat.update', { timeoutMs: 5_000 });
    expectInert('chat.update', visible(update.args as { text: string; blocks: unknown }));
  });

  it('is inert in the reaction ephemerals (released, claimed)', async () => {
    const reply = replies[1]!;
    await t.sender.event({ event: t.emulator.addReaction(DEMO_COLLECTOR_ID, CHANNEL, reply.ts, 'raising_hand') });
    expectInert('claimed ephemeral', (await ephemeral('You have the call to *&lt;!here&gt;')).text);
    await t.sender.event({ event: t.emulator.removeReaction(DEMO_COLLECTOR_ID, CHANNEL, reply.ts, 'raising_hand') });
    expectInert('released ephemeral', (await ephemeral('You released the call to *&lt;!here&gt;')).text);
  });

  it('is inert in the log-call modal and in the "logged" ephemeral', async () => {
    const reply = replies[1]!;
    await t.sender.blockAction({ userId: DEMO_COLLECTOR_ID, channelId: CHANNEL, messageTs: reply.ts, actionId: 'log_call' });
    // The modal opens as a loading view, then is filled with the case.
    const filled = await t.emulator.waitForCall('views.update', { timeoutMs: 5_000 });
    const view = (filled.response as { view: { id: string; blocks: unknown[] } }).view;
    expectInert('modal', mrkdwnTexts(view.blocks).join('\n'));
    // The name is still shown, not stripped.
    expect(JSON.stringify(view.blocks)).toContain('∗bold∗');
    await t.sender.viewSubmission({
      userId: DEMO_COLLECTOR_ID, viewId: view.id,
      view: { state: { values: { outcome: { value: { type: 'static_select', selected_option: { value: 'no_answer' } } } } } },
    });
    expectInert('logged ephemeral', (await ephemeral('logged: no answer')).text);
  });

  it('is inert in the /collect overdue worklist', async () => {
    const reply = await collect('overdue all');
    expect(JSON.stringify(reply.blocks)).toContain('EVIL-1');
    expectInert('worklist', visible(reply));
  });

  it('is inert in the case card, the candidate list and a "no match" that quotes the input', async () => {
    const card = await collect('case EVIL-1');
    expect(JSON.stringify(card.blocks)).toContain('INV-&lt;!here&gt;');
    expectInert('case card', visible(card));
    const list = await collect('case <!');
    expect(list.text).toContain('matches 2 customers');
    expectInert('candidates', visible(list));
    const none = await collect('case <!channel> nobody');
    expect(none.text).toContain('No case matches');
    expectInert('no match', visible(none));
  });

  it('is inert in the digest preview, and Slack may not link anything in it', async () => {
    const preview = await collect('digest preview');
    expect(JSON.stringify(preview.blocks)).toContain('&lt;!channel&gt; pay now');
    expectInert('preview', visible(preview));
    const objects = mrkdwnObjects(preview.blocks);
    expect(objects.length).toBeGreaterThan(2);
    for (const o of objects) expect(o, String(o.text)).toMatchObject({ verbatim: true });
  });

  it('is inert in the notice that a case reply could not be confirmed', async () => {
    // Tuesday: the reply for the first case reaches Slack, the worker never learns it, and the thread cannot be read back.
    const day = '2026-11-24';
    t.clock.set(`${day}T08:00:00Z`);
    const worker = (sleep: PostDigestDeps['sleep'] = async () => {}): PostDigestDeps => ({
      db: t.database.db, client: slackClientForJobs(t.env), clock: () => t.clock.now, sleep, logger: createLogger('silent'),
    });
    const target = { workspaceId: DEMO_TEAM_ID, channelId: CHANNEL, businessDate: day };
    let pacing = 0;
    const dropFirstReply = async () => {
      if (++pacing === 1) t.emulator.failConnectionNext('chat.postMessage', { kind: 'drop_after_accept' });
    };
    await expect(postDigest(worker(dropFirstReply), target)).rejects.toThrow(/no answer/i);
    t.clock.set(`${day}T08:05:00Z`);
    t.emulator.state.revokeScopes(DEMO_TEAM_ID, ['channels:history']);
    try {
      expect((await postDigest(worker(), target)).kind).toBe('unconfirmed');
    } finally {
      t.emulator.state.grantScopes(DEMO_TEAM_ID, ['channels:history']);
    }
    const notice = t.emulator.messages(CHANNEL).at(-1)!;
    expect(notice.text).toContain('&lt;!channel&gt; pay now');
    expectInert('unconfirmed notice', visible(notice));
  });

  it('is inert when a bad argument is quoted back', async () => {
    const reply = await collect('overdue <!channel>');
    expect(reply.text).toContain('"&lt;!channel&gt;" is not something');
    expectInert('bad argument', visible(reply));
  });
});
