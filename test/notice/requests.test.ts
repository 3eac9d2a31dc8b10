// What a manager reads on a court request: the legal route for the claim
// (principal and interest) and the court by debtor kind, that no fee is
// claimed from a consumer, and the half-year whose rate relance lacks.
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshBalances } from '../../src/db/balances.ts';
import { escalations, invoices } from '../../src/db/schema.ts';
import { collect, visible } from '../calls/support.ts';
import { drain, requestMessageOf } from '../escalations/support.ts';
import { seedLetterLedger, TEAM } from '../letters/support.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

describe('court requests', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    const ids = await seedLetterLedger(t);
    // €12,000 owed by a business, €4,000 by a consumer; on 3 August 2026 the ECB rate of the second half is not in relance.
    await t.database.db.update(invoices).set({ amountCents: 1_200_000 }).where(eq(invoices.invoiceNumber, 'F-2026-0042'));
    await t.database.db.update(invoices).set({ amountCents: 400_000 }).where(eq(invoices.invoiceNumber, 'F-2026-0050'));
    t.clock.set('2026-08-03T08:00:00Z');
    await refreshBalances(t.database.db, { workspaceId: TEAM, today: '2026-08-03', customerIds: [ids.get('C-ACME')!, ids.get('C-DUP')!], actorId: 'import', now: t.clock.now });
  });

  afterAll(async () => {
    await t?.close();
  });

  async function requestText(ref: string, kind: string): Promise<string> {
    const reply = await collect(t, `escalate ${ref} ${kind} no answer to the notice`);
    expect(reply.text).not.toContain('Nothing was requested');
    await drain(t);
    const [row] = await t.database.db.select({ id: escalations.id }).from(escalations).orderBy(desc(escalations.id)).limit(1);
    return visible(await requestMessageOf(t, row!.id));
  }

  it('sends a €12,000 business claim to an injonction de payer at the tribunal de commerce, naming the missing rate', async () => {
    const text = await requestText('C-ACME', 'legal');
    expect(text).toMatch(/Claim \(principal and interest\): €12,\d{3}\.\d{2}, above €5,000: an injonction de payer/);
    expect(text).toContain('the tribunal de commerce of the debtor\'s seat (a tribunal des activités économiques in the twelve pilot courts)');
    expect(text).not.toContain('small-claims procedure through');
    expect(text).toContain('for the second half of 2026 is not in relance yet');
    // As code, escaped once for Slack (Slack shows `<percent>`), never twice.
    expect(text).toContain('`relance rates add ecb 2026-07-01 &lt;percent&gt; \\"&lt;source&gt;\\"`');
    expect(text).not.toContain('No collection fee is claimed');
  });

  it('offers a €4,000 consumer claim the small-claims procedure too, at the tribunal judiciaire, with no fee claimed', async () => {
    const text = await requestText('C-DUP', 'legal');
    expect(text).toContain('Claim (principal and interest): €4,000.00, within €5,000: the simplified small-claims procedure through a commissaire de justice');
    expect(text).toContain('the tribunal judiciaire (the debtor is a consumer)');
    expect(text).toContain('No collection fee is claimed from this consumer');
  });
});
