// Automatic assignment of the day's calls, against the real database: the
// least-loaded spread, owners kept, what is not a candidate, the calling
// profile, nobody at work on a weekend or a holiday, the day's run once (the
// job, twice), the one DM per collector, and no per-call reminders for them.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAutoAssignJob } from '../../jobs/auto-assign.ts';
import { reconcileCallReminders, reminderKey } from '../../jobs/call-reminder.ts';
import { callRemindersQueue } from '../../jobs/queues.ts';
import { queueConfig } from '../../jobs/workers.ts';
import { activities, cases, channelPosts, customers, members, tasks } from '../../src/db/schema.ts';
import { writeSetting } from '../../src/db/settings.ts';
import { DEFAULT_LADDER } from '../../src/domain/ladder.ts';
import { DEMO_COLLECTOR_ID, DEMO_MANAGER_ID, DEMO_TEAM_ID } from '../../src/emulator/seed.ts';
import { assignDueCalls, assignTodaysCalls } from '../../src/services/auto-assign.ts';
import { changeSetting } from '../../src/services/settings.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { seedLedger, type LedgerCustomer } from '../support/ledger.ts';

const CHLOE = DEMO_COLLECTOR_ID;
/** A second collector; sorts before U0COLLECTOR, so wins ties. */
const BEA = 'U0COLLB';
const MONDAY = '2026-11-23';
/** Monday 10:30 in Paris. */
const NOW = new Date('2026-11-23T09:30:00Z');

let t: TestApp;
let ids: Map<string, number>;
const db = () => t.database.db;

const owing = (ref: string, due: string, cents: number): LedgerCustomer =>
  ({ ref, name: `Customer ${ref}`, invoices: [{ number: `F-${ref}`, issued: '2026-07-01', due, cents }] });
const SPREAD = ['A1', 'A2', 'A3', 'A4', 'A5', 'A6'];

async function caseOf(ref: string): Promise<number> {
  const [row] = await db().select({ id: cases.id }).from(cases).where(eq(cases.customerId, ids.get(ref)!));
  return row!.id;
}
const casesOf = (refs: string[]) => Promise.all(refs.map(caseOf));
const openTasks = async (refs: string[]) => db().select().from(tasks)
  .where(and(inArray(tasks.caseId, await casesOf(refs)), eq(tasks.kind, 'call'), eq(tasks.status, 'open')));
const allTasks = () => db().select().from(tasks);
const run = (refs: string[], now = NOW) => casesOf(refs).then((caseIds) => assignDueCalls(db(), { workspaceId: DEMO_TEAM_ID, now, caseIds }));

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(NOW.toISOString());
  ids = await seedLedger(t.database, DEMO_TEAM_ID, MONDAY, [
    ...SPREAD.map((ref, i) => owing(ref, '2026-10-01', (6 - i) * 100_000)),
    owing('OWN-C', '2026-10-01', 100_000),
    owing('OWN-M', '2026-10-01', 100_000),
    owing('OWN-X', '2026-08-01', 1_000_000),
    owing('NOPHONE', '2026-10-01', 100_000),
    owing('WRONG', '2026-10-01', 100_000),
    owing('YOUNG', '2026-11-13', 100_000),
    owing('PROM', '2026-10-01', 100_000),
    owing('HASCALL', '2026-10-01', 100_000),
    owing('CAPPED', '2026-10-01', 100_000),
    owing('DAILY1', '2026-10-01', 100_000),
    owing('DAILY2', '2026-10-01', 100_000),
  ]);
  await db().update(customers).set({ phone: '+33 1 23 45 67 89' }).where(sql`customer_ref <> 'NOPHONE'`);
  await db().update(customers).set({ phoneWrongAt: NOW }).where(eq(customers.customerRef, 'WRONG'));
  await db().update(cases).set({ status: 'promised' }).where(eq(cases.id, await caseOf('PROM')));
  await db().update(cases).set({ stage: 'call', ownerId: CHLOE }).where(eq(cases.id, await caseOf('OWN-C')));
  await db().update(cases).set({ stage: 'call', ownerId: DEMO_MANAGER_ID }).where(eq(cases.id, await caseOf('OWN-M')));
  await db().update(cases).set({ stage: 'call', ownerId: 'U0GONE' }).where(eq(cases.id, await caseOf('OWN-X')));
  await db().insert(members).values([
    { workspaceId: DEMO_TEAM_ID, userId: CHLOE, role: 'collector' },
    { workspaceId: DEMO_TEAM_ID, userId: BEA, role: 'collector' },
    { workspaceId: DEMO_TEAM_ID, userId: DEMO_MANAGER_ID, role: 'manager' },
  ]);
  // Chloé already has a call today: one more than Béa before anything is given out.
  await db().insert(tasks).values({
    workspaceId: DEMO_TEAM_ID, caseId: await caseOf('HASCALL'), kind: 'call', assigneeId: CHLOE, dueAt: new Date('2026-11-23T15:00:00Z'), createdBy: CHLOE,
  });
});

afterAll(async () => {
  await t?.close();
});

describe('nobody at work', () => {
  it('on a Saturday the day\'s run assigns nothing', async () => {
    const saturday = new Date('2026-11-21T09:30:00Z');
    const result = await assignTodaysCalls(db(), { workspaceId: DEMO_TEAM_ID, now: saturday });
    expect(result).toMatchObject({ kind: 'done', assigned: [] });
    expect(result.kind === 'done' && result.unassigned).toBeGreaterThan(0);
    expect(await allTasks()).toHaveLength(1);
  });

  it('on Christmas (a public holiday in France) nothing either', async () => {
    const result = await run(SPREAD, new Date('2026-12-25T09:30:00Z'));
    expect(result).toEqual({ assigned: [], unassigned: SPREAD.length });
    expect(await allTasks()).toHaveLength(1);
  });

  it('after everyone\'s day is over, nothing', async () => {
    expect(await run(SPREAD, new Date('2026-11-23T17:30:00Z'))).toEqual({ assigned: [], unassigned: SPREAD.length });
  });
});

describe('who gets which call', () => {
  it('the least loaded collector each time, in priority order; ties to the lower user id', async () => {
    const result = await run(SPREAD);
    const by = (user: string) => result.assigned.filter((a) => a.assigneeId === user).length;
    // Béa 0 and Chloé 1 to start: Béa, Béa (tie), Chloé, Béa (tie), Chloé, Béa (tie).
    expect([by(BEA), by(CHLOE)]).toEqual([4, 2]);
    expect(result.assigned.map((a) => a.assigneeId)).toEqual([BEA, BEA, CHLOE, BEA, CHLOE, BEA]);
    // Due now: both work now and the debtors may be called now.
    expect(result.assigned.every((a) => a.dueAt.getTime() === NOW.getTime())).toBe(true);
  });

  it('writes the tasks, the timeline entries (auto) and makes the assignee the owner of an unowned case', async () => {
    const [task] = await openTasks(['A1']);
    expect(task).toMatchObject({ assigneeId: BEA, createdBy: 'system', dueAt: NOW });
    const [entry] = await db().select().from(activities).where(and(eq(activities.caseId, await caseOf('A1')), eq(activities.kind, 'call_assigned')));
    expect(entry).toMatchObject({ actorId: 'system', data: { task_id: task!.id, assignee: BEA, due_on: MONDAY, auto: true } });
    const [kase] = await db().select({ ownerId: cases.ownerId }).from(cases).where(eq(cases.id, await caseOf('A1')));
    expect(kase?.ownerId).toBe(BEA);
  });

  it('keeps a case with its owner when the owner works today, a manager included; an owner not at work keeps the case but not the call', async () => {
    const result = await run(['OWN-C', 'OWN-M', 'OWN-X']);
    const to = Object.fromEntries(await Promise.all(result.assigned.map(async (a) => [a.caseId, a.assigneeId])));
    expect(to[await caseOf('OWN-C')]).toBe(CHLOE);
    expect(to[await caseOf('OWN-M')]).toBe(DEMO_MANAGER_ID);
    // OWN-X comes first (oldest, largest): Chloé has 3 calls today, Béa 4.
    expect(to[await caseOf('OWN-X')]).toBe(CHLOE);
    const [x] = await db().select({ ownerId: cases.ownerId }).from(cases).where(eq(cases.id, await caseOf('OWN-X')));
    expect(x?.ownerId).toBe('U0GONE');
  });

  it('leaves out a case without a phone, with a wrong number, not yet 15 days overdue, promised, or that has its call', async () => {
    const before = (await allTasks()).length;
    expect(await run(['NOPHONE', 'WRONG', 'YOUNG', 'PROM', 'HASCALL'])).toEqual({ assigned: [], unassigned: 0 });
    expect(await allTasks()).toHaveLength(before);
  });

  it('running again for the same cases assigns nothing new', async () => {
    const before = (await allTasks()).length;
    expect(await run([...SPREAD, 'OWN-C'])).toEqual({ assigned: [], unassigned: 0 });
    expect(await allTasks()).toHaveLength(before);
  });

  it('respects the calling profile: a debtor called twice this week waits', async () => {
    await changeSetting(db(), { name: 'callingProfile', value: { maxPerWeek: 2, quietDays: 0 }, workspaceId: DEMO_TEAM_ID, by: DEMO_MANAGER_ID, now: NOW });
    for (const at of ['2026-11-19T09:00:00Z', '2026-11-20T09:00:00Z']) {
      await db().insert(activities).values({
        workspaceId: DEMO_TEAM_ID, caseId: await caseOf('CAPPED'), customerId: ids.get('CAPPED')!, kind: 'call_logged', actorId: CHLOE,
        occurredAt: new Date(at), data: { outcome: 'no_answer' },
      });
    }
    expect(await run(['CAPPED'])).toEqual({ assigned: [], unassigned: 1 });
    await changeSetting(db(), { name: 'callingProfile', value: null, workspaceId: DEMO_TEAM_ID, by: DEMO_MANAGER_ID, now: NOW });
  });
});

describe('the day\'s run', () => {
  const dm = (user: string) => db().select().from(channelPosts)
    .where(and(eq(channelPosts.workspaceId, DEMO_TEAM_ID), eq(channelPosts.dedupeKey, `autoassign.${user}.${MONDAY}`)));

  it('waits for the morning in the workspace\'s zone', async () => {
    expect(await runAutoAssignJob(db(), new Date('2026-11-23T05:30:00Z'))).toEqual({ runs: [] });
  });

  it('then gives out what is left, once, with one DM per collector listing their calls', async () => {
    const first = await runAutoAssignJob(db(), NOW);
    expect(first.runs).toHaveLength(1);
    const given = first.runs[0]!.assigned;
    // CAPPED (profile off now), DAILY1, DAILY2: Béa 4, Chloé 5 → Béa, then a tie → Béa, then Chloé.
    expect(given.map((a) => a.assigneeId).sort()).toEqual([BEA, BEA, CHLOE]);
    const [toBea] = await dm(BEA);
    expect(toBea).toMatchObject({ channelId: BEA, kind: 'message' });
    const text = (toBea!.payload as { text: string }).text;
    expect(text).toContain('Your calls for Monday 23 Nov 2026, given by relance (2):');
    expect(text).toMatch(/• \*Customer (CAPPED|DAILY1|DAILY2)\* \((CAPPED|DAILY1|DAILY2)\) at 10:30\n• \*Customer/);
    expect(text).toContain('Times in Europe/Paris. Log each call with `/collect log <case>`');
    expect(await dm(CHLOE)).toHaveLength(1);

    const tasksAfter = (await allTasks()).length;
    expect(await runAutoAssignJob(db(), new Date('2026-11-23T09:35:00Z'))).toEqual({ runs: [] });
    expect(await assignTodaysCalls(db(), { workspaceId: DEMO_TEAM_ID, now: NOW })).toEqual({ kind: 'already_done' });
    expect(await allTasks()).toHaveLength(tasksAfter);
    expect(await dm(BEA)).toHaveLength(1);
  });

  it('queues no reminder per call it gave out: the DM said it', async () => {
    const queue = callRemindersQueue(queueConfig(t.env));
    try {
      // Only Chloé's own call (HASCALL) gets one.
      expect(await reconcileCallReminders(queue, db(), NOW)).toBe(1);
      const [auto] = await openTasks(['DAILY1']);
      expect(await queue.getJob(reminderKey(auto!.id, auto!.dueAt.getTime()))).toBeUndefined();
    } finally {
      await queue.obliterate({ force: true }).catch(() => {});
      await queue.close();
    }
  });
});

describe('the workspace ladder', () => {
  it('decides from how many days overdue an unowned case needs a call', async () => {
    // YOUNG is 10 days overdue: too young for the default call step (+15), due one at +8.
    expect(await run(['YOUNG'])).toEqual({ assigned: [], unassigned: 0 });
    const ladder = DEFAULT_LADDER.map((s) => (s.stage === 'reminder_2' ? { ...s, day: 5 } : s.stage === 'call' ? { ...s, day: 8 } : s));
    await writeSetting(db(), { workspaceId: DEMO_TEAM_ID, name: 'ladder', value: ladder, by: DEMO_MANAGER_ID, now: NOW });
    expect((await run(['YOUNG'])).assigned).toHaveLength(1);
  });
});
