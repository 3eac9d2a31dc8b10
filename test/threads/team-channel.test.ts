// Case threads live in the team channel: the `channel` setting, else the
// first channel given a digest. Without one nothing is posted and nothing is
// lost: once there is one, the open cases' waiting activity of the last week
// is posted (older, or a case closed meanwhile, is left to the case card).
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases, channelPosts, members } from '../../src/db/schema.ts';
import { writeSetting } from '../../src/db/settings.ts';
import {
  DEMO_ADMIN_ID, DEMO_COLLECTIONS_CHANNEL_ID as CHANNEL, DEMO_COLLECTOR_ID, DEMO_GENERAL_CHANNEL_ID as GENERAL, DEMO_MANAGER_ID, DEMO_TEAM_ID,
} from '../../src/emulator/seed.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { debtors } from '../support/digest-ledger.ts';
import { seedLedger } from '../support/ledger.ts';
import { caseOf, postEverything, rootsOf, route, threadPosts, writeActivity } from './support.ts';

const MONDAY = '2026-11-23';
let t: TestApp;

const log = async (ref: string, note: string, at = t.clock.now) =>
  writeActivity(t.database, { ...(await caseOf(t.database, ref)), kind: 'call_logged', data: { outcome: 'reached' }, actorId: DEMO_COLLECTOR_ID, note, at });
const statusOf = async (activityId: number) =>
  (await t.database.db.select().from(channelPosts).where(and(eq(channelPosts.activityId, activityId), eq(channelPosts.kind, 'activity'))))[0]!;
const posts = () => t.emulator.calls('chat.postMessage').filter((c) => c.status === 200).length;

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(`${MONDAY}T09:00:00Z`);
  await seedLedger(t.database, DEMO_TEAM_ID, MONDAY, debtors(4, MONDAY));
  await t.database.db.insert(members).values([
    { workspaceId: DEMO_TEAM_ID, userId: DEMO_COLLECTOR_ID, role: 'collector' },
    { workspaceId: DEMO_TEAM_ID, userId: DEMO_MANAGER_ID, role: 'manager' },
  ]);
});

afterAll(async () => {
  await t?.close();
});

describe('a workspace without a team channel', () => {
  let recent: number;
  let old: number;
  let closed: number;

  it('posts nothing, and keeps every activity waiting', async () => {
    old = await log('D02', 'ten days ago', new Date(t.clock.now.getTime() - 10 * 86_400_000));
    recent = await log('D01', 'this morning');
    closed = await log('D03', 'before it was paid');
    const d3 = await caseOf(t.database, 'D03');
    await t.database.db.update(cases).set({ status: 'resolved', resolvedAt: t.clock.now }).where(eq(cases.id, d3.caseId));

    const before = posts();
    await postEverything(t);
    expect(posts()).toBe(before);
    for (const id of [recent, old, closed]) expect(await statusOf(id)).toMatchObject({ status: 'pending', channelId: null });
  });

  it('posts the open cases\' recent activity once a digest gives it a channel', async () => {
    const sent = await t.sender.slashCommand({ userId: DEMO_MANAGER_ID, channelId: CHANNEL, text: 'digest schedule 09:00' });
    await t.emulator.waitForResponse(sent.responseUrlId!, { timeoutMs: 10_000 });
    await postEverything(t);

    const d1 = await caseOf(t.database, 'D01');
    expect(rootsOf(t, CHANNEL, d1.caseId)).toHaveLength(1);
    expect(threadPosts(t, CHANNEL, d1.caseId).map((m) => m.text)).toEqual(['Call logged: reached by <@U0COLLECTOR>\n> this morning']);
    expect(await statusOf(recent)).toMatchObject({ status: 'posted', channelId: CHANNEL });
    // Older than a week, or a case closed while it waited: in the timeline and the card, not in a new thread.
    expect(await statusOf(old)).toMatchObject({ status: 'skipped' });
    expect(await statusOf(closed)).toMatchObject({ status: 'skipped' });
    expect(rootsOf(t, CHANNEL, (await caseOf(t.database, 'D02')).caseId)).toHaveLength(0);
    expect(rootsOf(t, CHANNEL, (await caseOf(t.database, 'D03')).caseId)).toHaveLength(0);
  });

  it('keeps posting a case in its thread once it has one, old or not', async () => {
    const d1 = await caseOf(t.database, 'D01');
    await log('D01', 'a late entry', new Date(t.clock.now.getTime() - 30 * 86_400_000));
    await postEverything(t);
    expect(threadPosts(t, CHANNEL, d1.caseId)).toHaveLength(2);
  });
});

describe('the channel setting', () => {
  it('wins over the digest\'s channel; posts not begun yet follow it, and cases start their thread there', async () => {
    const d1 = await caseOf(t.database, 'D01');
    const d4 = await caseOf(t.database, 'D04');
    await log('D01', 'queued for collections');
    await log('D04', 'queued for collections too');
    await route(t);
    expect((await t.database.db.select().from(channelPosts).where(and(eq(channelPosts.status, 'pending'), eq(channelPosts.kind, 'activity'))))
      .map((p) => p.channelId)).toEqual([CHANNEL, CHANNEL]);

    await writeSetting(t.database.db, { workspaceId: DEMO_TEAM_ID, name: 'channel', value: GENERAL, by: DEMO_ADMIN_ID, now: t.clock.now });
    await postEverything(t);
    expect(threadPosts(t, CHANNEL, d1.caseId)).toHaveLength(2);
    expect(threadPosts(t, GENERAL, d1.caseId).map((m) => m.text)).toEqual(['Call logged: reached by <@U0COLLECTOR>\n> queued for collections']);
    expect(threadPosts(t, GENERAL, d4.caseId)).toHaveLength(1);
    expect(rootsOf(t, CHANNEL, d4.caseId)).toHaveLength(0);
    const [kase] = await t.database.db.select().from(cases).where(eq(cases.id, d1.caseId));
    expect(kase).toMatchObject({ threadChannelId: GENERAL, threadTs: rootsOf(t, GENERAL, d1.caseId)[0]!.ts });
  });
});
