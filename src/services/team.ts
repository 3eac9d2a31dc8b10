import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { countAdmins, findMember, removeMember, setMemberRole, type Role } from '../db/members.ts';

export type TeamChange =
  | { kind: 'added'; role: Role }
  | { kind: 'changed'; role: Role; before: Role }
  | { kind: 'unchanged'; role: Role }
  | { kind: 'removed' }
  | { kind: 'not_member' }
  | { kind: 'last_admin' };

// Team edits of one workspace take turns, so two admins demoting each other at
// once cannot leave the team without an admin.
const lockTeam = (tx: Tx, workspaceId: string) =>
  tx.execute(sql`select pg_advisory_xact_lock(hashtext('relance.team'), hashtext(${workspaceId}))`);

export async function setRole(db: Db, workspaceId: string, userId: string, role: Role, by: string): Promise<TeamChange> {
  return db.transaction(async (tx) => {
    await lockTeam(tx, workspaceId);
    const current = await findMember(tx, workspaceId, userId);
    if (current?.role === role) return { kind: 'unchanged', role };
    if (current?.role === 'admin' && (await countAdmins(tx, workspaceId)) === 1) return { kind: 'last_admin' };
    const before = await setMemberRole(tx, workspaceId, userId, role, by);
    return before ? { kind: 'changed', role, before } : { kind: 'added', role };
  });
}

export async function removeFromTeam(db: Db, workspaceId: string, userId: string): Promise<TeamChange> {
  return db.transaction(async (tx) => {
    await lockTeam(tx, workspaceId);
    const current = await findMember(tx, workspaceId, userId);
    if (!current) return { kind: 'not_member' };
    if (current.role === 'admin' && (await countAdmins(tx, workspaceId)) === 1) return { kind: 'last_admin' };
    await removeMember(tx, workspaceId, userId);
    return { kind: 'removed' };
  });
}
