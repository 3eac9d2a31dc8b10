// A French workspace gets its case threads, DMs and the card's thread link in French.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases, members, workspaces } from '../../src/db/schema.ts';
import { writeSetting } from '../../src/db/settings.ts';
import { DEMO_ADMIN_ID, DEMO_COLLECTIONS_CHANNEL_ID as CHANNEL, DEMO_COLLECTOR_ID, DEMO_TEAM_ID } from '../../src/emulator/seed.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { debtors } from '../support/digest-ledger.ts';
import { seedLedger } from '../support/ledger.ts';
import { caseOf, dmsTo, postEverything, rootsOf, threadPosts, writeActivity } from './support.ts';

const MONDAY = '2026-11-23';
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(`${MONDAY}T09:00:00Z`);
  await seedLedger(t.database, DEMO_TEAM_ID, MONDAY, debtors(2, MONDAY));
  await t.database.db.update(workspaces).set({ locale: 'fr' }).where(eq(workspaces.id, DEMO_TEAM_ID));
  await t.database.db.insert(members).values({ workspaceId: DEMO_TEAM_ID, userId: DEMO_COLLECTOR_ID, role: 'collector' });
  await writeSetting(t.database.db, { workspaceId: DEMO_TEAM_ID, name: 'channel', value: CHANNEL, by: DEMO_ADMIN_ID, now: t.clock.now });
});

afterAll(async () => {
  await t?.close();
});

describe('case threads in French', () => {
  it('writes the header, the posts, the DM and the card\'s link in French', async () => {
    const d1 = await caseOf(t.database, 'D01');
    await t.database.db.update(cases).set({ ownerId: DEMO_COLLECTOR_ID }).where(eq(cases.id, d1.caseId));
    await writeActivity(t.database, { ...d1, kind: 'call_logged', data: { outcome: 'no_answer' }, actorId: DEMO_COLLECTOR_ID, at: t.clock.now });
    await writeActivity(t.database, {
      ...d1, kind: 'promise_broken', at: t.clock.now,
      data: { amount_cents: 50_000, currency: 'EUR', paid_cents: 0, missing_cents: 50_000, due_on: '2026-11-19' },
    });
    await postEverything(t);

    const [root] = rootsOf(t, CHANNEL, d1.caseId);
    expect(root!.text).toBe('Fil du dossier : Debtor 01 (D01)');
    expect(JSON.stringify(root!.blocks)).toContain('*Debtor 01* (D01) — 1\u202f000,00\u00a0€ en retard au 23/11/2026 · responsable : <@U0COLLECTOR>');
    expect(JSON.stringify(root!.blocks)).toContain('Tout l\'historique : `/collect case D01`');
    const posts = threadPosts(t, CHANNEL, d1.caseId).map((m) => m.text);
    expect(posts[0]).toBe('Appel noté : pas de réponse par <@U0COLLECTOR>');
    expect(posts[1]).toContain('19/11/2026');
    const [dm] = dmsTo(t, DEMO_COLLECTOR_ID);
    expect(dm!.text).toMatch(/^Une promesse de paiement de \*Debtor 01\* \(D01\) n'a pas été tenue : .*19\/11\/2026.*`\/collect case D01`$/);

    const sent = await t.sender.slashCommand({ userId: DEMO_COLLECTOR_ID, channelId: CHANNEL, text: 'case D01' });
    const reply = (await t.emulator.waitForResponse(sent.responseUrlId!, { timeoutMs: 10_000 })).body as { blocks: unknown[] };
    expect(JSON.stringify(reply.blocks)).toContain(`|Fil du dossier>`);
    expect(JSON.stringify(reply.blocks)).toContain('Appel noté : pas de réponse par <@U0COLLECTOR>');
  });
});
