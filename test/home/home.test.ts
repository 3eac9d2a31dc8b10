// The App Home over signed HTTP: what a collector and a manager see when they
// open it, a stranger's refusal, French, the Log call button, the debounced
// refresh after actions, and the 100-block limit with many cases owned.
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases, members, promises, tasks, workspaces } from '../../src/db/schema.ts';
import {
  DEMO_COLLECTIONS_CHANNEL_ID as CHANNEL, DEMO_COLLECTOR_ID as COLLECTOR, DEMO_MANAGER_ID as MANAGER, DEMO_OUTSIDER_ID as OUTSIDER, DEMO_TEAM_ID as TEAM,
} from '../../src/emulator/seed.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { debtors } from '../support/digest-ledger.ts';
import { seedLedger } from '../support/ledger.ts';

const MONDAY = '2026-11-23';
/** Monday 23 November 2026, 10:30 in Paris. */
const NOW = '2026-11-23T09:30:00Z';
/** The refresh window in these tests (real milliseconds, for the trailing timer only). */
const WINDOW_MS = 1500;

type Obj = Record<string, unknown>;
type View = Obj & { id: string; blocks: Obj[] };

let t: TestApp;
let ids: Map<string, number>;
const caseIds = new Map<string, number>();

const publishes = (userId: string) => t.emulator.calls('views.publish').filter((c) => (c.args as { user_id?: string }).user_id === userId);
const text = (view: View) => JSON.stringify(view.blocks);

/** Opens the Home tab as Slack does and returns the view relance published. */
async function openHome(userId: string): Promise<View> {
  const before = publishes(userId).length;
  const sent = await t.sender.event({ event: t.emulator.appHomeOpened(userId) });
  expect(sent.status).toBe(200);
  await t.emulator.waitFor(() => (publishes(userId).length > before ? true : undefined), { timeoutMs: 10_000 });
  return t.emulator.home(userId) as View;
}

async function collect(userId: string, commandText: string): Promise<void> {
  const sent = await t.sender.slashCommand({ userId, channelId: CHANNEL, text: commandText });
  expect(sent.status).toBe(200);
}

const at = (iso: string) => new Date(iso);
const call = (ref: string, dueAt: string, assigneeId = COLLECTOR, status: 'open' | 'done' = 'open') =>
  ({ workspaceId: TEAM, caseId: caseIds.get(ref)!, kind: 'call' as const, assigneeId, dueAt: at(dueAt), status, createdBy: 'test' });
const promise = (ref: string, dueOn: string, takenBy = COLLECTOR, status: 'pending' | 'kept' = 'pending', amountCents = 30_000) =>
  ({ workspaceId: TEAM, caseId: caseIds.get(ref)!, amountCents, currency: 'EUR', dueOn, takenBy, status });

beforeAll(async () => {
  t = await startTestApp({ RELANCE_HOME_REFRESH_MS: String(WINDOW_MS) });
  t.clock.set(NOW);
  ids = await seedLedger(t.database, TEAM, MONDAY, debtors(80, MONDAY));
  const db = t.database.db;
  for (const row of await db.select({ id: cases.id, customerId: cases.customerId }).from(cases).where(eq(cases.workspaceId, TEAM))) {
    const ref = [...ids].find(([, id]) => id === row.customerId)![0];
    caseIds.set(ref, row.id);
  }
  await db.insert(members).values([
    { workspaceId: TEAM, userId: COLLECTOR, role: 'collector' },
    { workspaceId: TEAM, userId: MANAGER, role: 'manager' },
  ]);
  await db.insert(tasks).values([
    call('D01', '2026-11-23T13:00:00Z'), // 14:00 today in Paris
    call('D02', '2026-11-20T08:00:00Z'), // Friday, still open: late
    call('D03', '2026-11-23T23:30:00Z'), // 00:30 tomorrow in Paris: not today
    call('D04', '2026-11-23T10:00:00Z', MANAGER),
    call('D05', '2026-11-23T08:00:00Z', COLLECTOR, 'done'),
  ]);
  await db.insert(promises).values([
    promise('D06', MONDAY),
    promise('D07', '2026-11-20', MANAGER), // on a case the collector owns
    promise('D08', '2026-11-30'),
    promise('D09', MONDAY, COLLECTOR, 'kept'),
    promise('D12', MONDAY, MANAGER), // neither taken by nor owned by the collector
  ]);
  const own = (refs: string[], owner: string) => db.update(cases).set({ ownerId: owner })
    .where(inArray(cases.id, refs.map((r) => caseIds.get(r)!)));
  await own(['D07', 'D10', 'D11'], COLLECTOR);
  // The manager owns 60 cases: the view must stay within Slack's 100 blocks.
  await own(Array.from({ length: 60 }, (_, i) => `D${String(i + 20).padStart(2, '0')}`), MANAGER);
});

afterAll(async () => {
  await t?.close();
});

describe('a collector opening the Home tab', () => {
  it("shows today's calls with their time and overdue amount, each with a Log call button", async () => {
    const view = await openHome(COLLECTOR);
    const shown = text(view);
    expect(shown).toContain('My calls today* (2)');
    expect(shown).toContain('Debtor 02* — due 20 Nov 2026 09:00 (late) — €1,000.00 overdue');
    expect(shown).toContain('Debtor 01* — due 14:00 — €1,000.00 overdue');
    for (const absent of ['Debtor 03', 'Debtor 04', 'Debtor 05']) expect(shown).not.toContain(absent);
    const logButtons = view.blocks.map((b) => b.accessory as Obj | undefined).filter((a) => a?.action_id === 'log_call');
    expect(logButtons.map((b) => b!.value)).toEqual([String(caseIds.get('D02')), String(caseIds.get('D01'))]);
  });

  it('shows the promises due today or past that they took or that sit on their cases', async () => {
    const shown = text(await openHome(COLLECTOR));
    expect(shown).toContain('My promises due* (2)');
    expect(shown).toMatch(/Debtor 07\* — €300\.00 was due 20 Nov 2026/);
    expect(shown).toMatch(/Debtor 06\* — €300\.00 due today/);
    for (const absent of ['Debtor 08', 'Debtor 09', 'Debtor 12']) expect(shown).not.toContain(absent);
  });

  it('shows their open cases, highest priority first, each with an Open case button; no approvals section', async () => {
    const view = await openHome(COLLECTOR);
    const shown = text(view);
    expect(shown).toContain('My cases* (3)');
    const opens = view.blocks.map((b) => b.accessory as Obj | undefined).filter((a) => a?.action_id === 'case_open').map((a) => a!.value);
    // The promises' buttons come first, then the cases (D11 is the most overdue).
    expect(opens.slice(-3)).toEqual(['D11', 'D10', 'D07'].map((r) => String(ids.get(r))));
    expect(shown).not.toContain('Approvals waiting for me');
  });

  it('answers an Open case click, which has no response_url on the Home, with the case card in a DM', async () => {
    const home = await openHome(COLLECTOR);
    const posts = t.emulator.calls('chat.postMessage').length;
    const sent = await t.sender.blockAction({ userId: COLLECTOR, viewId: home.id, actionId: 'case_open' });
    expect(sent.status).toBe(200);
    const posted = await t.emulator.waitForCall('chat.postMessage', { count: posts + 1, timeoutMs: 10_000 });
    const args = posted.args as { channel: string; blocks?: unknown };
    expect(args.channel).toMatch(/^D/);
    expect(JSON.stringify(args.blocks)).toMatch(/Debtor \d+ \(D\d+\)/);
  });

  it('opens the log-call form from the Log call button', async () => {
    const home = await openHome(COLLECTOR);
    const updates = t.emulator.calls('views.update').length;
    const sent = await t.sender.blockAction({ userId: COLLECTOR, viewId: home.id, actionId: 'log_call' });
    expect(sent.status).toBe(200);
    const filled = await t.emulator.waitForCall('views.update', { count: updates + 1, timeoutMs: 10_000 });
    const form = t.emulator.view((filled.args as { view_id: string }).view_id) as View;
    expect(form.type).toBe('modal');
    expect(text(form)).toContain('Debtor 02');
    expect(form.blocks.some((b) => b.block_id === 'outcome')).toBe(true);
  });
});

describe('a manager', () => {
  it('sees the approvals waiting, an empty state while there are none, and 10 of 60 cases within 100 blocks', async () => {
    const view = await openHome(MANAGER);
    const shown = text(view);
    expect(shown).toContain('Approvals waiting for me* (0)');
    expect(shown).toContain('Nothing waits for your approval.');
    expect(shown).toContain('My cases* (60)');
    expect(shown).toContain('Showing 10 of 60');
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    const published = publishes(MANAGER).at(-1)!;
    expect(((published.args as { view: { blocks: unknown[] } }).view.blocks).length).toBeLessThanOrEqual(100);
    // Most overdue first: D79 is owned and is the most overdue of the 60.
    const cards = view.blocks.slice(view.blocks.findIndex((b) => JSON.stringify(b).includes('My cases')));
    expect(cards.map((b) => b.accessory as Obj | undefined).filter((a) => a?.action_id === 'case_open').map((a) => a!.value))
      .toEqual(Array.from({ length: 10 }, (_, i) => String(ids.get(`D${79 - i}`))));
  });
});

describe('a stranger', () => {
  it('sees the polite refusal and no debtor data', async () => {
    const shown = text(await openHome(OUTSIDER));
    expect(shown).toContain('only open to the collections team');
    expect(shown).not.toMatch(/Debtor|€|log_call|case_open/);
  });

  it('gets no Home published when they act', async () => {
    const before = t.emulator.calls('views.publish').length;
    await collect(OUTSIDER, 'help');
    t.clock.set(new Date(t.clock.now.getTime() + 60_000).toISOString());
    await collect(COLLECTOR, 'help'); // a publish for the collector proves the refresh ran after the stranger's
    await t.emulator.waitFor(() => (publishes(COLLECTOR).length > 0 && t.emulator.calls('views.publish').length > before ? true : undefined));
    expect(t.emulator.calls('views.publish').slice(before).map((c) => (c.args as { user_id: string }).user_id)).not.toContain(OUTSIDER);
  });
});

describe('refreshing after actions', () => {
  it('publishes once at once, then once when the window ends however many actions came in it, with the latest data', async () => {
    t.clock.set(new Date(t.clock.now.getTime() + 60_000).toISOString());
    const before = publishes(COLLECTOR).length;
    await collect(COLLECTOR, 'help');
    await t.emulator.waitFor(() => (publishes(COLLECTOR).length === before + 1 ? true : undefined));
    await collect(COLLECTOR, 'help');
    await t.database.db.insert(tasks).values(call('D13', '2026-11-23T15:00:00Z'));
    await collect(COLLECTOR, 'help');
    expect(publishes(COLLECTOR).length).toBe(before + 1);
    expect(text(t.emulator.home(COLLECTOR) as View)).not.toContain('Debtor 13');
    await t.emulator.waitFor(() => (publishes(COLLECTOR).length === before + 2 ? true : undefined), { timeoutMs: 5_000 });
    expect(text(t.emulator.home(COLLECTOR) as View)).toContain('Debtor 13');
    // Once the window is over, the next action publishes at once again.
    t.clock.set(new Date(t.clock.now.getTime() + WINDOW_MS + 1).toISOString());
    await collect(COLLECTOR, 'help');
    await t.emulator.waitFor(() => (publishes(COLLECTOR).length === before + 3 ? true : undefined));
    await t.database.db.delete(tasks).where(and(eq(tasks.caseId, caseIds.get('D13')!), eq(tasks.kind, 'call')));
  });
});

describe('in French', () => {
  it('speaks the workspace language', async () => {
    await t.database.db.update(workspaces).set({ locale: 'fr' }).where(eq(workspaces.id, TEAM));
    t.clock.set(new Date(t.clock.now.getTime() + 120_000).toISOString()); // past the workspace cache
    const shown = text(await openHome(COLLECTOR));
    expect(shown).toContain('Mes appels du jour* (2)');
    expect(shown).toContain('Mes promesses à échéance* (2)');
    expect(shown).toContain('Mes dossiers* (3)');
    expect(shown).toContain('Ouvrir le dossier');
  });
});
