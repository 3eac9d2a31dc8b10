// What the escalation tests share: the call ledger with a team of a
// collector, a manager and an admin, the outbox drained as a worker drains it,
// and the moves of a manager in Slack (a click on a request, the reject form).
import { asc, eq, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { findChannelPost } from '../../src/db/channel-posts.ts';
import { rows } from '../../src/db/client.ts';
import { escalations, members } from '../../src/db/schema.ts';
import { writeSetting } from '../../src/db/settings.ts';
import {
  DEMO_ADMIN_ID as ADMIN, DEMO_COLLECTIONS_CHANNEL_ID as CHANNEL, DEMO_MANAGER_ID as MANAGER, DEMO_TEAM_ID as TEAM,
} from '../../src/emulator/seed.ts';
import type { Message } from '../../src/emulator/types.ts';
import { createLogger } from '../../src/log.ts';
import { runEscalationsJob } from '../../jobs/escalation-nudge.ts';
import { slackClientForJobs } from '../../jobs/workers.ts';
import { seedCallLedger } from '../calls/support.ts';
import type { TestApp } from '../support/app.ts';
import { postEverything } from '../threads/support.ts';

export { ADMIN, CHANNEL, MANAGER, TEAM };

/** The call ledger, a manager and an admin on the team, and the team channel set. */
export async function seedTeam(t: TestApp): Promise<Map<string, number>> {
  const ids = await seedCallLedger(t);
  await t.database.db.insert(members).values([
    { workspaceId: TEAM, userId: MANAGER, role: 'manager' },
    { workspaceId: TEAM, userId: ADMIN, role: 'admin' },
  ]);
  await writeSetting(t.database.db, { workspaceId: TEAM, name: 'channel', value: CHANNEL, by: ADMIN, now: t.clock.now });
  return ids;
}

/** Everything the outbox holds, posted as the worker posts it; the clock is put back after the posters' pacing. */
export async function drain(t: TestApp): Promise<void> {
  const at = t.clock.now.toISOString();
  await postEverything(t);
  t.clock.set(at);
}

export const escalationsOf = (t: TestApp, caseId: number) =>
  t.database.db.select().from(escalations).where(eq(escalations.caseId, caseId)).orderBy(asc(escalations.id));

export const escalationCount = async (t: TestApp) =>
  (await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from escalations`))[0]!.n;

export const activityCount = async (t: TestApp) =>
  (await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from activities`))[0]!.n;

/** The request's message in Slack, once the outbox has posted it. */
export async function requestMessageOf(t: TestApp, escalationId: number): Promise<Message> {
  const [row] = await t.database.db.select({ postId: escalations.postId }).from(escalations).where(eq(escalations.id, escalationId));
  expect(row?.postId).toBeTruthy();
  const post = await findChannelPost(t.database.db, TEAM, row!.postId!);
  expect(post).toMatchObject({ status: 'posted' });
  return t.emulator.message(post!.channelId!, post!.messageTs!)!;
}

/** A click on a button of a message in the team channel; returns what the clicker was told. */
export async function click(t: TestApp, input: { userId: string; ts: string; actionId: string; value?: string; channelId?: string }): Promise<string> {
  const sent = await t.sender.blockAction({
    userId: input.userId, channelId: input.channelId ?? CHANNEL, messageTs: input.ts, actionId: input.actionId, ...(input.value ? { value: input.value } : {}),
  });
  expect(sent.status).toBe(200);
  const reply = await t.emulator.waitForResponse(sent.responseUrlId!, { timeoutMs: 10_000 });
  return (reply.body as { text: string }).text;
}

/** The escalations pass as the worker runs it. */
export function runPass(t: TestApp) {
  return runEscalationsJob({ db: t.database.db, client: slackClientForJobs(t.env), logger: createLogger('silent'), command: '/collect' }, t.clock.now);
}

/** A ladder proposal, as the ladder pass writes it. */
export async function propose(t: TestApp, caseId: number, kind: 'notice' | 'agency'): Promise<number> {
  const [row] = await t.database.db.insert(escalations)
    .values({ workspaceId: TEAM, caseId, kind, requestedBy: 'system', createdAt: t.clock.now }).returning({ id: escalations.id });
  return row!.id;
}

export const buttonsOf = (m: { blocks?: unknown }) => JSON.stringify(m.blocks ?? []).match(/"action_id":"[a-z_]+"/g) ?? [];
