// Removing :raising_hand: gives back only what a claim did: a call given to the
// collector some other way (a manager's assignment, a scheduled follow-up, a claim
// since released) is never cancelled nor unassigned by it.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities, cases, members, tasks } from '../../src/db/schema.ts';
import {
  DEMO_COLLECTIONS_CHANNEL_ID as CHANNEL, DEMO_COLLECTOR_ID, DEMO_MANAGER_ID, DEMO_TEAM_ID,
} from '../../src/emulator/seed.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { debtors } from '../support/digest-ledger.ts';
import { seedLedger } from '../support/ledger.ts';
import { postTestDigest, type PostedReply } from '../support/posted-digest.ts';

const MONDAY = '2026-11-23';
let t: TestApp;
let replies: PostedReply[];

const told = () => t.emulator.ephemerals({ user: DEMO_COLLECTOR_ID }).map((e) => e.text);
/** Sends the event and waits for relance's answer to it. */
async function answerTo(event: Record<string, unknown>): Promise<string> {
  const before = told().length;
  expect((await t.sender.event({ event })).status).toBe(200);
  return t.emulator.waitFor(() => told()[before], { timeoutMs: 10_000 });
}
const react = (ts: string) => answerTo(t.emulator.addReaction(DEMO_COLLECTOR_ID, CHANNEL, ts, 'raising_hand'));
const unreact = (ts: string) => answerTo(t.emulator.removeReaction(DEMO_COLLECTOR_ID, CHANNEL, ts, 'raising_hand'));
const task = async (id: number) => (await t.database.db.select().from(tasks).where(eq(tasks.id, id)))[0]!;
const caseRow = async (id: number) => (await t.database.db.select().from(cases).where(eq(cases.id, id)))[0]!;
const releases = async (caseId: number) => (await t.database.db.select().from(activities)
  .where(and(eq(activities.caseId, caseId), eq(activities.kind, 'call_released')))).length;

async function callTask(caseId: number, assigneeId: string | null): Promise<number> {
  const [row] = await t.database.db.insert(tasks).values({
    workspaceId: DEMO_TEAM_ID, caseId, kind: 'call', assigneeId, dueAt: t.clock.now, createdBy: DEMO_MANAGER_ID,
  }).returning({ id: tasks.id });
  return row!.id;
}

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set('2026-11-23T08:00:00Z');
  await seedLedger(t.database, DEMO_TEAM_ID, MONDAY, debtors(3, MONDAY));
  await t.database.db.insert(members).values([
    { workspaceId: DEMO_TEAM_ID, userId: DEMO_COLLECTOR_ID, role: 'collector' },
    { workspaceId: DEMO_TEAM_ID, userId: DEMO_MANAGER_ID, role: 'manager' },
  ]);
  ({ replies } = await postTestDigest(t, MONDAY));
});

afterAll(async () => {
  await t?.close();
});

describe('removing :raising_hand: from a call the collector did not claim', () => {
  it('keeps a call a manager assigned, and says so', async () => {
    const reply = replies[0]!;
    const assigned = await callTask(reply.caseId, DEMO_COLLECTOR_ID);
    await t.database.db.update(cases).set({ ownerId: DEMO_COLLECTOR_ID }).where(eq(cases.id, reply.caseId));
    expect(await react(reply.ts)).toContain('You already have the call to *Debtor 03*');
    const answer = await unreact(reply.ts);
    expect(answer).not.toContain('You released');
    expect(answer).toContain('still yours');
    expect(await task(assigned)).toMatchObject({ status: 'open', assigneeId: DEMO_COLLECTOR_ID, closedAt: null });
    expect((await caseRow(reply.caseId)).ownerId).toBe(DEMO_COLLECTOR_ID);
    expect(await releases(reply.caseId)).toBe(0);
  });

  it('keeps a call assigned again after the claim on it was released', async () => {
    const reply = replies[1]!;
    const unassigned = await callTask(reply.caseId, null);
    expect(await react(reply.ts)).toContain('You have the call to *Debtor 02*');
    expect(await unreact(reply.ts)).toContain('You released the call to *Debtor 02*');
    expect(await task(unassigned)).toMatchObject({ status: 'open', assigneeId: null });
    // The manager gives it to the collector; the old claim is no longer what gave it.
    await t.database.db.update(tasks).set({ assigneeId: DEMO_COLLECTOR_ID }).where(eq(tasks.id, unassigned));
    expect(await react(reply.ts)).toContain('You already have the call to *Debtor 02*');
    expect(await unreact(reply.ts)).toContain('still yours');
    expect(await task(unassigned)).toMatchObject({ status: 'open', assigneeId: DEMO_COLLECTOR_ID });
  });

  it('only unassigns, never cancels, a call claimed before claims recorded whether they created it', async () => {
    const reply = replies[2]!;
    const claimed = await callTask(reply.caseId, DEMO_COLLECTOR_ID);
    const [kase] = await t.database.db.select({ customerId: cases.customerId }).from(cases).where(eq(cases.id, reply.caseId));
    // What a claim wrote before it recorded whether it created the task.
    await t.database.db.insert(activities).values({
      workspaceId: DEMO_TEAM_ID, caseId: reply.caseId, customerId: kase!.customerId, kind: 'call_claimed',
      actorId: DEMO_COLLECTOR_ID, occurredAt: t.clock.now, data: { via: 'reaction', task_id: claimed },
    });
    t.emulator.addReaction(DEMO_COLLECTOR_ID, CHANNEL, reply.ts, 'raising_hand');
    expect(await unreact(reply.ts)).toContain('You released the call to *Debtor 01*');
    expect(await task(claimed)).toMatchObject({ status: 'open', assigneeId: null });
  });
});
