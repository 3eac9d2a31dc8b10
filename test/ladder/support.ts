// What the ladder tests share: the clock at a Paris wall time, the day's pass
// as the worker runs it, and reads of what it wrote.
import { and, asc, eq, sql } from 'drizzle-orm';
import { assignCallStage, runLadderJob } from '../../jobs/ladder.ts';
import { rows } from '../../src/db/client.ts';
import { activities, cases, channelPosts, customers, drafts, escalations, tasks } from '../../src/db/schema.ts';
import { zonedTimeToUtc, type IsoDate } from '../../src/domain/dates.ts';
import { DEMO_TEAM_ID } from '../../src/emulator/seed.ts';
import type { TestApp } from '../support/app.ts';

export const TEAM = DEMO_TEAM_ID;

/** A wall time in Paris, the workspace's zone. */
export const paris = (date: IsoDate, time = '00:30') => zonedTimeToUtc(date, time, 'Europe/Paris');

/** The job's run at `time` on `date` (the worker's tick after midnight by default). */
export async function passOn(t: TestApp, date: IsoDate, time = '00:30') {
  t.clock.set(paris(date, time).toISOString());
  return runLadderJob(t.database.db, t.clock.now, { onCallStage: assignCallStage });
}

export async function customerId(t: TestApp, ref: string): Promise<number> {
  const [row] = await t.database.db.select({ id: customers.id }).from(customers)
    .where(and(eq(customers.workspaceId, TEAM), eq(customers.customerRef, ref)));
  if (!row) throw new Error(`no customer ${ref}`);
  return row.id;
}

/** The customer's active case, or null. */
export async function activeCase(t: TestApp, ref: string) {
  const [row] = await t.database.db.select().from(cases)
    .where(and(eq(cases.customerId, await customerId(t, ref)), sql`${cases.status} not in ('resolved', 'written_off')`));
  return row ?? null;
}

export const draftsOf = async (t: TestApp, ref: string) => t.database.db.select().from(drafts)
  .where(eq(drafts.customerId, await customerId(t, ref))).orderBy(asc(drafts.id));

export const activitiesOf = async (t: TestApp, ref: string) => t.database.db.select().from(activities)
  .where(eq(activities.customerId, await customerId(t, ref))).orderBy(asc(activities.id));

export const escalationsOf = async (t: TestApp, caseId: number) => t.database.db.select().from(escalations)
  .where(eq(escalations.caseId, caseId)).orderBy(asc(escalations.id));

export const callsOf = (t: TestApp, caseId: number) => t.database.db.select().from(tasks)
  .where(and(eq(tasks.caseId, caseId), eq(tasks.kind, 'call'))).orderBy(asc(tasks.id));

export const postsWithKey = (t: TestApp, prefix: string) => t.database.db.select().from(channelPosts)
  .where(sql`${channelPosts.dedupeKey} like ${`${prefix}%`}`).orderBy(asc(channelPosts.id));

/** Row counts of everything the pass writes: equal before and after means it wrote nothing. */
export async function footprint(t: TestApp): Promise<Record<string, number>> {
  const [counts] = await rows<Record<string, number>>(t.database.db, sql`select
    (select count(*)::int from drafts) as drafts, (select count(*)::int from activities) as activities,
    (select count(*)::int from escalations) as escalations, (select count(*)::int from channel_posts) as posts,
    (select count(*)::int from tasks) as tasks, (select count(*)::int from ladder_days) as days,
    (select count(*)::int from cases where stage is not null) as staged,
    (select coalesce(sum(length(coalesce(stage::text, ''))), 0)::int from cases) as stages`);
  return counts!;
}
