// /collect pause and /collect resume over real signed HTTP, against the Slack
// emulator and a real database; the automatic end of a pause through the
// balances job, with the clock moved rather than waited for.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBalancesJob } from '../../jobs/refresh-balances.ts';
import { rows } from '../../src/db/client.ts';
import { setMemberRole } from '../../src/db/members.ts';
import { promises, tasks } from '../../src/db/schema.ts';
import {
  DEMO_COLLECTIONS_CHANNEL_ID as CHANNEL, DEMO_COLLECTOR_ID as CARLA, DEMO_MANAGER_ID, DEMO_OUTSIDER_ID, DEMO_TEAM_ID as WS,
} from '../../src/emulator/seed.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { seedLedger } from '../support/ledger.ts';

let t: TestApp;
let ids: Map<string, number>;
// Monday 23 November 2026, 10:30 in Paris.
const TODAY = '2026-11-23';

async function collect(text: string, userId = CARLA): Promise<string> {
  const sent = await t.sender.slashCommand({ userId, channelId: CHANNEL, text });
  expect(sent.status).toBe(200);
  const body = (sent.body && typeof sent.body === 'object' && 'text' in sent.body)
    ? sent.body as { text: string; blocks?: unknown[] }
    : (await t.emulator.waitForResponse(sent.responseUrlId!, { timeoutMs: 10_000 })).body as { text: string; blocks?: unknown[] };
  return `${body.text}\n${JSON.stringify(body.blocks ?? [])}`;
}

interface CaseRow { id: number; status: string; paused_until: string | null; pause_reason: string | null }
async function caseOf(ref: string): Promise<CaseRow> {
  const [row] = await rows<CaseRow>(t.database.db, sql`
    select k.id::int as id, k.status::text as status, to_char(k.paused_until, 'YYYY-MM-DD') as paused_until, k.pause_reason
    from cases k where k.workspace_id = ${WS} and k.customer_id = ${ids.get(ref)!} order by k.id desc limit 1`);
  return row!;
}

async function activitiesOf(ref: string, kind: string) {
  return rows<{ actor_id: string; data: Record<string, unknown>; note: string | null }>(t.database.db, sql`
    select actor_id, data, note from activities where workspace_id = ${WS} and customer_id = ${ids.get(ref)!} and kind = ${kind} order by id`);
}

async function priorityOf(ref: string): Promise<number> {
  const [row] = await rows<{ priority: number }>(t.database.db, sql`
    select max(priority)::int as priority from customer_balances where workspace_id = ${WS} and customer_id = ${ids.get(ref)!}`);
  return row!.priority;
}

/** Nothing was written: the case is as it was and its timeline has no pause or resume. */
async function expectUntouched(ref: string) {
  expect(await caseOf(ref)).toMatchObject({ status: 'open', paused_until: null, pause_reason: null });
  expect(await activitiesOf(ref, 'case_paused')).toEqual([]);
  expect(await activitiesOf(ref, 'case_resumed')).toEqual([]);
}

/** €1,000 due on 1 September: 83 days overdue today. */
const overdue = (ref: string, name: string, due = '2026-09-01') => ({
  ref, name, invoices: [{ number: `F-${ref}`, issued: '2026-06-01', due, cents: 100_000 }],
});

beforeAll(async () => {
  t = await startTestApp({ RELANCE_ADMINS: DEMO_MANAGER_ID });
  t.clock.set('2026-11-23T09:30:00Z');
  ids = await seedLedger(t.database, WS, TODAY, [
    overdue('C-ACME', 'Acme SA'),
    overdue('C-ACMP', 'Acme Plastics', '2026-10-01'),
    overdue('C-BETA', 'Beta SARL'),
    overdue('C-GAMMA', 'Gamma GmbH'),
    overdue('C-CALL', 'Call Me Ltd'),
    overdue('C-DELTA', 'Delta Corp'),
    overdue('C-PROM', 'Promise Keepers'),
    overdue('C-EPS', 'Epsilon BV'),
    overdue('C-FR', 'Française de Tests'),
    { ref: 'C-PAID', name: 'Paid Up SARL', invoices: [{ number: 'F-PAID', issued: '2026-08-01', due: '2026-09-01', cents: 10_000, paid: [10_000] }] },
  ]);
  await setMemberRole(t.database.db, WS, CARLA, 'collector', DEMO_MANAGER_ID);
});

afterAll(async () => {
  await t?.close();
});

describe('/collect pause', () => {
  it('pauses by duration for a dispute with its reason: status, date, timeline, priority 0, worklist and card', async () => {
    expect(await priorityOf('C-ACME')).toBeGreaterThan(0);
    const reply = await collect('pause C-ACME 30d dispute price unit price on F-C-ACME is wrong');
    expect(reply).toContain('*Acme SA* is paused until *23 Dec 2026* (dispute: price)');
    expect(await caseOf('C-ACME')).toMatchObject({ status: 'paused', paused_until: '2026-12-23', pause_reason: 'dispute' });
    const [paused] = await activitiesOf('C-ACME', 'case_paused');
    expect(paused).toMatchObject({ actor_id: CARLA, note: 'unit price on F-C-ACME is wrong', data: { until: '2026-12-23', reason: 'dispute', dispute: 'price' } });
    expect(await priorityOf('C-ACME')).toBe(0);

    const list = await collect('overdue all');
    expect(list).toContain('paused until 23 Dec 2026 (dispute: price)');
    // Priority 0: the paused case comes after every case still to work.
    expect(list.indexOf('Acme SA')).toBeGreaterThan(list.indexOf('Beta SARL'));
    const card = await collect('case C-ACME');
    expect(card).toContain('paused until 23 Dec 2026 (dispute: price)');
    expect(card).toContain('Paused until 23 Dec 2026: dispute (price)');
  });

  it('pauses until a date for a payment plan, and until a weekday for another reason', async () => {
    expect(await collect('pause C-BETA 15/12/2026 plan 3 instalments agreed')).toContain('*Beta SARL* is paused until *15 Dec 2026* (payment plan)');
    expect(await caseOf('C-BETA')).toMatchObject({ status: 'paused', paused_until: '2026-12-15', pause_reason: 'plan' });
    expect(await collect('pause gamma friday other owner on leave')).toContain('*Gamma GmbH* is paused until *27 Nov 2026* (other reason)');
    expect(await caseOf('C-GAMMA')).toMatchObject({ status: 'paused', paused_until: '2026-11-27', pause_reason: 'other' });
    const [paused] = await activitiesOf('C-GAMMA', 'case_paused');
    expect(paused).toMatchObject({ note: 'owner on leave', data: { until: '2026-11-27', reason: 'other' } });
    expect(paused!.data).not.toHaveProperty('dispute');
  });

  it('cancels the open calls of the case and says so', async () => {
    const [call] = await t.database.db.insert(tasks).values({
      workspaceId: WS, caseId: (await caseOf('C-CALL')).id, kind: 'call', assigneeId: CARLA, dueAt: t.clock.now, createdBy: CARLA,
    }).returning({ id: tasks.id });
    expect(await collect('pause C-CALL 2w dispute not delivered')).toContain('(dispute: not delivered). It stays out of the worklist until then and comes back by itself that morning. Its open call was cancelled.');
    const [task] = await rows<{ status: string }>(t.database.db, sql`select status::text as status from tasks where id = ${call!.id}`);
    expect(task!.status).toBe('cancelled');
    const [paused] = await activitiesOf('C-CALL', 'case_paused');
    expect(paused!.data).toMatchObject({ dispute: 'not_delivered', cancelled_calls: 1 });
  });

  it('moves the date of a case already paused, with a new timeline entry', async () => {
    const reply = await collect('pause C-GAMMA 3 weeks dispute already paid');
    expect(reply).toContain('*Gamma GmbH* was paused until 27 Nov 2026; it is now paused until *14 Dec 2026* (dispute: already paid)');
    expect(await caseOf('C-GAMMA')).toMatchObject({ status: 'paused', paused_until: '2026-12-14', pause_reason: 'dispute' });
    const entries = await activitiesOf('C-GAMMA', 'case_paused');
    expect(entries.map((e) => e.data.until)).toEqual(['2026-11-27', '2026-12-14']);
    expect(entries[1]!.data).toMatchObject({ previous_until: '2026-11-27', previous_status: 'open', dispute: 'already_paid' });
  });

  it('asks for the reason of a dispute when it is missing, and writes nothing', async () => {
    const reply = await collect('pause C-DELTA 30d dispute');
    expect(reply).toContain('A dispute needs its reason: price, quality, not delivered, already paid or other.');
    expect(reply).toContain('Example: `/collect pause acme 30d dispute price`');
    const unknown = await collect('pause C-DELTA 30d dispute the customer is unhappy');
    expect(unknown).toContain('"the" is not a dispute reason: use price, quality, not delivered, already paid or other.');
    await expectUntouched('C-DELTA');
  });

  it('refuses a date in the past, today, more than a year ahead, or no date or reason, quoting it', async () => {
    const past = await collect('pause C-DELTA 01/11/2026 plan');
    expect(past).toContain('"01/11/2026" is in the past');
    expect(past).toContain('Example: `/collect pause acme 30d dispute price`');
    expect(await collect('pause C-DELTA today plan')).toContain('"today" ends the pause today or earlier');
    expect(await collect('pause C-DELTA 2 years plan')).toContain('"2 years" ends the pause more than a year from today');
    expect(await collect('pause C-DELTA someday plan')).toContain('"someday" is not a date I understand');
    expect(await collect('pause C-DELTA 30d')).toContain('"30d" gives no reason for the pause: after the date, add dispute, plan or other.');
    expect(await collect('pause C-DELTA')).toContain('"C-DELTA" gives no end to the pause');
    await expectUntouched('C-DELTA');
  });

  it('quotes an unknown or ambiguous case, and refuses a case with nothing overdue', async () => {
    expect(await collect('pause zorglub 30d plan')).toContain('No case matches "zorglub", so nothing was paused.');
    const ambiguous = await collect('pause acme 30d plan');
    expect(ambiguous).toContain('"acme" matches several customers: Acme Plastics (C-ACMP), Acme SA (C-ACME). Nothing was paused.');
    expect(await collect('pause C-PAID 30d plan')).toContain('*Paid Up SARL* has no open case (nothing is overdue), so there is nothing to pause.');
    expect(await caseOf('C-ACMP')).toMatchObject({ status: 'open' });
  });

  it('is explained by help, with the longest pause and the automatic end', async () => {
    const help = await collect('help pause');
    expect(help).toContain('at most a year ahead');
    expect(help).toContain('the case is back in the worklist by itself');
  });

  it('is for the team only', async () => {
    expect(await collect('pause C-DELTA 30d plan', DEMO_OUTSIDER_ID)).toContain('only open to the collections team');
    await expectUntouched('C-DELTA');
  });
});

describe('/collect resume', () => {
  it('ends a pause: open again, dates cleared, timeline entry, back in the worklist with its priority', async () => {
    const reply = await collect('resume C-BETA');
    expect(reply).toContain('*Beta SARL* is no longer paused (status: open) and is back in the worklist.');
    expect(await caseOf('C-BETA')).toMatchObject({ status: 'open', paused_until: null, pause_reason: null });
    expect(await activitiesOf('C-BETA', 'case_resumed')).toMatchObject([{ actor_id: CARLA }]);
    expect(await priorityOf('C-BETA')).toBeGreaterThan(0);
    expect(await collect('overdue all')).toMatch(/Beta SARL\* \(C-BETA\)[^"]*· open/);
    expect(await collect('case C-BETA')).toContain('Pause ended: back in the worklist');
  });

  it('goes back to promised while a promise to pay is pending', async () => {
    const kase = await caseOf('C-PROM');
    await t.database.db.insert(promises).values({ workspaceId: WS, caseId: kase.id, amountCents: 50_000, currency: 'EUR', dueOn: '2026-12-31', takenBy: CARLA });
    await t.database.db.execute(sql`update cases set status = 'promised' where id = ${kase.id}`);
    await collect('pause C-PROM 10d other');
    expect(await collect('resume C-PROM')).toContain('(status: promised)');
    expect(await caseOf('C-PROM')).toMatchObject({ status: 'promised', paused_until: null });
  });

  it('gives back the escalation a pause interrupted', async () => {
    const kase = await caseOf('C-ACMP');
    await t.database.db.execute(sql`update cases set status = 'notice' where id = ${kase.id}`);
    await collect('pause C-ACMP 10d dispute quality');
    await collect('pause C-ACMP 20d dispute quality');
    expect(await collect('resume C-ACMP')).toContain('(status: formal notice sent)');
    expect(await caseOf('C-ACMP')).toMatchObject({ status: 'notice', paused_until: null });
  });

  it('says so when the case is not paused, and changes nothing', async () => {
    expect(await collect('resume C-DELTA')).toContain('*Delta Corp* is not paused (status: open); nothing changed.');
    await expectUntouched('C-DELTA');
  });

  it('quotes an unknown case, and asks which case when none is given', async () => {
    expect(await collect('resume zorglub')).toContain('No case matches "zorglub", so nothing was resumed.');
    expect(await collect('resume')).toContain('Which case? E.g. `/collect resume acme`.');
  });
});

describe('a French workspace', () => {
  it('pauses and resumes in French', async () => {
    await t.database.db.execute(sql`update workspaces set locale = 'fr' where id = ${WS}`);
    // The workspace is cached for a minute.
    t.clock.set('2026-11-23T09:35:00Z');
    expect(await collect('pause C-FR 2 semaines litige non livré')).toContain('*Française de Tests* est en pause jusqu\'au *07/12/2026* (litige : non livré)');
    expect(await caseOf('C-FR')).toMatchObject({ status: 'paused', paused_until: '2026-12-07', pause_reason: 'dispute' });
    expect(await collect('pause C-FR fin du mois échéancier')).toContain('il l\'est maintenant jusqu\'au *30/11/2026* (échéancier)');
    expect(await collect('pause C-FR 1 mois autre')).toContain('jusqu\'au *23/12/2026* (autre motif)');
    expect(await collect('case C-FR')).toContain('en pause jusqu\'au 23/12/2026 (autre motif)');
    expect(await collect('pause C-FR 30j litige')).toContain('Un litige demande son motif : prix, qualité, non livré, déjà payé ou autre. Exemple : `/collect pause acme 30j litige prix`');
    expect(await collect('pause C-FR hier échéancier')).toContain('« hier » est dans le passé');
    expect(await collect('reprendre C-FR')).toContain('*Française de Tests* n\'est plus en pause (statut : ouvert)');
    await t.database.db.execute(sql`update workspaces set locale = 'en' where id = ${WS}`);
    t.clock.set('2026-11-23T09:40:00Z');
  });
});

describe('a pause whose date has come', () => {
  it('ends by itself when the day turns: one entry by the system per case, priority back, later pauses untouched', async () => {
    expect(await collect('pause C-EPS tomorrow other')).toContain('paused until *24 Nov 2026*');
    expect(await priorityOf('C-EPS')).toBe(0);
    // Still the 23rd in Paris: nothing ends.
    await runBalancesJob(t.database.db, new Date('2026-11-23T22:30:00Z'));
    expect(await caseOf('C-EPS')).toMatchObject({ status: 'paused' });
    // 00:30 on the 24th in Paris.
    t.clock.set('2026-11-23T23:30:00Z');
    const ran = await runBalancesJob(t.database.db, t.clock.now);
    expect(ran.resumed).toBe(1);
    expect(await caseOf('C-EPS')).toMatchObject({ status: 'open', paused_until: null, pause_reason: null });
    expect(await activitiesOf('C-EPS', 'case_resumed')).toMatchObject([{ actor_id: 'system', data: {} }]);
    expect(await priorityOf('C-EPS')).toBeGreaterThan(0);
    expect(await caseOf('C-ACME')).toMatchObject({ status: 'paused', paused_until: '2026-12-23' });
    // Ten minutes later the job finds nothing more to end.
    expect((await runBalancesJob(t.database.db, new Date('2026-11-23T23:40:00Z'))).resumed).toBe(0);
    expect(await activitiesOf('C-EPS', 'case_resumed')).toHaveLength(1);
    const list = await collect('overdue all');
    expect(list).toMatch(/Epsilon BV\* \(C-EPS\)[^"]*· open/);
  });
});
