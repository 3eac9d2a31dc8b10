// Claiming and releasing a call from the digest, as signed events and clicks:
// a release gives back what the claim took, whatever order Slack delivers in.
import { WebClient } from '@slack/web-api';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities, cases, members, tasks } from '../../src/db/schema.ts';
import {
  DEMO_BOT_TOKEN, DEMO_COLLECTIONS_CHANNEL_ID as CHANNEL, DEMO_COLLECTOR_ID, DEMO_MANAGER_ID, DEMO_TEAM_ID,
} from '../../src/emulator/seed.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { debtors } from '../support/digest-ledger.ts';
import { seedLedger } from '../support/ledger.ts';
import { postTestDigest, type PostedReply } from '../support/posted-digest.ts';

const MONDAY = '2026-11-23';
let t: TestApp;
let replies: PostedReply[];

const ownerOf = async (caseId: number) => (await t.database.db.select({ ownerId: cases.ownerId }).from(cases).where(eq(cases.id, caseId)))[0]!.ownerId;
const holderOf = async (caseId: number) => (await t.database.db.select().from(tasks)
  .where(and(eq(tasks.caseId, caseId), eq(tasks.kind, 'call'), eq(tasks.status, 'open'))))[0]?.assigneeId ?? null;
const ephemeral = (user: string, text: string) =>
  t.emulator.waitFor(() => t.emulator.ephemerals({ user }).find((e) => e.text.includes(text)), { timeoutMs: 10_000 });
const react = (user: string, ts: string) => t.sender.event({ event: t.emulator.addReaction(user, CHANNEL, ts, 'raising_hand') });
const unreact = (user: string, ts: string) => t.sender.event({ event: t.emulator.removeReaction(user, CHANNEL, ts, 'raising_hand') });
const releasesOf = async (caseId: number) => (await t.database.db.select().from(activities)
  .where(and(eq(activities.caseId, caseId), eq(activities.kind, 'call_released')))).length;

async function until(probe: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  for (const end = Date.now() + timeoutMs; Date.now() < end;) {
    if (await probe()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('timed out waiting for the event to be handled');
}
const releasedCount = (user: string) => t.emulator.ephemerals({ user }).filter((e) => e.text.includes('You released')).length;

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set('2026-11-23T08:00:00Z');
  await seedLedger(t.database, DEMO_TEAM_ID, MONDAY, debtors(5, MONDAY));
  await t.database.db.insert(members).values([
    { workspaceId: DEMO_TEAM_ID, userId: DEMO_COLLECTOR_ID, role: 'collector' },
    { workspaceId: DEMO_TEAM_ID, userId: DEMO_MANAGER_ID, role: 'manager' },
  ]);
  ({ replies } = await postTestDigest(t, MONDAY));
});

afterAll(async () => {
  await t?.close();
});

describe('releasing a call', () => {
  it('gives the case back when the claim made you its owner', async () => {
    const reply = replies[0]!;
    expect(await ownerOf(reply.caseId)).toBeNull();
    await react(DEMO_COLLECTOR_ID, reply.ts);
    await ephemeral(DEMO_COLLECTOR_ID, 'You have the call to *Debtor 05*');
    expect(await ownerOf(reply.caseId)).toBe(DEMO_COLLECTOR_ID);
    await unreact(DEMO_COLLECTOR_ID, reply.ts);
    await ephemeral(DEMO_COLLECTOR_ID, 'You released the call to *Debtor 05*');
    expect(await holderOf(reply.caseId)).toBeNull();
    expect(await ownerOf(reply.caseId)).toBeNull();
  });

  it('keeps an owner the claim did not give', async () => {
    const reply = replies[1]!;
    await t.database.db.update(cases).set({ ownerId: DEMO_MANAGER_ID }).where(eq(cases.id, reply.caseId));
    const before = releasedCount(DEMO_COLLECTOR_ID);
    await react(DEMO_COLLECTOR_ID, reply.ts);
    await ephemeral(DEMO_COLLECTOR_ID, 'You have the call to *Debtor 04*');
    await unreact(DEMO_COLLECTOR_ID, reply.ts);
    await t.emulator.waitFor(() => (releasedCount(DEMO_COLLECTOR_ID) > before ? true : undefined));
    expect(await ownerOf(reply.caseId)).toBe(DEMO_MANAGER_ID);
  });

  it('keeps an owner someone else set after the claim', async () => {
    const reply = replies[2]!;
    await react(DEMO_COLLECTOR_ID, reply.ts);
    await ephemeral(DEMO_COLLECTOR_ID, 'You have the call to *Debtor 03*');
    expect(await ownerOf(reply.caseId)).toBe(DEMO_COLLECTOR_ID);
    await t.database.db.update(cases).set({ ownerId: DEMO_MANAGER_ID }).where(eq(cases.id, reply.caseId));
    const before = releasedCount(DEMO_COLLECTOR_ID);
    await unreact(DEMO_COLLECTOR_ID, reply.ts);
    await t.emulator.waitFor(() => (releasedCount(DEMO_COLLECTOR_ID) > before ? true : undefined));
    expect(await ownerOf(reply.caseId)).toBe(DEMO_MANAGER_ID);
  });
});

describe('reaction events out of order', () => {
  it('leaves no call held when the removal is delivered before the addition', async () => {
    const reply = replies[3]!;
    const added = t.emulator.addReaction(DEMO_COLLECTOR_ID, CHANNEL, reply.ts, 'raising_hand');
    const removed = t.emulator.removeReaction(DEMO_COLLECTOR_ID, CHANNEL, reply.ts, 'raising_hand');
    expect((await t.sender.event({ event: removed })).status).toBe(200);
    expect((await t.sender.event({ event: added })).status).toBe(200);
    // Bolt runs the two listeners at once: the removal may give back the claim the addition just made ("released"),
    // or find nothing; either way nobody may be told the call is theirs.
    const claimedTold = () => t.emulator.ephemerals({ user: DEMO_COLLECTOR_ID }).some((e) => e.text.includes('You have the call to *Debtor 02*'));
    // Handled: either the claim was announced, or the call was given back after checking the message.
    await until(async () => claimedTold() || (t.emulator.calls('reactions.get').length > 0 && await holderOf(reply.caseId) === null && await releasesOf(reply.caseId) > 0));
    expect(claimedTold()).toBe(false);
    expect(await holderOf(reply.caseId)).toBeNull();
    expect(await ownerOf(reply.caseId)).toBeNull();
    expect(JSON.stringify(t.emulator.message(CHANNEL, reply.ts)!.blocks)).not.toContain('Call claimed by');
  });

  it('keeps the claim when the reaction is still there', async () => {
    const reply = replies[4]!;
    await react(DEMO_MANAGER_ID, reply.ts);
    await ephemeral(DEMO_MANAGER_ID, 'You have the call to *Debtor 01*');
    expect(await holderOf(reply.caseId)).toBe(DEMO_MANAGER_ID);
  });
});

describe('the emulator answers reactions.get as Slack does', () => {
  it('lists who reacted, and needs reactions:read', async () => {
    const client = new WebClient(DEMO_BOT_TOKEN, { slackApiUrl: t.emulator.apiUrl });
    const reply = replies[4]!;
    const got = await client.reactions.get({ channel: CHANNEL, timestamp: reply.ts, full: true });
    expect(got).toMatchObject({ ok: true, type: 'message', channel: CHANNEL, message: { ts: reply.ts, reactions: [{ name: 'raising_hand', users: [DEMO_MANAGER_ID], count: 1 }] } });
    t.emulator.state.revokeScopes(DEMO_TEAM_ID, ['reactions:read']);
    try {
      await expect(client.reactions.get({ channel: CHANNEL, timestamp: reply.ts })).rejects.toMatchObject({ data: { error: 'missing_scope' } });
    } finally {
      t.emulator.state.grantScopes(DEMO_TEAM_ID, ['reactions:read']);
    }
  });
});
