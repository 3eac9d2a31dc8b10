// The case card's activity dates are the workspace's calendar days, not UTC's:
// an evening payment in Los Angeles is shown on the evening's day.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities, cases } from '../../src/db/schema.ts';
import { ensureWorkspace } from '../../src/db/workspaces.ts';
import { DEMO_COLLECTIONS_CHANNEL_ID as CHANNEL, DEMO_COLLECTOR_ID, DEMO_MANAGER_ID, DEMO_TEAM_ID } from '../../src/emulator/seed.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { seedLedger } from '../support/ledger.ts';

let t: TestApp;

async function caseCard(text: string): Promise<string> {
  const sent = await t.sender.slashCommand({ userId: DEMO_MANAGER_ID, channelId: CHANNEL, text });
  expect(sent.status).toBe(200);
  const reply = await t.emulator.waitForResponse(sent.responseUrlId!, { timeoutMs: 10_000 });
  return JSON.stringify(reply.body);
}

beforeAll(async () => {
  t = await startTestApp({ RELANCE_ADMINS: DEMO_MANAGER_ID, RELANCE_TZ: 'America/Los_Angeles' });
  // 10:00 on Monday 23 November in Los Angeles.
  t.clock.set('2026-11-23T18:00:00Z');
  await ensureWorkspace(t.database.db, DEMO_TEAM_ID, { timezone: 'America/Los_Angeles', locale: 'en' });
  const ids = await seedLedger(t.database, DEMO_TEAM_ID, '2026-11-23', [
    { ref: 'C-WEST', name: 'West Coast Inc', invoices: [{ number: 'W-1', issued: '2026-09-01', due: '2026-10-01', cents: 100_000 }] },
  ]);
  const customerId = ids.get('C-WEST')!;
  const payment = (cents: number, at: string) => ({
    workspaceId: DEMO_TEAM_ID, customerId, kind: 'payment_recorded', actorId: DEMO_COLLECTOR_ID,
    occurredAt: new Date(at), data: { amount_cents: cents, currency: 'EUR' },
  });
  await t.database.db.insert(activities).values([
    // 20:30 on Sunday 22 November in Los Angeles, already the 23rd in UTC.
    payment(11_100, '2026-11-23T04:30:00Z'),
    // 00:30 on Monday 23 November in Los Angeles.
    payment(22_200, '2026-11-23T08:30:00Z'),
  ]);
});

afterAll(async () => {
  await t?.close();
});

describe('/collect case in a Los Angeles workspace', () => {
  it('dates each activity on the workspace\'s calendar day', async () => {
    const card = await caseCard('case C-WEST');
    expect(card).toContain('West Coast Inc (C-WEST)');
    expect(card).toMatch(/• 22 Nov 2026 — Payment recorded: €111\.00/);
    expect(card).toMatch(/• 23 Nov 2026 — Payment recorded: €222\.00/);
  });

  it('points to the customer\'s earlier cases, dated on the workspace\'s calendar', async () => {
    const [current] = await t.database.db.select().from(cases).where(eq(cases.workspaceId, DEMO_TEAM_ID));
    await t.database.db.insert(cases).values({
      workspaceId: DEMO_TEAM_ID, customerId: current!.customerId, status: 'resolved',
      // Noon on 2 March, and 23:30 on 9 April, in Los Angeles (already the 10th in UTC).
      openedAt: new Date('2026-03-02T20:00:00Z'), resolvedAt: new Date('2026-04-10T06:30:00Z'),
    });
    const card = await caseCard('case C-WEST');
    expect(card).toContain('Earlier cases: 2 Mar 2026 – 9 Apr 2026 (resolved)');
    expect(card).toContain('Status*\\nopen');
  });
});
