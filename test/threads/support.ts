// Helpers for the case-thread tests: the posters as a worker runs them (the
// jobs' Slack client, time injected), activities written as use cases write
// them, and what a thread looks like in the emulated Slack.
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../src/db/client.ts';
import type { PosterKey } from '../../src/db/poster-lease.ts';
import { activities, cases, customers } from '../../src/db/schema.ts';
import { DEMO_BOT_USER_ID, DEMO_TEAM_ID } from '../../src/emulator/seed.ts';
import type { Message } from '../../src/emulator/types.ts';
import { createLogger } from '../../src/log.ts';
import { drainChannel, POST_EVENT, type ChannelPosterDeps, type DrainResult } from '../../src/services/threads/drain.ts';
import { postersWithWork } from '../../src/services/threads/route.ts';
import { slackClientForJobs } from '../../jobs/workers.ts';
import type { TestApp } from '../support/app.ts';

export const advance = (t: TestApp, ms: number) => t.clock.set(new Date(t.clock.now.getTime() + ms).toISOString());

/** A poster as the worker runs it; its sleep moves the test clock (and so Slack's) instead of waiting. */
export function poster(t: TestApp, overrides: Partial<ChannelPosterDeps> = {}): ChannelPosterDeps {
  return {
    db: t.database.db,
    client: slackClientForJobs(t.env),
    clock: () => t.clock.now,
    sleep: async (ms) => { advance(t, ms); },
    logger: createLogger('silent'),
    ...overrides,
  };
}

/** What the worker's poll does, then every poster run to the end. */
export async function postEverything(t: TestApp, deps: ChannelPosterDeps = poster(t)): Promise<DrainResult[]> {
  const results: DrainResult[] = [];
  for (let round = 0; round < 1000; round++) {
    const keys = await postersWithWork(deps.db, deps.clock());
    if (keys.length === 0) return results;
    for (const key of keys) results.push(await drainChannel(deps, key));
    if (results.slice(-keys.length).every((r) => r.kind === 'blocked' || r.kind === 'busy' || r.kind === 'wait')) return results;
  }
  throw new Error('the posters never finished');
}

/** What the worker's poll does first: posts waiting for the team channel go to it. */
export async function route(t: TestApp): Promise<void> {
  await postersWithWork(t.database.db, t.clock.now);
}

export async function drainUntilDone(deps: ChannelPosterDeps, key: PosterKey): Promise<DrainResult> {
  for (;;) {
    const result = await drainChannel(deps, key);
    if (result.kind !== 'more') return result;
  }
}

export async function caseOf(database: Database, ref: string): Promise<{ caseId: number; customerId: number }> {
  const [row] = await database.db.select({ caseId: cases.id, customerId: cases.customerId }).from(cases)
    .innerJoin(customers, eq(customers.id, cases.customerId))
    .where(and(eq(customers.workspaceId, DEMO_TEAM_ID), eq(customers.customerRef, ref)));
  if (!row) throw new Error(`no case for ${ref}`);
  return row;
}

/** An activity written as a use case writes it: the only thing a use case does for threads. */
export async function writeActivity(database: Database, input: {
  caseId: number; customerId: number; kind: string; data?: Record<string, unknown>; actorId?: string; note?: string; at: Date;
}): Promise<number> {
  const [row] = await database.db.insert(activities).values({
    workspaceId: DEMO_TEAM_ID, caseId: input.caseId, customerId: input.customerId, kind: input.kind,
    actorId: input.actorId ?? 'relance', occurredAt: input.at, data: input.data ?? {}, note: input.note ?? null,
  }).returning({ id: activities.id });
  return row!.id;
}

type Meta = { event_type?: string; event_payload?: { post_id?: number; case_id?: number; part?: string } };
export const metaOf = (m: Message) => (m.metadata as Meta | undefined)?.event_type === POST_EVENT ? (m.metadata as Meta).event_payload! : undefined;

/** The case's thread headers in a channel (there should be one). */
export const rootsOf = (t: TestApp, channel: string, caseId: number) =>
  t.emulator.messages(channel).filter((m) => metaOf(m)?.part === 'root' && metaOf(m)?.case_id === caseId);

/** The posts under a case's thread (its latest header's), oldest first. */
export function threadPosts(t: TestApp, channel: string, caseId: number): Message[] {
  const root = rootsOf(t, channel, caseId).at(-1);
  if (!root) return [];
  return t.emulator.messages(channel, { threadTs: root.ts }).filter((m) => m.ts !== root.ts);
}

/** The bot's DMs with a person. */
export function dmsTo(t: TestApp, userId: string): Message[] {
  const dm = t.emulator.state.openDm(DEMO_TEAM_ID, DEMO_BOT_USER_ID, userId).channel;
  return t.emulator.messages(dm.id);
}
