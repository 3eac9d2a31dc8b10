// `/collect stats` over signed HTTP against a small ledger lived through two
// months in Paris: calls and promises through the commands at their hour,
// payments through the importer on their day, the nightly promise check. Every
// figure below was worked out by hand from the ledger (see the comments).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPromiseCheckJob } from '../../jobs/promise-check.ts';
import { ensureBalancesFresh } from '../../src/db/balances.ts';
import { rows } from '../../src/db/client.ts';
import { members } from '../../src/db/schema.ts';
import { zonedTimeToUtc } from '../../src/domain/dates.ts';
import { DEMO_COLLECTOR_ID as COLLECTOR, DEMO_MANAGER_ID as MANAGER, DEMO_OUTSIDER_ID, DEMO_TEAM_ID } from '../../src/emulator/seed.ts';
import { importCsv } from '../../src/import/index.ts';
import { CHANNEL, collect, type Answer } from '../calls/support.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { seedLedger } from '../support/ledger.ts';

let t: TestApp;
const ZONE = 'Europe/Paris';
/** A Paris wall-clock time, as the injected clock. */
const paris = (day: string, time = '10:00') => t.clock.set(zonedTimeToUtc(day, time, ZONE).toISOString());

async function as(user: string, text: string, day: string, time = '10:00'): Promise<Answer> {
  paris(day, time);
  return collect(t, text, user);
}

async function pay(day: string, lines: string[]): Promise<void> {
  paris(day, '12:00');
  const report = await importCsv(t.database, {
    workspaceId: DEMO_TEAM_ID, fileName: 'payments.csv', text: ['invoice_number,amount,paid_on,reference', ...lines].join('\n'),
    today: day, now: t.clock.now,
  });
  expect(report.failure).toBeUndefined();
  expect(report.rejected).toBe(0);
}

type Obj = Record<string, unknown>;
const texts = (blocks: unknown[]) => (blocks as Obj[]).map((b) => JSON.stringify(b));
/** The fields of a currency's section, one string each. */
function fieldsOf(reply: Answer, currency: string): string[] {
  const block = (reply.blocks as Obj[]).find((b) => (b.text as Obj | undefined)?.text === `*${currency}*`);
  expect(block, currency).toBeDefined();
  return ((block!.fields as Obj[]) ?? []).map((f) => String(f.text));
}
const sectionText = (reply: Answer, start: string) =>
  (reply.blocks as Obj[]).map((b) => String((b.text as Obj | undefined)?.text ?? '')).find((x) => x.startsWith(start)) ?? '';
const writes = async () => (await rows<{ n: string }>(t.database.db, sql`
  select ((select count(*) from activities) + (select count(*) from promises) + (select count(*) from tasks)
    + (select count(*) from channel_posts) + (select count(*) from payments))::text as n`))[0]!.n;

beforeAll(async () => {
  t = await startTestApp();
  paris('2026-09-14');
  await seedLedger(t.database, DEMO_TEAM_ID, '2026-09-14', [
    { ref: 'ALPHA', name: 'Alpha SARL', invoices: [{ number: 'A-1', issued: '2026-08-01', due: '2026-08-31', cents: 100_000 }] },
    { ref: 'BRAVO', name: 'Bravo SAS', invoices: [{ number: 'B-1', issued: '2026-09-15', due: '2026-10-15', cents: 50_000 }] },
    {
      ref: 'CHARLIE', name: 'Charlie SA', invoices: [
        { number: 'C-1', issued: '2026-10-05', due: '2026-11-04', cents: 200_000 },
        { number: 'C-2', issued: '2026-10-20', due: '2026-11-19', cents: 80_000 },
      ],
    },
    { ref: 'DELTA', name: 'Delta EURL', invoices: [{ number: 'D-1', issued: '2026-06-01', due: '2026-07-01', cents: 30_000, paid: [30_000] }] },
    { ref: 'ECHO', name: 'Echo SARL', invoices: [{ number: 'E-1', issued: '2026-05-01', due: '2026-06-30', cents: 70_000 }] },
    { ref: 'FOXTROT', name: 'Foxtrot SAS', invoices: [{ number: 'F-1', issued: '2026-11-10', due: '2026-12-10', cents: 90_000 }] },
    { ref: 'GOLF', name: 'Golf Club', invoices: [{ number: 'G-1', issued: '2026-09-01', due: '2026-10-01', cents: 10_000 }] },
    { ref: 'HOTEL', name: 'Hotel Ltd', invoices: [{ number: 'H-1', issued: '2026-10-12', due: '2026-10-26', cents: 100_000, currency: 'GBP' }] },
    { ref: 'KILO', name: 'Kilo SA', invoices: [{ number: 'K-1', issued: '2026-08-01', due: '2026-08-31', cents: 20_000 }] },
  ]);
  await t.database.db.insert(members).values([
    { workspaceId: DEMO_TEAM_ID, userId: COLLECTOR, role: 'collector' },
    { workspaceId: DEMO_TEAM_ID, userId: MANAGER, role: 'manager' },
  ]);

  // September: two conversations before the period.
  await as(COLLECTOR, 'log KILO reached', '2026-09-14');
  await as(MANAGER, 'log ALPHA reached', '2026-09-28');
  // October.
  await as(COLLECTOR, 'log GOLF reached', '2026-10-02');
  await as(COLLECTOR, 'log ALPHA promised 400 2026-10-12', '2026-10-08');
  await pay('2026-10-10', ['A-1,400.00,2026-10-10,VIR-A1']); // keeps the collector's promise
  await pay('2026-10-15', ['K-1,200.00,2026-10-15,VIR-K1']); // 31 days after the last conversation: nobody's
  await as(COLLECTOR, 'log BRAVO no answer', '2026-10-16');
  await as(COLLECTOR, 'log BRAVO voicemail', '2026-10-19');
  await as(MANAGER, 'log BRAVO promised 500 2026-10-20', '2026-10-19', '11:00');
  await pay('2026-10-20', ['C-1,2000.00,2026-10-20,VIR-C1']); // no conversation with Charlie: nobody's
  await as(MANAGER, 'log ECHO refused', '2026-10-20');
  paris('2026-10-22', '06:00');
  await runPromiseCheckJob(t.database.db, t.clock.now); // the manager's promise is broken
  await pay('2026-10-25', ['G-1,150.00,2026-10-25,VIR-G1']); // overpaid by 50: balance 0, never −50
  await as(MANAGER, 'log HOTEL reached', '2026-10-27');
  await pay('2026-10-28', ['H-1,250.00,2026-10-28,VIR-H1']);
  // The last evening of October in Paris, and the first minutes of November (still 31 October in UTC).
  await as(COLLECTOR, 'log ECHO no answer', '2026-10-31', '23:30');
  await as(COLLECTOR, 'log ECHO voicemail', '2026-11-01', '00:30');
  await pay('2026-11-05', ['A-1,600.00,2026-11-05,VIR-A2']); // 28 days after the collector's promise call
  paris('2026-11-23', '10:30');
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('last month, as a manager', () => {
  let reply: Answer;
  beforeAll(async () => {
    reply = await collect(t, 'stats last month', MANAGER);
  });

  it('names the period, its edges in the workspace zone', () => {
    expect(reply.text).toBe('Collections stats from 1 Oct 2026 to 31 Oct 2026.');
    expect(texts(reply.blocks)[0]).toContain('Collections stats: 1 Oct 2026 to 31 Oct 2026');
    expect(texts(reply.blocks)[1]).toContain('31 days, both ends included, in the workspace time zone (Europe/Paris)');
  });

  it('EUR: receivables recomputed at both edges, sales, DSO, CEI and the overdue buckets', () => {
    // 30 Sep: A 1,000 + B 500 + E 700 + G 100 + K 200 = 2,500 (D was paid in June; C and F not issued yet).
    // Sales: C-1 2,000 + C-2 800 = 2,800. 31 Oct: A 600 + B 500 + C-2 800 + E 700 = 2,600 (G overpaid, K and C-1 paid).
    // Overdue on 31 Oct: B 500 (16 days), A 600 (61 days), E 700 (123 days) = 1,800; current: C-2 800.
    // DSO = 2,600 ÷ 2,800 × 31 = 28.79. CEI = (2,500 + 2,800 − 2,600) ÷ (2,500 + 2,800 − 800) = 2,700 ÷ 4,500 = 60 %.
    expect(fieldsOf(reply, 'EUR')).toEqual([
      '*Receivables on 31 Oct 2026*\n€2,600.00',
      '*Receivables on 30 Sept 2026* (the day before)\n€2,500.00',
      '*Credit sales in the period*\n€2,800.00',
      '*DSO* (standard method)\n28.8 days',
      '*CEI*\n60.0%',
      '*Overdue on 31 Oct 2026*\n€1,800.00',
      '*1–30 days past due*\n€500.00',
      '*31–60 days past due*\n€0.00',
      '*61–90 days past due*\n€600.00',
      '*91+ days past due*\n€700.00',
    ]);
  });

  it('GBP on its own, never added to EUR', () => {
    // H-1 £1,000 issued 12 Oct, £250 paid 28 Oct: DSO = 750 ÷ 1,000 × 31 = 23.25 → 23.3; CEI = 250 ÷ 1,000.
    expect(fieldsOf(reply, 'GBP')).toEqual([
      '*Receivables on 31 Oct 2026*\n£750.00',
      '*Receivables on 30 Sept 2026* (the day before)\n£0.00',
      '*Credit sales in the period*\n£1,000.00',
      '*DSO* (standard method)\n23.3 days',
      '*CEI*\n25.0%',
      '*Overdue on 31 Oct 2026*\n£750.00',
      '*1–30 days past due*\n£750.00',
      '*31–60 days past due*\n£0.00',
      '*61–90 days past due*\n£0.00',
      '*91+ days past due*\n£0.00',
    ]);
  });

  it('the promise-kept rate of the promises decided in October', () => {
    expect(sectionText(reply, '*Promise-kept rate:*')).toBe(
      '*Promise-kept rate:* 50.0% (1 kept, 0 partly kept, 1 broken: 2 promises decided in the period)');
  });

  it('every collector: calls in Paris days, reach, promises, and payments after their latest conversation', () => {
    const lines = sectionText(reply, '*Per collector*').split('\n');
    // Collector: Golf reached, Alpha promised, Bravo no answer and voicemail, Echo no answer at 23:30 on 31 Oct = 5 calls, 2 conversations.
    // Collected: Alpha €400 (their call of 8 Oct is later than the manager's of 28 Sep) + Golf €150. Kilo's €200 came 31 days after a conversation.
    // Manager: Bravo promised, Echo refused, Hotel reached = 3 of 3; Bravo's promise broken; Hotel's £250.
    expect(lines).toEqual([
      '*Per collector*',
      `<@${COLLECTOR}>: 5 calls logged · reach rate 40.0% · 1 promise taken · 1 kept of 1 decided · collected after contact: €550.00`,
      `<@${MANAGER}>: 3 calls logged · reach rate 100.0% · 1 promise taken · 0 kept of 1 decided · collected after contact: £250.00`,
    ]);
  });
});

describe('this month (the default), ending today', () => {
  let reply: Answer;
  beforeAll(async () => {
    reply = await collect(t, 'stats', MANAGER);
  });

  it('runs from the first of the month to today', () => {
    expect(reply.text).toBe('Collections stats from 1 Nov 2026 to 23 Nov 2026.');
  });

  it('EUR and GBP: DSO over 23 days, CEI, buckets as of today', () => {
    // 31 Oct: 2,600. Sales: F-1 900. Today: B 500 + C-2 800 + E 700 + F 900 = 2,900, overdue 2,000, current F 900.
    // DSO = 2,900 ÷ 900 × 23 = 74.11. CEI = (2,600 + 900 − 2,900) ÷ (2,600 + 900 − 900) = 600 ÷ 2,600 = 23.08 %.
    expect(fieldsOf(reply, 'EUR')).toEqual([
      '*Receivables on 23 Nov 2026*\n€2,900.00',
      '*Receivables on 31 Oct 2026* (the day before)\n€2,600.00',
      '*Credit sales in the period*\n€900.00',
      '*DSO* (standard method)\n74.1 days',
      '*CEI*\n23.1%',
      '*Overdue on 23 Nov 2026*\n€2,000.00',
      '*1–30 days past due*\n€800.00',
      '*31–60 days past due*\n€500.00',
      '*61–90 days past due*\n€0.00',
      '*91+ days past due*\n€700.00',
    ]);
    // No sales in GBP: no DSO; nothing of the £750 was collected: CEI 0.
    expect(fieldsOf(reply, 'GBP').slice(3, 5)).toEqual(['*DSO* (standard method)\n—', '*CEI*\n0.0%']);
  });

  it('today\'s buckets are those of the balances the worklist reads', async () => {
    await ensureBalancesFresh(t.database.db, DEMO_TEAM_ID, t.clock.now);
    const stored = await rows<{ currency: string; a1: string; a2: string; a3: string; a4: string }>(t.database.db, sql`
      select currency, sum(aged_1_30_cents)::text as a1, sum(aged_31_60_cents)::text as a2, sum(aged_61_90_cents)::text as a3,
        sum(aged_91_plus_cents)::text as a4
      from customer_balances where workspace_id = ${DEMO_TEAM_ID} group by currency order by currency`);
    expect(stored).toEqual([
      { currency: 'EUR', a1: '80000', a2: '50000', a3: '0', a4: '70000' },
      { currency: 'GBP', a1: '75000', a2: '0', a3: '0', a4: '0' },
    ]);
  });

  it('no promise decided yet; the call at 00:30 on 1 November is November\'s; Alpha\'s €600 goes to the collector', () => {
    expect(sectionText(reply, '*Promise-kept rate:*')).toBe('*Promise-kept rate:* — (no promise was decided in the period)');
    expect(sectionText(reply, '*Per collector*').split('\n')).toEqual([
      '*Per collector*',
      `<@${COLLECTOR}>: 1 call logged · reach rate 0.0% · 0 promises taken · 0 kept of 0 decided · collected after contact: €600.00`,
    ]);
  });
});

describe('who sees what', () => {
  it('a collector sees the team figures and their own line only', async () => {
    const reply = await collect(t, 'stats 2026-10', COLLECTOR);
    expect(fieldsOf(reply, 'EUR')[3]).toBe('*DSO* (standard method)\n28.8 days');
    expect(sectionText(reply, '*Promise-kept rate:*')).toContain('50.0%');
    const own = sectionText(reply, '*Your figures*');
    expect(own).toContain(`<@${COLLECTOR}>: 5 calls logged`);
    expect(JSON.stringify(reply.blocks)).not.toContain(MANAGER);
  });

  it('a collector with nothing in the period still gets their line, at zero', async () => {
    const reply = await collect(t, 'stats 2026-10', MANAGER);
    expect(sectionText(reply, '*Per collector*')).toContain(MANAGER);
    const quiet = await collect(t, 'stats 2026-10-01..2026-10-01', COLLECTOR);
    expect(sectionText(quiet, '*Your figures*')).toContain(`<@${COLLECTOR}>: 0 calls logged · reach rate — · 0 promises taken`);
  });

  it('someone who is not on the team sees nothing', async () => {
    const reply = await collect(t, 'stats', DEMO_OUTSIDER_ID);
    expect(reply.text).toContain('only open to the collections team');
    expect(reply.blocks).toEqual([]);
  });
});

describe('periods', () => {
  it('a range that runs past today stops today, and says so', async () => {
    const reply = await collect(t, 'stats 2026-11-01..2026-12-31', MANAGER);
    expect(reply.text).toBe('Collections stats from 1 Nov 2026 to 23 Nov 2026.');
    expect(JSON.stringify(reply.blocks)).toContain('The period is cut at today, 23 Nov 2026');
  });

  it('help explains the periods, with examples', async () => {
    // Help is answered in the acknowledgement itself.
    const sent = await t.sender.slashCommand({ userId: COLLECTOR, channelId: CHANNEL, text: 'help stats' });
    const help = sent.body as { text: string };
    expect(help.text).toContain('`/collect stats [period]`');
    expect(help.text).toContain('`/collect stats 2026-10-01..2026-10-31`');
    expect(help.text).toContain('Collectors see the team figures and their own line; managers and admins see every line.');
  });

  it('a period with no ledger says so', async () => {
    const reply = await collect(t, 'stats 2020', MANAGER);
    expect(JSON.stringify(reply.blocks)).toContain('No receivables and no invoices issued in this period.');
  });
});

describe('refusals quote the input, show an example and write nothing', () => {
  const refused = async (text: string, expected: string[]) => {
    const before = await writes();
    const reply = await collect(t, text, MANAGER);
    for (const e of expected) expect(reply.text).toContain(e);
    expect(reply.blocks).toEqual([]);
    expect(await writes()).toBe(before);
  };

  it('words it does not know', () => refused('stats next fortnight', ['"next fortnight" is not a period I understand', 'Example: `/collect stats last month`']));

  it('a period in the future', () => refused('stats 2026-12', ['"2026-12" starts after today (1 Dec 2026)', '`/collect stats last month`']));

  it('a range the wrong way round', () =>
    refused('stats 2026-10-31..2026-10-01', ['"2026-10-31..2026-10-01" starts (31 Oct 2026) after it ends (1 Oct 2026)']));

  it('a side of a range that is not a day', () => refused('stats 2026-10-01..2026-02-30', ['"2026-02-30" is a day that does not exist']));
});

describe('in French', () => {
  let reply: Answer;
  beforeAll(async () => {
    await t.database.db.execute(sql`update workspaces set locale = 'fr' where id = ${DEMO_TEAM_ID}`);
    // The workspace is cached for a minute.
    paris('2026-11-23', '10:45');
    reply = await collect(t, 'stats mois dernier', MANAGER);
  });

  afterAll(async () => {
    await t.database.db.execute(sql`update workspaces set locale = 'en' where id = ${DEMO_TEAM_ID}`);
  });

  it('the same figures, in French and French numbers', () => {
    expect(reply.text).toBe('Statistiques de recouvrement du 01/10/2026 au 31/10/2026.');
    const eur = fieldsOf(reply, 'EUR');
    expect(eur[0]).toBe('*Encours au 31/10/2026*\n2\u202f600,00\u00a0€');
    expect(eur[3]).toBe('*DSO* (méthode standard)\n28,8 jours');
    expect(eur[4]).toBe('*CEI*\n60,0\u00a0%');
    expect(sectionText(reply, '*Taux de promesses tenues :*')).toContain('50,0\u00a0%');
    expect(sectionText(reply, '*Par chargé de recouvrement*')).toContain(
      `<@${COLLECTOR}> : 5 appels notés · joignabilité 40,0\u00a0% · 1 promesse obtenue · 1 tenue sur 1 tranchée · encaissé après contact : 550,00\u00a0€`);
  });

  it('a refusal in French, with a French example', async () => {
    paris('2026-11-23', '10:46');
    const refusal = await collect(t, 'stats la semaine prochaine', MANAGER);
    expect(refusal.text).toContain('« la semaine prochaine » n\'est pas une période que je comprends');
    expect(refusal.text).toContain('Exemple : `/collect stats mois dernier`');
  });
});
