// One day's pass over a ledger with every kind of case: who moves and who
// does not, catch-up landings without stale drafts, one summary for the
// managers however many cases reach their step, courtesy reminders once per
// customer and due date, two workers on the same day — over real PostgreSQL,
// with the outbox posted to the Slack emulator.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshBalances } from '../../src/db/balances.ts';
import { rows } from '../../src/db/client.ts';
import { plannedMovesSql } from '../../src/db/ladder-pass.ts';
import { cases, channelPosts, customers, workspaces } from '../../src/db/schema.ts';
import { writeSetting } from '../../src/db/settings.ts';
import { ensureWorkspace } from '../../src/db/workspaces.ts';
import { addDays } from '../../src/domain/dates.ts';
import { DEFAULT_LADDER, type LadderStage } from '../../src/domain/ladder.ts';
import { planCaseMove } from '../../src/domain/ladder-plan.ts';
import { parseLadderEdit } from '../../src/domain/ladder-setting.ts';
import { DEMO_ADMIN_ID, DEMO_COLLECTIONS_CHANNEL_ID as CHANNEL } from '../../src/emulator/seed.ts';
import { runLadderDay } from '../../src/services/ladder/daily.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { seedLedger, type LedgerCustomer } from '../support/ledger.ts';
import { postEverything, threadPosts } from '../threads/support.ts';
import { activeCase, activitiesOf, draftsOf, escalationsOf, footprint, paris, passOn, postsWithKey, TEAM } from './support.ts';

const TODAY = '2026-11-23';
const MANAGERS = 'C0MANAGERS';
let t: TestApp;

const owing = (ref: string, name: string, due: string, extra: Partial<LedgerCustomer> = {}): LedgerCustomer =>
  ({ ref, name, invoices: [{ number: `F-${ref}`, issued: addDays(due, -30), due, cents: 50_000 }], ...extra });
const setCase = (ref: string, values: { stage?: LadderStage | null; status?: 'promised' | 'paused' }) =>
  t.database.db.update(cases).set(values).where(sql`${cases.customerId} = (select id from customers where customer_ref = ${ref} and workspace_id = ${TEAM})`);
const formalNoticeRefs = Array.from({ length: 30 }, (_, i) => `N${String(i + 1).padStart(2, '0')}`);

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(paris(TODAY, '00:10').toISOString());
  await seedLedger(t.database, TEAM, TODAY, [
    owing('PROM', 'Promised SARL', '2026-11-01'),
    owing('PAUSE', 'Paused SARL', '2026-11-01'),
    owing('OPEN', 'Open SARL', '2026-11-01'),
    owing('OLD', 'Old Ledger SA', addDays(TODAY, -100)),
    owing('MID37', 'Thirty Seven SA', addDays(TODAY, -37)),
    owing('MID40', 'Forty SA', addDays(TODAY, -40)),
    ...formalNoticeRefs.map((ref, i) => owing(ref, `Notice ${String(i + 1).padStart(2, '0')}`, addDays(TODAY, -45))),
    {
      ref: 'SOON', name: 'Soon Due SAS', invoices: [
        { number: 'S-1', issued: '2026-10-28', due: '2026-11-28', cents: 30_000 },
        { number: 'S-2', issued: '2026-10-28', due: '2026-11-28', cents: 12_345, currency: 'GBP' },
        { number: 'S-3', issued: '2026-10-29', due: '2026-11-29', cents: 10_000 },
      ],
    },
    {
      ref: 'SOONCASE', name: 'Soon But Late SAS', invoices: [
        { number: 'SC-1', issued: '2026-09-01', due: '2026-11-20', cents: 10_000 },
        { number: 'SC-2', issued: '2026-10-28', due: '2026-11-28', cents: 10_000 },
      ],
    },
    { ref: 'SOONPAID', name: 'Paid Early SAS', invoices: [{ number: 'SP-1', issued: '2026-10-28', due: '2026-11-28', cents: 10_000, paid: [10_000] }] },
    { ref: 'LATER', name: 'Later SAS', invoices: [{ number: 'L-1', issued: '2026-11-15', due: '2026-12-15', cents: 10_000 }] },
  ]);
  await t.database.db.update(customers).set({ locale: 'fr' }).where(eq(customers.customerRef, 'SOON'));
  for (const ref of ['PROM', 'PAUSE', 'OPEN']) await setCase(ref, { stage: 'reminder_2' });
  await setCase('PROM', { status: 'promised' });
  await setCase('PAUSE', { status: 'paused' });
  for (const ref of formalNoticeRefs) await setCase(ref, { stage: 'reminder_3' });
  t.emulator.state.addChannel({ id: MANAGERS, name: 'collections-managers', members: [DEMO_ADMIN_ID], botMember: true });
  await t.database.db.update(workspaces).set({ teamChannelId: CHANNEL }).where(eq(workspaces.id, TEAM));
  await writeSetting(t.database.db, { workspaceId: TEAM, name: 'managersChannel', value: MANAGERS, by: DEMO_ADMIN_ID, now: t.clock.now });
  // No payment_details: the drafts take the creditor's bank account from the letters' settings.
  await writeSetting(t.database.db, { workspaceId: TEAM, name: 'creditorIban', value: 'FR7630006000011234567890189', by: DEMO_ADMIN_ID, now: t.clock.now });
  await writeSetting(t.database.db, { workspaceId: TEAM, name: 'creditorBic', value: 'AGRIFRPP', by: DEMO_ADMIN_ID, now: t.clock.now });
  await passOn(t, TODAY);
  await postEverything(t);
}, 60_000);

afterAll(async () => {
  await t?.close();
});

describe('the day\'s pass', () => {
  it('moves open cases only: promised and paused cases stay on their step', async () => {
    expect((await activeCase(t, 'OPEN'))?.stage).toBe('call');
    expect(await activeCase(t, 'PROM')).toMatchObject({ stage: 'reminder_2', status: 'promised' });
    expect(await activeCase(t, 'PAUSE')).toMatchObject({ stage: 'reminder_2', status: 'paused' });
    expect((await activitiesOf(t, 'PROM')).map((a) => a.kind)).toEqual(['case_opened']);
  });

  it('lands an old case on the step its age calls for, without a burst of stale drafts, and does not post it', async () => {
    const old = await activeCase(t, 'OLD');
    expect(old?.stage).toBe('agency_or_legal');
    expect(await draftsOf(t, 'OLD')).toEqual([]);
    const [landed] = (await activitiesOf(t, 'OLD')).filter((a) => a.kind !== 'case_opened');
    expect(landed).toMatchObject({ kind: 'stage_set', data: { stage: 'agency_or_legal', days_overdue: 100, catch_up: true, escalation: 'agency' } });
    // The manager step still files its proposal, for /collect escalations and the summary.
    expect((await escalationsOf(t, old!.id)).map((e) => [e.kind, e.proposedStage])).toEqual([['agency', 'agency_or_legal']]);
    // Not queued for the thread at all (the activity trigger leaves the silent kinds out).
    expect(await t.database.db.select().from(channelPosts).where(eq(channelPosts.activityId, landed!.id))).toEqual([]);
    expect(threadPosts(t, CHANNEL, old!.id)).toEqual([]);
    expect(t.emulator.messages(CHANNEL).some((m) => m.text.includes('Old Ledger SA'))).toBe(false);
  });

  it('acts at the landing step when its day is within the catch-up window, and lands silently past it', async () => {
    expect((await activeCase(t, 'MID37'))?.stage).toBe('reminder_3');
    const [firm] = await draftsOf(t, 'MID37');
    expect(firm).toMatchObject({ stage: 'reminder_3', subject: 'Final reminder before formal notice: €500.00 overdue' });
    expect(firm!.body).toContain('Despite our earlier requests, the following invoice remains unpaid, 37 days after the oldest due date.');
    expect(firm!.body).toContain('How to pay: IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP');
    expect((await activeCase(t, 'MID40'))?.stage).toBe('reminder_3');
    expect(await draftsOf(t, 'MID40')).toEqual([]);
    expect((await activitiesOf(t, 'MID40')).map((a) => a.kind)).toEqual(['case_opened', 'stage_set']);
  });

  it('tells the managers once about the 31 cases that reached their steps, in their channel', async () => {
    const summaries = t.emulator.messages(MANAGERS);
    expect(summaries).toHaveLength(1);
    expect(summaries[0]!.text).toContain('*Dunning ladder, 23 Nov 2026:* cases reached a step that waits for a manager\'s approval.');
    expect(summaries[0]!.text).toContain('• *formal notice*: 30 cases — Notice 01, Notice 02, Notice 03, Notice 04, Notice 05 and 25 more');
    expect(summaries[0]!.text).toContain('• *agency or legal*: 1 case — Old Ledger SA');
    expect(summaries[0]!.text).toContain('`/collect escalations`');
    const proposals = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from escalations where kind = 'notice' and requested_by = 'system' and status = 'pending'`);
    expect(proposals[0]!.n).toBe(30);
  });

  it('drafts a courtesy reminder per customer with no case and due date, in the customer\'s language', async () => {
    const soon = await draftsOf(t, 'SOON');
    expect(soon.map((d) => [d.stage, d.dueDate, d.caseId, d.locale])).toEqual([
      ['pre_due', '2026-11-28', null, 'fr'], ['pre_due', '2026-11-29', null, 'fr'],
    ]);
    expect(soon[0]!.subject).toBe('2 factures à échéance le 28/11/2026');
    expect(soon[0]!.body).toContain('Total restant dû : 300,00\u00a0€ · 123,45\u00a0£GB');
    expect(soon[0]!.body).toContain('dites-le-nous dès maintenant');
    // A customer with a case gets the case's reminders, not a courtesy one.
    expect((await draftsOf(t, 'SOONCASE')).map((d) => d.stage)).toEqual(['reminder_1']);
    expect(await draftsOf(t, 'SOONPAID')).toEqual([]);
    expect(await draftsOf(t, 'LATER')).toEqual([]);
    // No case, so no timeline entry and nothing in Slack.
    expect((await activitiesOf(t, 'SOON'))).toEqual([]);
  });

  it('drafts nothing twice: the next days add only what newly falls due within a week', async () => {
    const before = await footprint(t);
    expect((await passOn(t, TODAY, '15:00')).passed).toEqual([]);
    expect(await footprint(t)).toEqual(before);
    await passOn(t, '2026-11-24');
    expect((await draftsOf(t, 'SOON'))).toHaveLength(2);
    // LATER's invoice is due 15 Dec: its courtesy reminder comes on 8 Dec.
    await passOn(t, '2026-12-07');
    expect(await draftsOf(t, 'LATER')).toEqual([]);
    await passOn(t, '2026-12-08');
    expect((await draftsOf(t, 'LATER')).map((d) => d.dueDate)).toEqual(['2026-12-15']);
  });

  it('passes once when two workers race for the same day', async () => {
    const day = '2026-12-09';
    t.clock.set(paris(day).toISOString());
    const [workspace] = await t.database.db.select().from(workspaces).where(eq(workspaces.id, TEAM));
    const outcomes = await Promise.all([1, 2].map(() => runLadderDay(t.database.db, workspace!, { now: t.clock.now })));
    expect(outcomes.map((o) => o.kind).sort()).toEqual(['already_done', 'passed']);
    expect((await postsWithKey(t, 'ladder.summary.')).length).toBeGreaterThanOrEqual(1);
  });
});

describe('the SQL of the moves', () => {
  const GRID = 'T0GRID';
  const stages: (LadderStage | null)[] = [null, 'reminder_1', 'reminder_2', 'call', 'reminder_3', 'formal_notice', 'agency_or_legal', 'agency', 'legal'];
  const statuses = ['open', 'promised', 'paused'] as const;

  beforeAll(async () => {
    const db = t.database.db;
    await ensureWorkspace(db, GRID, { timezone: 'Europe/Paris', locale: 'en' });
    // One customer per (stage, status, days overdue 0–75), each with one invoice; refs encode the three.
    await db.execute(sql`
      insert into customers (workspace_id, customer_ref, name)
      select ${GRID}, s || ':' || st || ':' || d, 'Grid ' || s || ' ' || st || ' ' || d
      from unnest(${`{${stages.map((s) => s ?? 'none').join(',')}}`}::text[]) s, unnest(${`{${statuses.join(',')}}`}::text[]) st, generate_series(0, 75) d`);
    await db.execute(sql`
      insert into invoices (workspace_id, invoice_number, customer_id, issue_date, due_date, currency, amount_cents)
      select ${GRID}, 'G-' || c.id, c.id, ${TODAY}::date - 90, ${TODAY}::date - split_part(c.customer_ref, ':', 3)::int, 'EUR', 10000
      from customers c where c.workspace_id = ${GRID}`);
    await db.transaction((tx) => refreshBalances(tx, { workspaceId: GRID, today: TODAY, actorId: 'import' }));
    await db.execute(sql`
      update cases k set stage = nullif(split_part(c.customer_ref, ':', 1), 'none')::ladder_stage, status = split_part(c.customer_ref, ':', 2)::case_status
      from customers c where c.id = k.customer_id and k.workspace_id = ${GRID}`);
  });

  const compare = async (ladder = DEFAULT_LADDER, catchUpDays = 7) => {
    const planned = await rows<{ case_id: string; to_stage: string; steps: number; catch_up: boolean; acts: boolean; action: string; proposes: string | null }>(
      t.database.db, plannedMovesSql({ workspaceId: GRID, day: TODAY, ladder, catchUpDays }));
    const bySql = new Map(planned.map((p) => [Number(p.case_id), p]));
    const all = await rows<{ id: string; customer_ref: string }>(t.database.db, sql`
      select k.id, c.customer_ref from cases k join customers c on c.id = k.customer_id where k.workspace_id = ${GRID}`);
    let moved = 0;
    for (const row of all) {
      const [stage, status, days] = row.customer_ref.split(':') as [string, string, string];
      const expected = planCaseMove({ stage: stage === 'none' ? null : stage as LadderStage, status, daysOverdue: Number(days) }, ladder, catchUpDays);
      const got = bySql.get(Number(row.id));
      if (!expected) {
        expect(got, row.customer_ref).toBeUndefined();
        continue;
      }
      moved++;
      expect({ to: got?.to_stage, steps: got?.steps, catchUp: got?.catch_up, acts: got?.acts, action: got?.action, proposes: got?.proposes ?? null }, row.customer_ref)
        .toEqual({ to: expected.to, steps: expected.steps, catchUp: expected.catchUp, acts: expected.acts, action: expected.action, proposes: expected.proposes });
    }
    return moved;
  };

  it('moves exactly the cases the rule moves, to the same step, with the same action', async () => {
    // Days 0–75 cover every step, catch-up window included; 0 overdue is no case at all.
    expect(await compare()).toBeGreaterThan(100);
  });

  it('agrees on an edited ladder and another window', async () => {
    const edited = parseLadderEdit('call off reminder_2 +12 formal_notice +50');
    expect(edited.ok).toBe(true);
    expect(await compare(edited.ok ? edited.value : [], 0)).toBeGreaterThan(100);
  });

  it('never reads another workspace\'s cases', async () => {
    const planned = await rows<{ case_id: string }>(t.database.db, plannedMovesSql({ workspaceId: GRID, day: TODAY, ladder: DEFAULT_LADDER, catchUpDays: 7 }));
    const teamCases = await t.database.db.select({ id: cases.id }).from(cases).where(and(eq(cases.workspaceId, TEAM), inArray(cases.id, planned.map((p) => Number(p.case_id)))));
    expect(teamCases).toEqual([]);
  });
});
