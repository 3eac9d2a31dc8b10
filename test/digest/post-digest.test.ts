// Posting the digest against the Slack emulator: content, exactly once,
// recovery after a crash, 429s, channels the bot cannot post in.
import { WebClient } from '@slack/web-api';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { digests, escalations, promises, tasks } from '../../src/db/schema.ts';
import { DEMO_BOT_TOKEN, DEMO_COLLECTIONS_CHANNEL_ID as CHANNEL, DEMO_COLLECTOR_ID, DEMO_MANAGER_ID, DEMO_PRIVATE_CHANNEL_ID, DEMO_TEAM_ID } from '../../src/emulator/seed.ts';
import { pino } from 'pino';
import { createLogger } from '../../src/log.ts';
import { postDigest, type PostDigestDeps } from '../../src/services/post-digest.ts';
import { digestForDay } from '../../src/db/digest.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { seedLedger } from '../support/ledger.ts';
import { debtors } from '../support/digest-ledger.ts';

let t: TestApp;
const MONDAY = '2026-11-23';
let sleeps: number[];

function deps(overrides: Partial<PostDigestDeps> = {}): PostDigestDeps {
  return {
    db: t.database.db,
    client: new WebClient(DEMO_BOT_TOKEN, { slackApiUrl: t.emulator.apiUrl, rejectRateLimitedCalls: true, retryConfig: { retries: 0 } }),
    clock: () => t.clock.now,
    sleep: async (ms) => { sleeps.push(ms); },
    logger: createLogger('silent'),
    ...overrides,
  };
}

const parentMessages = () => t.emulator.messages(CHANNEL).filter((m) => (m.metadata as { event_payload?: { part?: string } } | undefined)?.event_payload?.part === 'parent');
const threadReplies = (ts: string) => t.emulator.messages(CHANNEL, { threadTs: ts }).filter((m) => m.ts !== ts);

const ledger = debtors(30, MONDAY);

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set('2026-11-23T08:00:00Z');
  await seedLedger(t.database, DEMO_TEAM_ID, MONDAY, [
    ...ledger,
    { ref: 'USD1', name: 'Dollar Corp', invoices: [{ number: 'US-1', issued: '2026-09-01', due: '2026-10-01', cents: 5_000_00, currency: 'USD' }] },
    { ref: 'SOON', name: 'Soon Due', invoices: [{ number: 'SO-1', issued: '2026-11-01', due: '2026-11-27', cents: 7_500 }] },
  ]);
  const [first] = await t.database.db.execute(sql`select id from cases order by id limit 1`).then((r) => r as unknown as { id: number }[]);
  await t.database.db.insert(promises).values({ workspaceId: DEMO_TEAM_ID, caseId: Number(first!.id), amountCents: 50_000, currency: 'EUR', dueOn: MONDAY, takenBy: DEMO_COLLECTOR_ID });
  await t.database.db.insert(tasks).values({ workspaceId: DEMO_TEAM_ID, caseId: Number(first!.id), kind: 'call', assigneeId: DEMO_COLLECTOR_ID, dueAt: new Date('2026-11-23T10:00:00Z'), createdBy: DEMO_MANAGER_ID });
  await t.database.db.insert(escalations).values({ workspaceId: DEMO_TEAM_ID, caseId: Number(first!.id), kind: 'notice', requestedBy: DEMO_COLLECTOR_ID });
});

afterAll(async () => {
  await t?.close();
});

beforeEach(() => {
  sleeps = [];
});

describe('the digest', () => {
  it('posts the summary, then the 25 highest-priority cases in its thread, each with its buttons', async () => {
    const result = await postDigest(deps(), { workspaceId: DEMO_TEAM_ID, channelId: CHANNEL, businessDate: MONDAY });
    expect(result).toMatchObject({ kind: 'posted', replies: 25 });
    const [parent] = parentMessages();
    const summary = JSON.stringify(parent!.blocks);
    expect(summary).toContain('Overdue digest — 23 Nov 2026');
    expect(summary).toContain('€30,000.00'); // 30 × €1,000, EUR only
    expect(summary).toContain('$5,000.00'); // never summed with euros
    expect(summary).toContain('due within 7 days: €75.00');
    expect(summary).toContain('Promises due today:* 1');
    expect(summary).toContain(`<@${DEMO_COLLECTOR_ID}> 1`); // calls today per collector
    expect(summary).toContain('Escalations awaiting approval:* 1');
    expect(summary).toMatch(/Cases needing a call, with no owner:\* \d+/);

    const replies = threadReplies(parent!.ts);
    expect(replies).toHaveLength(25);
    const names = replies.map((r) => /Debtor \d+|Dollar Corp/.exec(JSON.stringify(r.blocks))?.[0]);
    expect(names[0]).toBe('Debtor 30'); // 90 days overdue: highest priority
    expect(new Set(names).size).toBe(25);
    const buttons = JSON.stringify(replies[0]!.blocks);
    for (const action of ['claim_call', 'log_call', 'case_open']) expect(buttons).toContain(action);
    // Paced for Slack's one message a second per channel.
    expect(sleeps.filter((ms) => ms >= 1000)).toHaveLength(25);
  });

  it('never posts twice for the same channel and day', async () => {
    const before = t.emulator.calls('chat.postMessage').length;
    const again = await postDigest(deps(), { workspaceId: DEMO_TEAM_ID, channelId: CHANNEL, businessDate: MONDAY });
    expect(again.kind).toBe('already_posted');
    expect(t.emulator.calls('chat.postMessage').length).toBe(before);
  });

  it('skips weekends and public holidays', async () => {
    for (const day of ['2026-11-28', '2026-12-25']) {
      expect(await postDigest(deps(), { workspaceId: DEMO_TEAM_ID, channelId: CHANNEL, businessDate: day })).toEqual({ kind: 'not_business_day' });
    }
  });

  it('lets one of two concurrent workers post; the other backs off', async () => {
    const day = '2026-11-24';
    t.clock.set(`${day}T08:00:00Z`);
    const results = await Promise.all([
      postDigest(deps(), { workspaceId: DEMO_TEAM_ID, channelId: CHANNEL, businessDate: day }),
      postDigest(deps(), { workspaceId: DEMO_TEAM_ID, channelId: CHANNEL, businessDate: day }),
    ]);
    expect(results.map((r) => r.kind).sort()).toEqual(['busy', 'posted']);
    const parents = parentMessages().filter((m) => JSON.stringify(m.blocks).includes('24 Nov 2026'));
    expect(parents).toHaveLength(1);
    expect(threadReplies(parents[0]!.ts)).toHaveLength(25);
  });

  it('counts promises broken since the start of yesterday in the workspace zone when the channel had no digest yet', async () => {
    const [kase] = await t.database.db.execute(sql`select id from cases order by id desc limit 1`).then((r) => r as unknown as { id: number }[]);
    const broken = (decidedAt: string, amountCents: number) => ({
      workspaceId: DEMO_TEAM_ID, caseId: Number(kase!.id), amountCents, currency: 'EUR', dueOn: '2026-11-20',
      takenBy: DEMO_COLLECTOR_ID, status: 'broken' as const, decidedAt: new Date(decidedAt),
    });
    // 23:30 on Saturday and 00:30 on Sunday in Paris: only the second is "since yesterday" for Monday's digest.
    await t.database.db.insert(promises).values([broken('2026-11-21T22:30:00Z', 111_00), broken('2026-11-21T23:30:00Z', 222_00)]);
    const data = await digestForDay(t.database.db, { id: DEMO_TEAM_ID, timezone: 'Europe/Paris' }, 'C0NEWCHANNEL', MONDAY, t.clock.now);
    expect(data.promisesBroken.lines.map((l) => l.amountCents)).toEqual([222_00]);
    await t.database.db.execute(sql`delete from promises where status = 'broken'`);
  });

  it('shows the change since the last digest', async () => {
    const day = '2026-11-25';
    t.clock.set(`${day}T08:00:00Z`);
    await t.database.db.execute(sql`update invoices set paid_cents = amount_cents where invoice_number in ('INV-1', 'INV-2')`);
    await t.database.db.execute(sql`update workspaces set balances_as_of = null`);
    await postDigest(deps(), { workspaceId: DEMO_TEAM_ID, channelId: CHANNEL, businessDate: day });
    const parent = parentMessages().find((m) => JSON.stringify(m.blocks).includes('25 Nov 2026'))!;
    expect(JSON.stringify(parent.blocks)).toContain('€28,000.00 (down €2,000.00 since the last digest)');
  });

  it('finishes a digest whose worker died between posting and recording, without doubling any message', async () => {
    const day = '2026-11-26';
    t.clock.set(`${day}T08:00:00Z`);
    // The 7th message reaches Slack but the worker dies before recording it.
    let posted = 0;
    const dying = deps();
    const realPost = dying.client.chat.postMessage.bind(dying.client.chat);
    dying.client.chat.postMessage = (async (args: Parameters<typeof realPost>[0]) => {
      const answer = await realPost(args);
      if (++posted === 7) throw new Error('worker killed');
      return answer;
    }) as typeof realPost;
    await expect(postDigest(dying, { workspaceId: DEMO_TEAM_ID, channelId: CHANNEL, businessDate: day })).rejects.toThrow('worker killed');

    t.clock.set(`${day}T08:05:00Z`);
    const resumed = await postDigest(deps(), { workspaceId: DEMO_TEAM_ID, channelId: CHANNEL, businessDate: day });
    expect(resumed).toMatchObject({ kind: 'posted', replies: 25 });
    const parents = parentMessages().filter((m) => JSON.stringify(m.blocks).includes('26 Nov 2026'));
    expect(parents).toHaveLength(1);
    const replies = threadReplies(parents[0]!.ts);
    expect(replies).toHaveLength(25);
    const cases = replies.map((r) => (r.metadata as { event_payload: { case_id: number } }).event_payload.case_id);
    expect(new Set(cases).size).toBe(25);
  });

  it('waits out a 429 with Retry-After and loses or doubles nothing', async () => {
    const day = '2026-11-27';
    t.clock.set(`${day}T08:00:00Z`);
    t.emulator.failNext('chat.postMessage', { status: 429, retryAfter: 3 }, 2);
    const result = await postDigest(deps(), { workspaceId: DEMO_TEAM_ID, channelId: CHANNEL, businessDate: day });
    expect(result).toMatchObject({ kind: 'posted', replies: 25 });
    expect(sleeps.filter((ms) => ms === 3000)).toHaveLength(2);
    const parents = parentMessages().filter((m) => JSON.stringify(m.blocks).includes('27 Nov 2026'));
    expect(parents).toHaveLength(1);
    expect(threadReplies(parents[0]!.ts)).toHaveLength(25);
  });

  it('says how to invite the bot when it cannot post in the channel, and posts nothing', async () => {
    const day = '2026-11-30';
    t.clock.set(`${day}T08:00:00Z`);
    const lines: string[] = [];
    const logger = pino({ level: 'error' }, { write: (line: string) => { lines.push(line); } });
    const result = await postDigest(deps({ logger }), { workspaceId: DEMO_TEAM_ID, channelId: DEMO_PRIVATE_CHANNEL_ID, businessDate: day });
    expect(result).toEqual({ kind: 'channel_error', error: 'channel_not_found' });
    expect(lines.join('\n')).toContain('invite it with /invite @relance');
    const [row] = await t.database.db.select().from(digests).where(sql`channel_id = ${DEMO_PRIVATE_CHANNEL_ID}`);
    expect(row!.status).toBe('posting');
    expect(row!.lockedUntil).toBeNull();
  });
});
