// A case left alone climbs the ladder day by day: the worker's daily pass,
// real PostgreSQL, the clock moved one day at a time from a week before the
// invoice falls due to the hand-off, and the drafts, call and proposals each
// step leaves. Then the pass run again the same day changes nothing.
import { eq } from 'drizzle-orm';
import { runAutoAssignJob } from '../../jobs/auto-assign.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customers, members, workspaces } from '../../src/db/schema.ts';
import { addDays } from '../../src/domain/dates.ts';
import { DEMO_COLLECTIONS_CHANNEL_ID as CHANNEL, DEMO_COLLECTOR_ID } from '../../src/emulator/seed.ts';
import { runLadderDay } from '../../src/services/ladder/daily.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { seedLedger } from '../support/ledger.ts';
import { postEverything, threadPosts } from '../threads/support.ts';
import { activeCase, activitiesOf, callsOf, draftsOf, escalationsOf, footprint, paris, passOn, postsWithKey, TEAM } from './support.ts';

let t: TestApp;
const stages = new Map<string, string | null>();

beforeAll(async () => {
  t = await startTestApp();
  // A week before the invoice falls due: a customer with no case yet.
  await seedLedger(t.database, TEAM, '2026-10-26', [
    { ref: 'CLIMB', name: 'Climbing Gear SARL', invoices: [{ number: 'CL-1', issued: '2026-10-03', due: '2026-11-02', cents: 120_000 }] },
  ]);
  await t.database.db.update(customers).set({ phone: '+33 1 23 45 67 89' }).where(eq(customers.customerRef, 'CLIMB'));
  await t.database.db.update(workspaces).set({ name: 'Relance Demo SAS', teamChannelId: CHANNEL }).where(eq(workspaces.id, TEAM));
  await t.database.db.insert(members).values({ workspaceId: TEAM, userId: DEMO_COLLECTOR_ID, role: 'collector' });
  for (let day = '2026-10-26'; day <= '2027-01-02'; day = addDays(day, 1)) {
    await passOn(t, day);
    // The morning's automatic assignment gives out the calls of the cases at the call step.
    t.clock.set(paris(day, '07:30').toISOString());
    await runAutoAssignJob(t.database.db, t.clock.now);
    // The worker posts within seconds: what a day writes reaches the thread that day.
    await postEverything(t);
    stages.set(day, (await activeCase(t, 'CLIMB'))?.stage ?? null);
  }
}, 240_000);

afterAll(async () => {
  await t?.close();
});

const firstDayOn = (stage: string) => [...stages].find(([, s]) => s === stage)?.[0];

describe('a case left alone', () => {
  it('climbs one step on each step\'s day, counted from the due date (2 Nov)', () => {
    expect(stages.get('2026-11-02')).toBeNull();
    expect(firstDayOn('reminder_1')).toBe('2026-11-03');
    expect(firstDayOn('reminder_2')).toBe('2026-11-12');
    expect(firstDayOn('call')).toBe('2026-11-17');
    expect(firstDayOn('reminder_3')).toBe('2026-12-02');
    expect(firstDayOn('formal_notice')).toBe('2026-12-17');
    expect(firstDayOn('agency_or_legal')).toBe('2027-01-01');
    expect(stages.get('2027-01-02')).toBe('agency_or_legal');
  });

  it('gets a courtesy reminder a week before the due date, once, before any case exists', async () => {
    const courtesy = (await draftsOf(t, 'CLIMB')).filter((d) => d.stage === 'pre_due');
    expect(courtesy).toHaveLength(1);
    expect(courtesy[0]).toMatchObject({ caseId: null, dueDate: '2026-11-02', locale: 'en', subject: 'Invoice CL-1 falls due on 2 Nov 2026' });
    expect(courtesy[0]!.body).toContain('This is a courtesy reminder: the following invoice falls due on 2 Nov 2026.');
    expect(courtesy[0]!.body).toContain('- CL-1 · issued 3 Oct 2026 · due 2 Nov 2026 · amount €1,200.00 · outstanding €1,200.00');
    expect(courtesy[0]!.body).toContain('please tell us now');
    expect(courtesy[0]!.createdAt).toEqual(new Date('2026-10-25T23:30:00Z'));
  });

  it('gets a friendly, a second and a firm reminder, the firm one citing the earlier two and the late fees', async () => {
    const kase = await activeCase(t, 'CLIMB');
    const reminders = (await draftsOf(t, 'CLIMB')).filter((d) => d.caseId === kase!.id);
    expect(reminders.map((d) => [d.stage, d.subject])).toEqual([
      ['reminder_1', 'Payment reminder: invoice CL-1'],
      ['reminder_2', 'Second reminder: €1,200.00 overdue'],
      ['reminder_3', 'Final reminder before formal notice: €1,200.00 overdue'],
    ]);
    const [first, second, firm] = reminders.map((d) => d.body);
    expect(first).toContain('Dear Climbing Gear SARL,');
    expect(first).toContain('Total outstanding: €1,200.00');
    expect(first).toContain('Kind regards,\nRelance Demo SAS');
    expect(second).toContain('Further to our reminder of 3 Nov 2026, the following invoice is still unpaid, 10 days after the oldest due date.');
    expect(second).toContain('payment plan in instalments');
    expect(firm).toContain('Despite our reminders of 3 Nov 2026 and 12 Nov 2026, the following invoice remains unpaid, 30 days after the oldest due date.');
    expect(firm).toContain('within 8 days');
    // 1,200.00 × (2.15 % + 10) × 30 / 365 = 11.98; H2 2026 is not in the rate table yet, so H1's rate stands in.
    expect(firm).toContain('late-payment interest from the day after each due date, at the European Central Bank\'s refinancing rate plus 10 percentage points');
    expect(firm).toContain('As of 2 Dec 2026, the interest amounts to €11.98 and the indemnities to €40.00 (1 invoice).');
    expect(reminders[2]!.data).toMatchObject({
      earlier_reminders: ['2026-11-03', '2026-11-12'], days_overdue: 30,
      late_fees: { interest: [{ cents: 1198, currency: 'EUR' }], indemnity: { cents: 4000, currency: 'EUR' }, missing: [{ kind: 'ecb', halfYear: '2026-07-01' }] },
    });
  });

  it('is due a call at the call step, assigned to the collector at work', async () => {
    const kase = await activeCase(t, 'CLIMB');
    const calls = await callsOf(t, kase!.id);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ assigneeId: DEMO_COLLECTOR_ID, status: 'open', createdBy: 'system' });
  });

  it('proposes the formal notice, then agency or legal, to the managers, once each', async () => {
    const kase = await activeCase(t, 'CLIMB');
    expect((await escalationsOf(t, kase!.id)).map((e) => [e.kind, e.status, e.requestedBy, e.proposedStage])).toEqual([
      ['notice', 'pending', 'system', 'formal_notice'],
      ['agency', 'pending', 'system', 'agency_or_legal'],
    ]);
    expect((await postsWithKey(t, 'ladder.summary.')).map((p) => p.dedupeKey)).toEqual(['ladder.summary.2026-12-17', 'ladder.summary.2027-01-01']);
    const [notice] = await postsWithKey(t, 'ladder.summary.2026-12-17');
    expect((notice!.payload as { text: string }).text).toContain('• *formal notice*: 1 case — Climbing Gear SARL');
  });

  it('leaves one timeline entry per step, after the case opened', async () => {
    const kinds = (await activitiesOf(t, 'CLIMB')).map((a) => [a.kind, (a.data as { stage?: string }).stage ?? null]);
    expect(kinds).toEqual([
      ['case_opened', null],
      ['reminder_drafted', 'reminder_1'],
      ['reminder_drafted', 'reminder_2'],
      ['stage_call', 'call'],
      ['call_assigned', null],
      ['reminder_drafted', 'reminder_3'],
      ['escalation_proposed', 'formal_notice'],
      ['escalation_proposed', 'agency_or_legal'],
    ]);
  });

  it('shows each draft in the case thread, and the other steps as their sentence', async () => {
    const kase = await activeCase(t, 'CLIMB');
    const texts = threadPosts(t, CHANNEL, kase!.id).map((m) => m.text);
    expect(texts.filter((x) => x.includes('Ladder: *reminder 1* drafted for the customer (not sent).'))).toHaveLength(1);
    expect(texts.some((x) => x.includes('*Payment reminder: invoice CL-1*') && x.includes('>Dear Climbing Gear SARL,'))).toBe(true);
    expect(texts.some((x) => x.includes('relance rates add ecb 2026-07-01'))).toBe(true);
    expect(texts.some((x) => x.includes('settings set payment_details'))).toBe(true);
    expect(texts.filter((x) => x.includes('Ladder: call step reached'))).toHaveLength(1);
    expect(texts.filter((x) => x.includes('Ladder: formal notice reached, proposed to the managers for approval'))).toHaveLength(1);
    // The timeline line of a draft is not posted a second time.
    expect(texts.filter((x) => x.startsWith('Ladder: reminder 1 drafted'))).toHaveLength(0);
  });

  it('changes nothing when the day is passed again, by the job or explicitly', async () => {
    const before = await footprint(t);
    expect((await passOn(t, '2027-01-02', '09:00')).passed).toEqual([]);
    const [workspace] = await t.database.db.select().from(workspaces).where(eq(workspaces.id, TEAM));
    const again = await runLadderDay(t.database.db, workspace!, { now: t.clock.now, day: '2027-01-01', again: true });
    expect(again).toMatchObject({ kind: 'passed', result: { stages: [], summaryPostId: null, preDue: { drafted: 0 } } });
    expect(await footprint(t)).toEqual(before);
  });
});
