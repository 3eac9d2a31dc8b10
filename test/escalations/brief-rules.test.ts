// The narrative at the top of an escalation request without a key: the rule
// brief, from the reminders, calls, promises, disputes and payments, for a
// person's request and for a ladder proposal posted by the pass, in English
// and in French; the model's server (reachable) is never asked.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities, promises } from '../../src/db/schema.ts';
import { DEMO_COLLECTOR_ID as COLLECTOR } from '../../src/emulator/seed.ts';
import { caseIdOf, collect } from '../calls/support.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { startLoopback, type Loopback } from '../ai/loopback.ts';
import { drain, escalationsOf, propose, requestMessageOf, runPass, seedTeam, TEAM } from './support.ts';

let t: TestApp;
let server: Loopback;
let ids: Map<string, number>;

beforeAll(async () => {
  server = await startLoopback();
  t = await startTestApp({ OPENAI_BASE_URL: server.baseUrl });
  ids = await seedTeam(t);
});

afterAll(async () => {
  await t?.close();
  await server?.close();
});

async function narrativeShown(escalationId: number): Promise<string> {
  await drain(t);
  const blocks = (await requestMessageOf(t, escalationId)).blocks as { text?: { text: string } }[];
  return blocks[1]!.text!.text;
}

/** Two reminders (one e-mailed), three calls, a broken promise, a dispute. */
async function history(ref: string): Promise<number> {
  const customerId = ids.get(ref)!;
  const caseId = await caseIdOf(t, customerId);
  const at = (iso: string) => new Date(`${iso}T09:00:00Z`);
  await t.database.db.insert(activities).values([
    { workspaceId: TEAM, caseId, customerId, kind: 'reminder_drafted', actorId: 'system', occurredAt: at('2026-10-08'), data: { stage: 'reminder_1' } },
    { workspaceId: TEAM, caseId, customerId, kind: 'reminder_sent', actorId: 'system', occurredAt: at('2026-10-08'), data: { stage: 'reminder_1' } },
    { workspaceId: TEAM, caseId, customerId, kind: 'reminder_drafted', actorId: 'system', occurredAt: at('2026-10-22'), data: { stage: 'reminder_2' } },
    { workspaceId: TEAM, caseId, customerId, kind: 'call_logged', actorId: COLLECTOR, occurredAt: at('2026-11-02'), data: { outcome: 'no_answer' } },
    { workspaceId: TEAM, caseId, customerId, kind: 'call_logged', actorId: COLLECTOR, occurredAt: at('2026-11-05'), data: { outcome: 'promised' }, note: 'will pay 300 on the 12th' },
    { workspaceId: TEAM, caseId, customerId, kind: 'call_logged', actorId: COLLECTOR, occurredAt: at('2026-11-16'), data: { outcome: 'disputed' }, note: 'says the price is wrong' },
    { workspaceId: TEAM, caseId, customerId, kind: 'case_paused', actorId: COLLECTOR, occurredAt: at('2026-11-16'), data: { until: '2026-11-20', reason: 'dispute', dispute: 'price' } },
  ]);
  await t.database.db.insert(promises).values({ workspaceId: TEAM, caseId, amountCents: 30_000, currency: 'EUR', dueOn: '2026-11-12', takenBy: COLLECTOR, status: 'broken' });
  return caseId;
}

describe('without a key', () => {
  it('a request shows the rule brief at the top, labelled Brief, and the model is never asked', async () => {
    const caseId = await history('C-ACME');
    expect((await collect(t, 'escalate C-ACME notice no answer')).text).toContain('Request sent');
    const [request] = await escalationsOf(t, caseId);
    const rules = '2 reminders (1 e-mailed), last on 22 Oct 2026; 3 calls, 2 reached (last: disputed on 16 Nov 2026); '
      + '1 promise broken (€300.00 due 12 Nov 2026); disputed: price; no payment received.';
    expect(request).toMatchObject({ briefSource: 'rules', briefText: rules });
    expect(await narrativeShown(request!.id)).toBe(`*Brief*\n${rules}`);
    expect(server.requests).toHaveLength(0);
  });

  it('a ladder proposal posted by the pass gets it too, in French in a French workspace', async () => {
    await t.database.db.execute(sql`update workspaces set locale = 'fr'`);
    try {
      const caseId = await history('C-BM');
      const id = await propose(t, caseId, 'notice');
      expect((await runPass(t))[0]).toMatchObject({ posted: 1 });
      const shownText = await narrativeShown(id);
      expect(shownText).toBe('*Synthèse*\n2 relances (1 par e-mail), la dernière le 22/10/2026 ; 3 appels, 2 joints (dernier : contestation le 16/11/2026) ; '
        + '1 promesse non tenue (300,00\u00a0€ pour le 12/11/2026) ; contesté : prix ; aucun paiement reçu.');
      expect(server.requests).toHaveLength(0);
    } finally {
      await t.database.db.execute(sql`update workspaces set locale = 'en'`);
    }
  });
});
