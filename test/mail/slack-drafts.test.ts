// Reminder drafts in their case threads: Send, Edit and Skip clicked in Slack
// (the emulator over real HTTP, real PostgreSQL), each refusal told to the
// clicker alone with nothing changed, and the auto send policy posting no buttons.
import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/client.ts';
import { activities, channelPosts, customers, drafts, members, workspaces } from '../../src/db/schema.ts';
import { writeSetting } from '../../src/db/settings.ts';
import {
  DEMO_COLLECTIONS_CHANNEL_ID as CHANNEL, DEMO_COLLECTOR_ID as COLLECTOR, DEMO_MANAGER_ID as MANAGER, DEMO_OUTSIDER_ID as OUTSIDER,
} from '../../src/emulator/seed.ts';
import type { Message } from '../../src/emulator/types.ts';
import { importCsv } from '../../src/import/import-csv.ts';
import { postDraft } from '../../src/services/mail/post-draft.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { seedLedger } from '../support/ledger.ts';
import { passOn, TEAM } from '../ladder/support.ts';
import { postEverything } from '../threads/support.ts';

let t: TestApp;

const draftOf = async (ref: string, stage = 'reminder_1') => {
  const [row] = await t.database.db.select().from(drafts).innerJoin(customers, eq(customers.id, drafts.customerId))
    .where(and(eq(customers.customerRef, ref), sql`${drafts.stage} = ${stage}`));
  return row!.drafts;
};

/** The draft's post in its case thread, as Slack holds it now. */
async function postOf(draft: { caseId: number | null; stage: string }): Promise<Message> {
  const [post] = await t.database.db.select().from(channelPosts).where(eq(channelPosts.dedupeKey, `draft.${draft.caseId}.${draft.stage}`));
  expect(post?.messageTs).toBeTruthy();
  return t.emulator.message(post!.channelId!, post!.messageTs!)!;
}

const buttons = (m: { blocks?: unknown }) => JSON.stringify(m.blocks ?? []).match(/"action_id":"[a-z_]+"/g) ?? [];

/** A click on the draft's post; what the clicker alone was told (null: nothing). */
async function click(userId: string, m: Message, actionId: string, value: string, wantReply = true): Promise<string | null> {
  const sent = await t.sender.blockAction({ userId, channelId: CHANNEL, messageTs: m.ts, actionId, value });
  expect(sent.status).toBe(200);
  if (!wantReply) return null;
  const reply = await t.emulator.waitForResponse(sent.responseUrlId!, { timeoutMs: 10_000 });
  return (reply.body as { text: string }).text;
}

async function openedView(before: number): Promise<{ id: string; blocks: unknown[]; private_metadata?: string }> {
  const opened = await t.emulator.waitForCall('views.open', { count: before + 1, timeoutMs: 5_000 });
  const viewId = (opened.response as { view: { id: string } }).view.id;
  return { id: viewId, ...(t.emulator.view(viewId) as { blocks: unknown[] }) };
}

const activitiesOf = (kind: string) => t.database.db.select().from(activities).where(eq(activities.kind, kind)).orderBy(asc(activities.id));

beforeAll(async () => {
  t = await startTestApp();
  await seedLedger(t.database, TEAM, '2026-11-02', [
    { ref: 'ACME', name: 'Acme Tools', invoices: [{ number: 'AC-1', issued: '2026-10-01', due: '2026-11-02', cents: 120_000 }] },
    { ref: 'BOLT', name: 'Bolt & Nut', invoices: [{ number: 'BN-7', issued: '2026-10-01', due: '2026-11-02', cents: 45_050 }] },
    { ref: 'CORK', name: 'Cork Ltd', invoices: [{ number: 'CK-3', issued: '2026-10-01', due: '2026-11-02', cents: 9_900 }] },
  ]);
  await t.database.db.update(customers).set({ email: sql`lower(customer_ref) || '@example.com'` });
  await t.database.db.update(workspaces).set({ name: 'Relance Demo SAS', teamChannelId: CHANNEL }).where(eq(workspaces.id, TEAM));
  await t.database.db.insert(members).values([{ workspaceId: TEAM, userId: COLLECTOR, role: 'collector' }, { workspaceId: TEAM, userId: MANAGER, role: 'manager' }]);
  await writeSetting(t.database.db, { workspaceId: TEAM, name: 'mailFrom', value: 'Relance Demo <ar@relance.test>', by: MANAGER, now: new Date() });
  await passOn(t, '2026-11-03', '08:00');
  await postEverything(t);
}, 60_000);

afterAll(async () => {
  await t?.close();
});

describe('a drafted reminder in its case thread', () => {
  it('has Send, Edit and Skip, and says who may approve', async () => {
    const m = await postOf(await draftOf('ACME'));
    expect(buttons(m)).toEqual(['"action_id":"reminder_send"', '"action_id":"reminder_edit"', '"action_id":"reminder_skip"']);
    expect(m.text).toContain('Payment reminder: invoice AC-1');
    expect(JSON.stringify(m.blocks)).toContain('Nothing leaves before a collector or a manager presses *Send*');
  });

  it('refuses a stranger\'s click and changes nothing', async () => {
    const draft = await draftOf('ACME');
    const told = await click(OUTSIDER, await postOf(draft), 'reminder_send', String(draft.id));
    expect(told).toContain('only open to the collections team');
    expect((await draftOf('ACME')).status).toBe('draft');
    expect(await rows(t.database.db, sql`select 1 from mails`)).toHaveLength(0);
  });

  it('Send by a collector approves it: a mail queued, the post updated', async () => {
    const draft = await draftOf('ACME');
    const m = await postOf(draft);
    await click(COLLECTOR, m, 'reminder_send', String(draft.id), false);
    await t.emulator.waitFor(() => (t.emulator.revisions(CHANNEL, m.ts).length > 0 ? true : undefined), { timeoutMs: 10_000 });
    expect(await draftOf('ACME')).toMatchObject({ status: 'approved', decidedBy: COLLECTOR });
    const mails = await rows<{ status: string; draft_id: string }>(t.database.db, sql`select status, draft_id from mails`);
    expect(mails).toEqual([{ status: 'queued', draft_id: String(draft.id) }]);
    const now = t.emulator.message(CHANNEL, m.ts)!;
    expect(buttons(now)).toEqual([]);
    // No SMTP_URL in the tests: the outbox, and said so.
    expect(JSON.stringify(now.blocks)).toContain(`Approved by <@${COLLECTOR}> · saved to the outbox (SMTP_URL not set: nothing leaves this machine)`);
    // A second click is told it is no longer waiting.
    expect(await click(MANAGER, m, 'reminder_send', String(draft.id))).toContain('This reminder is no longer waiting');
  });

  it('Edit opens the text prefilled, refuses an edit that drops the amount, keeps a good one', async () => {
    const draft = await draftOf('BOLT');
    const m = await postOf(draft);
    const before = t.emulator.calls('views.open').length;
    await click(COLLECTOR, m, 'reminder_edit', String(draft.id), false);
    const view = await openedView(before);
    expect(JSON.stringify(view.blocks)).toContain(JSON.stringify(draft.subject).slice(1, -1));
    const values = (subject: string, body: string) => ({ state: { values: {
      subject: { value: { type: 'plain_text_input', value: subject } }, body: { value: { type: 'plain_text_input', value: body } },
    } } });
    const noAmount = draft.body.replaceAll('€450.50', 'the amount');
    const refused = await t.sender.viewSubmission({ userId: COLLECTOR, viewId: view.id, view: values(draft.subject, noAmount) });
    expect(refused.body).toEqual({ response_action: 'errors', errors: {
      body: 'The text no longer has "€450.50". The figures and invoice numbers come from the ledger: keep each as printed, for example "Total outstanding: €450.50".',
    } });
    const blank = await t.sender.viewSubmission({ userId: COLLECTOR, viewId: view.id, view: values('  ', draft.body) });
    expect(blank.body).toMatchObject({ response_action: 'errors', errors: { subject: 'Write a subject: it is the first thing the debtor reads.' } });
    expect((await draftOf('BOLT')).body).toBe(draft.body);

    const kinder = `${draft.body}\n\nPS: we are happy to help with anything.`;
    const done = await t.sender.viewSubmission({ userId: COLLECTOR, viewId: view.id, view: values('A friendly reminder: BN-7', kinder) });
    expect(done.body).toBe('');
    expect(await draftOf('BOLT')).toMatchObject({ subject: 'A friendly reminder: BN-7', body: kinder, editedBy: COLLECTOR, status: 'draft' });
    const [edited] = await activitiesOf('reminder_edited');
    expect(edited).toMatchObject({ actorId: COLLECTOR, data: { stage: 'reminder_1', draft_id: draft.id, subject_before: draft.subject, body_before: draft.body, subject: 'A friendly reminder: BN-7', body: kinder } });
    await t.emulator.waitFor(() => (t.emulator.revisions(CHANNEL, m.ts).length > 0 ? true : undefined), { timeoutMs: 10_000 });
    const now = t.emulator.message(CHANNEL, m.ts)!;
    expect(now.text).toContain('A friendly reminder: BN-7');
    expect(buttons(now)).toHaveLength(3);
    expect(JSON.stringify(now.blocks)).toContain(`Text edited by <@${COLLECTOR}>`);
  });

  it('Skip asks why, then skips it with the reason in the case file', async () => {
    const draft = await draftOf('CORK');
    const m = await postOf(draft);
    const before = t.emulator.calls('views.open').length;
    await click(COLLECTOR, m, 'reminder_skip', String(draft.id), false);
    const view = await openedView(before);
    const reason = (value: string) => ({ state: { values: { reason: { value: { type: 'plain_text_input', value } } } } });
    const blank = await t.sender.viewSubmission({ userId: COLLECTOR, viewId: view.id, view: reason(' ') });
    expect(blank.body).toEqual({ response_action: 'errors', errors: { reason: 'Say why: it goes to the case file.' } });
    const done = await t.sender.viewSubmission({ userId: COLLECTOR, viewId: view.id, view: reason('They called: paying Friday.') });
    expect(done.body).toBe('');
    expect(await draftOf('CORK')).toMatchObject({ status: 'skipped', decidedBy: COLLECTOR, skipReason: 'They called: paying Friday.' });
    const [skipped] = await activitiesOf('reminder_skipped');
    expect(skipped).toMatchObject({ actorId: COLLECTOR, note: 'They called: paying Friday.', data: { stage: 'reminder_1', draft_id: draft.id } });
    await t.emulator.waitFor(() => (t.emulator.revisions(CHANNEL, m.ts).length > 0 ? true : undefined), { timeoutMs: 10_000 });
    expect(JSON.stringify(t.emulator.message(CHANNEL, m.ts)!.blocks)).toContain(`Skipped by <@${COLLECTOR}>, nothing sent: They called: paying Friday.`);
  });
});

describe('the formal-notice copy', () => {
  it('needs a manager: a collector\'s Send is refused and nothing changes', async () => {
    const acme = await draftOf('ACME');
    const [row] = await t.database.db.insert(drafts).values({
      workspaceId: TEAM, caseId: acme.caseId, customerId: acme.customerId, stage: 'formal_notice', locale: 'en',
      subject: 'Formal notice: AC-1', body: 'Please find our formal notice attached. Total outstanding: €1,200.00 (AC-1).',
      data: { totals: [{ cents: 120_000, currency: 'EUR' }], invoices: [{ number: 'AC-1' }], payment_details: 'IBAN FR76' }, createdAt: t.clock.now,
    }).returning();
    await t.database.db.transaction((tx) => postDraft(tx, { workspaceId: TEAM, draftId: row!.id, now: t.clock.now, command: '/collect' }));
    await postEverything(t);
    const m = await postOf(row!);
    expect(JSON.stringify(m.blocks)).toContain('The copy of the formal notice needs a *manager*');
    expect(await click(COLLECTOR, m, 'reminder_send', String(row!.id))).toContain('The copy of the formal notice needs a *manager*, and you are a collector');
    expect(await click(COLLECTOR, m, 'reminder_skip', String(row!.id))).toContain('needs a *manager*');
    expect((await draftOf('ACME', 'formal_notice')).status).toBe('draft');
  });
});

describe('the auto send policy', () => {
  it('posts the draft with no buttons: it leaves by itself', async () => {
    await seedLedger(t.database, TEAM, '2026-11-02', [
      { ref: 'DUNE', name: 'Dune Sand', invoices: [{ number: 'DU-1', issued: '2026-10-01', due: '2026-11-03', cents: 5_000 }] },
    ]);
    await writeSetting(t.database.db, { workspaceId: TEAM, name: 'sendPolicy', value: { pre_due: 'approve', reminder_1: 'auto', reminder_2: 'approve', reminder_3: 'approve', formal_notice: 'approve' }, by: MANAGER, now: t.clock.now });
    await passOn(t, '2026-11-04', '08:00');
    await postEverything(t);
    const m = await postOf(await draftOf('DUNE'));
    expect(buttons(m)).toEqual([]);
    expect(JSON.stringify(m.blocks)).toContain('it leaves by itself within the debtor\'s business hours');
  });

  it('without a sender nothing leaves by itself: the draft waits with its buttons', async () => {
    await seedLedger(t.database, TEAM, '2026-11-02', [
      { ref: 'EDGE', name: 'Edge Works', invoices: [{ number: 'ED-1', issued: '2026-10-01', due: '2026-11-04', cents: 7_000 }] },
    ]);
    await writeSetting(t.database.db, { workspaceId: TEAM, name: 'mailFrom', value: null, by: MANAGER, now: t.clock.now });
    await passOn(t, '2026-11-05', '08:00');
    await postEverything(t);
    const draft = await draftOf('EDGE');
    expect(draft.status).toBe('draft');
    expect(buttons(await postOf(draft))).toEqual(['"action_id":"reminder_send"', '"action_id":"reminder_edit"', '"action_id":"reminder_skip"']);
  });
});

describe('a payment that settles a waiting draft', () => {
  it('takes Send, Edit and Skip off its post and says it was paid', async () => {
    const draft = await draftOf('EDGE');
    expect(buttons(await postOf(draft))).toHaveLength(3);
    const report = await importCsv(t.database, {
      workspaceId: TEAM, today: '2026-11-05', fileName: 'payments.csv', now: t.clock.now,
      text: 'invoice_number,amount,paid_on,reference\nED-1,70.00,2026-11-05,VIR-ED-1\n',
    });
    expect(report.inserted).toBe(1);
    expect((await draftOf('EDGE')).status).toBe('cancelled');
    await postEverything(t);
    const m = await postOf(draft);
    expect(buttons(m)).toEqual([]);
    expect(JSON.stringify(m.blocks)).toContain('Cancelled before it left: its invoices have been paid');
  });
});
