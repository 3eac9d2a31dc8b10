// The digest's reminder lines and its Review modal: 45 drafts waiting page as
// 40 + 5, and "Send these 5" approves exactly the five it names.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackClientForJobs } from '../../jobs/workers.ts';
import { rows } from '../../src/db/client.ts';
import { digestForDay } from '../../src/db/digest.ts';
import { customers, drafts, members, workspaces } from '../../src/db/schema.ts';
import { writeSetting } from '../../src/db/settings.ts';
import { DEMO_COLLECTIONS_CHANNEL_ID as CHANNEL, DEMO_COLLECTOR_ID as COLLECTOR, DEMO_MANAGER_ID as MANAGER } from '../../src/emulator/seed.ts';
import { translator } from '../../src/i18n/messages.ts';
import { digestParent, digestText } from '../../src/slack/blocks/digest.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { seedLedger } from '../support/ledger.ts';
import { TEAM } from '../ladder/support.ts';

let t: TestApp;
const N = 45;
const ref = (i: number) => `C${String(i).padStart(2, '0')}`;

type View = { id: string; blocks: { type: string; text?: { text: string }; elements?: { action_id: string; value: string }[] }[]; private_metadata: string; submit?: { text: string } };
const viewOf = (id: string) => ({ id, ...(t.emulator.view(id) as Omit<View, 'id'>) });
const sections = (v: View) => v.blocks.filter((b) => b.type === 'section').map((b) => b.text!.text);

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set('2026-11-23T09:30:00Z');
  const ids = await seedLedger(t.database, TEAM, '2026-11-23', Array.from({ length: N }, (_, i) => ({
    ref: ref(i), name: `Customer ${ref(i)}`, invoices: [{ number: `INV-${i}`, issued: '2026-11-01', due: '2026-11-30', cents: 10_000 + i }],
  })));
  await t.database.db.update(customers).set({ email: sql`lower(customer_ref) || '@example.com'` });
  await t.database.db.update(workspaces).set({ teamChannelId: CHANNEL }).where(eq(workspaces.id, TEAM));
  await t.database.db.insert(members).values([{ workspaceId: TEAM, userId: COLLECTOR, role: 'collector' }, { workspaceId: TEAM, userId: MANAGER, role: 'manager' }]);
  await writeSetting(t.database.db, { workspaceId: TEAM, name: 'mailFrom', value: 'Relance Demo <ar@relance.test>', by: MANAGER, now: t.clock.now });
  // Courtesy reminders (no case, no thread), oldest first by creation.
  for (let i = 0; i < N; i++) {
    await t.database.db.insert(drafts).values({
      workspaceId: TEAM, customerId: ids.get(ref(i))!, stage: 'pre_due', dueDate: '2026-11-30', locale: 'en',
      subject: `Invoice INV-${i} falls due on 30 Nov 2026`, body: `Dear Customer ${ref(i)},\n\nINV-${i}\n\nTotal outstanding: €${(100 + i / 100).toFixed(2)}`,
      data: { totals: [{ cents: 10_000 + i, currency: 'EUR' }], invoices: [{ number: `INV-${i}` }] },
      createdAt: new Date(Date.UTC(2026, 10, 23, 0, i)),
    });
  }
}, 60_000);

afterAll(async () => {
  await t?.close();
});

describe('the digest', () => {
  it('counts the reminders waiting, with Review, and the mails whose sending is unknown', async () => {
    const data = await digestForDay(t.database.db, { id: TEAM, timezone: 'Europe/Paris' }, CHANNEL, '2026-11-23', t.clock.now);
    expect(data.remindersWaiting).toBe(N);
    expect(data.mailsUnknown).toBe(0);
    const view = { locale: 'en' as const, t: translator('en'), today: '2026-11-23' };
    const parent = digestParent(data, view);
    const json = JSON.stringify(parent.blocks);
    expect(json).toContain(`*Reminders waiting for approval:* ${N}`);
    expect(json).toContain('"action_id":"reminder_review"');
    expect(json).not.toContain('sending is unknown');
    expect(digestText({ ...data, mailsUnknown: 2 }, view)).toContain('Mails whose sending is unknown: 2 — `relance outbox --unknown` lists them');
    expect(JSON.stringify(digestParent({ ...data, remindersWaiting: 0 }, view).blocks)).not.toContain('reminder_review');
  });
});

describe('the Review modal', () => {
  it('pages 40 + 5 and sends exactly the ones it names', async () => {
    const data = await digestForDay(t.database.db, { id: TEAM, timezone: 'Europe/Paris' }, CHANNEL, '2026-11-23', t.clock.now);
    const parent = digestParent(data, { locale: 'en', t: translator('en'), today: '2026-11-23' });
    const posted = await slackClientForJobs(t.env).chat.postMessage({ channel: CHANNEL, text: parent.text, blocks: parent.blocks });
    const before = t.emulator.calls('views.open').length;
    const sent = await t.sender.blockAction({ userId: COLLECTOR, channelId: CHANNEL, messageTs: posted.ts!, actionId: 'reminder_review', value: '0' });
    expect(sent.status).toBe(200);
    const opened = await t.emulator.waitForCall('views.open', { count: before + 1, timeoutMs: 5_000 });
    const first = viewOf((opened.response as { view: { id: string } }).view.id);
    expect(first.submit?.text).toBe('Send these 40');
    expect(first.blocks.length).toBeLessThanOrEqual(100);
    const texts = sections(first);
    expect(texts[0]).toMatch(/^\*These 40 reminders:\* Customer C00 \(courtesy reminder\), Customer C01 \(courtesy reminder\), /);
    expect(texts).toHaveLength(41);
    expect(texts[1]).toBe('*Customer C00* · courtesy reminder · €100.00 · INV-0\n_Invoice INV-0 falls due on 30 Nov 2026_');
    expect(JSON.parse(first.private_metadata).ids).toHaveLength(40);

    const updates = t.emulator.calls('views.update').length;
    await t.sender.blockAction({ userId: COLLECTOR, viewId: first.id, actionId: 'reminder_review_page', value: '1' });
    await t.emulator.waitForCall('views.update', { count: updates + 1, timeoutMs: 5_000 });
    const second = viewOf(first.id);
    expect(second.submit?.text).toBe('Send these 5');
    expect(sections(second)[0]).toBe('*These 5 reminders:* Customer C40 (courtesy reminder), Customer C41 (courtesy reminder), Customer C42 (courtesy reminder), Customer C43 (courtesy reminder), Customer C44 (courtesy reminder)');
    const shown: number[] = JSON.parse(second.private_metadata).ids;

    // One of the five was skipped meanwhile: four are approved, and it says so.
    await t.database.db.update(drafts).set({ status: 'skipped' }).where(eq(drafts.id, shown[0]!));
    const done = await t.sender.viewSubmission({ userId: COLLECTOR, viewId: first.id });
    expect(done.status).toBe(200);
    const mails = await rows<{ draft_id: string }>(t.database.db, sql`select draft_id from mails order by draft_id`);
    expect(mails.map((m) => Number(m.draft_id))).toEqual(shown.slice(1));
    const next = done.body as { response_action: string; view: View };
    expect(next.response_action).toBe('update');
    expect(sections({ ...next.view, id: '' })[0]).toContain('4 approved');
    expect(sections({ ...next.view, id: '' })[0]).toContain('1 was no longer waiting');
    // The page emptied: the last page with drafts, the first 40.
    expect(next.view.submit?.text).toBe('Send these 40');
  });
});
