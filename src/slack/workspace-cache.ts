import type { Queryable } from '../db/client.ts';
import { ensureWorkspace, type Workspace, type WorkspaceDefaults } from '../db/workspaces.ts';

const TTL_MS = 60_000;

/**
 * Workspaces are created on first contact and read on every request; a short
 * cache keeps that read off the hot path while settings changes still show
 * within a minute.
 */
export function createWorkspaceCache(db: Queryable, defaults: WorkspaceDefaults) {
  const cache = new Map<string, { workspace: Workspace; at: number }>();
  return {
    async get(teamId: string, now: Date, name?: string): Promise<Workspace> {
      const hit = cache.get(teamId);
      if (hit && now.getTime() - hit.at < TTL_MS) return hit.workspace;
      const workspace = await ensureWorkspace(db, teamId, defaults, name);
      cache.set(teamId, { workspace, at: now.getTime() });
      return workspace;
    },
    /** The cached workspace, if any, without touching the database. */
    peek(teamId: string): Workspace | undefined {
      return cache.get(teamId)?.workspace;
    },
    forget(teamId: string): void {
      cache.delete(teamId);
    },
  };
}

export type WorkspaceCache = ReturnType<typeof createWorkspaceCache>;
