// What the letter tests share: a ledger whose figures were computed by hand,
// the creditor's identity set as an admin would, and the Slack client the
// approval flow calls the letter services with.
import { and, eq } from 'drizzle-orm';
import { activities, customers, letters, members, workspaces } from '../../src/db/schema.ts';
import { writeSetting } from '../../src/db/settings.ts';
import type { Settings } from '../../src/domain/settings.ts';
import { DEMO_ADMIN_ID, DEMO_COLLECTIONS_CHANNEL_ID, DEMO_COLLECTOR_ID, DEMO_TEAM_ID } from '../../src/emulator/seed.ts';
import { slackClientForJobs } from '../../jobs/workers.ts';
import type { TestApp } from '../support/app.ts';
import { seedLedger } from '../support/ledger.ts';

export const TEAM = DEMO_TEAM_ID;
export const CHANNEL = DEMO_COLLECTIONS_CHANNEL_ID;
/** Friday 1 May 2026, 10:00 in Paris: F-2026-0042 (due 1 April) is 30 days late. */
export const TODAY = '2026-05-01';
export const NOW = '2026-05-01T08:00:00Z';

/**
 * Acme SA (French, professional): €10,000 incl. VAT due 1 April 2026 — the
 * issue's hand example, €99.86 of interest at 12.15 % for 30 days, plus €40.
 * Jean Dupont (French consumer): €1,200. Globex (English, professional): two
 * invoices, one partly paid.
 */
export async function seedLetterLedger(t: TestApp): Promise<Map<string, number>> {
  t.clock.set(NOW);
  const ids = await seedLedger(t.database, TEAM, TODAY, [
    { ref: 'C-ACME', name: 'Acme SA', invoices: [{ number: 'F-2026-0042', issued: '2026-03-02', due: '2026-04-01', cents: 1_000_000 }] },
    { ref: 'C-DUP', name: 'Jean Dupont', kind: 'b2c', invoices: [{ number: 'F-2026-0050', issued: '2026-03-02', due: '2026-04-01', cents: 120_000 }] },
    {
      ref: 'C-GLOB', name: 'Globex Ltd', invoices: [
        { number: 'GX-1', issued: '2026-02-01', due: '2026-03-01', cents: 250_000, paid: [50_000] },
        { number: 'GX-2', issued: '2026-03-01', due: '2026-04-15', cents: 80_000 },
      ],
    },
  ]);
  for (const ref of ['C-ACME', 'C-DUP']) await t.database.db.update(customers).set({ locale: 'fr' }).where(eq(customers.id, ids.get(ref)!));
  await t.database.db.update(workspaces).set({ teamChannelId: CHANNEL }).where(eq(workspaces.id, TEAM));
  await t.database.db.insert(members).values({ workspaceId: TEAM, userId: DEMO_COLLECTOR_ID, role: 'collector' });
  return ids;
}

export const CREDITOR: Partial<Settings> = {
  creditorName: 'Relance Démo SAS',
  creditorAddress: '12, rue de la Paix, 75002 Paris',
  creditorCompanyId: '732829320',
  creditorIban: 'FR7630006000011234567890189',
  creditorBic: 'BNPAFRPP',
  creditorSignatory: 'Jeanne Martin, directrice financière',
};

/** Stores settings as `/collect settings set` does once it has checked them. */
export async function setSettings(t: TestApp, values: Partial<Settings>): Promise<void> {
  for (const [name, value] of Object.entries(values)) {
    await writeSetting(t.database.db, { workspaceId: TEAM, name: name as keyof Settings, value: value as never, by: DEMO_ADMIN_ID, now: t.clock.now });
  }
}

export const slack = (t: TestApp) => slackClientForJobs(t.env);

export async function caseOfRef(t: TestApp, ref: string): Promise<{ caseId: number; customerId: number }> {
  const [row] = await t.database.db.select({ caseId: activities.caseId, customerId: activities.customerId }).from(activities)
    .innerJoin(customers, eq(customers.id, activities.customerId))
    .where(and(eq(customers.customerRef, ref), eq(activities.kind, 'case_opened')));
  return { caseId: row!.caseId!, customerId: row!.customerId };
}

export const lettersOf = (t: TestApp, caseId: number) => t.database.db.select().from(letters).where(eq(letters.caseId, caseId)).orderBy(letters.id);
