// The review list of a bank statement in the emulated Slack: posted to the
// team channel by the outbox, Ignore and Match (its form) by a collector,
// strangers refused, a second click harmless, the list updated for everyone.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/client.ts';
import { members } from '../../src/db/schema.ts';
import { writeSetting } from '../../src/db/settings.ts';
import {
  DEMO_ADMIN_ID as ADMIN, DEMO_COLLECTIONS_CHANNEL_ID as CHANNEL, DEMO_COLLECTOR_ID as COLLECTOR, DEMO_OUTSIDER_ID as OUTSIDER, DEMO_TEAM_ID as TEAM,
} from '../../src/emulator/seed.ts';
import type { Message } from '../../src/emulator/types.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { postEverything } from '../threads/support.ts';
import { fixture, runImport, seedStatementLedger } from './support.ts';

let t: TestApp;
let review: Message;

const entryId = async (reference: string) =>
  Number((await rows<{ id: number }>(t.database.db, sql`select id from statement_entries where reference = ${reference}`))[0]!.id);

const entry = async (reference: string) => (await rows<{ status: string; decided_by: string | null; payment_references: string[] }>(t.database.db, sql`
  select status, decided_by, payment_references from statement_entries where reference = ${reference}`))[0]!;

async function click(userId: string, actionId: string, value: number): Promise<string> {
  const sent = await t.sender.blockAction({ userId, channelId: CHANNEL, messageTs: review.ts, actionId, value: String(value) });
  expect(sent.status).toBe(200);
  const reply = await t.emulator.waitForResponse(sent.responseUrlId!, { timeoutMs: 10_000 });
  return (reply.body as { text: string }).text;
}

const current = () => JSON.stringify(t.emulator.message(CHANNEL, review.ts)!.blocks);

beforeAll(async () => {
  t = await startTestApp({ RELANCE_ADMINS: ADMIN });
  await seedStatementLedger(t.database, TEAM);
  await t.database.db.insert(members).values({ workspaceId: TEAM, userId: COLLECTOR, role: 'collector' });
  await writeSetting(t.database.db, { workspaceId: TEAM, name: 'channel', value: CHANNEL, by: ADMIN, now: t.clock.now });
  const run = await runImport(t.database, ['-w', TEAM, fixture('november-v08.xml')], t.clock.now);
  expect(run.code).toBe(0);
  const at = t.clock.now.toISOString();
  await postEverything(t);
  t.clock.set(at);
  const found = t.emulator.messages(CHANNEL).find((m) => m.text === 'Bank statement: 3 credits to match by hand');
  expect(found).toBeDefined();
  review = found!;
});

afterAll(async () => {
  await t?.close();
});

describe('the review list', () => {
  it('shows each credit left with its amount, date, payer, remittance text and why, with Match and Ignore', () => {
    const blocks = JSON.stringify(review.blocks);
    expect(blocks).toContain('*€75.00* · 20 Nov 2026 · JEAN INCONNU\\n> remboursement trop percu');
    expect(blocks).toContain('No invoice number, and the payer is not a known customer.');
    expect(blocks).toContain('*$400.00* · 20 Nov 2026 · ACME SAS');
    expect(blocks).toContain('The invoice named is in another currency.');
    expect(blocks.match(/"action_id":"statement_match"/g)).toHaveLength(3);
    expect(blocks.match(/"action_id":"statement_ignore"/g)).toHaveLength(3);
  });

  it('refuses strangers and changes nothing', async () => {
    const told = await click(OUTSIDER, 'statement_ignore', await entryId('BNK-20261120-0006'));
    expect(told).toContain('relance is only open to the collections team');
    expect((await entry('BNK-20261120-0006')).status).toBe('unmatched');
  });

  it('Ignore sets the credit aside once; a second click says who did', async () => {
    const id = await entryId('BNK-20261120-0006');
    expect(await click(COLLECTOR, 'statement_ignore', id)).toBe('Set aside: the credit of €75.00 will not be matched.');
    expect(await entry('BNK-20261120-0006')).toMatchObject({ status: 'ignored', decided_by: COLLECTOR });
    await t.emulator.waitFor(() => (current().includes('Set aside by') ? true : undefined), { timeoutMs: 5_000 });
    expect(current()).toContain(`:heavy_minus_sign: Set aside by <@${COLLECTOR}>`);
    expect(current().match(/"action_id":"statement_ignore"/g)).toHaveLength(2);
    expect(await click(COLLECTOR, 'statement_ignore', id)).toBe(`Already set aside by <@${COLLECTOR}>: nothing changed.`);
  });

  it('Match opens a form with the payer’s open invoices and records the payment at once', async () => {
    const id = await entryId('BNK-20261121-0002');
    const views = t.emulator.calls('views.open').length;
    const sent = await t.sender.blockAction({ userId: COLLECTOR, channelId: CHANNEL, messageTs: review.ts, actionId: 'statement_match', value: String(id) });
    expect(sent.status).toBe(200);
    const opened = await t.emulator.waitForCall('views.open', { count: views + 1, timeoutMs: 5_000 });
    const viewId = (opened.response as { view: { id: string } }).view.id;
    const form = JSON.stringify(t.emulator.view(viewId)!.blocks);
    // Martin's only open invoice: the two the statement paid are gone.
    expect(form).toContain('F-2026-0072 · €500.00 · Boulangerie Martin');
    expect(form).not.toContain('F-2026-0070');

    const none = await t.sender.viewSubmission({ userId: COLLECTOR, viewId, view: { state: { values: { statement_invoices: { value: { type: 'multi_static_select', selected_options: [] } } } } } });
    expect(none.body).toEqual({ response_action: 'errors', errors: { statement_invoices: 'Pick at least one invoice.' } });

    const done = await t.sender.viewSubmission({
      userId: COLLECTOR, viewId,
      view: { state: { values: { statement_invoices: { value: { type: 'multi_static_select', selected_options: [{ text: { type: 'plain_text', text: 'F-2026-0072' }, value: 'F-2026-0072' }] } } } } },
    });
    expect(done.status).toBe(200);
    expect(done.body).toBe('');
    expect(await entry('BNK-20261121-0002')).toMatchObject({ status: 'matched', decided_by: COLLECTOR, payment_references: ['BNK-20261121-0002'] });
    const [invoice] = await rows<{ open: number }>(t.database.db, sql`select (amount_cents - paid_cents)::int as open from invoices where invoice_number = 'F-2026-0072'`);
    expect(invoice!.open).toBe(0);
    const [logged] = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from activities where kind = 'statement_matched' and actor_id = ${COLLECTOR}`);
    expect(logged!.n).toBe(1);
    const told = await t.emulator.waitFor(() => t.emulator.ephemerals({ user: COLLECTOR }).find((e) => e.text?.startsWith('Recorded')), { timeoutMs: 5_000 });
    expect(told!.text).toBe('Recorded: €500.00 paid on F-2026-0072. €100.00 more than the invoices picked had open: that part was not recorded.');
    await t.emulator.waitFor(() => (current().includes('Matched to') ? true : undefined), { timeoutMs: 5_000 });
    expect(current()).toContain(`:white_check_mark: Matched to F-2026-0072 by <@${COLLECTOR}>`);

    // A second click on Match opens nothing and says who matched it.
    const before = t.emulator.calls('views.open').length;
    expect(await click(COLLECTOR, 'statement_match', id)).toBe(`Already matched to F-2026-0072 by <@${COLLECTOR}>: nothing changed.`);
    expect(t.emulator.calls('views.open')).toHaveLength(before);
  });

  it('says there is nothing to match a credit to when no invoice is open in its currency', async () => {
    expect(await click(COLLECTOR, 'statement_match', await entryId('BNK-20261120-0005')))
      .toBe('No open invoice in USD: there is nothing to match this credit to. Ignore it, or import the invoice first.');
    expect((await entry('BNK-20261120-0005')).status).toBe('unmatched');
  });
});
