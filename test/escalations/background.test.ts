// The escalations pass as the worker runs it: the ladder's proposals posted
// one by one with their DMs, or, in a burst, listed for `/collect
// escalations`; a hand-off proposal letting the approver pick agency or legal;
// requests of cases paid meanwhile closed; and the one nudge after 24
// business hours, counted across a weekend.
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshBalances } from '../../src/db/balances.ts';
import { cases, escalations, invoices } from '../../src/db/schema.ts';
import { DEMO_COLLECTOR_ID as COLLECTOR } from '../../src/emulator/seed.ts';
import { caseIdOf, collect } from '../calls/support.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { dmsTo, threadPosts } from '../threads/support.ts';
import { ADMIN, buttonsOf, CHANNEL, click, drain, escalationsOf, MANAGER, propose, requestMessageOf, runPass, seedTeam, TEAM } from './support.ts';

let t: TestApp;
let ids: Map<string, number>;
const caseOf = (ref: string) => caseIdOf(t, ids.get(ref)!);

beforeAll(async () => {
  t = await startTestApp();
  ids = await seedTeam(t);
});

afterAll(async () => {
  await t?.close();
});

describe('ladder proposals', () => {
  it('are posted one by one with a DM to each manager, once', async () => {
    const notice = await propose(t, await caseOf('D01'), 'notice');
    const handOff = await propose(t, await caseOf('D02'), 'agency');
    const [run] = await runPass(t);
    expect(run).toMatchObject({ workspaceId: TEAM, posted: 2, summarized: 0 });
    await drain(t);
    const message = await requestMessageOf(t, notice);
    expect(JSON.stringify(message.blocks)).toContain('Proposed by the dunning ladder on 23 Nov 2026');
    expect(buttonsOf(message)).toEqual(['"action_id":"escalation_approve"', '"action_id":"escalation_reject"']);
    // The +60 step: the manager picks the route.
    const offer = await requestMessageOf(t, handOff);
    expect(buttonsOf(offer)).toEqual(['"action_id":"escalation_approve_agency"', '"action_id":"escalation_approve_legal"', '"action_id":"escalation_reject"']);
    for (const manager of [MANAGER, ADMIN]) {
      expect(dmsTo(t, manager).map((m) => m.text)).toEqual([
        `The dunning ladder proposes a formal notice for *Debtor 01* (D01). It waits for a manager's decision in <#${CHANNEL}>, or with \`/collect escalations\`.`,
        `The dunning ladder proposes a hand-off to a collection agency for *Debtor 02* (D02). It waits for a manager's decision in <#${CHANNEL}>, or with \`/collect escalations\`.`,
      ]);
    }
    // Run again: nothing new is posted or sent.
    const messages = t.emulator.messages(CHANNEL).length;
    expect((await runPass(t))[0]).toMatchObject({ posted: 0, summarized: 0 });
    await drain(t);
    expect(t.emulator.messages(CHANNEL)).toHaveLength(messages);
    expect(dmsTo(t, MANAGER)).toHaveLength(2);
  });

  it('let any manager pick legal for a hand-off, and tell nobody by DM', async () => {
    const caseId = await caseOf('D02');
    const [request] = await escalationsOf(t, caseId);
    const message = await requestMessageOf(t, request!.id);
    expect(await click(t, { userId: MANAGER, ts: message.ts, actionId: 'escalation_approve_legal' }))
      .toBe('Approved: legal action for *Debtor 02*. The case is now *legal action · legal*; the requester is told, and it is in the case thread.');
    expect((await escalationsOf(t, caseId))[0]).toMatchObject({ kind: 'legal', status: 'approved', decidedBy: MANAGER });
    expect((await t.database.db.select().from(cases).where(eq(cases.id, caseId)))[0]).toMatchObject({ status: 'legal', stage: 'legal' });
    // A route on a request that offers none is refused.
    const notice = (await escalationsOf(t, await caseOf('D01')))[0]!;
    const noticeMessage = await requestMessageOf(t, notice.id);
    expect(await click(t, { userId: MANAGER, ts: noticeMessage.ts, actionId: 'escalation_approve', value: `${notice.id}.agency` })).toContain('is not a number relance put there');
    expect((await escalationsOf(t, await caseOf('D01')))[0]).toMatchObject({ status: 'pending' });
  });

  it('in a burst are listed, not posted, with one DM per manager; /collect escalations pages through them', async () => {
    const refs = Array.from({ length: 12 }, (_, i) => `D${String(i + 5).padStart(2, '0')}`);
    const burst = [];
    for (const ref of refs) burst.push(await propose(t, await caseOf(ref), 'notice'));
    const [run] = await runPass(t);
    expect(run).toMatchObject({ posted: 0, summarized: 12 });
    const rows = await t.database.db.select().from(escalations).where(inArray(escalations.id, burst));
    expect(rows.every((r) => r.postId === null && r.summarizedAt !== null)).toBe(true);
    await drain(t);
    expect(dmsTo(t, MANAGER).at(-1)!.text).toBe('The dunning ladder proposes 12 escalations at once. They wait for a manager\'s decision: `/collect escalations`.');
    expect(dmsTo(t, ADMIN)).toHaveLength(3);
    // Nothing more on the next pass.
    expect((await runPass(t))[0]).toMatchObject({ posted: 0, summarized: 0 });

    expect((await collect(t, 'escalations')).text).toContain('`/collect escalations` needs the *manager* role');
    const first = await collect(t, 'escalations', MANAGER);
    const page1 = JSON.stringify(first.blocks);
    expect(first.text).toBe('Escalations waiting for a decision (13)');
    expect(page1).toContain('*formal notice* — *Debtor 01* (D01) · €1,000.00 overdue');
    expect(page1).toContain('asked by the dunning ladder on 23 Nov 2026');
    expect(page1).toContain('Page 1 of 2. Next: `/collect escalations 2`');
    const next = await t.sender.blockAction({ userId: MANAGER, channelId: CHANNEL, messageTs: first.ts, actionId: 'escalations_page' });
    const page2 = await t.emulator.waitForResponse(next.responseUrlId!);
    expect(page2.body).toMatchObject({ replace_original: true });
    expect(JSON.stringify(page2.body)).toContain('Page 2 of 2.');
    expect((await collect(t, 'escalations two', MANAGER)).text).toBe('"two" is not a page number. Example: `/collect escalations 2`');

    // Decided from the list.
    const told = await click(t, { userId: ADMIN, ts: first.ts, actionId: 'escalation_approve', value: String(burst[0]) });
    expect(told).toContain('Approved: formal notice for *Debtor 05*');
  });
});

describe('the pass', () => {
  it('closes the requests of a case paid meanwhile and shows it on their message', async () => {
    await collect(t, 'escalate C-NY notice');
    const caseId = await caseOf('C-NY');
    const [request] = await escalationsOf(t, caseId);
    await drain(t);
    const message = await requestMessageOf(t, request!.id);
    await t.database.db.update(invoices).set({ paidCents: 90_000 }).where(eq(invoices.invoiceNumber, 'NY-1'));
    await t.database.db.transaction((tx) => refreshBalances(tx, { workspaceId: TEAM, today: '2026-11-23', customerIds: [ids.get('C-NY')!], actorId: 'import', now: t.clock.now }));
    const [run] = await runPass(t);
    expect(run).toMatchObject({ closed: 1 });
    expect((await escalationsOf(t, caseId))[0]).toMatchObject({ status: 'cancelled' });
    expect(JSON.stringify(t.emulator.message(CHANNEL, message.ts)!.blocks)).toContain(':heavy_minus_sign: *Closed without a decision* on 23 Nov 2026');
    expect(buttonsOf(t.emulator.message(CHANNEL, message.ts)!)).toEqual([]);
    await drain(t);
    expect(threadPosts(t, CHANNEL, caseId).map((m) => m.text)).toContain('Request for formal notice closed without a decision: the case moved on');
  });

  it('nudges a request once after 24 business hours, not counting the weekend', async () => {
    t.clock.set('2026-11-27T09:00:00Z'); // Friday 10:00 in Paris
    await collect(t, 'escalate C-MULTI agency no answer since September');
    const caseId = await caseOf('C-MULTI');
    const [request] = await escalationsOf(t, caseId);
    await drain(t);
    const message = await requestMessageOf(t, request!.id);
    const nudges = () => t.emulator.messages(CHANNEL, { threadTs: message.ts }).filter((m) => m.ts !== message.ts);

    t.clock.set('2026-11-29T20:00:00Z'); // Sunday evening: Friday's 14 business hours only
    await runPass(t);
    t.clock.set('2026-11-30T08:30:00Z'); // Monday 09:30: 23.5 business hours
    await runPass(t);
    expect(nudges()).toHaveLength(0);

    t.clock.set('2026-11-30T09:05:00Z'); // Monday 10:05: past 24
    await runPass(t);
    expect(nudges().map((m) => m.text)).toEqual([
      `<@${ADMIN}> <@${MANAGER}> :hourglass: This request has waited more than 24 business hours for a decision.`,
    ]);
    expect((await escalationsOf(t, caseId))[0]!.nudgedAt).toEqual(t.clock.now);
    t.clock.set('2026-11-30T15:00:00Z');
    await runPass(t);
    expect(nudges()).toHaveLength(1);
    // The burst's requests, without a message of their own, are nudged together in the channel.
    await drain(t);
    expect(t.emulator.messages(CHANNEL).map((m) => m.text)).toContain(
      `<@${ADMIN}> <@${MANAGER}> :hourglass: 11 escalations have waited more than 24 business hours for a decision: \`/collect escalations\``);
    expect(dmsTo(t, COLLECTOR).filter((m) => m.text.includes('C-MULTI'))).toHaveLength(0);
  });
});
