// Claiming and releasing a case's phone call (digest button or :raising_hand:).
// The case row is locked while deciding, so two people claiming at once get
// one winner and one "already claimed by".
import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { activities, cases, customers, tasks } from '../db/schema.ts';

export type ClaimResult =
  | { kind: 'claimed'; name: string; taskId: number }
  | { kind: 'already'; name: string }
  | { kind: 'taken'; name: string; by: string }
  | { kind: 'closed' };

export type ReleaseResult = { kind: 'released'; name: string } | { kind: 'not_holder' } | { kind: 'closed' };

interface CallInput {
  workspaceId: string;
  caseId: number;
  userId: string;
  now: Date;
  via: 'button' | 'reaction';
}

async function lockCase(tx: Tx, workspaceId: string, caseId: number) {
  const [row] = await tx.select({ id: cases.id, status: cases.status, ownerId: cases.ownerId, customerId: cases.customerId, name: customers.name })
    .from(cases).innerJoin(customers, eq(customers.id, cases.customerId))
    .where(and(eq(cases.workspaceId, workspaceId), eq(cases.id, caseId)))
    .for('update', { of: cases });
  return row && !['resolved', 'written_off'].includes(row.status) ? row : null;
}

const openCall = (workspaceId: string, caseId: number) =>
  and(eq(tasks.workspaceId, workspaceId), eq(tasks.caseId, caseId), eq(tasks.kind, 'call'), eq(tasks.status, 'open'));

export async function claimCall(db: Db, input: CallInput): Promise<ClaimResult> {
  return db.transaction(async (tx) => {
    const kase = await lockCase(tx, input.workspaceId, input.caseId);
    if (!kase) return { kind: 'closed' };
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
    if (!kase.ownerId) await tx.update(cases).set({ ownerId: input.userId, updatedAt: input.now }).where(eq(cases.id, kase.id));
    await tx.insert(activities).values({
      workspaceId: input.workspaceId, caseId: kase.id, customerId: kase.customerId, kind: 'call_claimed',
      actorId: input.userId, occurredAt: input.now, data: { via: input.via, task_id: taskId },
    });
    return { kind: 'claimed', name: kase.name, taskId };
  });
}

/** Gives the call back, only if `userId` holds it (removing someone else's reaction releases nothing). */
export async function releaseCall(db: Db, input: CallInput): Promise<ReleaseResult> {
  return db.transaction(async (tx) => {
    const kase = await lockCase(tx, input.workspaceId, input.caseId);
    if (!kase) return { kind: 'closed' };
    const released = await tx.update(tasks).set({ status: 'cancelled', closedAt: input.now })
      .where(and(openCall(input.workspaceId, input.caseId), eq(tasks.assigneeId, input.userId)))
      .returning({ id: tasks.id });
    if (released.length === 0) return { kind: 'not_holder' };
    await tx.insert(activities).values({
      workspaceId: input.workspaceId, caseId: kase.id, customerId: kase.customerId, kind: 'call_released',
      actorId: input.userId, occurredAt: input.now, data: { via: input.via, task_id: released[0]!.id },
    });
    return { kind: 'released', name: kase.name };
  });
}

/** Who holds the case's open call, if anyone. */
export async function callHolder(db: Db, workspaceId: string, caseId: number): Promise<string | null> {
  const [row] = await db.select({ assigneeId: tasks.assigneeId }).from(tasks).where(openCall(workspaceId, caseId)).orderBy(sql`${tasks.createdAt} desc`).limit(1);
  return row?.assigneeId ?? null;
}
