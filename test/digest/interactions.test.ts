// Acting on the digest from Slack: reactions, buttons and the log-call modal,
// all as signed requests from the emulator.
import { WebClient } from '@slack/web-api';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities, members, tasks } from '../../src/db/schema.ts';
import {
  DEMO_BOT_TOKEN, DEMO_COLLECTIONS_CHANNEL_ID as CHANNEL, DEMO_COLLECTOR_ID, DEMO_MANAGER_ID, DEMO_OUTSIDER_ID, DEMO_TEAM_ID,
} from '../../src/emulator/seed.ts';
import { createLogger } from '../../src/log.ts';
import { postDigest } from '../../src/services/post-digest.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { debtors } from '../support/digest-ledger.ts';
import { seedLedger } from '../support/ledger.ts';

let t: TestApp;
let replies: { ts: string; caseId: number }[];
const MONDAY = '2026-11-23';

const ephemeralFor = (user: string, text: string) =>
  t.emulator.waitFor(() => t.emulator.ephemerals({ user }).find((e) => e.text.includes(text)), { timeoutMs: 10_000 });

const claims = (caseId: number) => t.database.db.select().from(activities)
  .where(and(eq(activities.caseId, caseId), eq(activities.kind, 'call_claimed')));

const openCall = async (caseId: number) => (await t.database.db.select().from(tasks)
  .where(and(eq(tasks.caseId, caseId), eq(tasks.kind, 'call'), eq(tasks.status, 'open'))))[0];

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set('2026-11-23T08:00:00Z');
  await seedLedger(t.database, DEMO_TEAM_ID, MONDAY, debtors(5, MONDAY));
  await t.database.db.insert(members).values([
    { workspaceId: DEMO_TEAM_ID, userId: DEMO_COLLECTOR_ID, role: 'collector' },
    { workspaceId: DEMO_TEAM_ID, userId: DEMO_MANAGER_ID, role: 'manager' },
  ]);
  const client = new WebClient(DEMO_BOT_TOKEN, { slackApiUrl: t.emulator.apiUrl });
  const posted = await postDigest({ db: t.database.db, client, clock: () => t.clock.now, sleep: async () => {}, logger: createLogger('silent') },
    { workspaceId: DEMO_TEAM_ID, channelId: CHANNEL, businessDate: MONDAY });
  if (posted.kind !== 'posted') throw new Error(`digest not posted: ${posted.kind}`);
  replies = t.emulator.messages(CHANNEL, { threadTs: posted.messageTs }).filter((m) => m.ts !== posted.messageTs)
    .map((m) => ({ ts: m.ts, caseId: (m.metadata as { event_payload: { case_id: number } }).event_payload.case_id }));
});

afterAll(async () => {
  await t?.close();
});

describe(':raising_hand: on a case reply', () => {
  it('claims the call for the reactor, once even when Slack retries the event', async () => {
    const [first] = replies;
    const event = t.emulator.addReaction(DEMO_COLLECTOR_ID, CHANNEL, first!.ts, 'raising_hand');
    const sent = await t.sender.event({ event, eventId: 'Ev-CLAIM-1' });
    expect(sent.status).toBe(200);
    await ephemeralFor(DEMO_COLLECTOR_ID, 'You have the call to *Debtor 05*');
    const retry = await t.sender.event({ event, eventId: 'Ev-CLAIM-1', retryNum: 1, retryReason: 'http_timeout' });
    expect(retry.status).toBe(200);
    expect((await openCall(first!.caseId))?.assigneeId).toBe(DEMO_COLLECTOR_ID);
    await t.emulator.waitFor(() => (t.emulator.revisions(CHANNEL, first!.ts).length > 0 ? true : undefined), { timeoutMs: 5_000 });
    expect(JSON.stringify(t.emulator.message(CHANNEL, first!.ts)!.blocks)).toContain(`Call claimed by <@${DEMO_COLLECTOR_ID}>`);
    expect(await claims(first!.caseId)).toHaveLength(1);
  });

  it('tells a second person the call is taken, and their unreacting releases nothing', async () => {
    const [first] = replies;
    await t.sender.event({ event: t.emulator.addReaction(DEMO_MANAGER_ID, CHANNEL, first!.ts, 'raising_hand') });
    await ephemeralFor(DEMO_MANAGER_ID, `already claimed by <@${DEMO_COLLECTOR_ID}>`);
    await t.sender.event({ event: t.emulator.removeReaction(DEMO_MANAGER_ID, CHANNEL, first!.ts, 'raising_hand') });
    // The manager's removal is processed; the collector still holds the call.
    await t.sender.event({ event: t.emulator.addReaction(DEMO_MANAGER_ID, CHANNEL, replies[1]!.ts, 'raising_hand') });
    await ephemeralFor(DEMO_MANAGER_ID, 'You have the call to *Debtor 04*');
    expect((await openCall(first!.caseId))?.assigneeId).toBe(DEMO_COLLECTOR_ID);
  });

  it('releases the call when its holder removes the reaction', async () => {
    const [first] = replies;
    await t.sender.event({ event: t.emulator.removeReaction(DEMO_COLLECTOR_ID, CHANNEL, first!.ts, 'raising_hand') });
    await ephemeralFor(DEMO_COLLECTOR_ID, 'You released the call to *Debtor 05*');
    expect(await openCall(first!.caseId)).toBeUndefined();
  });

  it('ignores other reactions and refuses strangers', async () => {
    await t.sender.event({ event: t.emulator.addReaction(DEMO_COLLECTOR_ID, CHANNEL, replies[2]!.ts, 'eyes') });
    t.emulator.state.addMember(CHANNEL, DEMO_OUTSIDER_ID);
    await t.sender.event({ event: t.emulator.addReaction(DEMO_OUTSIDER_ID, CHANNEL, replies[2]!.ts, 'raising_hand') });
    await ephemeralFor(DEMO_OUTSIDER_ID, 'only open to the collections team');
    expect(await openCall(replies[2]!.caseId)).toBeUndefined();
  });
});

describe('buttons', () => {
  it('Claim call claims for the clicker; a second clicker is told who has it', async () => {
    const reply = replies[3]!;
    const mine = await t.sender.blockAction({ userId: DEMO_COLLECTOR_ID, channelId: CHANNEL, messageTs: reply.ts, actionId: 'claim_call' });
    expect(mine.status).toBe(200);
    expect(JSON.stringify((await t.emulator.waitForResponse(mine.responseUrlId!)).body)).toContain('You have the call');
    const theirs = await t.sender.blockAction({ userId: DEMO_MANAGER_ID, channelId: CHANNEL, messageTs: reply.ts, actionId: 'claim_call' });
    expect(JSON.stringify((await t.emulator.waitForResponse(theirs.responseUrlId!)).body)).toContain('already claimed by');
    expect((await openCall(reply.caseId))?.assigneeId).toBe(DEMO_COLLECTOR_ID);
  });

  it('Log call opens the modal; submitting it logs the outcome, closes the call and schedules the next', async () => {
    const reply = replies[3]!;
    const clicked = await t.sender.blockAction({ userId: DEMO_COLLECTOR_ID, channelId: CHANNEL, messageTs: reply.ts, actionId: 'log_call' });
    expect(clicked.status).toBe(200);
    const opened = await t.emulator.waitForCall('views.open', { timeoutMs: 5_000 });
    const viewId = (opened.response as { view: { id: string } }).view.id;
    const submitted = await t.sender.viewSubmission({
      userId: DEMO_COLLECTOR_ID, viewId,
      view: { state: { values: { outcome: { value: { type: 'static_select', selected_option: { value: 'no_answer' } } }, note: { value: { type: 'plain_text_input', value: 'Rang 6 times' } } } } },
    });
    expect(submitted.status).toBe(200);
    await ephemeralFor(DEMO_COLLECTOR_ID, 'logged: no answer');
    const [logged] = await t.database.db.select().from(activities).where(and(eq(activities.caseId, reply.caseId), eq(activities.kind, 'call_logged')));
    expect(logged).toMatchObject({ actorId: DEMO_COLLECTOR_ID, note: 'Rang 6 times', data: { outcome: 'no_answer' } });
    // The claimed call is done; no answer puts the next attempt on the list (back-off: 1 business day, 09:00 Paris).
    const next = await openCall(reply.caseId);
    expect(next).toMatchObject({ assigneeId: DEMO_COLLECTOR_ID, dueAt: new Date('2026-11-24T08:00:00Z') });
    expect(await t.database.db.select().from(tasks).where(and(eq(tasks.caseId, reply.caseId), eq(tasks.status, 'done')))).toHaveLength(1);
  });

  it('refuses a modal without an outcome, changing nothing', async () => {
    const reply = replies[4]!;
    await t.sender.blockAction({ userId: DEMO_COLLECTOR_ID, channelId: CHANNEL, messageTs: reply.ts, actionId: 'log_call' });
    const opened = await t.emulator.waitForCall('views.open', { count: 2, timeoutMs: 5_000 });
    const viewId = (opened.response as { view: { id: string } }).view.id;
    const submitted = await t.sender.viewSubmission({ userId: DEMO_COLLECTOR_ID, viewId, view: { state: { values: { outcome: { value: { type: 'static_select', selected_option: null } } } } } });
    expect(JSON.stringify(submitted.body)).toContain('Pick an outcome');
    const logged = await t.database.db.select().from(activities).where(sql`case_id = ${reply.caseId} and kind = 'call_logged'`);
    expect(logged).toHaveLength(0);
  });
});
