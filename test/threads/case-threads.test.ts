// Every activity of a case is posted in the case's one thread in the team
// channel: a header first (once), then one post per activity, a DM to the
// owner when a promise is broken, and the case card links to the thread.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelPosts, cases, members } from '../../src/db/schema.ts';
import { enqueueChannelPost, findChannelPost } from '../../src/db/channel-posts.ts';
import { writeSetting } from '../../src/db/settings.ts';
import {
  DEMO_ADMIN_ID, DEMO_COLLECTIONS_CHANNEL_ID as CHANNEL, DEMO_COLLECTOR_ID, DEMO_GENERAL_CHANNEL_ID as GENERAL, DEMO_MANAGER_ID, DEMO_TEAM_ID,
} from '../../src/emulator/seed.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { debtors } from '../support/digest-ledger.ts';
import { seedLedger } from '../support/ledger.ts';
import { caseOf, dmsTo, metaOf, postEverything, rootsOf, threadPosts, writeActivity } from './support.ts';

const MONDAY = '2026-11-23';
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(`${MONDAY}T09:00:00Z`);
  await seedLedger(t.database, DEMO_TEAM_ID, MONDAY, debtors(4, MONDAY));
  await t.database.db.insert(members).values([
    { workspaceId: DEMO_TEAM_ID, userId: DEMO_COLLECTOR_ID, role: 'collector' },
    { workspaceId: DEMO_TEAM_ID, userId: DEMO_MANAGER_ID, role: 'manager' },
  ]);
  await writeSetting(t.database.db, { workspaceId: DEMO_TEAM_ID, name: 'channel', value: CHANNEL, by: DEMO_ADMIN_ID, now: t.clock.now });
});

afterAll(async () => {
  await t?.close();
});

describe('a case thread', () => {
  it('starts with the case header, posted once, and gets one post per activity', async () => {
    const d1 = await caseOf(t.database, 'D01');
    await t.database.db.update(cases).set({ ownerId: DEMO_COLLECTOR_ID }).where(eq(cases.id, d1.caseId));
    await writeActivity(t.database, { ...d1, kind: 'call_logged', data: { outcome: 'no_answer' }, actorId: DEMO_COLLECTOR_ID, at: t.clock.now });
    await postEverything(t);

    const [root] = rootsOf(t, CHANNEL, d1.caseId);
    expect(rootsOf(t, CHANNEL, d1.caseId)).toHaveLength(1);
    expect(JSON.stringify(root!.blocks)).toContain('*Debtor 01* (D01) — €1,000.00 overdue on 23 Nov 2026 · owner: <@U0COLLECTOR>');
    expect(threadPosts(t, CHANNEL, d1.caseId).map((m) => m.text)).toEqual(['Call logged: no answer by <@U0COLLECTOR>']);
    const [kase] = await t.database.db.select().from(cases).where(eq(cases.id, d1.caseId));
    expect(kase!.threadTs).toBe(root!.ts);

    await writeActivity(t.database, { ...d1, kind: 'call_logged', data: { outcome: 'reached' }, note: 'Will pay *Friday*\n<!channel>', actorId: DEMO_COLLECTOR_ID, at: t.clock.now });
    await postEverything(t);
    expect(rootsOf(t, CHANNEL, d1.caseId)).toHaveLength(1);
    expect(threadPosts(t, CHANNEL, d1.caseId).map((m) => m.text)).toEqual([
      'Call logged: no answer by <@U0COLLECTOR>',
      // The note is the collector's words, quoted and escaped: no bold, no @channel.
      'Call logged: reached by <@U0COLLECTOR>\n> Will pay \u2217Friday\u2217\n> &lt;!channel&gt;',
    ]);
  });

  it('does not post the opening of a case: the header says it', async () => {
    const posts = await t.database.db.select().from(channelPosts).where(eq(channelPosts.workspaceId, DEMO_TEAM_ID));
    expect(posts.filter((p) => p.kind === 'activity')).toHaveLength(2);
  });

  it('tells the owner by DM when a promise is broken, and notes a kept one in the thread only', async () => {
    const d2 = await caseOf(t.database, 'D02');
    await t.database.db.update(cases).set({ ownerId: DEMO_COLLECTOR_ID }).where(eq(cases.id, d2.caseId));
    const dmsBefore = dmsTo(t, DEMO_COLLECTOR_ID).length;
    await writeActivity(t.database, {
      ...d2, kind: 'promise_broken', at: t.clock.now,
      data: { promise_id: 1, amount_cents: 50_000, currency: 'EUR', paid_cents: 20_000, missing_cents: 30_000, due_on: '2026-11-19' },
    });
    await writeActivity(t.database, {
      ...d2, kind: 'promise_kept', at: t.clock.now, data: { promise_id: 2, amount_cents: 10_000, currency: 'EUR', paid_cents: 10_000 },
    });
    await postEverything(t);

    const dms = dmsTo(t, DEMO_COLLECTOR_ID).slice(dmsBefore);
    expect(dms).toHaveLength(1);
    expect(dms[0]!.text).toMatch(/^A promise to pay on \*Debtor 02\* \(D02\) was broken: .+\. The case is back on the ladder: `\/collect case D02`$/);
    const posts = threadPosts(t, CHANNEL, d2.caseId);
    expect(posts).toHaveLength(2);
    expect(posts[0]!.text).toBe(dms[0]!.text.match(/was broken: (.+)\. The case/)![1]);
    expect(posts.map((m) => metaOf(m)?.part)).toEqual(['activity', 'activity']);
  });

  it('sends no DM for a broken promise on a case nobody owns', async () => {
    const d3 = await caseOf(t.database, 'D03');
    await writeActivity(t.database, {
      ...d3, kind: 'promise_broken', at: t.clock.now,
      data: { promise_id: 3, amount_cents: 50_000, currency: 'EUR', paid_cents: 0, missing_cents: 50_000, due_on: '2026-11-19' },
    });
    const dms = await t.database.db.select().from(channelPosts).where(and(eq(channelPosts.kind, 'dm')));
    expect(dms).toHaveLength(1);
    await postEverything(t);
    expect(threadPosts(t, CHANNEL, d3.caseId)).toHaveLength(1);
  });
});

describe('the case card', () => {
  it('links to the case thread', async () => {
    const d1 = await caseOf(t.database, 'D01');
    const [root] = rootsOf(t, CHANNEL, d1.caseId);
    const sent = await t.sender.slashCommand({ userId: DEMO_COLLECTOR_ID, channelId: CHANNEL, text: 'case D01' });
    const reply = (await t.emulator.waitForResponse(sent.responseUrlId!, { timeoutMs: 10_000 })).body as { blocks: unknown[] };
    const card = JSON.stringify(reply.blocks);
    expect(card).toContain(`<https://demo.slack.com/archives/${CHANNEL}/p${root!.ts.replace('.', '')}|Case thread>`);
    // The card's activity lines and the thread's posts are the same sentences.
    expect(card).toContain('Call logged: reached by <@U0COLLECTOR>');
  });

  it('names the channel when Slack gave no link', async () => {
    const d2 = await caseOf(t.database, 'D02');
    await t.database.db.update(channelPosts).set({ permalink: null }).where(and(eq(channelPosts.caseId, d2.caseId), eq(channelPosts.kind, 'root')));
    const sent = await t.sender.slashCommand({ userId: DEMO_COLLECTOR_ID, channelId: CHANNEL, text: 'case D02' });
    const reply = (await t.emulator.waitForResponse(sent.responseUrlId!, { timeoutMs: 10_000 })).body as { blocks: unknown[] };
    expect(JSON.stringify(reply.blocks)).toContain(`:thread: The case thread is in <#${CHANNEL}>`);
  });

  it('has no thread line for a case without a thread', async () => {
    const sent = await t.sender.slashCommand({ userId: DEMO_COLLECTOR_ID, channelId: CHANNEL, text: 'case D04' });
    const reply = (await t.emulator.waitForResponse(sent.responseUrlId!, { timeoutMs: 10_000 })).body as { blocks: unknown[] };
    expect(JSON.stringify(reply.blocks)).not.toContain(':thread:');
  });
});

describe('messages other features queue (enqueueChannelPost)', () => {
  it('are posted in the team channel, a case thread, another channel or a DM, once per key', async () => {
    const d4 = await caseOf(t.database, 'D04');
    const now = t.clock.now;
    const db = t.database.db;
    const team = await enqueueChannelPost(db, { workspaceId: DEMO_TEAM_ID, target: { to: 'team' }, text: 'Ladder pass: 3 reminders drafted', key: 'ladder.2026-11-23', now });
    const again = await enqueueChannelPost(db, { workspaceId: DEMO_TEAM_ID, target: { to: 'team' }, text: 'Ladder pass: 3 reminders drafted', key: 'ladder.2026-11-23', now });
    expect(again).toBe(team);
    const thread = await enqueueChannelPost(db, { workspaceId: DEMO_TEAM_ID, target: { to: 'case_thread', caseId: d4.caseId }, text: 'Reminder e-mail sent', now });
    const other = await enqueueChannelPost(db, { workspaceId: DEMO_TEAM_ID, target: { to: 'channel', channelId: GENERAL }, text: 'Approval needed', now });
    const dm = await enqueueChannelPost(db, { workspaceId: DEMO_TEAM_ID, target: { to: 'user', userId: DEMO_MANAGER_ID }, text: 'An approval waits for you', now });
    expect(await findChannelPost(db, DEMO_TEAM_ID, team)).toMatchObject({ status: 'pending', channelId: null, messageTs: null });
    await postEverything(t);

    const teamPost = await findChannelPost(db, DEMO_TEAM_ID, team);
    expect(teamPost).toMatchObject({ status: 'posted', channelId: CHANNEL });
    expect(t.emulator.message(CHANNEL, teamPost!.messageTs!)!.text).toBe('Ladder pass: 3 reminders drafted');
    expect(t.emulator.messages(CHANNEL).filter((m) => m.text === 'Ladder pass: 3 reminders drafted')).toHaveLength(1);
    expect(threadPosts(t, CHANNEL, d4.caseId).map((m) => m.text)).toEqual(['Reminder e-mail sent']);
    expect((await findChannelPost(db, DEMO_TEAM_ID, thread))!.status).toBe('posted');
    const otherPost = await findChannelPost(db, DEMO_TEAM_ID, other);
    expect(t.emulator.message(GENERAL, otherPost!.messageTs!)!.text).toBe('Approval needed');
    expect((await findChannelPost(db, DEMO_TEAM_ID, dm))!.status).toBe('posted');
    expect(dmsTo(t, DEMO_MANAGER_ID).map((m) => m.text)).toEqual(['An approval waits for you']);
  });
});
