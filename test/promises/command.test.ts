// /collect promise over real signed HTTP, against the Slack emulator and a real
// database: the promise, its timeline entry and the case status; every refusal
// quotes what was wrong, shows a correct example and writes nothing.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/client.ts';
import { activities, cases, members, promises } from '../../src/db/schema.ts';
import {
  DEMO_COLLECTIONS_CHANNEL_ID as CHANNEL, DEMO_COLLECTOR_ID, DEMO_OUTSIDER_ID, DEMO_TEAM_ID,
} from '../../src/emulator/seed.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { seedLedger } from '../support/ledger.ts';

let t: TestApp;
let ids: Map<string, number>;
const MONDAY = '2026-11-23';

async function collect(text: string, userId = DEMO_COLLECTOR_ID): Promise<string> {
  const sent = await t.sender.slashCommand({ userId, channelId: CHANNEL, text });
  expect(sent.status).toBe(200);
  const reply = await t.emulator.waitForResponse(sent.responseUrlId!, { timeoutMs: 10_000 });
  const body = reply.body as { text: string; blocks?: unknown[] };
  return `${body.text}\n${JSON.stringify(body.blocks ?? [])}`;
}

const caseOf = async (ref: string) => {
  const [row] = await t.database.db.select().from(cases).where(eq(cases.customerId, ids.get(ref)!));
  return row!;
};
const promisesOf = async (ref: string) =>
  t.database.db.select().from(promises).where(eq(promises.caseId, (await caseOf(ref)).id)).orderBy(promises.id);
const timeline = async (ref: string) =>
  t.database.db.select().from(activities).where(eq(activities.customerId, ids.get(ref)!)).orderBy(activities.id);
const counts = async () => (await rows<{ p: number; a: number }>(t.database.db, sql`
  select (select count(*) from promises)::int as p, (select count(*) from activities)::int as a`))[0]!;

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set('2026-11-23T09:30:00Z'); // Monday 10:30 in Paris
  ids = await seedLedger(t.database, DEMO_TEAM_ID, MONDAY, [
    {
      ref: 'C-ACME', name: 'Acme SA', invoices: [
        { number: 'F-100', issued: '2026-07-15', due: '2026-08-15', cents: 120_000, paid: [60_000] },
        { number: 'F-101', issued: '2026-10-01', due: '2026-11-01', cents: 50_000 },
        // Not yet due: not part of what can be promised as overdue.
        { number: 'F-102', issued: '2026-11-10', due: '2026-12-10', cents: 70_000 },
      ],
    },
    { ref: 'C-ACMP', name: 'Acme Plastics', invoices: [{ number: 'F-200', issued: '2026-10-01', due: '2026-11-13', cents: 9_900 }] },
    { ref: 'C-BIG', name: 'Bigger Ltd', invoices: [{ number: 'F-300', issued: '2026-09-01', due: '2026-10-10', cents: 2_500_000, currency: 'USD' }] },
    {
      ref: 'C-MIX', name: 'Mixte SARL', invoices: [
        { number: 'F-400', issued: '2026-09-01', due: '2026-10-01', cents: 30_000 },
        { number: 'F-401', issued: '2026-09-01', due: '2026-10-01', cents: 40_000, currency: 'GBP' },
      ],
    },
    { ref: 'C-GEN', name: 'Société Générale d\'Équipement', invoices: [{ number: 'F-500', issued: '2026-08-01', due: '2026-09-01', cents: 80_000 }] },
    { ref: 'C-PAID', name: 'Paid Up SARL', invoices: [{ number: 'F-600', issued: '2026-08-01', due: '2026-09-01', cents: 10_000, paid: [10_000] }] },
  ]);
  await t.database.db.insert(members).values({ workspaceId: DEMO_TEAM_ID, userId: DEMO_COLLECTOR_ID, role: 'collector', addedBy: 'test' });
});

afterAll(async () => {
  await t?.close();
});

describe('/collect promise', () => {
  it('records the promise, its timeline entry, and sets the case to promised', async () => {
    const reply = await collect('promise C-ACME 500 friday will pay by transfer');
    expect(reply).toContain('Promise recorded: *Acme SA* will pay *€500.00* by *Friday 27 Nov 2026*');
    expect(reply).toContain('by the end of Monday 30 Nov 2026 (1 business day of grace)');
    const [promise] = await promisesOf('C-ACME');
    expect(promise).toMatchObject({ amountCents: 50_000, currency: 'EUR', dueOn: '2026-11-27', takenBy: DEMO_COLLECTOR_ID, status: 'pending', note: 'will pay by transfer' });
    expect((await caseOf('C-ACME')).status).toBe('promised');
    const taken = (await timeline('C-ACME')).filter((a) => a.kind === 'promise_taken');
    expect(taken).toHaveLength(1);
    expect(taken[0]).toMatchObject({
      actorId: DEMO_COLLECTOR_ID, note: 'will pay by transfer',
      data: { promise_id: promise!.id, amount_cents: 50_000, currency: 'EUR', due_on: '2026-11-27', via: 'command' },
    });
  });

  it('lowers the case in the worklist while the promise is pending', async () => {
    const [row] = await rows<{ priority: number }>(t.database.db, sql`select priority from customer_balances where customer_id = ${ids.get('C-ACME')!}`);
    const [other] = await rows<{ priority: number }>(t.database.db, sql`select priority from customer_balances where customer_id = ${ids.get('C-GEN')!}`);
    // Acme is older and larger than Société Générale, yet a pending promise puts it below.
    expect(row!.priority).toBeLessThan(other!.priority);
  });

  it('replaces a pending promise: the old one is cancelled, and the timeline says so', async () => {
    const reply = await collect('promise acme sa 1 100,00 € 2026-12-04');
    expect(reply).toContain('*€1,100.00* by *Friday 4 Dec 2026*');
    const list = await promisesOf('C-ACME');
    expect(list.map((p) => [p.status, p.amountCents])).toEqual([['cancelled', 50_000], ['pending', 110_000]]);
    const replaced = (await timeline('C-ACME')).filter((a) => a.kind === 'promise_replaced');
    expect(replaced).toHaveLength(1);
    expect(replaced[0]!.data).toMatchObject({ promise_id: list[0]!.id, amount_cents: 50_000, due_on: '2026-11-27', replaced_by: list[1]!.id });
  });

  it('takes a name of several words, quoted or not, and the currency the case owes', async () => {
    expect(await collect('promise acme plastics 99 in 10 days')).toContain('*Acme Plastics* will pay *€99.00* by *Thursday 3 Dec 2026*');
    expect(await collect('promise "Société Générale" 800 today')).toContain('*Société Générale d\'Équipement* will pay *€800.00* by *Monday 23 Nov 2026*');
    expect(await collect('promise C-BIG 25,000 2026-12-15')).toContain('will pay *$25,000.00*');
    expect(await collect('promise C-MIX £400 friday')).toContain('will pay *£400.00*');
  });
});

describe('/collect promise refusals (nothing written)', () => {
  let before: { p: number; a: number };
  beforeEach(async () => {
    before = await counts();
  });
  const unchanged = async () => expect(await counts()).toEqual(before);

  it.each([
    ['promise', 'Which case, how much and by when? E.g. `/collect promise acme 1200 friday`'],
    ['promise zorglub 500 friday', 'No case matches "zorglub", so no promise was recorded.'],
    ['promise C-ACME', 'How much did *Acme SA* promise, and by when? Example: `/collect promise C-ACME 1000.00 EUR friday`'],
    ['promise C-ACME 500', 'By when? Give the date after "500". Example: `/collect promise C-ACME 500 friday`'],
    ['promise C-ACME abc friday', '"abc" is not an amount I can read. Example: `/collect promise C-ACME 1000.00 EUR friday`'],
    ['promise C-ACME -50 friday', '"-50" is negative: amounts must be more than zero.'],
    ['promise C-ACME 0 friday', '"0" is zero: amounts must be more than zero.'],
    ['promise C-ACME 500 20/11/2026', '"20/11/2026" is in the past (20 Nov 2026): a future date is needed. Example: `/collect promise C-ACME 1000.00 EUR friday`'],
    ['promise C-ACME 500 yesterday', '"yesterday" is in the past'],
    ['promise C-ACME 500 31/02/2027', '"31/02/2027" is a day that does not exist.'],
    ['promise C-ACME 2000 friday', '"2000" is more than the €1,100.00 *Acme SA* owes overdue. Example: `/collect promise C-ACME 1100.00 EUR friday`'],
    ['promise C-BIG 500 EUR friday', '"500 EUR" is in EUR, but *Bigger Ltd* owes nothing overdue in EUR (overdue: $25,000.00).'],
    ['promise C-MIX 300 friday', '"300" names no currency, and *Mixte SARL* owes €300.00 · £400.00: say which. Example: `/collect promise C-MIX 300.00 EUR friday`'],
    ['promise C-PAID 100 friday', '*Paid Up SARL* has no open case'],
  ])('%s', async (text, expected) => {
    expect(await collect(text)).toContain(expected);
    await unchanged();
  });

  it('lists the customers an ambiguous name matches', async () => {
    const reply = await collect('promise acme 500 friday');
    expect(reply).toContain('"acme" matches 2 customers');
    expect(reply).toMatch(/Acme Plastics.*Acme SA|Acme SA.*Acme Plastics/s);
    await unchanged();
  });

  it('refuses a stranger and shows no debtor data', async () => {
    const reply = await collect('promise C-ACME 500 friday', DEMO_OUTSIDER_ID);
    expect(reply).toContain('only open to the collections team');
    expect(reply).not.toContain('Acme');
    await unchanged();
  });

  it('refuses a promise on a case closed since it was looked up', async () => {
    // The service is what the log-call modal calls: a stale case id is refused there too.
    const { recordPromise } = await import('../../src/services/record-promise.ts');
    const gone = await recordPromise(t.database.db, {
      workspaceId: DEMO_TEAM_ID, caseId: 999_999, userId: DEMO_COLLECTOR_ID, amountCents: 100, currency: null,
      dueOn: '2026-11-27', note: null, now: t.clock.now, today: MONDAY, via: 'modal',
    });
    expect(gone).toEqual({ kind: 'no_case' });
    const acme = await caseOf('C-ACME');
    const past = await recordPromise(t.database.db, {
      workspaceId: DEMO_TEAM_ID, caseId: acme.id, userId: DEMO_COLLECTOR_ID, amountCents: 100, currency: null,
      dueOn: '2026-11-20', note: null, now: t.clock.now, today: MONDAY, via: 'modal',
    });
    expect(past).toEqual({ kind: 'past_date', today: MONDAY });
    const zero = await recordPromise(t.database.db, {
      workspaceId: DEMO_TEAM_ID, caseId: acme.id, userId: DEMO_COLLECTOR_ID, amountCents: 0, currency: 'EUR',
      dueOn: '2026-11-27', note: null, now: t.clock.now, today: MONDAY, via: 'modal',
    });
    expect(zero).toEqual({ kind: 'not_positive' });
    const otherWorkspace = await recordPromise(t.database.db, {
      workspaceId: 'T0OTHER', caseId: acme.id, userId: DEMO_COLLECTOR_ID, amountCents: 100, currency: null,
      dueOn: '2026-11-27', note: null, now: t.clock.now, today: MONDAY, via: 'modal',
    });
    expect(otherWorkspace).toEqual({ kind: 'no_case' });
    await unchanged();
    expect(await t.database.db.select().from(promises).where(and(eq(promises.caseId, acme.id), eq(promises.status, 'pending')))).toHaveLength(1);
  });
});
