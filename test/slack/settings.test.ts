// /collect settings over real signed HTTP, against the Slack emulator and a real database.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveSchedule } from '../../src/db/digest-schedules.ts';
import { readSettings } from '../../src/db/settings.ts';
import { settings, workspaces } from '../../src/db/schema.ts';
import { ensureWorkspace } from '../../src/db/workspaces.ts';
import { DEFAULT_SETTINGS } from '../../src/domain/settings.ts';
import {
  DEMO_ADMIN_ID as ADMIN, DEMO_BOT_USER_ID, DEMO_COLLECTIONS_CHANNEL_ID as COLLECTIONS, DEMO_COLLECTOR_ID, DEMO_GENERAL_CHANNEL_ID as GENERAL,
  DEMO_MANAGER_ID, DEMO_OUTSIDER_ID, DEMO_PRIVATE_CHANNEL_ID as BOARD, DEMO_TEAM_ID as TEAM,
} from '../../src/emulator/seed.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

async function collect(t: TestApp, userId: string, text: string): Promise<string> {
  const sent = await t.sender.slashCommand({ userId, channelId: COLLECTIONS, text });
  expect(sent.status).toBe(200);
  const body = (sent.body && typeof sent.body === 'object' && 'text' in sent.body)
    ? sent.body as { text: string; blocks?: unknown[] }
    : (await t.emulator.waitForResponse(sent.responseUrlId!, { timeoutMs: 10_000 })).body as { text: string; blocks?: unknown[] };
  // What a person reads: the text and every block's text.
  return `${body.text}\n${JSON.stringify(body.blocks ?? [])}`;
}

/** Everything a settings change could write: the settings rows and the workspace's channels. */
async function stored(t: TestApp) {
  const rows = await t.database.db.select().from(settings).where(eq(settings.workspaceId, TEAM)).orderBy(settings.key);
  const [ws] = await t.database.db.select({ team: workspaces.teamChannelId, managers: workspaces.managerChannelId })
    .from(workspaces).where(eq(workspaces.id, TEAM));
  return { rows, ws };
}

describe('/collect settings (English)', () => {
  let t: TestApp;
  const say = (text: string, userId = ADMIN) => collect(t, userId, text);

  beforeAll(async () => {
    t = await startTestApp();
    await ensureWorkspace(t.database.db, TEAM, { timezone: 'Europe/Paris', locale: 'en' });
    // #collections has the digest, so it is the team channel by default.
    await saveSchedule(t.database.db, { workspaceId: TEAM, channelId: COLLECTIONS, localTime: '09:00', timezone: 'Europe/Paris', weekdays: [1, 2, 3, 4, 5], enabledBy: ADMIN }, t.clock.now);
    t.emulator.state.addChannel({ id: 'C0ARCHIVED', name: 'old-team', isArchived: true, botMember: true, members: [ADMIN] });
    await say(`team add <@${DEMO_MANAGER_ID}|marc> manager`);
    await say(`team add <@${DEMO_COLLECTOR_ID}|chloe> collector`);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('lists every setting with its value, that it is the default, what it does and how to set it', async () => {
    const list = await say('settings');
    expect(list).toContain('Workspace settings');
    expect(list).toContain(`*channel*: the first channel given a digest, <#${COLLECTIONS}> · _default_`);
    expect(list).toContain(`*managers_channel*: the team channel, <#${COLLECTIONS}> · _default_`);
    expect(list).toContain('*promise_grace_days*: 1 business day · _default_');
    expect(list).toContain('*call_backoff_days*: 1, 2, 4 business days · _default_');
    expect(list).toContain('*calling_window*: 09:00–19:00 · _default_');
    expect(list).toContain('each case has its thread there');
    expect(list).toContain('`/collect settings set channel #collections`');
    expect(list).toContain('`/collect settings set calling_window 09:00-19:00`');
  });

  it('sets the team channel, keeps the workspace row in step, and joins the channel to post there', async () => {
    const reply = await say(`settings set channel <#${GENERAL}|general>`);
    expect(reply).toContain(`*channel* is now <#${GENERAL}> (was the first channel given a digest, <#${COLLECTIONS}>).`);
    expect((await readSettings(t.database.db, TEAM)).channel).toBe(GENERAL);
    expect((await stored(t)).ws?.team).toBe(GENERAL);
    expect(t.emulator.state.channels.get(GENERAL)?.members.has(DEMO_BOT_USER_ID)).toBe(true);
    // The managers' channel follows the team channel while it is at its default.
    expect(await say('settings managers_channel')).toContain(`*managers_channel*: the team channel, <#${GENERAL}> · _default_`);
  });

  it('sets the managers channel with here, in the channel the command is typed in', async () => {
    const reply = await say('settings set managers_channel here');
    expect(reply).toContain(`*managers_channel* is now <#${COLLECTIONS}> (was the team channel, <#${GENERAL}>).`);
    expect((await readSettings(t.database.db, TEAM)).managersChannel).toBe(COLLECTIONS);
    expect((await stored(t)).ws?.managers).toBe(COLLECTIONS);
  });

  it('sets the promise grace, the call back-off and the calling window, each read as people write it', async () => {
    expect(await say('settings set promise_grace_days 3 days')).toContain('*promise_grace_days* is now 3 business days (was 1 business day).');
    expect(await say('settings call_backoff_days 1, 3, 7')).toContain('*call_backoff_days* is now 1, 3, 7 business days (was 1, 2, 4 business days).');
    expect(await say('settings set calling_window 8h30-18h')).toContain('*calling_window* is now 08:30–18:00 (was 09:00–19:00).');
    const read = await readSettings(t.database.db, TEAM);
    expect(read.promiseGraceDays).toBe(3);
    expect(read.callBackoffDays).toEqual([1, 3, 7]);
    expect(read.callingWindow).toEqual({ start: '08:30', end: '18:00' });
  });

  it('shows who changed a setting and when', async () => {
    const list = await say('settings');
    expect(list).toContain(`*promise_grace_days*: 3 business days · set by <@${ADMIN}> on 23 Nov 2026`);
    expect(list).toContain(`*channel*: <#${GENERAL}> · set by <@${ADMIN}> on 23 Nov 2026`);
  });

  it('says when a value is already set, and writes nothing', async () => {
    const before = await stored(t);
    expect(await say('settings set promise_grace_days 3')).toContain('*promise_grace_days* already is 3 business days; nothing changed.');
    expect(await stored(t)).toEqual(before);
  });

  it('goes back to the default with default, and the team channel back to the first digest channel', async () => {
    expect(await say('settings set calling_window default')).toContain('*calling_window* is back to its default: 09:00–19:00 (was 08:30–18:00).');
    expect(await say('settings set channel default')).toContain(`*channel* is back to its default: the first channel given a digest, <#${COLLECTIONS}> (was <#${GENERAL}>).`);
    const read = await readSettings(t.database.db, TEAM);
    expect(read.callingWindow).toEqual(DEFAULT_SETTINGS.callingWindow);
    expect(read.channel).toBeNull();
    const { rows, ws } = await stored(t);
    expect(rows.map((r) => r.key)).not.toContain('calling_window');
    expect(ws?.team).toBe(COLLECTIONS);
    // Setting the default value itself is going back to the default.
    expect(await say('settings set promise_grace_days 1')).toContain('*promise_grace_days* is back to its default: 1 business day (was 3 business days).');
    expect(await say('settings promise_grace_days')).toContain('*promise_grace_days*: 1 business day · _default_');
  });

  describe('refuses a bad value, quoting it with an example, and writes nothing', () => {
    const cases: [string, string][] = [
      ['settings set promise_grace_days 11', '"11" is outside 0–10 business days. Example: `/collect settings set promise_grace_days 2`'],
      ['settings set promise_grace_days soon', '"soon" is not a whole number of business days. Example: `/collect settings set promise_grace_days 2`'],
      ['settings set promise_grace_days 1.5', '"1.5" is not a whole number of business days.'],
      ['settings set call_backoff_days 1,45,2', '"45" is outside 1–30 business days. Example: `/collect settings set call_backoff_days 1,2,4`'],
      ['settings set call_backoff_days 1,0', '"0" is outside 1–30 business days.'],
      ['settings set call_backoff_days 1,2,3,4,5,6,7,8,9,10,11', 'has more than 10 numbers. Example: `/collect settings set call_backoff_days 1,2,4`'],
      ['settings set calling_window 19:00-09:00', '"19:00-09:00" does not end after it starts (19:00 to 09:00): the end must come later the same day. Example: `/collect settings set calling_window 09:00-19:00`'],
      ['settings set calling_window 09:00-25:00', '"25:00" is not a valid time of day. Example: `/collect settings set calling_window 09:00-19:00`'],
      ['settings set calling_window 9 to 5', '"9 to 5" does not end after it starts (09:00 to 05:00)'],
      ['settings set calling_window mornings', '"mornings" is not a time range'],
      ['settings set channel #collections', '"#collections" is not a channel: type # and pick the channel from the list'],
      ['settings set channel <#C0NOPE|nope>', 'I cannot see the channel "C0NOPE"'],
      [`settings set channel <#${BOARD}|board>`, `I cannot see the channel "${BOARD}"`],
      ['settings set managers_channel <#C0ARCHIVED|old-team>', '<#C0ARCHIVED> is archived, so nothing can be posted there; nothing was changed. Pick a channel in use, e.g. `/collect settings set managers_channel #collections`'],
      ['settings set grace 3', '"grace" is not a setting. The settings are: channel, managers_channel, promise_grace_days, call_backoff_days, calling_window, '],
      ['settings set', 'Say which setting to change: channel, managers_channel'],
      ['settings set calling_window', 'Give a value for calling_window, or `default` to go back to the default. Example: `/collect settings set calling_window 09:00-19:00`'],
    ];
    it.each(cases)('%s', async (line, expected) => {
      const before = await stored(t);
      expect(await say(line)).toContain(expected);
      expect(await stored(t)).toEqual(before);
    });
  });

  it('is for admins only: managers and collectors get the role refusal, strangers the stranger one', async () => {
    const before = await stored(t);
    for (const user of [DEMO_MANAGER_ID, DEMO_COLLECTOR_ID]) {
      for (const line of ['settings', 'settings set promise_grace_days 5']) {
        const reply = await say(line, user);
        expect(reply).toContain('`/collect settings` needs the *admin* role');
        expect(reply).not.toContain('promise_grace_days');
      }
    }
    expect(await say('settings set promise_grace_days 5', DEMO_OUTSIDER_ID)).toContain('only open to the collections team');
    expect(await stored(t)).toEqual(before);
  });

  it('explains itself in help, with examples', async () => {
    const help = await say('help settings');
    expect(help).toContain('`/collect settings [set <key> <value>|default]`');
    expect(help).toContain('`/collect settings set call_backoff_days 1,2,4`');
    expect(help).toContain('`set <key> default` goes back to the default');
    expect(await say('help')).toContain('See and change the workspace settings');
  });
});

describe('/collect settings (French)', () => {
  let t: TestApp;
  const say = (text: string) => collect(t, ADMIN, text);

  beforeAll(async () => {
    t = await startTestApp({ RELANCE_LOCALE: 'fr' });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('lists, changes, refuses and goes back to the default in French', async () => {
    const list = await say('réglages');
    expect(list).toContain('Réglages de l\'espace');
    expect(list).toContain('*channel*: le premier canal doté d\'un relevé (aucun pour l\'instant) · _par défaut_');
    expect(list).toContain('*promise_grace_days*: 1 jour ouvré · _par défaut_');
    expect(await say('settings set promise_grace_days 2 jours')).toContain('*promise_grace_days* vaut maintenant 2 jours ouvrés (avant : 1 jour ouvré).');
    expect(await say('settings set promise_grace_days 12')).toContain('« 12 » est hors de 0 à 10 jours ouvrés. Exemple : `/collect settings set promise_grace_days 2`');
    expect(await say('settings set calling_window de 8h à 17h')).toContain('*calling_window* vaut maintenant 08:00–17:00');
    expect(await say('settings set calling_window défaut')).toContain('*calling_window* revient à sa valeur par défaut : 09:00–19:00 (avant : 08:00–17:00).');
    expect(await say('settings set channel ici')).toContain(`*channel* vaut maintenant <#${COLLECTIONS}>`);
    const read = await readSettings(t.database.db, TEAM);
    expect(read).toEqual({ ...DEFAULT_SETTINGS, promiseGraceDays: 2, channel: COLLECTIONS });
  });
});
