// /collect settings for reminder e-mails over real signed HTTP: a malformed
// From or Reply-To, an unknown payment-link field, a bad policy or rate is
// refused with the bad part quoted and an example, and nothing is written.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSettings } from '../../src/db/settings.ts';
import { settings } from '../../src/db/schema.ts';
import { ensureWorkspace } from '../../src/db/workspaces.ts';
import { DEFAULT_SEND_POLICY } from '../../src/domain/mail-settings.ts';
import { DEMO_ADMIN_ID as ADMIN, DEMO_COLLECTIONS_CHANNEL_ID as COLLECTIONS, DEMO_TEAM_ID as TEAM } from '../../src/emulator/seed.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

async function collect(t: TestApp, userId: string, text: string): Promise<string> {
  const sent = await t.sender.slashCommand({ userId, channelId: COLLECTIONS, text });
  expect(sent.status).toBe(200);
  const body = (sent.body && typeof sent.body === 'object' && 'text' in sent.body)
    ? sent.body as { text: string; blocks?: unknown[] }
    : (await t.emulator.waitForResponse(sent.responseUrlId!, { timeoutMs: 10_000 })).body as { text: string; blocks?: unknown[] };
  return `${body.text}\n${JSON.stringify(body.blocks ?? [])}`;
}

const stored = (t: TestApp) => t.database.db.select().from(settings).where(eq(settings.workspaceId, TEAM)).orderBy(settings.key);

describe('/collect settings: reminder e-mails', () => {
  let t: TestApp;
  const say = (text: string) => collect(t, ADMIN, text);

  beforeAll(async () => {
    t = await startTestApp();
    await ensureWorkspace(t.database.db, TEAM, { timezone: 'Europe/Paris', locale: 'en' });
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('refuses a malformed value, quoting it with an example, and writes nothing', () => {
    const cases: [string, string][] = [
      ['settings set mail_from jean@', '"jean@" is not one e-mail address: give a single address, with a name before it in <> if wanted. Example: `/collect settings set mail_from Acme Recouvrement <ar@acme.fr>`'],
      ['settings set mail_from ar@acme.fr, compta@acme.fr', '"ar@acme.fr, compta@acme.fr" is not one e-mail address'],
      ['settings set mail_from Acme Recouvrement', '"Acme Recouvrement" is not one e-mail address'],
      ['settings set mail_reply_to n/a', '"n/a" is not one e-mail address: give a single address, with a name before it in <> if wanted. Example: `/collect settings set mail_reply_to compta@acme.fr`'],
      ['settings set payment_link https://pay.acme.fr/?ref={customer_ref}&iban={iban}',
        '"{iban}" is not a field the payment link can fill: use {customer_ref} {invoices} {amount} {currency} {case}. Example: `/collect settings set payment_link https://pay.acme.fr/?ref={customer_ref}&amount={amount}`'],
      ['settings set payment_link pay.acme.fr', '"pay.acme.fr" is not a web address starting with https:// (or http://).'],
      ['settings set send_policy reminder_9 auto', '"reminder_9" is neither a stage (pre_due, reminder_1, reminder_2, reminder_3, formal_notice, or all) nor approve/auto after one. Example: `/collect settings set send_policy reminder_1 auto`'],
      ['settings set send_policy reminder_1', '"reminder_1" names stages without saying approve or auto after them.'],
      ['settings set mail_rate sixty', '"sixty" is not a whole number of mails a minute. Example: `/collect settings set mail_rate 60`'],
      ['settings set mail_rate 0', '"0" is outside 1–100000 mails a minute.'],
      ['settings set mail_signature', 'Give a value for mail_signature, or `default` to go back to the default.'],
    ];
    it.each(cases)('%s', async (line, expected) => {
      const before = await stored(t);
      expect(await say(line)).toContain(expected);
      expect(await stored(t)).toEqual(before);
    });
  });

  it('stores what it accepts, as it reads it', async () => {
    expect(await say('settings set mail_from Acme Recouvrement <mailto:ar@acme.fr|ar@acme.fr>')).toContain('*mail_from* is now');
    // The emulator escapes & as Slack does (&amp;); the link is stored with a plain &.
    expect(await say('settings set payment_link <https://pay.acme.fr/?ref={customer_ref}&amount={ amount }>')).toContain('*payment_link* is now https://pay.acme.fr/?ref={customer_ref}&amp;amount={amount} (was _not set_).');
    expect(await say('settings set send_policy reminder_1,reminder_2 auto')).toContain('*send_policy* is now pre_due approve · reminder_1 auto · reminder_2 auto · reminder_3 approve · formal_notice approve');
    expect(await say('settings set mail_rate 120/min')).toContain('*mail_rate* is now 120 a minute (was 60 a minute).');
    expect(await say('settings set mail_signature Jeanne Martin; Service recouvrement')).toContain('*mail_signature* is now Jeanne Martin · Service recouvrement (was _not set_).');
    const read = await readSettings(t.database.db, TEAM);
    expect(read).toMatchObject({
      paymentLink: 'https://pay.acme.fr/?ref={customer_ref}&amount={amount}', sendPolicy: { ...DEFAULT_SEND_POLICY, reminder_1: 'auto', reminder_2: 'auto' },
      mailRate: 120, mailSignature: 'Jeanne Martin\nService recouvrement',
    });
    expect(read.mailFrom).toContain('ar@acme.fr');
  });
});

describe('/collect settings: reminder e-mails (French)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ RELANCE_LOCALE: 'fr' });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('refuses a malformed From and an unknown payment-link field in French, and writes nothing', async () => {
    const before = await stored(t);
    expect(await collect(t, ADMIN, 'settings set mail_from jean@')).toContain('« jean@ » n\'est pas une adresse e-mail');
    expect(await collect(t, ADMIN, 'settings set payment_link https://pay.acme.fr/{montant}')).toContain('« {montant} » n\'est pas un champ que le lien de paiement sait remplir : utilisez {customer_ref} {invoices} {amount} {currency} {case}.');
    expect(await stored(t)).toEqual(before);
  });
});
