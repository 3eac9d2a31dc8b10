// The log-call form over signed HTTP: opened from the case card and the
// digest (a loading view on the trigger, then the case), each outcome
// submitted and what it sets in motion, each field's refusal shown on that
// field with nothing written, a trigger Slack no longer honours, a stranger.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reminderKey } from '../../jobs/call-reminder.ts';
import { callRemindersQueue } from '../../jobs/queues.ts';
import { queueConfig } from '../../jobs/workers.ts';
import { activities, cases, customers, promises } from '../../src/db/schema.ts';
import { DEMO_COLLECTOR_ID, DEMO_OUTSIDER_ID } from '../../src/emulator/seed.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { postTestDigest, type PostedReply } from '../support/posted-digest.ts';
import {
  caseIdOf, CHANNEL, collect, element, entries, ephemeral, MONDAY, NOW, openCalls, seedCallLedger, submit, visible, type FormValues,
} from './support.ts';

let t: TestApp;
let ids: Map<string, number>;
let replies: PostedReply[];
const caseOf = (ref: string) => caseIdOf(t, ids.get(ref)!);
const everything = async () => (await t.database.db.select().from(activities)).length;

type View = { id: string; blocks: Record<string, unknown>[]; private_metadata: string };

/** Presses a Log call button and returns the form once it is filled in. */
async function press(input: { messageTs: string; ephemeral?: boolean }, userId = DEMO_COLLECTOR_ID): Promise<View> {
  const updates = t.emulator.calls('views.update').length;
  await t.sender.blockAction({ userId, channelId: CHANNEL, actionId: 'log_call', ...input });
  const filled = await t.emulator.waitForCall('views.update', { count: updates + 1, timeoutMs: 10_000 });
  return t.emulator.view((filled.args as { view_id: string }).view_id) as View;
}

/** The case card's Log call button, pressed. */
async function fromCard(ref: string): Promise<View> {
  const card = await collect(t, `case ${ref}`);
  return press({ messageTs: card.ts, ephemeral: true });
}

/** Logs by the form, from the case card; the errors shown ({} when it closed). */
async function logByForm(ref: string, values: FormValues): Promise<Record<string, string>> {
  return submit(t, (await fromCard(ref)).id, values);
}

beforeAll(async () => {
  t = await startTestApp();
  ids = await seedCallLedger(t);
  ({ replies } = await postTestDigest(t, MONDAY));
  t.clock.set(NOW);
});

afterAll(async () => {
  await t?.close();
});

describe('the case card', () => {
  it('has a Log call button that opens the whole form: a loading view at once, then the case', async () => {
    const card = await collect(t, 'case D01');
    expect(visible(card)).toContain('"action_id":"log_call"');
    const opens = t.emulator.calls('views.open').length;
    const form = await press({ messageTs: card.ts, ephemeral: true });
    const opened = t.emulator.calls('views.open')[opens]!;
    expect(JSON.stringify(opened.response)).toContain('Opening the case');
    expect((opened.response as { view: { id: string } }).view.id).toBe(form.id);
    expect(visible(form)).toContain('Debtor 01');
    for (const block of ['outcome', 'note', 'amount', 'promise_date', 'dispute', 'next_date']) expect(element(form, block)).toBeDefined();
    expect(JSON.parse(form.private_metadata)).toMatchObject({ caseId: await caseOf('D01'), channelId: CHANNEL, currencies: ['EUR'] });
  });

  it('has no Log call button for a customer with nothing overdue', async () => {
    expect(visible(await collect(t, 'case C-PAID'))).not.toContain('log_call');
  });
});

describe('each outcome, by the form', () => {
  it('reached: the call and its note, and the collector is told in the channel', async () => {
    expect(await logByForm('D01', { outcome: 'reached', note: 'Will pay after the audit' })).toEqual({});
    expect(await entries(t, await caseOf('D01'), 'call_logged')).toMatchObject([{ note: 'Will pay after the audit', data: { outcome: 'reached' } }]);
    await ephemeral(t, 'Call to *Debtor 01* logged: reached.');
  });

  it('no answer: the next call after the back-off, unless a follow-up day is given, which wins', async () => {
    expect(await logByForm('D02', { outcome: 'no_answer' })).toEqual({});
    expect((await openCalls(t, await caseOf('D02')))[0]?.dueAt).toEqual(new Date('2026-11-24T08:00:00Z'));
    expect(await logByForm('D03', { outcome: 'no_answer', nextDate: '2026-12-02' })).toEqual({});
    const caseId = await caseOf('D03');
    expect((await openCalls(t, caseId)).map((c) => c.dueAt)).toEqual([new Date('2026-12-02T08:00:00Z')]);
    expect((await entries(t, caseId, 'call_scheduled'))[0]?.data).toEqual({ task_id: expect.any(Number), next_on: '2026-12-02' });
    await ephemeral(t, 'Next call: Wednesday 2 Dec 2026 at 09:00 (Europe/Paris)');
    const [task] = await openCalls(t, caseId);
    const reminders = callRemindersQueue(queueConfig(t.env));
    try {
      expect(await reminders.getJob(reminderKey(task!.id, task!.dueAt.getTime()))).toBeDefined();
    } finally {
      await reminders.close();
    }
  });

  it('voicemail: the next call after the back-off', async () => {
    expect(await logByForm('D04', { outcome: 'voicemail' })).toEqual({});
    expect(await entries(t, await caseOf('D04'), 'call_scheduled')).toMatchObject([{ data: { attempt: 1, next_on: '2026-11-24' } }]);
  });

  it('wrong number: the phone is flagged, and the next form says so', async () => {
    expect(await logByForm('D05', { outcome: 'wrong_number' })).toEqual({});
    const [customer] = await t.database.db.select().from(customers).where(eq(customers.id, ids.get('D05')!));
    expect(customer?.phoneWrongAt).toEqual(new Date(NOW));
    expect(visible(await fromCard('D05'))).toContain('The phone number was flagged wrong on 23 Nov 2026');
  });

  it('promised: the promise, taken by the form', async () => {
    expect(await logByForm('D06', { outcome: 'promised', amount: '250', promiseDate: '2026-11-27', note: 'by transfer' })).toEqual({});
    const caseId = await caseOf('D06');
    expect(await t.database.db.select().from(promises).where(eq(promises.caseId, caseId)))
      .toMatchObject([{ amountCents: 25_000, currency: 'EUR', dueOn: '2026-11-27', note: 'by transfer', status: 'pending' }]);
    expect(await entries(t, caseId, 'promise_taken')).toMatchObject([{ data: { via: 'modal' } }]);
    await ephemeral(t, 'Promise recorded: *€250.00* by *Friday 27 Nov 2026*');
  });

  it('disputed: the case is paused until the follow-up day, or for 30 days', async () => {
    expect(await logByForm('D07', { outcome: 'disputed', dispute: 'price', nextDate: '2026-12-15' })).toEqual({});
    const [paused] = await t.database.db.select().from(cases).where(eq(cases.id, await caseOf('D07')));
    expect(paused).toMatchObject({ status: 'paused', pausedUntil: '2026-12-15', pauseReason: 'dispute' });
    expect(await logByForm('D08', { outcome: 'disputed', dispute: 'not_delivered' })).toEqual({});
    expect(await entries(t, await caseOf('D08'), 'case_paused')).toMatchObject([{ data: { until: '2026-12-23', dispute: 'not_delivered' } }]);
    expect(await openCalls(t, await caseOf('D08'))).toHaveLength(0);
  });

  it('paid: a claimed payment with or without its amount, for finance to confirm', async () => {
    expect(await logByForm('D09', { outcome: 'paid', amount: '120.50' })).toEqual({});
    expect(await entries(t, await caseOf('D09'), 'payment_claimed')).toMatchObject([{ data: { amount_cents: 12_050, currency: 'EUR' } }]);
    await ephemeral(t, 'ask finance to confirm it');
  });

  it('refused: escalation suggested', async () => {
    expect(await logByForm('D10', { outcome: 'refused' })).toEqual({});
    expect(await entries(t, await caseOf('D10'), 'escalation_suggested')).toHaveLength(1);
    await ephemeral(t, '`/collect escalate D10 notice`');
  });
});

describe('a field the outcome needs, or that is wrong, is refused on that field and nothing is written', () => {
  const refused = async (ref: string, values: FormValues): Promise<Record<string, string>> => {
    const before = await everything();
    const errors = await logByForm(ref, values);
    expect(await everything()).toBe(before);
    return errors;
  };

  it('a promise without amount or date', async () => {
    expect(await refused('D11', { outcome: 'promised' })).toEqual({ amount: expect.stringContaining('How much'), promise_date: 'By when will they pay?' });
  });

  it('an amount that does not read, or is negative', async () => {
    expect((await refused('D11', { outcome: 'promised', amount: 'abc', promiseDate: '2026-11-27' })).amount).toContain('"abc" is not an amount I can read');
    expect((await refused('D11', { outcome: 'paid', amount: '-5' })).amount).toContain('"-5" is negative');
  });

  it('shows its errors as plain text, as Slack displays them in a form', async () => {
    const shown = (await refused('D11', { outcome: 'promised', amount: '12 & <b>', promiseDate: '2026-11-27' })).amount;
    expect(shown).toContain('"12 & <b>"');
    expect(shown).not.toMatch(/&amp;|&lt;|`|\*/);
  });

  it('a promised date in the past', async () => {
    expect((await refused('D11', { outcome: 'promised', amount: '100', promiseDate: '2026-11-20' })).promise_date).toContain('20 Nov 2026 is in the past');
  });

  it('a promise larger than what is overdue, or in no currency the case owes', async () => {
    expect((await refused('D11', { outcome: 'promised', amount: '5000', promiseDate: '2026-11-27' })).amount).toContain('more than the €1,000.00 overdue');
    expect((await refused('C-MULTI', { outcome: 'promised', amount: '100', promiseDate: '2026-11-27' })).amount).toContain('(EUR, GBP)');
    expect(await logByForm('C-MULTI', { outcome: 'promised', amount: '100 GBP', promiseDate: '2026-11-27' })).toEqual({});
  });

  it('a dispute without its reason, and a follow-up day in the past', async () => {
    expect(await refused('D11', { outcome: 'disputed' })).toEqual({ dispute: 'What is the dispute about?' });
    expect((await refused('D11', { outcome: 'no_answer', nextDate: '2026-11-20' })).next_date).toContain('is in the past');
  });

  it('then the corrected form logs the call, once', async () => {
    const form = await fromCard('D12');
    expect(Object.keys(await submit(t, form.id, { outcome: 'promised', amount: '5000', promiseDate: '2026-11-27' }))).toEqual(['amount']);
    expect(await submit(t, form.id, { outcome: 'promised', amount: '500', promiseDate: '2026-11-27' })).toEqual({});
    expect(await submit(t, form.id, { outcome: 'promised', amount: '500', promiseDate: '2026-11-27' })).toEqual({});
    expect(await entries(t, await caseOf('D12'), 'call_logged')).toHaveLength(1);
    expect(await t.database.db.select().from(promises).where(eq(promises.caseId, await caseOf('D12')))).toHaveLength(1);
  });
});

describe('the digest\'s Log call', () => {
  it('opens the form for the reply\'s case, and the logged call re-renders the reply', async () => {
    const reply = replies[0]!;
    const form = await press({ messageTs: reply.ts });
    expect(JSON.parse(form.private_metadata)).toMatchObject({ caseId: reply.caseId, channelId: CHANNEL, messageTs: reply.ts });
    expect(await submit(t, form.id, { outcome: 'voicemail' })).toEqual({});
    expect(await entries(t, reply.caseId, 'call_logged')).toMatchObject([{ data: { outcome: 'voicemail' } }]);
    // The next attempt is the collector's: the reply now says who holds the call.
    await t.emulator.waitFor(() => (JSON.stringify(t.emulator.message(CHANNEL, reply.ts)?.blocks).includes(`<@${DEMO_COLLECTOR_ID}>`) ? true : undefined));
  });

  it('tells the clicker to press again when Slack no longer honours the trigger, and opens nothing', async () => {
    const reply = replies[1]!;
    t.emulator.failConnectionNext('views.open', { kind: 'slow', ms: 4_000 });
    const sent = await t.sender.blockAction({ userId: DEMO_COLLECTOR_ID, channelId: CHANNEL, messageTs: reply.ts, actionId: 'log_call' });
    await t.emulator.waitFor(() => (t.emulator.held('views.open') === 1 ? true : undefined));
    t.clock.set('2026-11-23T09:30:05Z');
    try {
      const answer = await t.emulator.waitForResponse(sent.responseUrlId!, { timeoutMs: 10_000 });
      expect((answer.body as { text: string }).text).toContain('Press *Log call* again');
      expect(t.emulator.calls('views.open').at(-1)?.response).toMatchObject({ ok: false, error: 'expired_trigger_id' });
    } finally {
      t.clock.set(NOW);
    }
  });

  it('refuses a stranger, in the form and in reply, with no debtor data, and their submission too', async () => {
    const reply = replies[2]!;
    const before = await everything();
    const updates = t.emulator.calls('views.update').length;
    const sent = await t.sender.blockAction({ userId: DEMO_OUTSIDER_ID, channelId: CHANNEL, messageTs: reply.ts, actionId: 'log_call' });
    const answer = await t.emulator.waitForResponse(sent.responseUrlId!, { timeoutMs: 10_000 });
    expect((answer.body as { text: string }).text).toContain('only open to the collections team');
    const shown = await t.emulator.waitForCall('views.update', { count: updates + 1 });
    expect(JSON.stringify(shown.args)).toContain('only open to the collections team');
    expect(JSON.stringify(shown.args)).not.toMatch(/Debtor|"outcome"/);
    const forged = await t.sender.viewSubmission({
      userId: DEMO_OUTSIDER_ID,
      view: { callback_id: 'log_call_modal', private_metadata: JSON.stringify({ caseId: reply.caseId }), state: { values: {} } },
    });
    expect(JSON.stringify(forged.body)).toContain('only open to the collections team');
    expect(await everything()).toBe(before);
  });
});
