import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from './client.ts';
import { digests, digestSchedules, workspaces } from './schema.ts';

export type DigestScheduleRow = typeof digestSchedules.$inferSelect;

export async function saveSchedule(db: Queryable, row: { workspaceId: string; channelId: string; localTime: string; timezone: string; weekdays: number[]; enabledBy: string }, now: Date): Promise<DigestScheduleRow> {
  const [saved] = await db.insert(digestSchedules).values({ ...row, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: [digestSchedules.workspaceId, digestSchedules.channelId],
      set: { localTime: row.localTime, timezone: row.timezone, weekdays: row.weekdays, enabledBy: row.enabledBy, updatedAt: now },
    })
    .returning();
  // The first scheduled channel becomes the team channel (case threads, approvals).
  await db.update(workspaces).set({ teamChannelId: row.channelId })
    .where(and(eq(workspaces.id, row.workspaceId), sql`${workspaces.teamChannelId} is null`));
  return saved!;
}

export async function deleteSchedule(db: Queryable, workspaceId: string, channelId: string): Promise<boolean> {
  const gone = await db.delete(digestSchedules)
    .where(and(eq(digestSchedules.workspaceId, workspaceId), eq(digestSchedules.channelId, channelId))).returning();
  return gone.length > 0;
}

export async function findSchedule(db: Queryable, workspaceId: string, channelId: string): Promise<DigestScheduleRow | undefined> {
  const [row] = await db.select().from(digestSchedules)
    .where(and(eq(digestSchedules.workspaceId, workspaceId), eq(digestSchedules.channelId, channelId)));
  return row;
}

/** Every schedule of every workspace, with the workspace's holiday calendar. */
export async function allSchedules(db: Queryable): Promise<(DigestScheduleRow & { country: string })[]> {
  return db.select({
    workspaceId: digestSchedules.workspaceId, channelId: digestSchedules.channelId, localTime: digestSchedules.localTime,
    timezone: digestSchedules.timezone, weekdays: digestSchedules.weekdays, enabledBy: digestSchedules.enabledBy,
    createdAt: digestSchedules.createdAt, updatedAt: digestSchedules.updatedAt, country: workspaces.country,
  }).from(digestSchedules).innerJoin(workspaces, eq(workspaces.id, digestSchedules.workspaceId));
}

export type DigestStatus = (typeof digests.$inferSelect)['status'];

/** The day's digest: 'posting' (or null, not begun) still needs a run; 'posted' and 'unconfirmed' do not. */
export async function digestStatus(db: Queryable, workspaceId: string, channelId: string, businessDate: string): Promise<DigestStatus | null> {
  const [row] = await db.select({ status: digests.status }).from(digests)
    .where(and(eq(digests.workspaceId, workspaceId), eq(digests.channelId, channelId), eq(digests.businessDate, businessDate)));
  return row?.status ?? null;
}
