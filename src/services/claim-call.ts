// Claiming and releasing a case's phone call (digest button or :raising_hand:).
// The case row is locked while deciding, so two people claiming at once get
// one winner and one "already claimed by". A claim records what it changed
// (a new task or an existing one, the case's owner), so that releasing gives
// back exactly that: an accidental claim leaves no trace on the case but its
// timeline.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { activities, cases, customers, tasks } from '../db/schema.ts';

export type ClaimResult =
  | { kind: 'claimed'; name: string; taskId: number }
  | { kind: 'already'; name: string }
  | { kind: 'taken'; name: string; by: string }
  | { kind: 'closed' }
  | { kind: 'not_found' };

export type ReleaseResult =
  | { kind: 'released'; name: string }
  /** `userId` holds the call, but not by a claim: nothing to give back. */
  | { kind: 'not_claimed'; name: string }
  | { kind: 'not_holder' } | { kind: 'closed' } | { kind: 'not_found' };

interface CallInput {
  workspaceId: string;
  caseId: number;
  userId: string;
  now: Date;
  via: 'button' | 'reaction';
}

/** What a claim changed, kept in its call_claimed activity. */
interface ClaimRecord {
  task_id?: number;
  /** The claim created the task (else it assigned an open, unassigned one). */
  created_task?: boolean;
  /** The case had no owner and the claimer became it. */
  took_ownership?: boolean;
}

type LockedCase = { kind: 'open'; id: number; ownerId: string | null; customerId: number; name: string } | { kind: 'closed' } | { kind: 'not_found' };

async function lockCase(tx: Tx, workspaceId: string, caseId: number): Promise<LockedCase> {
  const [row] = await tx.select({ id: cases.id, status: cases.status, ownerId: cases.ownerId, customerId: cases.customerId, name: customers.name })
    .from(cases).innerJoin(customers, eq(customers.id, cases.customerId))
    .where(and(eq(cases.workspaceId, workspaceId), eq(cases.id, caseId)))
    .for('update', { of: cases });
  if (!row) return { kind: 'not_found' };
  if (['resolved', 'written_off'].includes(row.status)) return { kind: 'closed' };
  return { kind: 'open', id: row.id, ownerId: row.ownerId, customerId: row.customerId, name: row.name };
}

const openCall = (workspaceId: string, caseId: number) =>
  and(eq(tasks.workspaceId, workspaceId), eq(tasks.caseId, caseId), eq(tasks.kind, 'call'), eq(tasks.status, 'open'));

export async function claimCall(db: Db, input: CallInput): Promise<ClaimResult> {
  return db.transaction(async (tx) => {
    const kase = await lockCase(tx, input.workspaceId, input.caseId);
    if (kase.kind !== 'open') return kase;
    const [current] = await tx.select().from(tasks).where(openCall(input.workspaceId, input.caseId)).limit(1);
    if (current?.assigneeId === input.userId) return { kind: 'already', name: kase.name };
    if (current?.assigneeId) return { kind: 'taken', name: kase.name, by: current.assigneeId };
    let taskId: number;
    if (current) {
      await tx.update(tasks).set({ assigneeId: input.userId }).where(eq(tasks.id, current.id));
      taskId = current.id;
    } else {
      const [created] = await tx.insert(tasks).values({
        workspaceId: input.workspaceId, caseId: input.caseId, kind: 'call', assigneeId: input.userId, dueAt: input.now, createdBy: input.userId,
      }).returning({ id: tasks.id });
      taskId = created!.id;
    }
    const tookOwnership = !kase.ownerId;
    if (tookOwnership) await tx.update(cases).set({ ownerId: input.userId, updatedAt: input.now }).where(eq(cases.id, kase.id));
    const record: ClaimRecord = { task_id: taskId, created_task: !current, took_ownership: tookOwnership };
    await tx.insert(activities).values({
      workspaceId: input.workspaceId, caseId: kase.id, customerId: kase.customerId, kind: 'call_claimed',
      actorId: input.userId, occurredAt: input.now, data: { via: input.via, ...record },
    });
    return { kind: 'claimed', name: kase.name, taskId };
  });
}

/**
 * The claim that gave `userId` this task, if that is still what holds it: the
 * task's latest timeline entry is `userId`'s claim. Anything since (a release,
 * a new assignment) means the call is held for another reason.
 */
async function liveClaim(tx: Tx, workspaceId: string, caseId: number, taskId: number, userId: string): Promise<ClaimRecord | null> {
  const [row] = await tx.select({ kind: activities.kind, actorId: activities.actorId, data: activities.data }).from(activities)
    .where(and(eq(activities.workspaceId, workspaceId), eq(activities.caseId, caseId), sql`(${activities.data}->>'task_id')::bigint = ${taskId}`))
    .orderBy(desc(activities.occurredAt), desc(activities.id)).limit(1);
  return row?.kind === 'call_claimed' && row.actorId === userId ? row.data as ClaimRecord : null;
}

/**
 * Gives the call back, only if `userId` holds it by a claim (removing someone
 * else's reaction releases nothing, and neither does removing one's own from a
 * call given some other way: a manager's assignment, a scheduled follow-up).
 * Only what the claim did is undone: a task it created is cancelled, one it
 * assigned goes back to nobody; a claim recorded before claims said which only
 * gives the task back, never cancels it. The case goes back to no owner if the
 * claim made `userId` its owner and nobody changed the owner since.
 */
export async function releaseCall(db: Db, input: CallInput): Promise<ReleaseResult> {
  return db.transaction(async (tx) => {
    const kase = await lockCase(tx, input.workspaceId, input.caseId);
    if (kase.kind !== 'open') return kase;
    const [held] = await tx.select({ id: tasks.id }).from(tasks)
      .where(and(openCall(input.workspaceId, input.caseId), eq(tasks.assigneeId, input.userId))).limit(1);
    if (!held) return { kind: 'not_holder' };
    const claim = await liveClaim(tx, input.workspaceId, kase.id, held.id, input.userId);
    if (!claim) return { kind: 'not_claimed', name: kase.name };
    if (claim.created_task === true) await tx.update(tasks).set({ status: 'cancelled', closedAt: input.now }).where(eq(tasks.id, held.id));
    else await tx.update(tasks).set({ assigneeId: null }).where(eq(tasks.id, held.id));
    const returnOwnership = claim.took_ownership === true && kase.ownerId === input.userId;
    if (returnOwnership) await tx.update(cases).set({ ownerId: null, updatedAt: input.now }).where(eq(cases.id, kase.id));
    await tx.insert(activities).values({
      workspaceId: input.workspaceId, caseId: kase.id, customerId: kase.customerId, kind: 'call_released',
      actorId: input.userId, occurredAt: input.now, data: { via: input.via, task_id: held.id, owner_returned: returnOwnership },
    });
    return { kind: 'released', name: kase.name };
  });
}

/** Who holds the case's open call, if anyone. */
export async function callHolder(db: Db, workspaceId: string, caseId: number): Promise<string | null> {
  const [row] = await db.select({ assigneeId: tasks.assigneeId }).from(tasks).where(openCall(workspaceId, caseId)).orderBy(sql`${tasks.createdAt} desc`).limit(1);
  return row?.assigneeId ?? null;
}
