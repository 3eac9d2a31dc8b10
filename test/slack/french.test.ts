// A French workspace hears French, from the same catalogue, errors included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN_ID, DEMO_COLLECTIONS_CHANNEL_ID as CHANNEL, DEMO_TEAM_ID } from '../../src/emulator/seed.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { seedLedger } from '../support/ledger.ts';

let t: TestApp;

async function collect(text: string) {
  const sent = await t.sender.slashCommand({ userId: DEMO_ADMIN_ID, channelId: CHANNEL, text });
  const reply = await t.emulator.waitForResponse(sent.responseUrlId!, { timeoutMs: 10_000 });
  return `${(reply.body as { text: string }).text}\n${JSON.stringify((reply.body as { blocks?: unknown }).blocks ?? [])}`;
}

beforeAll(async () => {
  t = await startTestApp({ RELANCE_LOCALE: 'fr' });
  await seedLedger(t.database, DEMO_TEAM_ID, '2026-11-23', [
    { ref: 'SGE', name: 'Société Générale d\'Équipement', invoices: [{ number: 'FA-1', issued: '2026-08-01', due: '2026-09-01', cents: 123_456 }] },
  ]);
  // The ledger helper made the workspace in English; the first Slack contact of a new workspace uses RELANCE_LOCALE.
  await t.database.db.execute((await import('drizzle-orm')).sql`update workspaces set locale = 'fr'`);
});

afterAll(async () => {
  await t?.close();
});

describe('a French workspace', () => {
  it('answers in French with French amounts and dates', async () => {
    const list = await collect('overdue');
    expect(list).toContain('Comptes en retard');
    expect(list).toMatch(/1[\s\u202f\u00a0]234,56[\s\u202f\u00a0]€/);
    const card = await collect('case société');
    expect(card).toContain('Factures impayées');
    expect(card).toContain('01/09/2026');
  });

  it('quotes bad input in French', async () => {
    // Escaped as Slack requires; people read « >45 ».
    expect(await collect('overdue >45')).toContain('« &gt;45 »');
    expect(await collect('case zorglub')).toContain('Aucun dossier ne correspond à « zorglub »');
  });

  it('tells an admin the workspace id to import into', async () => {
    expect(await collect('team')).toContain(`relance import --workspace ${DEMO_TEAM_ID}`);
  });
});
