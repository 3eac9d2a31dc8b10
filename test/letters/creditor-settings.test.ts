// /collect settings creditor over signed HTTP: the creditor's identity shown
// together, checked on the way in, and nothing stored when a value is refused.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settings } from '../../src/db/schema.ts';
import { ensureWorkspace } from '../../src/db/workspaces.ts';
import { DEMO_ADMIN_ID as ADMIN, DEMO_TEAM_ID as TEAM } from '../../src/emulator/seed.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { collect, visible } from '../calls/support.ts';

describe('/collect settings creditor', () => {
  let t: TestApp;
  const say = async (text: string) => visible(await collect(t, text, ADMIN));
  const stored = (key: string) => t.database.db.select().from(settings).where(and(eq(settings.workspaceId, TEAM), eq(settings.key, key)));

  beforeAll(async () => {
    t = await startTestApp();
    await ensureWorkspace(t.database.db, TEAM, { timezone: 'Europe/Paris', locale: 'en' });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('shows only what letters print, unset until an admin sets it', async () => {
    const list = await say('settings creditor');
    expect(list).toContain('*creditor_name*: _not set_ · _default_');
    expect(list).toContain('*creditor_iban*: _not set_ · _default_');
    expect(list).toContain('*notice_days*: 8 days · _default_');
    expect(list).toContain('`/collect settings set creditor_address 12 rue de la Paix; 75002 Paris`');
    expect(list).not.toContain('promise_grace_days');
  });

  it('refuses an IBAN that does not add up, quoting it, and stores nothing', async () => {
    const reply = await say('settings set creditor_iban FR76 3000 6000 0112 3456 7890 188');
    expect(reply).toContain('"FR76 3000 6000 0112 3456 7890 188" does not add up: its check digits do not match');
    expect(reply).toContain('Example: `/collect settings set creditor_iban FR76 3000 6000 0112 3456 7890 189`');
    expect(await stored('creditor_iban')).toHaveLength(0);
    const siren = await say('settings set creditor_company_id 732 829 321');
    expect(siren).toContain('"732 829 321" is not a valid SIREN number: its check digit does not match, so a digit is wrong.');
    expect(await stored('creditor_company_id')).toHaveLength(0);
  });

  it('stores each value checked and shows it as letters print it', async () => {
    expect(await say('settings set creditor_iban fr76 3000 6000 0112 3456 7890 189')).toContain('*creditor_iban* is now FR76 3000 6000 0112 3456 7890 189 (was _not set_).');
    expect(await stored('creditor_iban')).toMatchObject([{ value: 'FR7630006000011234567890189', updatedBy: ADMIN }]);
    expect(await say('settings set creditor_company_id 732 829 320')).toContain('*creditor_company_id* is now 732 829 320');
    expect(await say('settings set notice_days 15 jours')).toContain('*notice_days* is now 15 days (was 8 days).');
    const list = await say('settings créancier');
    expect(list).toContain('*creditor_iban*: FR76 3000 6000 0112 3456 7890 189 · set by <@U0ADMIN>');
    expect(list).toContain('*creditor_company_id*: 732 829 320 · set by');
  });
});
