// /collect ladder, /collect ladder preview and the ladder's settings, over
// signed HTTP against the Slack emulator and a real database.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSettings } from '../../src/db/settings.ts';
import { cases, members, settings, workspaces } from '../../src/db/schema.ts';
import { addDays } from '../../src/domain/dates.ts';
import { DEFAULT_LADDER } from '../../src/domain/ladder.ts';
import { DEMO_ADMIN_ID as ADMIN, DEMO_COLLECTOR_ID as COLLECTOR, DEMO_MANAGER_ID as MANAGER } from '../../src/emulator/seed.ts';
import { collect, visible } from '../calls/support.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { seedLedger } from '../support/ledger.ts';
import { draftsOf, paris, passOn, TEAM } from './support.ts';

const TODAY = '2026-11-23';
let t: TestApp;
const say = async (text: string, user = ADMIN) => visible(await collect(t, text, user));
const stored = () => t.database.db.select({ key: settings.key, value: settings.value }).from(settings).where(eq(settings.workspaceId, TEAM));

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(paris(TODAY, '10:00').toISOString());
  const owing = (ref: string, name: string, days: number) =>
    ({ ref, name, invoices: [{ number: `F-${ref}`, issued: addDays(TODAY, -days - 30), due: addDays(TODAY, -days), cents: 50_000 }] });
  // Tomorrow (24 Nov) these reach reminder 2 (day 10) and the call (day 15).
  await seedLedger(t.database, TEAM, TODAY, [
    ...Array.from({ length: 12 }, (_, i) => owing(`R2-${i + 1}`, `Second ${String(i + 1).padStart(2, '0')}`, 9)),
    owing('CALL', 'Caller SA', 14),
    { ref: 'SOON', name: 'Soon SAS', invoices: [{ number: 'S-1', issued: '2026-11-01', due: '2026-12-01', cents: 10_000 }] },
  ]);
  await t.database.db.update(cases).set({ stage: 'reminder_1' }).where(eq(cases.workspaceId, TEAM));
  await t.database.db.insert(members).values([
    { workspaceId: TEAM, userId: MANAGER, role: 'manager' }, { workspaceId: TEAM, userId: COLLECTOR, role: 'collector' },
  ]);
}, 60_000);

afterAll(async () => {
  await t?.close();
});

describe('/collect ladder', () => {
  it('shows every step, its day, what it does and who approves, to anyone on the team', async () => {
    const shown = await say('ladder', COLLECTOR);
    expect(shown).toContain('*Dunning ladder*');
    expect(shown).toContain('*day −7* · *courtesy reminder* — courtesy reminder drafted');
    expect(shown).toContain('*day +10* · *reminder 2* — reminder with payment options drafted (transfer, payment link, instalments)');
    expect(shown).toContain('*day +15* · *call* — phone call');
    expect(shown).toContain('*day +45* · *formal notice* — formal notice proposed to the managers · *manager approval*');
    expect(shown).toContain('*day +60* · *agency or legal* — hand-off to a collection agency or legal action, proposed to the managers, who pick one · *manager approval*');
    expect(shown).toContain('at most 7 days ago (`ladder_catch_up_days`)');
    expect(shown).toContain('`/collect settings set ladder reminder_2 +12`');
  });

  it('previews tomorrow\'s moves for managers: counts per step and the first ten names', async () => {
    const preview = await say('ladder preview', MANAGER);
    expect(preview).toContain('Ladder moves for Tuesday 24 Nov 2026');
    expect(preview).toContain('*reminder 2*: 12 cases — Second 01 (R2-1, 10 d), Second 02 (R2-2, 10 d)');
    expect(preview).toContain('Second 10 (R2-10, 10 d) and 2 more');
    expect(preview).not.toContain('Second 11');
    expect(preview).toContain('*call*: 1 case — Caller SA (CALL, 15 d)');
    expect(preview).toContain('→ phone call: the case is due a call by a collector');
    expect(preview).toContain('*courtesy reminders*: 1 to draft (1 invoice falling due soon)');
    expect(preview).toContain('Only you see this.');
    // A preview writes nothing.
    expect(await draftsOf(t, 'R2-1')).toEqual([]);
  });

  it('keeps the preview to managers, and explains a word it does not take', async () => {
    expect(await say('ladder preview', COLLECTOR)).toContain('Only managers see the preview of the ladder\'s moves. `/collect ladder` shows the ladder itself.');
    expect(await say('ladder tomorow', MANAGER)).toContain('"tomorow" is not something `ladder` does: `/collect ladder` shows the ladder, `/collect ladder preview` the next pass\'s moves.');
  });
});

describe('the ladder settings', () => {
  it('move a step, and the ladder and its preview follow', async () => {
    expect(await say('settings ladder')).toContain('*ladder*: courtesy reminder day −7 · reminder 1 day +1 · reminder 2 day +10 · call day +15');
    const changed = await say('settings set ladder reminder_2 +12');
    expect(changed).toContain('*ladder* is now courtesy reminder day −7 · reminder 1 day +1 · reminder 2 day +12 · call day +15');
    expect(changed).toContain('(was courtesy reminder day −7 · reminder 1 day +1 · reminder 2 day +10');
    expect((await readSettings(t.database.db, TEAM)).ladder.find((s) => s.stage === 'reminder_2')?.day).toBe(12);
    expect(await say('ladder', COLLECTOR)).toContain('*day +12* · *reminder 2*');
    expect(await say('ladder preview', MANAGER)).not.toContain('*reminder 2*');
  });

  it('refuse a ladder that breaks its rules, quoting the words at fault, and change nothing', async () => {
    const before = await stored();
    expect(await say('settings set ladder reminder_2 +40')).toContain(
      '"reminder_2 +40" puts call on day 15, not after reminder_2 (day 40): the days must increase in ladder order. Move both in one change if needed. Example: `/collect settings set ladder reminder_2 +12`');
    expect(await say('settings set ladder formal_notice none')).toContain('"formal_notice none" changes who approves formal_notice: its approval is fixed (a manager always approves it).');
    expect(await say('settings set ladder reminder_7 +3')).toContain('"reminder_7" is not a step of the ladder. The steps are: pre_due, reminder_1, reminder_2, call, reminder_3, formal_notice, agency_or_legal.');
    expect(await say('settings set ladder pre_due +2')).toContain('"pre_due +2" puts pre_due outside -60 to -1 days from the oldest due date (pre_due comes before the due date).');
    expect(await say('settings set ladder_catch_up_days 120')).toContain('"120" is outside 0–90 days.');
    expect(await say('settings set ladder reminder_2 +30', COLLECTOR)).toContain('needs the *admin* role');
    expect(await stored()).toEqual(before);
  });

  it('turn a step off and back, move several at once, and go back to the default', async () => {
    expect(await say('settings set ladder call off')).toContain('(off: call)');
    expect(await say('ladder', COLLECTOR)).toContain('Turned off: call.');
    expect(await say('settings set ladder reminder_2 +20 call +25')).toContain('reminder 2 day +20 · call day +25 · firm reminder day +30');
    expect(await say('settings set ladder default')).toContain('*ladder* is back to its default');
    expect((await readSettings(t.database.db, TEAM)).ladder).toEqual(DEFAULT_LADDER);
    expect(await stored()).toEqual([]);
  });

  it('put the payment details and the catch-up window where the pass uses them', async () => {
    expect(await say('settings set payment_details IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP')).toContain('*payment_details* is now IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP');
    expect(await say('settings set ladder_catch_up_days 14')).toContain('*ladder_catch_up_days* is now 14 days (was 7 days)');
    await passOn(t, '2026-11-24');
    const [reminder] = await draftsOf(t, 'R2-1');
    expect(reminder?.body).toContain('How to pay: IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP');
  });
});

describe('/collect ladder in French', () => {
  it('speaks the workspace\'s language', async () => {
    await t.database.db.update(workspaces).set({ locale: 'fr' }).where(eq(workspaces.id, TEAM));
    // The workspace row is cached for a minute.
    t.clock.set(new Date(t.clock.now.getTime() + 61_000).toISOString());
    const shown = await say('echelle', COLLECTOR);
    expect(shown).toContain('*Échelle de relance*');
    expect(shown).toContain('*J−7* · *rappel de courtoisie* — rappel de courtoisie rédigé');
    expect(shown).toContain('*J+60* · *agence ou contentieux* — transmission à une agence de recouvrement ou action en justice');
    expect(await say('settings set ladder reminder_2 +40')).toContain('« reminder_2 +40 » place call au jour 15, pas après reminder_2 (jour 40)');
    expect(await say('ladder apercu', COLLECTOR)).toContain('Seuls les managers voient l\'aperçu');
  });
});
