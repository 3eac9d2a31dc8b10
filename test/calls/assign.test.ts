// `/collect assign <case> [@user] [when]` over signed HTTP, and the call
// reminder it queues: the default time, a manager giving a call to someone,
// each refusal (which writes nothing), reassigning, French, and the DM when the
// call falls due, sent once and never for a call that moved or was cancelled.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_REMINDER_JOB, reminderKey, runCallReminder } from '../../jobs/call-reminder.ts';
import { callRemindersQueue } from '../../jobs/queues.ts';
import { queueConfig } from '../../jobs/workers.ts';
import { activities, channelPosts, members, tasks } from '../../src/db/schema.ts';
import { DEMO_COLLECTOR_ID, DEMO_MANAGER_ID, DEMO_OUTSIDER_ID, DEMO_TEAM_ID } from '../../src/emulator/seed.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { caseIdOf, collect, entries, openCalls, seedCallLedger } from './support.ts';

let t: TestApp;
let ids: Map<string, number>;
const caseOf = (ref: string) => caseIdOf(t, ids.get(ref)!);
const allTasks = () => t.database.db.select().from(tasks);
const allEntries = () => t.database.db.select().from(activities);

beforeAll(async () => {
  t = await startTestApp();
  ids = await seedCallLedger(t);
  await t.database.db.insert(members).values({ workspaceId: DEMO_TEAM_ID, userId: DEMO_MANAGER_ID, role: 'manager' });
});

afterAll(async () => {
  const reminders = t && callRemindersQueue(queueConfig(t.env));
  await reminders?.obliterate({ force: true }).catch(() => {});
  await reminders?.close();
  await t?.close();
});

describe('assigning a call', () => {
  it('to me by default, the next business morning at the opening of the calling window, with a reminder queued', async () => {
    const reply = await collect(t, 'assign D01');
    expect(reply.text).toContain(`Call to *Debtor 01* assigned to <@${DEMO_COLLECTOR_ID}> for Tuesday 24 Nov 2026 at 09:00 (Europe/Paris).`);
    const [task] = await openCalls(t, await caseOf('D01'));
    expect(task).toMatchObject({ assigneeId: DEMO_COLLECTOR_ID, dueAt: new Date('2026-11-24T08:00:00Z'), createdBy: DEMO_COLLECTOR_ID });
    expect(await entries(t, await caseOf('D01'), 'call_assigned')).toMatchObject([
      { actorId: DEMO_COLLECTOR_ID, data: { task_id: task!.id, assignee: DEMO_COLLECTOR_ID, due_on: '2026-11-24' } },
    ]);
    const reminders = callRemindersQueue(queueConfig(t.env));
    try {
      const job = await reminders.getJob(reminderKey(task!.id, task!.dueAt.getTime()));
      expect(job?.name).toBe(CALL_REMINDER_JOB);
      // Monday 10:30 Paris to Tuesday 09:00 Paris, from the injected clock.
      expect(job?.opts.delay).toBe(22.5 * 3600_000);
    } finally {
      await reminders.close();
    }
  });

  it('a manager gives a call to a collector, a case of several words, on a day and time', async () => {
    const reply = await collect(t, `assign boulangerie martin nord <@${DEMO_COLLECTOR_ID}|collector> friday 14:30`, DEMO_MANAGER_ID);
    expect(reply.text).toContain(`Call to *Boulangerie Martin Nord* assigned to <@${DEMO_COLLECTOR_ID}> for Friday 27 Nov 2026 at 14:30`);
    expect(await openCalls(t, await caseOf('C-BMN'))).toMatchObject([{ assigneeId: DEMO_COLLECTOR_ID, dueAt: new Date('2026-11-27T13:30:00Z'), createdBy: DEMO_MANAGER_ID }]);
  });

  it('reassigning cancels the old call', async () => {
    const caseId = await caseOf('D01');
    const [before] = await openCalls(t, caseId);
    const reply = await collect(t, `assign D01 <@${DEMO_MANAGER_ID}|manager> tomorrow 11:00`, DEMO_MANAGER_ID);
    expect(reply.text).toContain(`The previous call (<@${DEMO_COLLECTOR_ID}>) is cancelled.`);
    expect(await openCalls(t, caseId)).toMatchObject([{ assigneeId: DEMO_MANAGER_ID, dueAt: new Date('2026-11-24T10:00:00Z') }]);
    const [old] = await t.database.db.select().from(tasks).where(eq(tasks.id, before!.id));
    expect(old?.status).toBe('cancelled');
  });
});

describe('refusals write nothing', () => {
  const refused = async (text: string, userId: string, expected: string[]) => {
    const [tasksBefore, entriesBefore] = [(await allTasks()).length, (await allEntries()).length];
    const reply = await collect(t, text, userId);
    for (const e of expected) expect(reply.text).toContain(e);
    expect((await allTasks()).length).toBe(tasksBefore);
    expect((await allEntries()).length).toBe(entriesBefore);
  };

  it('a collector giving a call to someone else', () =>
    refused(`assign D05 <@${DEMO_MANAGER_ID}|manager>`, DEMO_COLLECTOR_ID, ['Only a manager can give a call to someone else', '`/collect assign D05`']));

  it('someone who is not on the team', () =>
    refused(`assign D05 <@${DEMO_OUTSIDER_ID}|outsider> tomorrow`, DEMO_MANAGER_ID, [`<@${DEMO_OUTSIDER_ID}> is not on the team`, '`/collect assign D05 tomorrow`']));

  it('a name typed without a mention', () =>
    refused('assign D05 @jane', DEMO_MANAGER_ID, ['"@jane" is not a person', '`/collect assign D05 @jane tomorrow 10:00`']));

  it('an unknown case', () => refused('assign nobody-here tomorrow', DEMO_COLLECTOR_ID, ['No open case matches "nobody-here tomorrow"']));

  it('a time already past', () =>
    refused('assign D05 today 08:00', DEMO_COLLECTOR_ID, ['"today 08:00" (Monday 23 Nov 2026 at 08:00) is in the past', '`/collect assign D05 tomorrow 10:00`']));

  it('a time outside the debtor\'s calling window, in their zone, with the next allowed time', () =>
    refused('assign C-NY tomorrow 10:00', DEMO_COLLECTOR_ID, [
      '"tomorrow 10:00" is Tuesday 24 Nov 2026 04:00 for the debtor (America/New_York), outside their calling window (09:00-19:00',
      'The next allowed time is Tuesday 24 Nov 2026 09:00 (America/New_York)', '`/collect assign C-NY 2026-11-24 15:00`',
    ]));
});

describe('the reminder', () => {
  const dms = (key: string) => t.database.db.select().from(channelPosts).where(and(eq(channelPosts.workspaceId, DEMO_TEAM_ID), eq(channelPosts.dedupeKey, key)));

  it('DMs the assignee once when the call falls due', async () => {
    await collect(t, 'assign D06 tomorrow 09:30');
    const [task] = await openCalls(t, await caseOf('D06'));
    const data = { workspaceId: DEMO_TEAM_ID, taskId: task!.id, dueAtMs: task!.dueAt.getTime() };
    const first = await runCallReminder(t.database.db, data, task!.dueAt);
    const again = await runCallReminder(t.database.db, data, task!.dueAt);
    expect(first.kind).toBe('sent');
    expect(again).toEqual(first);
    const queued = await dms(reminderKey(task!.id, task!.dueAt.getTime()));
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ channelId: DEMO_COLLECTOR_ID });
    expect(JSON.stringify(queued[0]!.payload)).toContain('Time to call *Debtor 06* (D06): due Tuesday 24 Nov 2026 at 09:30 (Europe/Paris).');
  });

  it('sends nothing for a call that was reassigned to another time', async () => {
    await collect(t, 'assign D07 tomorrow 09:30');
    const [old] = await openCalls(t, await caseOf('D07'));
    await collect(t, 'assign D07 tomorrow 16:00');
    const stale = await runCallReminder(t.database.db, { workspaceId: DEMO_TEAM_ID, taskId: old!.id, dueAtMs: old!.dueAt.getTime() }, old!.dueAt);
    expect(stale).toEqual({ kind: 'stale' });
    expect(await dms(reminderKey(old!.id, old!.dueAt.getTime()))).toHaveLength(0);
  });

  it('sends nothing for a call whose due time changed in place', async () => {
    await collect(t, 'assign D08 tomorrow 09:30');
    const [task] = await openCalls(t, await caseOf('D08'));
    await t.database.db.update(tasks).set({ dueAt: new Date('2026-11-25T08:00:00Z') }).where(eq(tasks.id, task!.id));
    expect(await runCallReminder(t.database.db, { workspaceId: DEMO_TEAM_ID, taskId: task!.id, dueAtMs: task!.dueAt.getTime() }, task!.dueAt))
      .toEqual({ kind: 'stale' });
  });
});

describe('a French workspace', () => {
  it('in French', async () => {
    await t.database.db.execute(sql`update workspaces set locale = 'fr' where id = ${DEMO_TEAM_ID}`);
    // The workspace is cached for a minute.
    t.clock.set('2026-11-23T09:35:00Z');
    try {
      const reply = await collect(t, 'assign D04 demain 10h');
      expect(reply.text).toContain(`Appel à *Debtor 04* confié à <@${DEMO_COLLECTOR_ID}>`);
      expect(reply.text).toContain('pour mardi 24/11/2026 à 10:00 (Europe/Paris)');
      expect((await collect(t, 'assign D09 hier')).text).toContain('« hier »');
    } finally {
      await t.database.db.execute(sql`update workspaces set locale = 'en' where id = ${DEMO_TEAM_ID}`);
    }
  });
});
