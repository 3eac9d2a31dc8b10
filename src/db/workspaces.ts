import { eq } from 'drizzle-orm';
import type { Queryable } from './client.ts';
import { workspaces } from './schema.ts';

export type Workspace = typeof workspaces.$inferSelect;

export interface WorkspaceDefaults {
  timezone: string;
  locale: 'en' | 'fr';
}

/** Workspaces are created on first contact from Slack (or by the first import). */
export async function ensureWorkspace(db: Queryable, id: string, defaults: WorkspaceDefaults, name = ''): Promise<Workspace> {
  const [created] = await db.insert(workspaces)
    .values({ id, name, timezone: defaults.timezone, locale: defaults.locale })
    .onConflictDoNothing()
    .returning();
  if (created) return created;
  const [existing] = await db.select().from(workspaces).where(eq(workspaces.id, id));
  if (!existing) throw new Error(`workspace ${id} vanished between insert and select`);
  return existing;
}

export async function findWorkspace(db: Queryable, id: string): Promise<Workspace | undefined> {
  const [row] = await db.select().from(workspaces).where(eq(workspaces.id, id));
  return row;
}

export async function listWorkspaces(db: Queryable): Promise<Workspace[]> {
  return db.select().from(workspaces).orderBy(workspaces.createdAt);
}
