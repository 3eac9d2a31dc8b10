// `/collect team hours` over signed HTTP: setting, showing and clearing a
// member's working hours (their zone read from Slack's users.info), who may
// set whose, the team listing, every refusal (which writes nothing), French.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findMember } from '../../src/db/members.ts';
import { members } from '../../src/db/schema.ts';
import { DEMO_ADMIN_ID, DEMO_COLLECTOR_ID, DEMO_MANAGER_ID, DEMO_OUTSIDER_ID, DEMO_TEAM_ID } from '../../src/emulator/seed.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { collect, seedCallLedger } from '../calls/support.ts';

let t: TestApp;
const chloe = `<@${DEMO_COLLECTOR_ID}|chloe>`;
const oscar = `<@${DEMO_OUTSIDER_ID}|oscar>`;
const member = (userId: string) => findMember(t.database.db, DEMO_TEAM_ID, userId);
const allMembers = () => t.database.db.select().from(members).orderBy(members.userId);

beforeAll(async () => {
  t = await startTestApp();
  await seedCallLedger(t);
  // Oscar is in New York (the emulator's seed), and joins as a collector with no zone known yet.
  await t.database.db.insert(members).values([
    { workspaceId: DEMO_TEAM_ID, userId: DEMO_MANAGER_ID, role: 'manager' },
    { workspaceId: DEMO_TEAM_ID, userId: DEMO_OUTSIDER_ID, role: 'collector' },
  ]);
});

afterAll(async () => {
  await t?.close();
});

describe('setting hours', () => {
  it('a manager sets a collector\'s hours, read in the zone Slack gives for them', async () => {
    const reply = await collect(t, `team hours ${oscar} mon-fri 09:00-17:30`, DEMO_MANAGER_ID);
    expect(reply.text).toBe(`<@${DEMO_OUTSIDER_ID}> now works weekdays 09:00–17:30 (America/New_York). Automatic call assignment gives them calls only then.`);
    expect(await member(DEMO_OUTSIDER_ID)).toMatchObject({
      workDays: [1, 2, 3, 4, 5], workStart: '09:00', workEnd: '17:30', timezone: 'America/New_York', timezoneCheckedAt: t.clock.now,
    });
  });

  it('shows them', async () => {
    const reply = await collect(t, `team hours ${oscar}`, DEMO_COLLECTOR_ID);
    expect(reply.text).toContain(`<@${DEMO_OUTSIDER_ID}> works weekdays 09:00–17:30 (America/New_York).`);
  });

  it('a collector sets their own, in the French way of writing it', async () => {
    const reply = await collect(t, 'team hours mar-sam 8h-16h', DEMO_COLLECTOR_ID);
    expect(reply.text).toContain(`<@${DEMO_COLLECTOR_ID}> now works Tuesday–Saturday 08:00–16:00 (Europe/Paris).`);
    expect(await member(DEMO_COLLECTOR_ID)).toMatchObject({ workDays: [2, 3, 4, 5, 6], workStart: '08:00', workEnd: '16:00' });
    const days = await collect(t, `team hours ${chloe} mon,tue,thu 8:30-16:00`, DEMO_MANAGER_ID);
    expect(days.text).toContain('now works Monday, Tuesday, Thursday 08:30–16:00');
  });

  it('the team listing shows each member\'s hours and zone, and the default for the others', async () => {
    const reply = await collect(t, 'team', DEMO_COLLECTOR_ID);
    expect(reply.text).toContain(`• <@${DEMO_OUTSIDER_ID}> — weekdays 09:00–17:30 · America/New_York`);
    expect(reply.text).toContain(`• <@${DEMO_COLLECTOR_ID}> — Monday, Tuesday, Thursday 08:30–16:00 · Europe/Paris`);
    expect(reply.text).toContain(`• <@${DEMO_MANAGER_ID}> — default hours (weekdays 09:00–18:00) · Europe/Paris (the workspace's zone: not known from Slack yet)`);
    expect(reply.text).toContain('without hours set, business days 09:00–18:00');
  });

  it('default goes back to the default hours', async () => {
    const reply = await collect(t, `team hours ${chloe} default`, DEMO_MANAGER_ID);
    expect(reply.text).toContain(`<@${DEMO_COLLECTOR_ID}> is back to the default hours: weekdays 09:00–18:00 (Europe/Paris).`);
    expect(await member(DEMO_COLLECTOR_ID)).toMatchObject({ workDays: null, workStart: null, workEnd: null });
    expect((await collect(t, `team hours ${chloe}`)).text).toContain(`<@${DEMO_COLLECTOR_ID}> has the default hours: weekdays 09:00–18:00 (Europe/Paris).`);
  });

  it('when Slack does not give the zone, the hours are kept and the reply says which zone reads them', async () => {
    t.emulator.failNext('users.info', { error: 'ratelimited' });
    const reply = await collect(t, `team hours ${oscar} mon-thu 10:00-16:00`, DEMO_MANAGER_ID);
    expect(reply.text).toContain(`<@${DEMO_OUTSIDER_ID}> now works Monday–Thursday 10:00–16:00 (America/New_York).`);
    expect(reply.text).toContain('Slack did not give their time zone just now, so relance reads these hours in America/New_York until it does.');
    expect(await member(DEMO_OUTSIDER_ID)).toMatchObject({ workDays: [1, 2, 3, 4], timezone: 'America/New_York' });
  });
});

describe('refusals write nothing', () => {
  const refused = async (text: string, userId: string, expected: string[]) => {
    const before = await allMembers();
    const reply = await collect(t, text, userId);
    for (const e of expected) expect(reply.text).toContain(e);
    expect(await allMembers()).toEqual(before);
  };

  it('a collector setting someone else\'s hours', () =>
    refused(`team hours ${oscar} mon-fri 09:00-17:00`, DEMO_COLLECTOR_ID, [
      `Only an admin or a manager can set someone else's hours (<@${DEMO_OUTSIDER_ID}>); nothing changed`, '`/collect team hours mon-fri 09:00-17:00`',
    ]));

  it('days that are not days', () =>
    refused(`team hours ${oscar} mon-fry 09:00-17:30`, DEMO_MANAGER_ID, [
      '"mon-fry" is not a set of weekdays (e.g. mon-fri, lun-ven, mon,tue,thu, tue-sat).', 'Example: `/collect team hours @oscar mon-fri 09:00-17:30`',
    ]));

  it('hours that end before they start, or are no time', async () => {
    await refused(`team hours ${oscar} mon-fri 17:30-09:00`, DEMO_MANAGER_ID, ['"17:30-09:00" does not end after it starts (17:30 to 09:00)']);
    await refused(`team hours ${oscar} mon-fri 09:00-25:00`, DEMO_MANAGER_ID, ['"25:00" is not a valid time of day.']);
  });

  it('days without hours, hours without days', async () => {
    await refused(`team hours ${oscar} mon-fri`, DEMO_MANAGER_ID, ['"mon-fri" gives the days but not the hours']);
    await refused('team hours 09:00-17:30', DEMO_COLLECTOR_ID, ['"09:00-17:30" gives no working days', '`/collect team hours mon-fri 09:00-17:30`']);
  });

  it('a name typed without picking the person', () =>
    refused('team hours @jane mon-fri 09:00-17:30', DEMO_MANAGER_ID, ['"@jane" is not a Slack user mention', '`/collect team hours @jane mon-fri 09:00-17:30`']));

  it('someone who is not on the team', () =>
    refused(`team hours <@${DEMO_ADMIN_ID}|alice> mon-fri 09:00-17:30`, DEMO_MANAGER_ID, [`<@${DEMO_ADMIN_ID}> is not on the team`, '`/collect team add @user collector`']));
});

describe('in French', () => {
  it('sets, shows and refuses in French', async () => {
    await t.database.db.execute(sql`update workspaces set locale = 'fr' where id = ${DEMO_TEAM_ID}`);
    // The workspace row is cached for a minute.
    t.clock.set('2026-11-23T09:35:00Z');
    try {
      const set = await collect(t, `team hours ${chloe} lun-ven 9h-17h30`, DEMO_MANAGER_ID);
      expect(set.text).toContain(`<@${DEMO_COLLECTOR_ID}> travaille désormais jours de semaine 09:00–17:30 (Europe/Paris).`);
      const bad = await collect(t, `team hours ${chloe} lun-vxn 9h-17h`, DEMO_MANAGER_ID);
      expect(bad.text).toContain('« lun-vxn » n\'est pas un ensemble de jours de la semaine');
      const list = await collect(t, 'team', DEMO_COLLECTOR_ID);
      expect(list.text).toContain(`• <@${DEMO_MANAGER_ID}> — horaires par défaut (jours de semaine 09:00–18:00) · Europe/Paris (le fuseau de l'espace : pas encore connu de Slack)`);
      expect(await member(DEMO_COLLECTOR_ID)).toMatchObject({ workDays: [1, 2, 3, 4, 5], workEnd: '17:30' });
    } finally {
      await t.database.db.execute(sql`update workspaces set locale = 'en' where id = ${DEMO_TEAM_ID}`);
    }
  });
});

describe('team add records the zone', () => {
  it('from the users.info it already reads', async () => {
    await t.database.db.delete(members).where(and(eq(members.workspaceId, DEMO_TEAM_ID), eq(members.userId, DEMO_OUTSIDER_ID)));
    await collect(t, `team add ${oscar} collector`, DEMO_ADMIN_ID);
    expect(await member(DEMO_OUTSIDER_ID)).toMatchObject({ role: 'collector', timezone: 'America/New_York' });
  });
});
