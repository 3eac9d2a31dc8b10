// /collect over real signed HTTP, against the Slack emulator and a real database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listMembers } from '../../src/db/members.ts';
import {
  DEMO_ADMIN_ID, DEMO_COLLECTIONS_CHANNEL_ID as CHANNEL, DEMO_COLLECTOR_ID, DEMO_MANAGER_ID, DEMO_OUTSIDER_ID, DEMO_TEAM_ID,
} from '../../src/emulator/seed.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { seedLedger } from '../support/ledger.ts';

let t: TestApp;
const TODAY = '2026-11-23';

async function collect(userId: string, text: string): Promise<{ text: string; blocks: unknown[]; raw: Record<string, unknown> }> {
  const sent = await t.sender.slashCommand({ userId, channelId: CHANNEL, text });
  expect(sent.status).toBe(200);
  if (sent.body && typeof sent.body === 'object' && 'text' in sent.body) {
    const body = sent.body as { text: string; blocks?: unknown[] };
    return { text: body.text, blocks: body.blocks ?? [], raw: body as Record<string, unknown> };
  }
  const reply = await t.emulator.waitForResponse(sent.responseUrlId!, { timeoutMs: 10_000 });
  const body = reply.body as { text: string; blocks?: unknown[] };
  return { text: body.text, blocks: body.blocks ?? [], raw: reply.body };
}

/** Everything a person would read in a reply: the text and every block's text. */
const visible = (r: { text: string; blocks: unknown[] }) => `${r.text}\n${JSON.stringify(r.blocks)}`;

beforeAll(async () => {
  t = await startTestApp({ RELANCE_ADMINS: DEMO_MANAGER_ID });
  t.clock.set('2026-11-23T09:30:00Z');
  await seedLedger(t.database, DEMO_TEAM_ID, TODAY, [
    {
      ref: 'C-ACME', name: 'Acme SA', invoices: [
        // 100 days overdue, half paid: 600.00 left.
        { number: 'F-100', issued: '2026-07-15', due: '2026-08-15', cents: 120_000, paid: [60_000] },
        { number: 'F-101', issued: '2026-10-01', due: '2026-11-01', cents: 50_000 },
      ],
    },
    {
      ref: 'C-ACMP', name: 'Acme Plastics', invoices: [
        { number: 'F-200', issued: '2026-10-01', due: '2026-11-13', cents: 9_900 },
      ],
    },
    {
      ref: 'C-BIG', name: 'Bigger Ltd', invoices: [
        { number: 'F-300', issued: '2026-09-01', due: '2026-10-10', cents: 2_500_000, currency: 'USD' },
        { number: 'F-301', issued: '2026-09-01', due: '2026-10-20', cents: 300_000, paid: [300_000] },
      ],
    },
    { ref: 'C-PAID', name: 'Paid Up SARL', invoices: [{ number: 'F-400', issued: '2026-08-01', due: '2026-09-01', cents: 10_000, paid: [4_000, 6_000] }] },
    { ref: 'C-SOON', name: 'Not Yet Due', invoices: [{ number: 'F-500', issued: '2026-11-10', due: '2026-12-10', cents: 10_000 }] },
  ]);
});

afterAll(async () => {
  await t?.close();
});

describe('access', () => {
  it('refuses a stranger politely and shows no debtor data', async () => {
    for (const text of ['overdue all', 'case acme', 'team']) {
      const reply = await collect(DEMO_OUTSIDER_ID, text);
      expect(reply.text).toContain('only open to the collections team');
      expect(visible(reply)).not.toMatch(/Acme|Bigger|C-ACME|F-100/);
    }
  });

  it('lets a bootstrap admin (RELANCE_ADMINS) and a Slack workspace admin build the team', async () => {
    const added = await collect(DEMO_MANAGER_ID, `team add <@${DEMO_COLLECTOR_ID}|carla> collector`);
    expect(added.text).toContain(`<@${DEMO_COLLECTOR_ID}> is now a *collector*`);
    const bySlackAdmin = await collect(DEMO_ADMIN_ID, `team add <@${DEMO_ADMIN_ID}> admin`);
    expect(bySlackAdmin.text).toContain('is now a *admin*');
    const team = await collect(DEMO_COLLECTOR_ID, 'team');
    expect(team.text).toContain(`<@${DEMO_COLLECTOR_ID}>`);
    expect(team.text).toContain(`<@${DEMO_MANAGER_ID}>`);
  });

  it('keeps team changes to admins', async () => {
    const reply = await collect(DEMO_COLLECTOR_ID, `team add <@${DEMO_OUTSIDER_ID}> manager`);
    expect(reply.text).toContain('needs the *admin* role');
    const members = await listMembers(t.database.db, DEMO_TEAM_ID);
    expect(members.find((m) => m.userId === DEMO_OUTSIDER_ID)).toBeUndefined();
  });
});

describe('/collect overdue', () => {
  it('lists debtors by priority with balances net of partial payments, totals per currency', async () => {
    const reply = await collect(DEMO_COLLECTOR_ID, 'overdue all');
    const text = visible(reply);
    // Per currency, never summed across: EUR 600 + 500 + 99 = 1,199.00; USD 25,000.00.
    expect(text).toContain('€1,199.00');
    expect(text).toContain('$25,000.00');
    expect(text).toContain('3 cases');
    // Scores (src/domain/priority.ts): Acme SA 100 days + €1,100 → 111; Bigger 44 days + $25,000 → 110;
    // Acme Plastics 10 days + €99 → 45.
    const order = ['Acme SA', 'Bigger Ltd', 'Acme Plastics'].map((n) => text.indexOf(n));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).toContain('*€1,100.00* overdue');
    expect(text).not.toContain('Paid Up SARL');
    expect(text).not.toContain('Not Yet Due');
  });

  it('filters on age', async () => {
    const text = visible(await collect(DEMO_COLLECTOR_ID, 'overdue >90'));
    expect(text).toContain('Acme SA');
    expect(text).not.toContain('Bigger Ltd');
    expect(text).not.toContain('Acme Plastics');
  });

  it('shows an empty list for a collector who owns nothing', async () => {
    const text = visible(await collect(DEMO_COLLECTOR_ID, 'overdue mine'));
    expect(text).toContain('Nothing overdue here');
  });

  it('quotes a bad filter and shows an example', async () => {
    const reply = await collect(DEMO_COLLECTOR_ID, 'overdue >45');
    // Escaped as Slack requires; people read ">45".
    expect(reply.text).toContain('"&gt;45"');
    expect(reply.text).toContain('Example');
    const reply2 = await collect(DEMO_COLLECTOR_ID, 'overdue somebody');
    expect(reply2.text).toContain('"somebody"');
  });
});

describe('/collect case', () => {
  it('opens a case by reference, by invoice number and by unambiguous name prefix', async () => {
    for (const input of ['C-BIG', 'F-300', 'bigg']) {
      const text = visible(await collect(DEMO_COLLECTOR_ID, `case ${input}`));
      expect(text).toContain('Bigger Ltd (C-BIG)');
      expect(text).toContain('$25,000.00');
      expect(text).toContain('F-300');
      // Fully paid invoices are not listed as unpaid.
      expect(text).not.toContain('F-301');
    }
  });

  it('shows the timeline with the case opening', async () => {
    const text = visible(await collect(DEMO_COLLECTOR_ID, 'case C-ACME'));
    expect(text).toContain('Case opened');
    expect(text).toContain('€600.00');
  });

  it('lists candidates for an ambiguous prefix, with buttons', async () => {
    const reply = await collect(DEMO_COLLECTOR_ID, 'case acme');
    expect(reply.text).toContain('"acme" matches 2 customers');
    const text = JSON.stringify(reply.blocks);
    expect(text).toContain('Acme SA');
    expect(text).toContain('Acme Plastics');
    expect(text).toContain('case_open');
  });

  it('says plainly when nothing matches', async () => {
    const reply = await collect(DEMO_COLLECTOR_ID, 'case zorglub');
    expect(reply.text).toContain('No case matches "zorglub"');
  });

  it('opens the card from the Open case button', async () => {
    const list = await collect(DEMO_COLLECTOR_ID, 'case acme');
    const button = JSON.stringify(list.blocks).match(/"value":"(\d+)"/);
    const shown = t.emulator.ephemerals({ user: DEMO_COLLECTOR_ID }).at(-1)!;
    const sent = await t.sender.blockAction({
      userId: DEMO_COLLECTOR_ID, channelId: CHANNEL, messageTs: shown.ts, actionId: 'case_open', value: button![1]!, ephemeral: true,
    });
    expect(sent.status).toBe(200);
    const reply = await t.emulator.waitForResponse(sent.responseUrlId!, { timeoutMs: 10_000 });
    expect(JSON.stringify(reply.body)).toMatch(/Acme (SA|Plastics) \(C-ACM/);
  });
});

describe('bad input changes nothing', () => {
  it('rejects bad team arguments with the exact part quoted', async () => {
    const before = await listMembers(t.database.db, DEMO_TEAM_ID);
    expect((await collect(DEMO_MANAGER_ID, 'team add bob collector')).text).toContain('"bob" is not a Slack user mention');
    expect((await collect(DEMO_MANAGER_ID, `team add <@${DEMO_OUTSIDER_ID}> boss`)).text).toContain('"boss" is not a role');
    expect((await collect(DEMO_MANAGER_ID, 'team promote x')).text).toContain('"promote" is not a team action');
    expect(await listMembers(t.database.db, DEMO_TEAM_ID)).toEqual(before);
  });

  it('answers an unknown subcommand in the ack itself', async () => {
    const sent = await t.sender.slashCommand({ userId: DEMO_COLLECTOR_ID, channelId: CHANNEL, text: 'frobnicate now' });
    expect(sent.status).toBe(200);
    expect(JSON.stringify(sent.body)).toContain('I don\'t know the command \\"frobnicate\\"');
  });

  it('never leaves the team without an admin', async () => {
    const only = await collect(DEMO_MANAGER_ID, `team remove <@${DEMO_ADMIN_ID}>`);
    expect(only.text).toContain('last admin');
  });
});

describe('help', () => {
  it('lists the commands with examples, for anyone', async () => {
    const all = await collect(DEMO_OUTSIDER_ID, 'help');
    expect(all.text).toBe('*relance* — collections from Slack. Type `/collect help <command>` for details.');
    expect(JSON.stringify(all.blocks)).toContain('/collect overdue');
    expect(JSON.stringify(all.blocks)).toContain('an admin adds people with');
    const one = await collect(DEMO_COLLECTOR_ID, 'help overdue');
    expect(one.text).toContain('/collect overdue @jane >60');
  });
});

describe('signatures', () => {
  it('refuses forged, unsigned and stale requests and runs nothing', async () => {
    const callsBefore = t.emulator.calls().length;
    for (const signing of ['bad', 'missing', 'stale'] as const) {
      const sent = await t.sender.slashCommand({ userId: DEMO_COLLECTOR_ID, channelId: CHANNEL, text: 'overdue all', signing });
      expect(sent.status).toBe(401);
      expect(t.emulator.responses(sent.responseUrlId!)).toEqual([]);
    }
    expect(t.emulator.calls().length).toBe(callsBefore);
  });
});

describe('health', () => {
  it('answers /healthz and /readyz', async () => {
    const base = `http://127.0.0.1:${t.app.port}`;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ok: true });
  });
});
