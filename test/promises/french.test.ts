// /collect promise in a French workspace: French amounts, dates and words, and
// every refusal in French with a French example.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/client.ts';
import { members, promises } from '../../src/db/schema.ts';
import { DEMO_COLLECTIONS_CHANNEL_ID as CHANNEL, DEMO_COLLECTOR_ID, DEMO_TEAM_ID } from '../../src/emulator/seed.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { seedLedger } from '../support/ledger.ts';

let t: TestApp;
const NBSP = /[\s\u202f\u00a0]/.source;

async function collect(text: string): Promise<string> {
  const sent = await t.sender.slashCommand({ userId: DEMO_COLLECTOR_ID, channelId: CHANNEL, text });
  const reply = await t.emulator.waitForResponse(sent.responseUrlId!, { timeoutMs: 10_000 });
  return (reply.body as { text: string }).text;
}

const promiseCount = async () => (await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from promises`))[0]!.n;

beforeAll(async () => {
  t = await startTestApp({ RELANCE_LOCALE: 'fr' });
  t.clock.set('2026-11-23T09:30:00Z');
  await seedLedger(t.database, DEMO_TEAM_ID, '2026-11-23', [
    { ref: 'SGE', name: 'Société Générale d\'Équipement', invoices: [{ number: 'FA-1', issued: '2026-08-01', due: '2026-09-01', cents: 123_456 }] },
    {
      ref: 'MIX', name: 'Mixte SARL', invoices: [
        { number: 'FA-2', issued: '2026-09-01', due: '2026-10-01', cents: 30_000 },
        { number: 'FA-3', issued: '2026-09-01', due: '2026-10-01', cents: 40_000, currency: 'GBP' },
      ],
    },
  ]);
  await t.database.db.execute(sql`update workspaces set locale = 'fr'`);
  await t.database.db.insert(members).values({ workspaceId: DEMO_TEAM_ID, userId: DEMO_COLLECTOR_ID, role: 'collector', addedBy: 'test' });
});

afterAll(async () => {
  await t?.close();
});

describe('/collect promise en français', () => {
  it('enregistre la promesse avec un montant et une date en français', async () => {
    const reply = await collect('promesse société générale 1 200,50 € fin du mois il paiera par virement');
    expect(reply).toMatch(new RegExp(`Promesse enregistrée : \\*Société Générale d'Équipement\\* paiera \\*1${NBSP}200,50${NBSP}€\\* d'ici le \\*lundi 30/11/2026\\*`));
    expect(reply).toContain('à la fin du mardi 01/12/2026 (1 jour ouvré de grâce)');
    const [promise] = await t.database.db.select().from(promises);
    expect(promise).toMatchObject({ amountCents: 120_050, dueOn: '2026-11-30', note: 'il paiera par virement' });
  });

  it('refuse en français, cite ce qui ne va pas et donne un exemple', async () => {
    const before = await promiseCount();
    expect(await collect('promise SGE -50 vendredi')).toContain('« -50 » est négatif : le montant doit être supérieur à zéro. Exemple : `/collect promise SGE 1000,00 EUR vendredi`');
    expect(await collect('promise SGE 500 hier')).toContain('« hier » est dans le passé (22/11/2026) : il faut une date à venir.');
    expect(await collect('promise SGE 500')).toContain('Pour quand ? Indiquez la date après « 500 ». Exemple : `/collect promise SGE 500 vendredi`');
    expect(await collect('promise SGE 5000 vendredi')).toMatch(new RegExp(`« 5000 » dépasse les 1${NBSP}234,56${NBSP}€ que \\*Société Générale d'Équipement\\* doit en retard\\. Exemple : \`/collect promise SGE 1234,56 EUR vendredi\``));
    expect(await collect('promise MIX 300 vendredi')).toContain('« 300 » n\'indique pas de devise, et *Mixte SARL* doit');
    expect(await collect('promise MIX 300 USD vendredi')).toContain('« 300 USD » est en USD, mais *Mixte SARL* ne doit rien en retard en USD');
    expect(await collect('promise zorglub 500 vendredi')).toContain('Aucun dossier ne correspond à « zorglub », aucune promesse n\'a donc été enregistrée.');
    expect(await collect('promesse')).toContain('Quel dossier, combien et pour quand ?');
    expect(await promiseCount()).toBe(before);
    expect(await t.database.db.select().from(promises).where(eq(promises.status, 'pending'))).toHaveLength(1);
  });
});
