// After the formal notice, over signed HTTP against the emulator: the letter's
// sending and receipt recorded from `/collect log` (English and French words),
// each refusal quoted with nothing written; money an agency recovered as real
// payments that lower the balance and resolve a case paid in full; and the
// hand-off proposed once by the escalations pass when the notice ran out.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshBalances } from '../../src/db/balances.ts';
import { rows } from '../../src/db/client.ts';
import { cases, customerBalances, escalations, invoices, letters, payments } from '../../src/db/schema.ts';
import { generateFormalNotice } from '../../src/services/letters/generate-notice.ts';
import { collect, entries } from '../calls/support.ts';
import { runPass } from '../escalations/support.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { CREDITOR, caseOfRef, lettersOf, seedLetterLedger, setSettings, slack, TEAM } from '../letters/support.ts';

const MANAGER = 'U0MANAGER';

const counts = async (t: TestApp) => (await rows<{ a: number; p: number; e: number }>(t.database.db, sql`
  select (select count(*) from activities)::int as a, (select count(*) from payments)::int as p, (select count(*) from escalations)::int as e`))[0]!;

describe('after the formal notice', () => {
  let t: TestApp;
  let ids: Map<string, number>;

  beforeAll(async () => {
    t = await startTestApp();
    ids = await seedLetterLedger(t);
    await setSettings(t, CREDITOR);
  });

  afterAll(async () => {
    await t?.close();
  });

  async function notice(ref: string): Promise<number> {
    const { caseId } = await caseOfRef(t, ref);
    const made = await generateFormalNotice(t.database.db, slack(t), { workspaceId: TEAM, caseId, userId: MANAGER, now: t.clock.now });
    expect(made.kind).toBe('generated');
    // What the approval does besides the letter.
    await t.database.db.update(cases).set({ status: 'notice' }).where(eq(cases.id, caseId));
    return caseId;
  }

  it('refuses letter-sent on a case without a letter, and writes nothing', async () => {
    const before = await counts(t);
    const reply = await collect(t, 'log C-GLOB letter-sent');
    expect(reply.text).toContain('*Globex Ltd* has no formal notice yet');
    expect(reply.text).toContain('/collect escalate C-GLOB notice');
    expect(await counts(t)).toEqual(before);
  });

  it('records the sending with its tracking number (French words), once', async () => {
    const caseId = await notice('C-ACME');
    const reply = await collect(t, 'log C-ACME lettre envoyée 1A23456789012');
    expect(reply.text).toContain('Formal notice to *Acme SA* recorded as sent today (tracking no. 1A23456789012)');
    const [letter] = await lettersOf(t, caseId);
    expect(letter).toMatchObject({ trackingNo: '1A23456789012', sentAt: t.clock.now });
    expect(await entries(t, caseId, 'letter_sent')).toHaveLength(1);

    const before = await counts(t);
    const again = await collect(t, 'log C-ACME letter-sent 999');
    expect(again.text).toContain('already recorded as sent on 1 May 2026 (tracking no. 1A23456789012)');
    expect(again.text).toContain('nothing was written');
    expect(await counts(t)).toEqual(before);
    expect((await lettersOf(t, caseId))[0]!.trackingNo).toBe('1A23456789012');
  });

  it('refuses a receipt in the future, before the sending, or unreadable, quoting it, and writes nothing', async () => {
    const { caseId } = await caseOfRef(t, 'C-ACME');
    const before = await counts(t);
    const future = await collect(t, 'log C-ACME letter-received 2026-06-01');
    expect(future.text).toContain('"2026-06-01" is after today');
    expect(future.text).toContain('Example: `/collect log C-ACME letter-received 12/05/2026`');
    const early = await collect(t, 'log C-ACME AR reçu 30/04/2026');
    expect(early.text).toContain('"30/04/2026" is before the formal notice to *Acme SA* was sent (1 May 2026)');
    const junk = await collect(t, 'log C-ACME letter-received pizza');
    expect(junk.text).toContain('"pizza" is not a date I understand');
    const none = await collect(t, 'log C-ACME letter-received');
    expect(none.text).toContain('Say on which day the acknowledgement of receipt was signed');
    expect(await counts(t)).toEqual(before);
    expect((await lettersOf(t, caseId))[0]!.receivedOn).toBeNull();
  });

  it('records the receipt once, on the timeline', async () => {
    const { caseId } = await caseOfRef(t, 'C-ACME');
    t.clock.set('2026-05-05T08:00:00Z');
    const reply = await collect(t, 'log C-ACME lettre reçue 04/05/2026');
    expect(reply.text).toContain('*Acme SA* received the formal notice on 4 May 2026');
    expect((await lettersOf(t, caseId))[0]!.receivedOn).toBe('2026-05-04');
    expect(await entries(t, caseId, 'letter_received')).toHaveLength(1);
    const before = await counts(t);
    const again = await collect(t, 'log C-ACME letter-received 05/05/2026');
    expect(again.text).toContain('already recorded, on 4 May 2026');
    expect(await counts(t)).toEqual(before);
  });

  it('refuses a recovery on a case not handed off, and one above the balance, writing nothing', async () => {
    const before = await counts(t);
    const early = await collect(t, 'log C-ACME recovered 100');
    expect(early.text).toContain('*Acme SA* is not with an agency or in court');
    const { caseId } = await caseOfRef(t, 'C-ACME');
    await t.database.db.update(cases).set({ status: 'agency' }).where(eq(cases.id, caseId));
    const tooMuch = await collect(t, 'log C-ACME recovered 10000.01');
    expect(tooMuch.text).toContain('"10000.01" is more than *Acme SA* owes (€10,000.00)');
    const none = await collect(t, 'log C-ACME récupéré');
    expect(none.text).toContain('Say how much was recovered');
    expect(await counts(t)).toEqual(before);
  });

  it('records what the agency recovered as payments, down to the case resolving', async () => {
    const { caseId, customerId } = await caseOfRef(t, 'C-ACME');
    const part = await collect(t, 'log C-ACME récupéré 4000 € virement agence, commission 15 %');
    expect(part.text).toContain('Recovered from *Acme SA*: €4,000.00, recorded as a payment on F-2026-0042 (€4,000.00). Still owed: €6,000.00.');
    const paid = await t.database.db.select().from(payments).where(eq(payments.workspaceId, TEAM)).orderBy(payments.id);
    expect(paid.filter((p) => p.source === 'agency')).toMatchObject([{ amountCents: 400_000, reference: `agency-${caseId}-1`, paidOn: '2026-05-05' }]);
    const [balance] = await t.database.db.select().from(customerBalances).where(eq(customerBalances.customerId, customerId));
    // The commission mentioned in the note is never added to the debt.
    expect(balance).toMatchObject({ openCents: 600_000, overdueCents: 600_000 });
    const recorded = await entries(t, caseId, 'payment_recorded');
    expect(recorded.at(-1)).toMatchObject({ data: expect.objectContaining({ source: 'agency', amount_cents: 400_000 }) });

    const rest = await collect(t, 'log C-ACME recovered 6000');
    expect(rest.text).toContain('Nothing is overdue any more: the case is resolved.');
    const [invoice] = await t.database.db.select().from(invoices).where(eq(invoices.invoiceNumber, 'F-2026-0042'));
    expect(invoice!.paidCents).toBe(1_000_000);
    expect((await t.database.db.select().from(cases).where(eq(cases.id, caseId)))[0]!.status).toBe('resolved');
    expect((await t.database.db.select().from(payments).where(eq(payments.reference, `agency-${caseId}-2`)))).toHaveLength(1);
  });

  it('proposes the hand-off once after the notice ran out, not before, and not for a case paid meanwhile', async () => {
    t.clock.set('2026-05-05T08:00:00Z');
    const dupont = await notice('C-DUP');
    const globex = await notice('C-GLOB');
    const [letter] = await lettersOf(t, dupont);
    await runPass(t);
    expect(await t.database.db.select().from(escalations).where(eq(escalations.caseId, dupont))).toHaveLength(0);

    // Globex pays everything meanwhile: its case resolves.
    await t.database.db.update(invoices).set({ paidCents: sql`${invoices.amountCents}` }).where(eq(invoices.customerId, ids.get('C-GLOB')!));
    await refreshBalances(t.database.db, { workspaceId: TEAM, today: '2026-05-05', customerIds: [ids.get('C-GLOB')!], actorId: 'import', now: t.clock.now });

    t.clock.set(`${letter!.deadlineOn}T08:00:00Z`);
    await runPass(t);
    expect(await t.database.db.select().from(escalations).where(eq(escalations.caseId, dupont))).toHaveLength(0);

    const after = new Date(`${letter!.deadlineOn}T08:00:00Z`);
    after.setUTCDate(after.getUTCDate() + 1);
    t.clock.set(after.toISOString());
    await runPass(t);
    await runPass(t);
    const proposed = await t.database.db.select().from(escalations).where(eq(escalations.caseId, dupont));
    expect(proposed).toMatchObject([{ kind: 'agency', requestedBy: 'system', proposedStage: 'agency_or_legal', status: 'pending' }]);
    expect(proposed[0]!.postId).not.toBeNull();
    expect(await entries(t, dupont, 'escalation_proposed')).toHaveLength(1);
    expect(await t.database.db.select().from(escalations).where(and(eq(escalations.caseId, globex)))).toHaveLength(0);
    expect((await t.database.db.select({ id: letters.id }).from(letters)).length).toBe(3);
  });
});
