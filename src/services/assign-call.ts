// Assigning a case's call to someone at a time: the case's open call task (if
// any) is cancelled and the new one written with its `call_assigned` entry, in
// one transaction, so a case has one open call at a time.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { activities, cases, tasks } from '../db/schema.ts';
import type { IsoDate } from '../domain/dates.ts';

export type AssignCallResult =
  | { kind: 'assigned'; taskId: number; dueAt: Date; replaced: { taskId: number; assigneeId: string | null }[] }
  | { kind: 'no_case' };

const ACTIVE = ['open', 'promised', 'paused', 'notice', 'agency', 'legal'] as const;

export async function assignCall(db: Db, input: {
  workspaceId: string; caseId: number; assigneeId: string; userId: string; dueAt: Date;
  /** The day of the call in the assignee's zone, for the timeline. */
  dueOn: IsoDate; now: Date;
}): Promise<AssignCallResult> {
  return db.transaction(async (tx) => {
    // The case row is locked so two assignments of one case queue up rather than leave two open calls.
    const [kase] = await tx.select({ id: cases.id, customerId: cases.customerId }).from(cases)
      .where(and(eq(cases.workspaceId, input.workspaceId), eq(cases.id, input.caseId), inArray(cases.status, [...ACTIVE])))
      .for('update');
    if (!kase) return { kind: 'no_case' };
    const replaced = await tx.update(tasks).set({ status: 'cancelled', closedAt: input.now })
      .where(and(eq(tasks.workspaceId, input.workspaceId), eq(tasks.caseId, kase.id), eq(tasks.kind, 'call'), eq(tasks.status, 'open')))
      .returning({ taskId: tasks.id, assigneeId: tasks.assigneeId });
    const [task] = await tx.insert(tasks).values({
      workspaceId: input.workspaceId, caseId: kase.id, kind: 'call', assigneeId: input.assigneeId, dueAt: input.dueAt, createdBy: input.userId,
    }).returning({ id: tasks.id });
    await tx.insert(activities).values({
      workspaceId: input.workspaceId, caseId: kase.id, customerId: kase.customerId, kind: 'call_assigned',
      actorId: input.userId, occurredAt: input.now,
      data: { task_id: task!.id, assignee: input.assigneeId, due_on: input.dueOn },
    });
    return { kind: 'assigned', taskId: task!.id, dueAt: input.dueAt, replaced };
  });
}
