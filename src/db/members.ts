import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from './client.ts';
import { members } from './schema.ts';

export type Role = (typeof members.$inferSelect)['role'];
export type Member = typeof members.$inferSelect;

export async function findMember(db: Queryable, workspaceId: string, userId: string): Promise<Member | undefined> {
  const [row] = await db.select().from(members).where(and(eq(members.workspaceId, workspaceId), eq(members.userId, userId)));
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
