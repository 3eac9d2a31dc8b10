// The same end-to-end scenario over signed HTTP and over Socket Mode, against
// the real app and the Slack emulator: commands, a digest button, a reaction,
// the log-call modal and the Home tab must behave alike on both transports.
// Socket Mode alone then meets a connection refresh and a lost ack.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities, members, tasks } from '../../src/db/schema.ts';
import type { SenderTransport } from '../../src/emulator/sender.ts';
import {
  DEMO_COLLECTIONS_CHANNEL_ID as CHANNEL, DEMO_COLLECTOR_ID as COLLECTOR, DEMO_MANAGER_ID as MANAGER, DEMO_TEAM_ID as TEAM,
} from '../../src/emulator/seed.ts';
import { SOCKET_MODE_ACK_TIMEOUT_MS, socketModeHub } from '../../src/emulator/socket-mode.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { debtors } from '../support/digest-ledger.ts';
import { seedLedger } from '../support/ledger.ts';
import { postTestDigest, type PostedReply } from '../support/posted-digest.ts';

const MONDAY = '2026-11-23';
const WAIT = { timeoutMs: 10_000 };

interface Scenario {
  t: TestApp;
  replies: PostedReply[];
}

async function startScenario(transport: SenderTransport): Promise<Scenario> {
  const t = await startTestApp({}, { transport });
  t.clock.set('2026-11-23T08:00:00Z');
  await seedLedger(t.database, TEAM, MONDAY, debtors(4, MONDAY));
  await t.database.db.insert(members).values([
    { workspaceId: TEAM, userId: COLLECTOR, role: 'collector' },
    { workspaceId: TEAM, userId: MANAGER, role: 'manager' },
  ]);
  const { replies } = await postTestDigest(t, MONDAY);
  return { t, replies };
}

// One app per transport for the whole file; Socket Mode's own tests reuse its app.
const scenarios = new Map<SenderTransport, Promise<Scenario>>();
const scenario = (transport: SenderTransport): Promise<Scenario> => {
  if (!scenarios.has(transport)) scenarios.set(transport, startScenario(transport));
  return scenarios.get(transport)!;
};

afterAll(async () => {
  for (const started of scenarios.values()) await (await started).t.close();
});

/** A /collect reply, whether it came back as the ack or through the response URL. */
async function collect(t: TestApp, userId: string, text: string): Promise<string> {
  const sent = await t.sender.slashCommand({ userId, channelId: CHANNEL, text });
  expect(sent.status).toBe(200);
  if (typeof sent.body === 'object' && sent.body !== null && 'text' in sent.body) return JSON.stringify(sent.body);
  return JSON.stringify((await t.emulator.waitForResponse(sent.responseUrlId!, WAIT)).body);
}

const ephemeralFor = (t: TestApp, user: string, text: string) =>
  t.emulator.waitFor(() => t.emulator.ephemerals({ user }).find((e) => e.text.includes(text)), WAIT);

const callActivities = (t: TestApp, caseId: number, kind: 'call_claimed' | 'call_logged') =>
  t.database.db.select().from(activities).where(and(eq(activities.caseId, caseId), eq(activities.kind, kind)));

const openCall = async (t: TestApp, caseId: number) => (await t.database.db.select().from(tasks)
  .where(and(eq(tasks.caseId, caseId), eq(tasks.kind, 'call'), eq(tasks.status, 'open'))))[0];

describe.each<SenderTransport>(['http', 'socket-mode'])('over %s', (transport) => {
  let s: Scenario;

  beforeAll(async () => {
    s = await scenario(transport);
  });

  it('answers /collect help and /collect overdue', async () => {
    expect(await collect(s.t, COLLECTOR, 'help')).toContain('/collect overdue');
    const overdue = await collect(s.t, COLLECTOR, 'overdue all');
    // Debtor 04 is the most overdue of the four, so it comes first.
    expect(overdue).toContain('Debtor 04');
    expect(overdue.indexOf('Debtor 04')).toBeLessThan(overdue.indexOf('Debtor 01'));
  });

  it('claims a call on :raising_hand:, once even when Slack retries the event', async () => {
    const { t, replies } = s;
    const [first] = replies;
    const event = t.emulator.addReaction(COLLECTOR, CHANNEL, first!.ts, 'raising_hand');
    expect((await t.sender.event({ event, eventId: `Ev-CLAIM-${transport}` })).status).toBe(200);
    await ephemeralFor(t, COLLECTOR, 'You have the call to *Debtor 04*');
    const retry = await t.sender.event({ event, eventId: `Ev-CLAIM-${transport}`, retryNum: 1, retryReason: 'timeout' });
    expect(retry.status).toBe(200);
    expect((await openCall(t, first!.caseId))?.assigneeId).toBe(COLLECTOR);
    expect(await callActivities(t, first!.caseId, 'call_claimed')).toHaveLength(1);
  });

  it('claims a call with the digest button, answering through the response URL', async () => {
    const { t, replies } = s;
    const clicked = await t.sender.blockAction({ userId: COLLECTOR, channelId: CHANNEL, messageTs: replies[1]!.ts, actionId: 'claim_call' });
    expect(clicked.status).toBe(200);
    expect(JSON.stringify((await t.emulator.waitForResponse(clicked.responseUrlId!, WAIT)).body)).toContain('You have the call');
    expect((await openCall(t, replies[1]!.caseId))?.assigneeId).toBe(COLLECTOR);
  });

  it('opens the log-call modal, answers a bad submission with errors in the ack, and logs a good one', async () => {
    const { t, replies } = s;
    const reply = replies[1]!;
    const opens = t.emulator.calls('views.open').length;
    await t.sender.blockAction({ userId: COLLECTOR, channelId: CHANNEL, messageTs: reply.ts, actionId: 'log_call' });
    const opened = await t.emulator.waitForCall('views.open', { count: opens + 1, ...WAIT });
    const viewId = (opened.response as { view: { id: string } }).view.id;
    const refused = await t.sender.viewSubmission({
      userId: COLLECTOR, viewId, view: { state: { values: { outcome: { value: { type: 'static_select', selected_option: null } } } } },
    });
    expect(refused.body).toMatchObject({ response_action: 'errors' });
    expect(JSON.stringify(refused.body)).toContain('Pick an outcome');
    const submitted = await t.sender.viewSubmission({
      userId: COLLECTOR, viewId,
      view: { state: { values: { outcome: { value: { type: 'static_select', selected_option: { value: 'no_answer' } } }, note: { value: { type: 'plain_text_input', value: 'Rang twice' } } } } },
    });
    expect(submitted.status).toBe(200);
    await ephemeralFor(t, COLLECTOR, 'logged: no answer');
    expect(await callActivities(t, reply.caseId, 'call_logged')).toHaveLength(1);
  });

  it('publishes the Home tab on app_home_opened', async () => {
    const { t } = s;
    const publishes = () => t.emulator.calls('views.publish').filter((c) => (c.args as { user_id?: string }).user_id === COLLECTOR);
    const before = publishes().length;
    expect((await t.sender.event({ event: t.emulator.appHomeOpened(COLLECTOR) })).status).toBe(200);
    await t.emulator.waitFor(() => (publishes().length > before ? true : undefined), WAIT);
    expect(JSON.stringify(t.emulator.home(COLLECTOR))).toContain('My calls today');
  });
});

describe('Socket Mode connection life', () => {
  let s: Scenario;

  beforeAll(async () => {
    s = await scenario('socket-mode');
  });

  it('connected through apps.connections.open with the app-level token, and the health routes and intake API still answer', async () => {
    const { t } = s;
    const [open] = t.emulator.calls('apps.connections.open');
    expect(open?.response).toMatchObject({ ok: true, url: expect.stringMatching(/^ws:\/\/127\.0\.0\.1:\d+\/link\/\?ticket=/) });
    expect(socketModeHub(t.emulator.state).connections().filter((c) => c.open)).toHaveLength(1);
    const health = await fetch(`http://127.0.0.1:${t.app.port}/healthz`);
    expect(await health.json()).toEqual({ ok: true });
    const api = await fetch(`http://127.0.0.1:${t.app.port}/api/v1/openapi.json`);
    expect(api.status).toBe(200);
    expect(await api.json()).toMatchObject({ openapi: expect.stringMatching(/^3\.1/) });
  });

  it('reconnects after disconnect: refresh_requested, and the next command is still answered', async () => {
    const { t } = s;
    const hub = socketModeHub(t.emulator.state);
    hub.disconnect('refresh_requested');
    // Sent while the app is away: Slack holds it for the next connection.
    expect(await collect(t, COLLECTOR, 'help')).toContain('/collect overdue');
    expect(t.emulator.calls('apps.connections.open')).toHaveLength(2);
    const [first, second] = hub.connections();
    expect(first?.open).toBe(false);
    expect(second?.open).toBe(true);
  });

  it('redelivers an event whose ack was lost after 3 s of Slack time, and the app handles it once', async () => {
    const { t, replies } = s;
    const hub = socketModeHub(t.emulator.state);
    const reply = replies[2]!;
    hub.loseNextAcks(1);
    const sending = t.sender.event({ event: t.emulator.addReaction(MANAGER, CHANNEL, reply.ts, 'raising_hand') });
    await t.emulator.waitFor(() => (hub.lostAcks().length === 1 ? true : undefined), WAIT);
    await ephemeralFor(t, MANAGER, 'You have the call to *Debtor 02*');
    t.clock.set(new Date(t.clock.now.getTime() + SOCKET_MODE_ACK_TIMEOUT_MS).toISOString());
    const sent = await sending;
    expect(sent.status).toBe(200);
    const attempts = hub.frames().filter((f) => f.envelope.envelope_id === sent.envelopeId).map((f) => f.envelope);
    expect(attempts.map((e) => [e.retry_attempt, e.retry_reason])).toEqual([[0, ''], [1, 'timeout']]);
    expect(await callActivities(t, reply.caseId, 'call_claimed')).toHaveLength(1);
    expect(t.emulator.ephemerals({ user: MANAGER }).filter((e) => e.text.includes('You have the call'))).toHaveLength(1);
    expect(hub.unacknowledged()).toEqual([]);
  });
});
