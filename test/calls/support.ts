// What the call tests share: a ledger with names that make case lookup
// interesting, and the moves of a collector in Slack (a command, a click, a
// form filled in and submitted), all over signed HTTP against the emulator.
import { and, asc, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { activities, customers, members, tasks } from '../../src/db/schema.ts';
import { DEMO_COLLECTIONS_CHANNEL_ID as CHANNEL, DEMO_COLLECTOR_ID, DEMO_TEAM_ID } from '../../src/emulator/seed.ts';
import type { TestApp } from '../support/app.ts';
import { debtors } from '../support/digest-ledger.ts';
import { seedLedger } from '../support/ledger.ts';

export const MONDAY = '2026-11-23';
/** Monday 23 November 2026, 10:30 in Paris. */
export const NOW = '2026-11-23T09:30:00Z';
export { CHANNEL };

/** Refs to customer ids. D01…D20 owe €1,000 each; the others are named for what they test. */
export async function seedCallLedger(t: TestApp): Promise<Map<string, number>> {
  t.clock.set(NOW);
  const ids = await seedLedger(t.database, DEMO_TEAM_ID, MONDAY, [
    ...debtors(20, MONDAY),
    { ref: 'C-BM', name: 'Boulangerie Martin', invoices: [{ number: 'BM-1', issued: '2026-09-01', due: '2026-10-01', cents: 80_000 }] },
    { ref: 'C-BMN', name: 'Boulangerie Martin Nord', invoices: [{ number: 'BMN-1', issued: '2026-09-01', due: '2026-10-01', cents: 70_000 }] },
    { ref: 'C-ACME', name: 'Acme SA', invoices: [{ number: 'AC-1', issued: '2026-09-01', due: '2026-10-01', cents: 50_000 }] },
    { ref: 'C-ACMP', name: 'Acme Plastics', invoices: [{ number: 'AP-1', issued: '2026-09-01', due: '2026-10-01', cents: 40_000 }] },
    {
      ref: 'C-MULTI', name: 'Multi Currency Ltd', invoices: [
        { number: 'MU-1', issued: '2026-09-01', due: '2026-10-01', cents: 100_000 },
        { number: 'MU-2', issued: '2026-09-01', due: '2026-10-01', cents: 30_000, currency: 'GBP' },
      ],
    },
    { ref: 'C-NY', name: 'Brooklyn Bagels', invoices: [{ number: 'NY-1', issued: '2026-09-01', due: '2026-10-01', cents: 90_000 }] },
    { ref: 'C-PAID', name: 'Paid Up SARL', invoices: [{ number: 'PU-1', issued: '2026-08-01', due: '2026-09-01', cents: 10_000, paid: [10_000] }] },
  ]);
  await t.database.db.update(customers).set({ timezone: 'America/New_York' }).where(eq(customers.id, ids.get('C-NY')!));
  await t.database.db.insert(members).values({ workspaceId: DEMO_TEAM_ID, userId: DEMO_COLLECTOR_ID, role: 'collector' });
  return ids;
}

export interface Answer {
  text: string;
  blocks: unknown[];
  /** The ephemeral the reply became, for clicking its buttons. */
  ts: string;
}

/** `/collect <text>` and its reply (through response_url). */
export async function collect(t: TestApp, text: string, userId = DEMO_COLLECTOR_ID): Promise<Answer> {
  const sent = await t.sender.slashCommand({ userId, channelId: CHANNEL, text });
  expect(sent.status).toBe(200);
  const reply = await t.emulator.waitForResponse(sent.responseUrlId!, { timeoutMs: 10_000 });
  const body = reply.body as { text: string; blocks?: unknown[] };
  const shown = t.emulator.ephemerals({ user: userId }).filter((e) => e.via === 'response_url' && e.text === body.text).at(-1);
  return { text: body.text, blocks: body.blocks ?? [], ts: shown?.ts ?? '' };
}

/** Everything a person reads in a reply or a view: texts and every text inside the blocks. */
export const visible = (x: { text?: string; blocks?: unknown }) => `${x.text ?? ''}\n${JSON.stringify(x.blocks ?? [])}`;

type Obj = Record<string, unknown>;

/** The user's log-call form once filled in (not the loading view). */
export async function filledForm(t: TestApp, userId = DEMO_COLLECTOR_ID): Promise<Obj & { id: string; blocks: Obj[] }> {
  return t.emulator.waitFor(() => t.emulator.openViews(userId)
    .find((v) => (v.blocks as Obj[]).some((b) => b.block_id === 'outcome'))) as Promise<Obj & { id: string; blocks: Obj[] }>;
}

/** The element of a form's input block. */
export const element = (view: { blocks: Obj[] }, blockId: string) => view.blocks.find((b) => b.block_id === blockId)?.element as Obj | undefined;

export interface FormValues {
  outcome?: string;
  note?: string;
  amount?: string;
  promiseDate?: string;
  dispute?: string;
  nextDate?: string;
}

/** The state Slack sends for a filled form. */
export function formState(v: FormValues): { values: Obj } {
  const select = (value?: string) => ({ value: { type: 'static_select', selected_option: value ? { value } : null } });
  const text = (value?: string) => ({ value: { type: 'plain_text_input', value: value ?? null } });
  const date = (value?: string) => ({ value: { type: 'datepicker', selected_date: value ?? null } });
  return {
    values: {
      outcome: select(v.outcome), note: text(v.note), amount: text(v.amount),
      promise_date: date(v.promiseDate), dispute: select(v.dispute), next_date: date(v.nextDate),
    },
  };
}

/** Submits a form and returns the errors Slack would show on its fields ({} when it closed). */
export async function submit(t: TestApp, viewId: string, v: FormValues, userId = DEMO_COLLECTOR_ID): Promise<Record<string, string>> {
  const sent = await t.sender.viewSubmission({ userId, viewId, view: { state: formState(v) } });
  expect(sent.status).toBe(200);
  const body = sent.body;
  return typeof body === 'object' && body !== null ? ((body as { errors?: Record<string, string> }).errors ?? {}) : {};
}

export async function caseIdOf(t: TestApp, customerId: number): Promise<number> {
  const [row] = await t.database.db.select({ caseId: activities.caseId }).from(activities)
    .where(and(eq(activities.customerId, customerId), eq(activities.kind, 'case_opened')));
  return row!.caseId!;
}

/** The case's timeline entries of one kind, oldest first. */
export const entries = (t: TestApp, caseId: number, kind: string) => t.database.db.select().from(activities)
  .where(and(eq(activities.caseId, caseId), eq(activities.kind, kind))).orderBy(asc(activities.id));

export const openCalls = (t: TestApp, caseId: number) => t.database.db.select().from(tasks)
  .where(and(eq(tasks.caseId, caseId), eq(tasks.kind, 'call'), eq(tasks.status, 'open'))).orderBy(asc(tasks.id));

/** The ephemeral a user was shown that contains `text`. */
export const ephemeral = (t: TestApp, text: string, userId = DEMO_COLLECTOR_ID) =>
  t.emulator.waitFor(() => t.emulator.ephemerals({ user: userId }).find((e) => e.text.includes(text)), { timeoutMs: 10_000 });
