// `/collect log <case> [outcome] [note…]` over signed HTTP: each outcome and
// what it sets in motion, the words people type (French included), case names
// of several words, text that names no outcome (read by the rules without a key and
// shown for confirmation; test/ai has the model's side), a trigger Slack no longer
// honours, and every refusal, which writes nothing.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_REMINDER_JOB, reminderKey } from '../../jobs/call-reminder.ts';
import { callRemindersQueue } from '../../jobs/queues.ts';
import { queueConfig } from '../../jobs/workers.ts';
import { activities, cases, customers, invoices, promises } from '../../src/db/schema.ts';
import { DEMO_COLLECTOR_ID, DEMO_OUTSIDER_ID } from '../../src/emulator/seed.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import {
  caseIdOf, CHANNEL, collect, element, entries, ephemeral, filledForm, NOW, openCalls, seedCallLedger, visible,
} from './support.ts';

let t: TestApp;
let ids: Map<string, number>;
const caseOf = (ref: string) => caseIdOf(t, ids.get(ref)!);
const calls = async (ref: string) => entries(t, await caseOf(ref), 'call_logged');
const everything = () => t.database.db.select().from(activities);

beforeAll(async () => {
  t = await startTestApp();
  ids = await seedCallLedger(t);
});

afterAll(async () => {
  await t?.close();
});

describe('an outcome typed in full logs the call at once', () => {
  it('no answer: the next call goes on my list after the back-off, at 09:00 in the debtor\'s zone', async () => {
    const reply = await collect(t, 'log D01 no answer rang 6 times');
    expect(reply.text).toContain('Call to *Debtor 01* logged: no answer.');
    expect(reply.text).toContain('Next call: Tuesday 24 Nov 2026 at 09:00 (Europe/Paris), on your list.');
    const caseId = await caseOf('D01');
    expect(await calls('D01')).toMatchObject([{ actorId: DEMO_COLLECTOR_ID, note: 'rang 6 times', data: { outcome: 'no_answer', next_on: '2026-11-24' } }]);
    const [task] = await openCalls(t, caseId);
    expect(task).toMatchObject({ assigneeId: DEMO_COLLECTOR_ID, dueAt: new Date('2026-11-24T08:00:00Z') });
    expect(await entries(t, caseId, 'call_scheduled')).toMatchObject([{ data: { task_id: task!.id, next_on: '2026-11-24', attempt: 1 } }]);
    expect(t.emulator.calls('views.open')).toHaveLength(0);
    // Its reminder is queued at once, not only at the worker's next reconcile.
    const reminders = callRemindersQueue(queueConfig(t.env));
    try {
      const job = await reminders.getJob(reminderKey(task!.id, task!.dueAt.getTime()));
      expect(job?.name).toBe(CALL_REMINDER_JOB);
    } finally {
      await reminders.close();
    }
  });

  it('backs off 1, 2, 4, 4 business days while nobody answers, and starts over once someone does', async () => {
    const due: string[] = [];
    for (const text of ['no answer', 'voicemail', 'pas de réponse', 'répondeur', 'reached', 'no-answer']) {
      await collect(t, `log D02 ${text}`);
      const open = await openCalls(t, await caseOf('D02'));
      due.push(open.map((c) => c.dueAt.toISOString()).join(','));
    }
    // Monday: Tuesday, Wednesday, Friday, Friday; a reached call schedules nothing; then Tuesday again.
    expect(due).toEqual([
      '2026-11-24T08:00:00.000Z', '2026-11-25T08:00:00.000Z', '2026-11-27T08:00:00.000Z', '2026-11-27T08:00:00.000Z', '', '2026-11-24T08:00:00.000Z',
    ]);
    expect((await entries(t, await caseOf('D02'), 'call_scheduled')).map((e) => (e.data as { attempt: number }).attempt)).toEqual([1, 2, 3, 4, 1]);
  });

  it('calls a debtor in another zone at the start of their own calling window', async () => {
    const reply = await collect(t, 'log C-NY voicemail');
    expect(reply.text).toContain('Next call: Tuesday 24 Nov 2026 at 09:00 (America/New_York)');
    expect((await openCalls(t, await caseOf('C-NY')))[0]?.dueAt).toEqual(new Date('2026-11-24T14:00:00Z'));
  });

  it('French words: joint, messagerie, faux numéro', async () => {
    expect((await collect(t, 'log D03 joint il rappelle demain')).text).toContain('logged: reached');
    expect((await collect(t, 'log D04 messagerie')).text).toContain('logged: voicemail');
    expect((await calls('D03'))[0]).toMatchObject({ data: { outcome: 'reached' }, note: 'il rappelle demain' });
    expect(await openCalls(t, await caseOf('D03'))).toHaveLength(0);
  });

  it('wrong number flags the phone, on the case card too, and schedules no call', async () => {
    const reply = await collect(t, 'log D05 faux numéro');
    expect(reply.text).toContain('logged: wrong number');
    expect(reply.text).toContain('flagged wrong on the case card');
    const [customer] = await t.database.db.select().from(customers).where(eq(customers.id, ids.get('D05')!));
    expect(customer?.phoneWrongAt).toEqual(new Date(NOW));
    expect(await entries(t, await caseOf('D05'), 'phone_flagged_wrong')).toHaveLength(1);
    expect(await openCalls(t, await caseOf('D05'))).toHaveLength(0);
    const card = await collect(t, 'case D05');
    expect(visible(card)).toContain('The phone number was flagged wrong on 23 Nov 2026');
  });

  it('promised: the promise is recorded with the call, in words of several parts', async () => {
    const reply = await collect(t, 'log D06 promis 1 000 € fin du mois par virement');
    expect(reply.text).toContain('logged: promised to pay');
    expect(reply.text).toContain('Promise recorded: *€1,000.00* by *Monday 30 Nov 2026*');
    const caseId = await caseOf('D06');
    expect(await t.database.db.select().from(promises).where(eq(promises.caseId, caseId)))
      .toMatchObject([{ amountCents: 100_000, currency: 'EUR', dueOn: '2026-11-30', takenBy: DEMO_COLLECTOR_ID, status: 'pending' }]);
    expect(await calls('D06')).toMatchObject([{ note: 'par virement', data: { outcome: 'promised' } }]);
    expect(await entries(t, caseId, 'promise_taken')).toMatchObject([{ data: { amount_cents: 100_000, due_on: '2026-11-30', via: 'command' } }]);
    const [kase] = await t.database.db.select().from(cases).where(eq(cases.id, caseId));
    expect(kase?.status).toBe('promised');
  });

  it('disputed with its reason: the case is paused for 30 days', async () => {
    const reply = await collect(t, 'log D07 litige qualité palettes abîmées');
    expect(reply.text).toContain('logged: disputed');
    expect(reply.text).toContain('paused until *Wednesday 23 Dec 2026* (dispute: quality)');
    const caseId = await caseOf('D07');
    const [kase] = await t.database.db.select().from(cases).where(eq(cases.id, caseId));
    expect(kase).toMatchObject({ status: 'paused', pausedUntil: '2026-12-23', pauseReason: 'dispute' });
    expect(await entries(t, caseId, 'case_paused')).toMatchObject([{ data: { until: '2026-12-23', reason: 'dispute', dispute: 'quality' } }]);
  });

  it('paid: a claimed payment, which changes no balance and goes to finance', async () => {
    const reply = await collect(t, 'log D08 payé 300 € par chèque');
    expect(reply.text).toContain('logged: says it is paid');
    expect(reply.text).toContain('(€300.00)');
    expect(reply.text).toContain('ask finance to confirm it');
    const caseId = await caseOf('D08');
    expect(await entries(t, caseId, 'payment_claimed')).toMatchObject([{ note: 'par chèque', data: { amount_cents: 30_000, currency: 'EUR' } }]);
    const [invoice] = await t.database.db.select().from(invoices).where(eq(invoices.customerId, ids.get('D08')!));
    expect(invoice?.paidCents).toBe(0);
    expect((await collect(t, 'log D09 already paid')).text).toContain('payment they say they made.');
    expect(await entries(t, await caseOf('D09'), 'payment_claimed')).toMatchObject([{ data: {} }]);
  });

  it('refused: escalation is suggested, with the command to ask for it', async () => {
    const reply = await collect(t, 'log D10 refus');
    expect(reply.text).toContain('logged: refused to pay');
    expect(reply.text).toContain('`/collect escalate D10 notice`');
    expect(await entries(t, await caseOf('D10'), 'escalation_suggested')).toHaveLength(1);
  });
});

describe('a case named in several words', () => {
  it('is quoted, or is the longest start that names one customer', async () => {
    expect((await collect(t, 'log "boulangerie martin" no answer')).text).toContain('Call to *Boulangerie Martin* logged');
    expect((await collect(t, 'log boulangerie martin nord pas de réponse')).text).toContain('Call to *Boulangerie Martin Nord* logged: no answer');
    expect((await collect(t, 'log boulangerie martin voicemail')).text).toContain('Call to *Boulangerie Martin* logged: voicemail');
    expect(await calls('C-BM')).toHaveLength(2);
    expect(await calls('C-BMN')).toHaveLength(1);
  });

  it('that matches several customers gets the list, and nothing is logged', async () => {
    const before = (await everything()).length;
    const reply = await collect(t, 'log acme no answer');
    expect(reply.text).toContain('"acme" matches 2 customers');
    expect(visible(reply)).toContain('Acme Plastics');
    expect((await everything()).length).toBe(before);
  });
});

describe('text that names no outcome', () => {
  it('is read by the rules (no key) and shown for confirmation; nothing is logged before Confirm', async () => {
    const views = t.emulator.calls('views.open').length;
    const reply = await collect(t, 'log D11 called twice, lvm at reception');
    expect(visible(reply)).toContain('What I read in your note on the call to *Debtor 11*');
    expect(visible(reply)).toContain('Read by rules (no AI key is set)');
    expect(visible(reply)).toContain('>called twice, lvm at reception');
    expect(t.emulator.calls('views.open')).toHaveLength(views);
    expect(await calls('D11')).toHaveLength(0);
    const sent = await t.sender.blockAction({ userId: DEMO_COLLECTOR_ID, channelId: CHANNEL, messageTs: reply.ts, ephemeral: true, actionId: 'note_reading_confirm' });
    const answered = await t.emulator.waitForResponse(sent.responseUrlId!, { timeoutMs: 10_000 });
    expect((answered.body as { text: string }).text).toContain('Call to *Debtor 11* logged: voicemail');
    expect(await calls('D11')).toMatchObject([{ note: 'called twice, lvm at reception', data: { outcome: 'voicemail' } }]);
  });

  it('opens the form on the case alone, and with the outcome chosen when it needs more', async () => {
    await collect(t, 'log D12');
    expect(element(await filledForm(t), 'note')?.initial_value).toBeUndefined();
    await collect(t, 'log D12 promised will pay next week');
    const form = await t.emulator.waitFor(() => t.emulator.openViews(DEMO_COLLECTOR_ID)
      .find((v) => JSON.stringify(v.blocks).includes('will pay next week')));
    expect(element(form as { blocks: Record<string, unknown>[] }, 'outcome')?.initial_option).toMatchObject({ value: 'promised' });
    await collect(t, 'log D12 disputed he is angry');
    const disputed = await t.emulator.waitFor(() => t.emulator.openViews(DEMO_COLLECTOR_ID)
      .find((v) => JSON.stringify(v.blocks).includes('he is angry')));
    expect(element(disputed as { blocks: Record<string, unknown>[] }, 'outcome')?.initial_option).toMatchObject({ value: 'disputed' });
    expect(await calls('D12')).toHaveLength(0);
  });

  it('opens the form in two steps: a loading view on the trigger, then the case', async () => {
    const before = t.emulator.calls('views.update').length;
    await collect(t, 'log D13');
    const [opened] = t.emulator.calls('views.open').slice(-1);
    expect(JSON.stringify((opened!.response as { view: unknown }).view)).toContain('Opening the case');
    const updated = await t.emulator.waitForCall('views.update', { count: before + 1 });
    expect((updated.args as { view_id: string }).view_id).toBe((opened!.response as { view: { id: string } }).view.id);
    expect(JSON.stringify(updated.args)).toContain('Debtor 13');
  });
});

describe('a trigger Slack no longer honours', () => {
  it('gets a reply with a button that opens the form, the note kept', async () => {
    // Slack holds views.open until the trigger's 3 seconds are over.
    t.emulator.failConnectionNext('views.open', { kind: 'slow', ms: 4_000 });
    const sent = await t.sender.slashCommand({ userId: DEMO_COLLECTOR_ID, channelId: CHANNEL, text: 'log D14 promised left a note with the receptionist' });
    await t.emulator.waitFor(() => (t.emulator.held('views.open') === 1 ? true : undefined));
    t.clock.set('2026-11-23T09:30:05Z');
    try {
      const reply = await t.emulator.waitForResponse(sent.responseUrlId!, { timeoutMs: 10_000 });
      const body = reply.body as { text: string; blocks: unknown[] };
      expect(body.text).toContain('Slack did not let the form open in time');
      expect(t.emulator.calls('views.open').at(-1)?.response).toMatchObject({ ok: false, error: 'expired_trigger_id' });
      const shown = await ephemeral(t, 'did not let the form open');
      await t.sender.blockAction({ userId: DEMO_COLLECTOR_ID, channelId: CHANNEL, messageTs: shown.ts, ephemeral: true, actionId: 'log_call' });
      const form = await t.emulator.waitFor(() => t.emulator.openViews(DEMO_COLLECTOR_ID)
        .find((v) => JSON.stringify(v.blocks).includes('left a note with the receptionist')));
      expect(JSON.stringify(form)).toContain('Debtor 14');
      expect(await calls('D14')).toHaveLength(0);
    } finally {
      t.clock.set(NOW);
    }
  });
});

describe('refusals, which write nothing', () => {
  const nothingWritten = async (run: () => Promise<void>) => {
    const before = (await everything()).length;
    await run();
    expect((await everything()).length).toBe(before);
  };

  it('no case given', async () => {
    await nothingWritten(async () => expect((await collect(t, 'log')).text).toContain('`/collect log acme no answer`'));
  });

  it('an unknown case, quoted, with an example', async () => {
    await nothingWritten(async () => {
      const reply = await collect(t, 'log nosuch no answer');
      expect(reply.text).toContain('No case matches "nosuch", so nothing was logged');
      expect(reply.text).toContain('`/collect log "boulangerie martin" no answer`');
    });
  });

  it('a customer with nothing overdue', async () => {
    await nothingWritten(async () => expect((await collect(t, 'log C-PAID no answer')).text).toContain('*Paid Up SARL* has no open case'));
  });

  it('a promise whose amount does not read, is zero or negative, with an example', async () => {
    await nothingWritten(async () => {
      expect((await collect(t, 'log D15 promised 12abc friday')).text).toBe('"12abc" is not an amount I can read. Example: `/collect log D15 promised 500 friday`');
      expect((await collect(t, 'log D15 promised -50 friday')).text).toContain('"-50" is negative');
      expect((await collect(t, 'log D15 promised 0 friday')).text).toContain('"0" is zero');
    });
  });

  it('a promise whose date does not read, is past, or is missing', async () => {
    await nothingWritten(async () => {
      expect((await collect(t, 'log D15 promised 500 fridy')).text).toContain('"fridy" is not a date I understand. Example: `/collect log D15 promised 500 friday`');
      expect((await collect(t, 'log D15 promised 500 01/11/2026')).text).toContain('"01/11/2026" is in the past');
      expect((await collect(t, 'log D15 promised 500')).text).toContain('"500" is the amount; say also by when they will pay.');
    });
  });

  it('a promise larger than what is overdue, or in a currency the case does not owe', async () => {
    await nothingWritten(async () => {
      const tooLarge = await collect(t, 'log D15 promised 5000 friday');
      expect(tooLarge.text).toContain('"5000": That is more than the €1,000.00 overdue');
      expect(tooLarge.text).toContain('Nothing was logged');
      const which = await collect(t, 'log C-MULTI promised 100 friday');
      expect(which.text).toContain('Write the amount in a currency this case owes overdue (EUR, GBP)');
      expect((await collect(t, 'log D15 promised 100 USD friday')).text).toContain('(EUR)');
    });
    expect(await t.database.db.select().from(promises).where(eq(promises.caseId, await caseOf('D15')))).toHaveLength(0);
  });

  it('a stranger, who sees no debtor data and opens no form', async () => {
    const views = t.emulator.calls('views.open').length;
    await nothingWritten(async () => {
      const reply = await collect(t, 'log D16', DEMO_OUTSIDER_ID);
      expect(reply.text).toContain('only open to the collections team');
      expect(visible(reply)).not.toContain('Debtor 16');
      expect((await collect(t, 'log D16 no answer', DEMO_OUTSIDER_ID)).text).toContain('only open to the collections team');
    });
    expect(t.emulator.calls('views.open')).toHaveLength(views);
  });

  it('a form for a case that does not exist says so in the form too', async () => {
    await nothingWritten(async () => {
      const reply = await collect(t, 'log nosuch promised');
      expect(reply.text).toContain('No case matches "nosuch"');
      const [updated] = t.emulator.calls('views.update').slice(-1);
      expect(JSON.stringify(updated!.args)).toContain('No case matches');
    });
    expect(await t.database.db.select().from(activities).where(and(eq(activities.kind, 'call_logged'), eq(activities.actorId, DEMO_OUTSIDER_ID)))).toHaveLength(0);
  });
});
