// `/collect assign` in the assignee's own zone (a collector in New York), a
// warning outside the assignee's hours, the zone when Slack does not answer,
// and the calling profile: refused with the reason and the next allowed time,
// or the default time moved to it. Over signed HTTP, real database.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findMember } from '../../src/db/members.ts';
import { activities, members, tasks } from '../../src/db/schema.ts';
import { DEMO_ADMIN_ID, DEMO_COLLECTOR_ID, DEMO_MANAGER_ID, DEMO_OUTSIDER_ID, DEMO_TEAM_ID } from '../../src/emulator/seed.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { caseIdOf, collect, openCalls, seedCallLedger } from '../calls/support.ts';

let t: TestApp;
let ids: Map<string, number>;
const caseOf = (ref: string) => caseIdOf(t, ids.get(ref)!);
const oscar = `<@${DEMO_OUTSIDER_ID}|oscar>`;
const chloe = `<@${DEMO_COLLECTOR_ID}|chloe>`;
const counts = async () => [(await t.database.db.select().from(tasks)).length, (await t.database.db.select().from(activities)).length];

/** A call logged on a case at `at` (the profile counts these). */
async function logged(ref: string, at: string, outcome: string) {
  await t.database.db.insert(activities).values({
    workspaceId: DEMO_TEAM_ID, caseId: await caseOf(ref), customerId: ids.get(ref)!, kind: 'call_logged', actorId: DEMO_COLLECTOR_ID,
    occurredAt: new Date(at), data: { outcome },
  });
}

beforeAll(async () => {
  t = await startTestApp();
  ids = await seedCallLedger(t);
  // Oscar works from New York (the emulator's seed gives him that zone); relance has not read it yet.
  await t.database.db.insert(members).values([
    { workspaceId: DEMO_TEAM_ID, userId: DEMO_MANAGER_ID, role: 'manager' },
    { workspaceId: DEMO_TEAM_ID, userId: DEMO_OUTSIDER_ID, role: 'collector' },
  ]);
});

afterAll(async () => {
  await t?.close();
});

describe('the assignee\'s zone', () => {
  it('by default: their next working morning in their zone (09:00 in New York, inside a Paris debtor\'s window)', async () => {
    // Monday 10:30 in Paris is 04:30 in New York: Oscar's morning is still to come today.
    const reply = await collect(t, 'assign D01', DEMO_OUTSIDER_ID);
    expect(reply.text).toContain(`Call to *Debtor 01* assigned to <@${DEMO_OUTSIDER_ID}> for Monday 23 Nov 2026 at 09:00 (America/New_York).`);
    expect(await openCalls(t, await caseOf('D01'))).toMatchObject([{ assigneeId: DEMO_OUTSIDER_ID, dueAt: new Date('2026-11-23T14:00:00Z') }]);
    expect(await findMember(t.database.db, DEMO_TEAM_ID, DEMO_OUTSIDER_ID)).toMatchObject({ timezone: 'America/New_York', timezoneCheckedAt: t.clock.now });
  });

  it('a time typed for someone is read in their zone', async () => {
    const reply = await collect(t, `assign D02 ${oscar} tomorrow 10:00`, DEMO_MANAGER_ID);
    expect(reply.text).toContain(`assigned to <@${DEMO_OUTSIDER_ID}> for Tuesday 24 Nov 2026 at 10:00 (America/New_York).`);
    expect(await openCalls(t, await caseOf('D02'))).toMatchObject([{ dueAt: new Date('2026-11-24T15:00:00Z') }]);
    expect(reply.text).not.toContain('working hours');
  });

  it('their own hours move the default: a collector starting at 11:00', async () => {
    await collect(t, 'team hours mon-fri 11:00-19:00', DEMO_OUTSIDER_ID);
    const reply = await collect(t, 'assign D03', DEMO_OUTSIDER_ID);
    expect(reply.text).toContain('for Monday 23 Nov 2026 at 11:00 (America/New_York).');
    // 11:00 in New York is 17:00 in Paris: still inside the debtor's window.
    expect(await openCalls(t, await caseOf('D03'))).toMatchObject([{ dueAt: new Date('2026-11-23T16:00:00Z') }]);
    await collect(t, 'team hours default', DEMO_OUTSIDER_ID);
  });

  it('outside the assignee\'s hours but inside the debtor\'s window: assigned, with a warning', async () => {
    // 20:00 in Paris is 14:00 in New York: the debtor may be called, Chloé has stopped work.
    const reply = await collect(t, `assign C-NY ${chloe} tomorrow 20:00`, DEMO_MANAGER_ID);
    expect(reply.text).toContain(`Call to *Brooklyn Bagels* assigned to <@${DEMO_COLLECTOR_ID}> for Tuesday 24 Nov 2026 at 20:00 (Europe/Paris).`);
    expect(reply.text).toContain(`:warning: That is outside <@${DEMO_COLLECTOR_ID}>'s working hours (weekdays 09:00–18:00, Europe/Paris).`);
    expect(await openCalls(t, await caseOf('C-NY'))).toHaveLength(1);
  });

  it('when Slack does not answer, the stored zone; and never a failed command', async () => {
    await t.database.db.update(members).set({ timezoneCheckedAt: new Date('2026-11-01T00:00:00Z') }).where(eq(members.userId, DEMO_OUTSIDER_ID));
    t.emulator.failNext('users.info', { error: 'internal_error' });
    const reply = await collect(t, 'assign D04', DEMO_OUTSIDER_ID);
    expect(reply.text).toContain('at 09:00 (America/New_York).');
    // Chloé's zone was never stored: without Slack, the workspace's.
    await t.database.db.update(members).set({ timezone: null, timezoneCheckedAt: null }).where(eq(members.userId, DEMO_COLLECTOR_ID));
    t.emulator.failNext('users.info', { error: 'internal_error' });
    expect((await collect(t, 'assign D05')).text).toContain('for Tuesday 24 Nov 2026 at 09:00 (Europe/Paris).');
  });
});

describe('the calling profile', () => {
  beforeAll(async () => {
    expect((await collect(t, 'settings set calling_profile 2/7d 2d', DEMO_ADMIN_ID)).text)
      .toContain('*calling_profile* is now at most 2 calls per 7 days, none within 2 days after a conversation (was off).');
    await logged('D10', '2026-11-19T09:00:00Z', 'no_answer');
    await logged('D10', '2026-11-20T09:00:00Z', 'voicemail');
    await logged('D11', '2026-11-22T15:00:00Z', 'reached');
  });

  it('over the cap: refused with the reason and the next allowed time, in both zones; nothing written', async () => {
    const before = await counts();
    const reply = await collect(t, `assign D10 ${oscar} tomorrow 09:00`, DEMO_MANAGER_ID);
    expect(reply.text).toContain('"tomorrow 09:00" would be one call too many to *Debtor 10*: 2 already logged in the 7 days before it, and the calling profile allows 2 per 7 days.');
    // Thursday 26, 10:00 in Paris (the first call's seventh day) is 04:00 in New York: Oscar's morning, 09:00, is the first time for both.
    expect(reply.text).toContain('The next allowed time is Thursday 26 Nov 2026 09:00 (America/New_York), Thursday 26 Nov 2026 15:00 (Europe/Paris) for the debtor');
    expect(reply.text).toContain('`/collect assign D10 @oscar 2026-11-26 09:00`');
    expect(await counts()).toEqual(before);
  });

  it('too soon after a conversation: refused, with when it was', async () => {
    const before = await counts();
    const reply = await collect(t, 'assign D11 tomorrow 10:00');
    expect(reply.text).toContain('"tomorrow 10:00" is within 2 days of the last conversation with *Debtor 11* (Sunday 22 Nov 2026 16:00 (Europe/Paris)), which the calling profile does not allow.');
    expect(reply.text).toContain('The next allowed time is Tuesday 24 Nov 2026 16:00 (Europe/Paris), Tuesday 24 Nov 2026 16:00 (Europe/Paris) for the debtor: `/collect assign D11 2026-11-24 16:00`.');
    expect(await counts()).toEqual(before);
  });

  it('without a time, the call goes to the first time the profile allows, and says so', async () => {
    const reply = await collect(t, 'assign D10');
    expect(reply.text).toContain('for Thursday 26 Nov 2026 at 10:00 (Europe/Paris).');
    expect(reply.text).toContain('That is the first time the calling profile allows (at most 2 calls per 7 days, none within 2 days after a conversation).');
    expect(await openCalls(t, await caseOf('D10'))).toMatchObject([{ dueAt: new Date('2026-11-26T09:00:00Z') }]);
  });

  it('a bad profile is refused with an example; off turns it off', async () => {
    expect((await collect(t, 'settings set calling_profile often', DEMO_ADMIN_ID)).text)
      .toContain('"often" is not a calling profile: give the calls allowed per 7 days and/or the days to wait after a conversation, or off. Example: `/collect settings set calling_profile 3/7d 2d`');
    expect((await collect(t, 'settings set calling_profile off', DEMO_ADMIN_ID)).text).toContain('*calling_profile* is back to its default: off');
    const reply = await collect(t, 'assign D11 tomorrow 10:00');
    expect(reply.text).toContain('assigned to');
    const rows = await t.database.db.select().from(tasks).where(and(eq(tasks.caseId, await caseOf('D11')), eq(tasks.status, 'open')));
    expect(rows).toHaveLength(1);
  });

  it('the settings listing explains it', async () => {
    await t.database.db.execute(sql`select 1`);
    const list = await collect(t, 'settings calling_profile', DEMO_ADMIN_ID);
    expect(list.text).toContain('*calling_profile*: off · _default_');
    expect(list.text).toContain('`/collect settings set calling_profile 3/7d 2d`');
  });
});
