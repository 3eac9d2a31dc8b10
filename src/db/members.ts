import { and, eq, sql } from 'drizzle-orm';
import type { WorkingHours } from '../domain/working-hours.ts';
import type { Queryable } from './client.ts';
import { members } from './schema.ts';

export type Role = (typeof members.$inferSelect)['role'];
export type Member = typeof members.$inferSelect;

// Read on every request (access): prepared, it is one round trip instead of two (drizzle sends a
// statement unprepared, Parse and Describe first) and a quarter of the CPU. One per handle.
const findMemberStatements = new WeakMap<Queryable, ReturnType<typeof findMemberStatement>>();
const findMemberStatement = (db: Queryable) => db.select().from(members)
  .where(and(eq(members.workspaceId, sql.placeholder('workspaceId')), eq(members.userId, sql.placeholder('userId'))))
  .prepare('find_member');

export async function findMember(db: Queryable, workspaceId: string, userId: string): Promise<Member | undefined> {
  let statement = findMemberStatements.get(db);
  if (!statement) findMemberStatements.set(db, (statement = findMemberStatement(db)));
  const [row] = await statement.execute({ workspaceId, userId });
  return row;
}

export async function listMembers(db: Queryable, workspaceId: string): Promise<Member[]> {
  return db.select().from(members).where(eq(members.workspaceId, workspaceId)).orderBy(members.role, members.createdAt);
}

/** Adds or changes a member's role; returns the role they had before, if any. */
export async function setMemberRole(db: Queryable, workspaceId: string, userId: string, role: Role, by: string): Promise<Role | null> {
  const before = await findMember(db, workspaceId, userId);
  await db.insert(members).values({ workspaceId, userId, role, addedBy: by })
    .onConflictDoUpdate({ target: [members.workspaceId, members.userId], set: { role, updatedAt: sql`now()` } });
  return before?.role ?? null;
}

export async function removeMember(db: Queryable, workspaceId: string, userId: string): Promise<boolean> {
  const removed = await db.delete(members).where(and(eq(members.workspaceId, workspaceId), eq(members.userId, userId))).returning();
  return removed.length > 0;
}

export async function countAdmins(db: Queryable, workspaceId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(members)
    .where(and(eq(members.workspaceId, workspaceId), eq(members.role, 'admin')));
  return Number(row?.n ?? 0);
}

/** The hours a member set; null: the default hours. */
export function hoursOf(member: Pick<Member, 'workDays' | 'workStart' | 'workEnd'>): WorkingHours | null {
  if (!member.workDays?.length || !member.workStart || !member.workEnd) return null;
  return { days: [...member.workDays].sort((a, b) => a - b), start: member.workStart, end: member.workEnd };
}

/** Sets (or, with null, clears) a member's hours; false when they are not on the team. */
export async function setMemberHours(db: Queryable, workspaceId: string, userId: string, hours: WorkingHours | null, now: Date): Promise<boolean> {
  const updated = await db.update(members)
    .set({ workDays: hours?.days ?? null, workStart: hours?.start ?? null, workEnd: hours?.end ?? null, updatedAt: now })
    .where(and(eq(members.workspaceId, workspaceId), eq(members.userId, userId))).returning({ userId: members.userId });
  return updated.length > 0;
}

/** Records a member's Slack zone as read at `at`. */
export async function storeMemberZone(db: Queryable, workspaceId: string, userId: string, zone: string, at: Date): Promise<void> {
  await db.update(members).set({ timezone: zone, timezoneCheckedAt: at })
    .where(and(eq(members.workspaceId, workspaceId), eq(members.userId, userId)));
}
