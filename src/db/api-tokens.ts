// The intake API's tokens: created, listed, revoked by `relance token`, looked
// up by the hash of what a request presents. Never the token itself.
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Queryable } from './client.ts';
import { preparedSql } from './prepared.ts';
import { apiTokens } from './schema.ts';

export type ApiTokenRow = typeof apiTokens.$inferSelect;

/** What a request's token grants, once found. */
export interface TokenGrant {
  id: number;
  workspaceId: string;
  name: string;
  hash: string;
  readOnly: boolean;
  lastUsedAt: Date | null;
}

export async function insertApiToken(
  db: Queryable, input: { workspaceId: string; name: string; hash: string; readOnly: boolean; now: Date },
): Promise<{ kind: 'created'; row: ApiTokenRow } | { kind: 'name_taken' }> {
  const [row] = await db.insert(apiTokens)
    .values({ workspaceId: input.workspaceId, name: input.name, hash: input.hash, readOnly: input.readOnly, createdAt: input.now })
    .onConflictDoNothing()
    .returning();
  return row ? { kind: 'created', row } : { kind: 'name_taken' };
}

/** Live tokens first, then revoked ones, each by name. */
export async function listApiTokens(db: Queryable, workspaceId: string): Promise<ApiTokenRow[]> {
  return db.select().from(apiTokens)
    .where(eq(apiTokens.workspaceId, workspaceId))
    .orderBy(sql`${apiTokens.revokedAt} is not null`, asc(apiTokens.name), asc(apiTokens.createdAt));
}

/** Revokes the live token of that name; null when there is none. */
export async function revokeApiToken(db: Queryable, workspaceId: string, name: string, now: Date): Promise<ApiTokenRow | null> {
  const [row] = await db.update(apiTokens).set({ revokedAt: now })
    .where(and(eq(apiTokens.workspaceId, workspaceId), eq(apiTokens.name, name), isNull(apiTokens.revokedAt)))
    .returning();
  return row ?? null;
}

/** The live token with this hash (one index read), or null. Prepared: every API request runs it. */
export async function findLiveToken(db: Queryable, hash: string): Promise<TokenGrant | null> {
  const [row] = await preparedSql<{ id: number | string; workspace_id: string; name: string; hash: string; read_only: boolean; last_used_at: Date | string | null }>(db, sql`
    select id, workspace_id, name, hash, read_only, last_used_at from api_tokens where hash = ${hash} and revoked_at is null`);
  return row ? {
    id: Number(row.id), workspaceId: row.workspace_id, name: row.name, hash: row.hash, readOnly: row.read_only,
    lastUsedAt: row.last_used_at === null ? null : new Date(row.last_used_at),
  } : null;
}

/**
 * Records use at most once a minute per token: a busy integration must not
 * turn every request into a write on the same row.
 */
export async function touchApiToken(db: Queryable, id: number, now: Date): Promise<void> {
  await db.update(apiTokens).set({ lastUsedAt: now })
    .where(and(eq(apiTokens.id, id), sql`(${apiTokens.lastUsedAt} is null or ${apiTokens.lastUsedAt} < ${new Date(now.getTime() - 60_000).toISOString()}::timestamptz)`));
}
