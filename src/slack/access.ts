// Who may do what. Roles live in the members table; bootstrap admins come from
// RELANCE_ADMINS and from Slack's own workspace admins and owners, so a fresh
// install has someone who can build the team.
import type { WebClient } from '@slack/web-api';
import type { Queryable } from '../db/client.ts';
import { findMember, type Role } from '../db/members.ts';

const rank: Record<Role, number> = { collector: 1, manager: 2, admin: 3 };

export function hasRole(role: Role | null, needed: Role): boolean {
  return role !== null && rank[role] >= rank[needed];
}

export type RoleSource = 'member' | 'env' | 'slack_admin';

export interface Access {
  role: Role | null;
  source: RoleSource | null;
}

interface SlackAdminCache {
  get(key: string): { admin: boolean; at: number } | undefined;
  set(key: string, value: { admin: boolean; at: number }): void;
}

const ADMIN_CACHE_MS = 10 * 60_000;

export function createAccessResolver(opts: { bootstrapAdmins: string[]; cache?: SlackAdminCache }) {
  const cache = opts.cache ?? new Map<string, { admin: boolean; at: number }>();

  async function isSlackAdmin(client: WebClient, workspaceId: string, userId: string, now: number): Promise<boolean> {
    const key = `${workspaceId}:${userId}`;
    const hit = cache.get(key);
    if (hit && now - hit.at < ADMIN_CACHE_MS) return hit.admin;
    const info = await client.users.info({ user: userId });
    const admin = Boolean(info.user && !info.user.is_bot && (info.user.is_admin || info.user.is_owner || info.user.is_primary_owner));
    cache.set(key, { admin, at: now });
    return admin;
  }

  return async function resolveAccess(db: Queryable, client: WebClient, workspaceId: string, userId: string, now: Date): Promise<Access> {
    // RELANCE_ADMINS always wins, so a team edit can never lock the operator out.
    if (opts.bootstrapAdmins.includes(userId)) return { role: 'admin', source: 'env' };
    const member = await findMember(db, workspaceId, userId);
    if (member) return { role: member.role, source: 'member' };
    if (await isSlackAdmin(client, workspaceId, userId, now.getTime())) return { role: 'admin', source: 'slack_admin' };
    return { role: null, source: null };
  };
}

export type AccessResolver = ReturnType<typeof createAccessResolver>;
