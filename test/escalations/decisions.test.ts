// Deciding requests from their message, over signed HTTP: a second manager
// approves (message updated, case moved, timeline, case thread, requester's
// DM); the requester, a collector or a stranger clicking changes nothing; two
// managers at once and double clicks make one decision; Reject asks why in a
// form; an approved write-off closes the case.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBalancesFresh } from '../../src/db/balances.ts';
import { cases, escalations, invoices, promises, tasks } from '../../src/db/schema.ts';
import { DEMO_COLLECTOR_ID as COLLECTOR, DEMO_OUTSIDER_ID as OUTSIDER } from '../../src/emulator/seed.ts';
import { caseIdOf, collect, entries } from '../calls/support.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { dmsTo, threadPosts } from '../threads/support.ts';
import { activityCount, ADMIN, buttonsOf, CHANNEL, click, drain, escalationsOf, MANAGER, requestMessageOf, seedTeam, TEAM } from './support.ts';

let t: TestApp;
let ids: Map<string, number>;

beforeAll(async () => {
  t = await startTestApp();
  ids = await seedTeam(t);
  t.emulator.state.addMember(CHANNEL, OUTSIDER);
});

afterAll(async () => {
  await t?.close();
});

/** A request by `by`, posted; returns its id, its case and its message's ts. */
async function requested(ref: string, kind: string, by = COLLECTOR): Promise<{ id: number; caseId: number; ts: string }> {
  const reply = await collect(t, `${kind === 'writeoff' ? 'writeoff' : 'escalate'} ${ref} ${kind === 'writeoff' ? '' : kind} the reason`, by);
  expect(reply.text).toContain('Request sent');
  const caseId = await caseIdOf(t, ids.get(ref)!);
  const request = (await escalationsOf(t, caseId)).at(-1)!;
  await drain(t);
  return { id: request.id, caseId, ts: (await requestMessageOf(t, request.id)).ts };
}

const statusOf = async (caseId: number) => (await t.database.db.select({ status: cases.status, stage: cases.stage }).from(cases).where(eq(cases.id, caseId)))[0]!;

describe('Approve', () => {
  it('by another manager: the message shows it, the case moves, the thread and the requester hear of it', async () => {
    const r = await requested('C-ACME', 'notice');
    const told = await click(t, { userId: MANAGER, ts: r.ts, actionId: 'escalation_approve' });
    expect(told).toBe('Approved: formal notice for *Acme SA*. The case is now *formal notice sent · formal notice*; the requester is told, and it is in the case thread.');
    expect(await statusOf(r.caseId)).toEqual({ status: 'notice', stage: 'formal_notice' });
    const [decided] = await t.database.db.select().from(escalations).where(eq(escalations.id, r.id));
    expect(decided).toMatchObject({ status: 'approved', decidedBy: MANAGER });
    // The message is updated at once: the buttons give way to the decision.
    await t.emulator.waitFor(() => (t.emulator.revisions(CHANNEL, r.ts).length > 0 ? true : undefined), { timeoutMs: 5_000 });
    const message = t.emulator.message(CHANNEL, r.ts)!;
    expect(buttonsOf(message)).toEqual([]);
    expect(JSON.stringify(message.blocks)).toContain(`:white_check_mark: *Approved* (formal notice) by <@${MANAGER}> on 23 Nov 2026`);
    expect(await entries(t, r.caseId, 'escalation_approved')).toHaveLength(1);
    await drain(t);
    expect(threadPosts(t, CHANNEL, r.caseId).map((m) => m.text)).toContain(`Approved: formal notice by <@${MANAGER}>`);
    expect(dmsTo(t, COLLECTOR).map((m) => m.text)).toContain(
      `Your request for a formal notice on *Acme SA* (C-ACME) was approved by <@${MANAGER}>. \`/collect case C-ACME\``);
  });

  it('refuses the requester, a collector and a stranger, changing nothing', async () => {
    const r = await requested('C-ACMP', 'notice', MANAGER);
    const before = await activityCount(t);
    expect(await click(t, { userId: MANAGER, ts: r.ts, actionId: 'escalation_approve' }))
      .toBe('You asked for this formal notice on *Acme Plastics* yourself: another manager decides (four eyes). Nothing changed.');
    expect(await click(t, { userId: MANAGER, ts: r.ts, actionId: 'escalation_reject' }))
      .toBe('You asked for this formal notice on *Acme Plastics* yourself: another manager decides (four eyes). Nothing changed.');
    expect(await click(t, { userId: COLLECTOR, ts: r.ts, actionId: 'escalation_approve' }))
      .toBe('Only a manager can approve or reject an escalation, and you are a collector. Nothing changed.');
    expect(await click(t, { userId: OUTSIDER, ts: r.ts, actionId: 'escalation_approve' })).toContain('only open to the collections team');
    expect(await click(t, { userId: ADMIN, ts: r.ts, actionId: 'escalation_approve', value: 'DROP TABLE' }))
      .toContain('This button carries "DROP TABLE", which is not a number relance put there');
    expect((await escalationsOf(t, r.caseId))[0]).toMatchObject({ status: 'pending', decidedBy: null });
    expect(await statusOf(r.caseId)).toMatchObject({ status: 'open' });
    expect(await activityCount(t)).toBe(before);
    expect(t.emulator.revisions(CHANNEL, r.ts)).toHaveLength(0);
    expect(t.emulator.openViews(MANAGER)).toHaveLength(0);
  });

  it('makes one decision when two managers click at once, and tells the other who decided', async () => {
    const r = await requested('D03', 'notice');
    const answers = await Promise.all([
      click(t, { userId: MANAGER, ts: r.ts, actionId: 'escalation_approve' }),
      click(t, { userId: ADMIN, ts: r.ts, actionId: 'escalation_approve' }),
      click(t, { userId: ADMIN, ts: r.ts, actionId: 'escalation_approve' }),
    ]);
    expect(answers.filter((a) => a.startsWith('Approved: formal notice for *Debtor 03*'))).toHaveLength(1);
    const [decided] = await escalationsOf(t, r.caseId);
    const other = decided!.decidedBy === MANAGER ? ADMIN : MANAGER;
    expect(answers.filter((a) => a === `This formal notice for *Debtor 03* was already approved by <@${decided!.decidedBy}> on 23 Nov 2026. Nothing changed.`)).toHaveLength(2);
    expect(other).not.toBe(decided!.decidedBy);
    expect(await entries(t, r.caseId, 'escalation_approved')).toHaveLength(1);
    await drain(t);
    expect(dmsTo(t, COLLECTOR).filter((m) => m.text.includes('*Debtor 03*') && m.text.includes('approved'))).toHaveLength(1);
  });

  it('shows the decision on a message approved before the outbox posted it', async () => {
    await collect(t, 'escalate D04 notice');
    const caseId = await caseIdOf(t, ids.get('D04')!);
    const [request] = await escalationsOf(t, caseId);
    // Decided from the list before the request message went out: it goes out already decided.
    const list = await collect(t, 'escalations', MANAGER);
    expect(list.text).toContain('Escalations waiting for a decision');
    const told = await click(t, { userId: MANAGER, ts: list.ts, actionId: 'escalation_approve', value: String(request!.id) });
    expect(told).toContain('Approved: formal notice for *Debtor 04*');
    await drain(t);
    const message = await requestMessageOf(t, request!.id);
    expect(buttonsOf(message)).toEqual([]);
    expect(JSON.stringify(message.blocks)).toContain('*Approved* (formal notice)');
  });
});

describe('Reject', () => {
  it('asks why in a form, refuses an empty reason, and tells the requester the reason', async () => {
    const r = await requested('D05', 'legal');
    const views = t.emulator.calls('views.open').length;
    const sent = await t.sender.blockAction({ userId: MANAGER, channelId: CHANNEL, messageTs: r.ts, actionId: 'escalation_reject' });
    expect(sent.status).toBe(200);
    const opened = await t.emulator.waitForCall('views.open', { count: views + 1, timeoutMs: 5_000 });
    const viewId = (opened.response as { view: { id: string } }).view.id;
    expect(JSON.stringify(t.emulator.view(viewId)!.blocks)).toContain('Reject the legal action for *Debtor 05* (D05)?');

    const blank = await t.sender.viewSubmission({ userId: MANAGER, viewId, view: { state: { values: { reason: { value: { type: 'plain_text_input', value: '   ' } } } } } });
    expect(blank.body).toEqual({ response_action: 'errors', errors: { reason: 'Say why: the requester reads it, and it goes to the case file.' } });
    expect((await escalationsOf(t, r.caseId))[0]).toMatchObject({ status: 'pending' });

    const done = await t.sender.viewSubmission({
      userId: MANAGER, viewId, view: { state: { values: { reason: { value: { type: 'plain_text_input', value: 'They paid half yesterday.\nGive them 2 weeks.' } } } } },
    });
    expect(done.status).toBe(200);
    expect(done.body).toBe('');
    expect((await escalationsOf(t, r.caseId))[0]).toMatchObject({ status: 'rejected', decidedBy: MANAGER, decisionReason: 'They paid half yesterday.\nGive them 2 weeks.' });
    expect(await statusOf(r.caseId)).toMatchObject({ status: 'open' });
    await t.emulator.waitFor(() => (t.emulator.revisions(CHANNEL, r.ts).length > 0 ? true : undefined), { timeoutMs: 5_000 });
    expect(JSON.stringify(t.emulator.message(CHANNEL, r.ts)!.blocks)).toContain(`:x: *Rejected* by <@${MANAGER}> on 23 Nov 2026:\\n> They paid half yesterday.\\n> Give them 2 weeks.`);
    await drain(t);
    expect(threadPosts(t, CHANNEL, r.caseId).map((m) => m.text)).toContain(`Rejected: legal action by <@${MANAGER}>\n> They paid half yesterday.\n> Give them 2 weeks.`);
    expect(dmsTo(t, COLLECTOR).map((m) => m.text)).toContain(
      `Your request for a legal action on *Debtor 05* (D05) was rejected by <@${MANAGER}>:\n> They paid half yesterday.\n> Give them 2 weeks.`);
    // Approving it afterwards changes nothing.
    expect(await click(t, { userId: ADMIN, ts: r.ts, actionId: 'escalation_approve', value: String(r.id) }))
      .toBe(`This legal action for *Debtor 05* was already rejected by <@${MANAGER}> on 23 Nov 2026. Nothing changed.`);
  });
});

describe('the App Home', () => {
  it('counts the approvals waiting for each manager, not their own requests', async () => {
    const approvals = async (userId: string) => {
      const before = t.emulator.calls('views.publish').length;
      await t.sender.event({ event: t.emulator.appHomeOpened(userId) });
      await t.emulator.waitForCall('views.publish', { count: before + 1, timeoutMs: 10_000 });
      return JSON.stringify(t.emulator.home(userId)!.blocks).match(/Approvals waiting for me\* \((\d+)\)/)?.[1];
    };
    // Only Acme Plastics waits, asked by the manager.
    expect(await approvals(MANAGER)).toBe('0');
    expect(await approvals(ADMIN)).toBe('1');
  });
});

describe('a write-off', () => {
  it('once approved closes the case as written off, with its open tasks and pending promises', async () => {
    const caseId = await caseIdOf(t, ids.get('D06')!);
    await t.database.db.insert(tasks).values({ workspaceId: TEAM, caseId, kind: 'call', assigneeId: COLLECTOR, dueAt: new Date('2026-11-24T09:00:00Z'), createdBy: COLLECTOR });
    await t.database.db.insert(promises).values({ workspaceId: TEAM, caseId, amountCents: 10_000, currency: 'EUR', dueOn: '2026-11-30', takenBy: COLLECTOR });
    await collect(t, 'escalate D06 notice');
    const r = await requested('D06', 'writeoff');
    expect(await click(t, { userId: ADMIN, ts: r.ts, actionId: 'escalation_approve' }))
      .toBe('Approved: write-off for *Debtor 06*. The case is now *written off*; the requester is told, and it is in the case thread.');
    const [kase] = await t.database.db.select().from(cases).where(eq(cases.id, caseId));
    expect(kase).toMatchObject({ status: 'written_off' });
    expect(kase!.resolvedAt).toEqual(t.clock.now);
    expect(await t.database.db.select().from(tasks).where(and(eq(tasks.caseId, caseId), eq(tasks.status, 'open')))).toHaveLength(0);
    expect(await t.database.db.select().from(promises).where(and(eq(promises.caseId, caseId), eq(promises.status, 'pending')))).toHaveLength(0);
    // The notice asked for before is moot: closed without a decision.
    expect((await escalationsOf(t, caseId)).map((e) => [e.kind, e.status])).toEqual([['notice', 'cancelled'], ['writeoff', 'approved']]);
    expect(await entries(t, caseId, 'escalation_cancelled')).toHaveLength(1);
  });

  it('stays written off on the next days; only an invoice falling due after the write-off opens a new case', async () => {
    const customerId = ids.get('D06')!;
    const casesOfD06 = () => t.database.db.select({ status: cases.status }).from(cases).where(eq(cases.customerId, customerId)).orderBy(cases.id);
    expect((await casesOfD06()).map((c) => c.status)).toEqual(['written_off']);
    t.clock.set('2026-11-25T09:30:00Z');
    await ensureBalancesFresh(t.database.db, TEAM, t.clock.now);
    expect((await casesOfD06()).map((c) => c.status)).toEqual(['written_off']);

    await t.database.db.insert(invoices).values({
      workspaceId: TEAM, customerId, invoiceNumber: 'D06-NEW', issueDate: '2026-11-01', dueDate: '2026-11-26', currency: 'EUR', amountCents: 5_000,
    });
    t.clock.set('2026-11-27T09:30:00Z');
    await ensureBalancesFresh(t.database.db, TEAM, t.clock.now);
    expect((await casesOfD06()).map((c) => c.status)).toEqual(['written_off', 'open']);
    t.clock.set('2026-11-23T09:30:00Z');
  });
});
