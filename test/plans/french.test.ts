// /collect plan in a French workspace: French words for the period and the
// first date, the schedule in French, refusals in French with a French example.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/client.ts';
import { members, paymentPlans, promises } from '../../src/db/schema.ts';
import { DEMO_COLLECTIONS_CHANNEL_ID as CHANNEL, DEMO_COLLECTOR_ID, DEMO_TEAM_ID } from '../../src/emulator/seed.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { seedLedger } from '../support/ledger.ts';

let t: TestApp;
// French money: a narrow no-break space between thousands, a no-break space before the sign.
const eur = (text: string) => text.replace(/ (?=\d)/g, '\u202f').replace(/ €/g, '\u00a0€');
const sign = (text: string) => text.replace(/ €/g, '\u00a0€');

async function collect(text: string): Promise<string> {
  const sent = await t.sender.slashCommand({ userId: DEMO_COLLECTOR_ID, channelId: CHANNEL, text });
  const reply = await t.emulator.waitForResponse(sent.responseUrlId!, { timeoutMs: 10_000 });
  return (reply.body as { text: string }).text;
}

const counts = async () => (await rows<{ plans: number; promises: number; activities: number }>(t.database.db, sql`
  select (select count(*) from payment_plans)::int as plans, (select count(*) from promises)::int as promises,
    (select count(*) from activities)::int as activities`))[0]!;

beforeAll(async () => {
  t = await startTestApp({ RELANCE_LOCALE: 'fr' });
  t.clock.set('2026-11-23T09:30:00Z');
  await seedLedger(t.database, DEMO_TEAM_ID, '2026-11-23', [
    { ref: 'SGE', name: 'Société Générale d\'Équipement', invoices: [{ number: 'FA-1', issued: '2026-08-01', due: '2026-09-01', cents: 100_000 }] },
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

describe('/collect plan en français', () => {
  it('enregistre un échéancier mensuel à partir d\'une date, le reste sur la dernière échéance', async () => {
    const reply = await collect('échéancier société générale 3 tous les mois à partir du 15/12');
    expect(reply).toContain(`Échéancier enregistré : *Société Générale d'Équipement* paie *${eur('1 000,00 €')}* en 3 échéances mensuelles.`);
    expect(reply).toContain(sign('1. mardi 15/12/2026 — 333,33 €\n2. vendredi 15/01/2027 — 333,33 €\n3. lundi 15/02/2027 — 333,34 €'));
    expect(reply).toContain('l\'accord du débiteur (23/11/2026) fait repartir le délai de prescription');
    expect(reply).toContain('La première manquée rompt l\'échéancier et le dossier reprend les relances.');
    const [plan] = await t.database.db.select().from(paymentPlans);
    expect(plan).toMatchObject({ instalments: 3, period: 'month', firstDueOn: '2026-12-15', totalCents: 100_000 });
    expect((await t.database.db.select().from(promises).where(eq(promises.planId, plan!.id))).map((p) => p.amountCents)).toEqual([33_333, 33_333, 33_334]);
  });

  it('affiche l\'échéancier, refuse une promesse à côté, puis l\'annule', async () => {
    const shown = await collect('plan SGE');
    expect(shown).toContain(`échéancier de *${eur('1 000,00 €')}* en 3 échéances mensuelles, accepté le 23/11/2026`);
    expect(shown).toContain(sign('1. mardi 15/12/2026 — 333,33 € · à venir'));
    expect(await collect('promesse SGE 100 vendredi')).toContain('a un échéancier en cours : ses échéances sont les promesses');
    expect(await collect('reprendre SGE')).toContain('est en pause pour son échéancier');
    const cancelled = await collect('plan SGE annuler');
    expect(cancelled).toContain(`L'échéancier de *Société Générale d'Équipement* (${eur('1 000,00 €')}) est annulé, avec ses 3 échéances restantes. Statut du dossier : ouvert.`);
  });

  it('refuse en français, cite ce qui ne va pas, donne un exemple en français et n\'écrit rien', async () => {
    const before = await counts();
    expect(await collect('plan SGE 3 toutes les 3 semaines')).toContain(
      '« toutes les 3 semaines » n\'est pas une périodicité possible : toutes les semaines, toutes les 2 semaines ou tous les mois (hebdomadaire, mensuel). Exemple : `/collect plan SGE 3 tous les mois à partir du 15/12`',
    );
    expect(await collect('plan SGE 3 à partir du 01/11/2026')).toContain('« 01/11/2026 » est dans le passé (01/11/2026) : il faut une date à venir.');
    expect(await collect('plan SGE 50 mensuel')).toContain('« 50 » n\'est pas un nombre d\'échéances possible : de 2 à 36.');
    expect(await collect('plan MIX 3 toutes les 2 semaines')).toContain('*Mixte SARL* doit ');
    expect(await collect('plan MIX 3 toutes les 2 semaines')).toContain('précisez laquelle. Exemple : `/collect plan MIX 3 toutes les 2 semaines EUR`');
    expect(await counts()).toEqual(before);
  });

  it('accepte la devise et la périodicité dans les deux sens', async () => {
    const reply = await collect('plan MIX 2 GBP une semaine sur deux');
    expect(reply).toContain('en 2 échéances toutes les deux semaines.');
    expect(reply).toContain('1. lundi 07/12/2026 — 200,00');
  });
});
