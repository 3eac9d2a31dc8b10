// A person asks for an escalation (formal notice, agency, legal) or a
// write-off. One transaction: the request, its timeline entry (which reaches
// the case thread by itself), its message for the managers' channel and a DM
// to each manager who may decide. The case row is locked first, as every
// writer of a case does, and the unique index on pending requests keeps two
// of the same kind from waiting at once.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { loadBrief, pendingOfKind } from '../../db/escalations.ts';
import { activities, cases, customers, escalations } from '../../db/schema.ts';
import type { Workspace } from '../../db/workspaces.ts';
import type { EscalationKind } from '../../domain/escalation-args.ts';
import { queueRequest, requestChannel, tellManagers } from './post-requests.ts';

export interface RequestInput {
  workspace: Workspace;
  caseId: number;
  kind: EscalationKind;
  reason: string | null;
  userId: string;
  now: Date;
  command: string;
}

export type RequestResult =
  | { kind: 'requested'; escalationId: number; name: string; ref: string; channelId: string | null; managers: number }
  /** No active case with that id in this workspace (resolved, written off, gone). */
  | { kind: 'no_case' }
  /** The case is already at that step, or past it. */
  | { kind: 'already'; name: string; status: string }
  | { kind: 'pending'; name: string; requestedBy: string; createdAt: Date };

/** Statuses at which a request of each kind has nothing left to ask for. */
const REACHED: Record<EscalationKind, readonly string[]> = {
  notice: ['notice', 'agency', 'legal'],
  agency: ['agency'],
  legal: ['legal'],
  writeoff: [],
};

export async function requestEscalation(db: Db, input: RequestInput): Promise<RequestResult> {
  const ws = input.workspace.id;
  return db.transaction(async (tx): Promise<RequestResult> => {
    const [kase] = await tx.select({ id: cases.id, status: cases.status, customerId: cases.customerId, name: customers.name, ref: customers.customerRef })
      .from(cases).innerJoin(customers, eq(customers.id, cases.customerId))
      .where(and(eq(cases.workspaceId, ws), eq(cases.id, input.caseId), sql`${cases.status} not in ('resolved', 'written_off')`))
      .for('update', { of: cases });
    if (!kase) return { kind: 'no_case' };
    if (REACHED[input.kind].includes(kase.status)) return { kind: 'already', name: kase.name, status: kase.status };
    const waiting = await pendingOfKind(tx, ws, kase.id, input.kind);
    if (waiting) return { kind: 'pending', name: kase.name, requestedBy: waiting.requestedBy, createdAt: waiting.createdAt };

    const [created] = await tx.insert(escalations).values({
      workspaceId: ws, caseId: kase.id, kind: input.kind, requestedBy: input.userId, reason: input.reason, createdAt: input.now,
    }).onConflictDoNothing().returning({ id: escalations.id });
    if (!created) {
      // The ladder's pass proposed the same step meanwhile: that proposal is the request.
      const proposed = await pendingOfKind(tx, ws, kase.id, input.kind);
      return { kind: 'pending', name: kase.name, requestedBy: proposed?.requestedBy ?? 'system', createdAt: proposed?.createdAt ?? input.now };
    }
    const escalationId = created.id;
    await tx.insert(activities).values({
      workspaceId: ws, caseId: kase.id, customerId: kase.customerId, kind: 'escalation_requested', actorId: input.userId,
      occurredAt: input.now, note: input.reason, data: { escalation_id: escalationId, escalation: input.kind },
    });
    const brief = await loadBrief(tx, ws, escalationId);
    if (!brief) throw new Error(`escalation ${escalationId} vanished inside its own transaction`);
    const ctx = { workspace: input.workspace, now: input.now, command: input.command };
    await queueRequest(tx, ctx, brief);
    const managers = await tellManagers(tx, ctx, brief);
    return { kind: 'requested', escalationId, name: kase.name, ref: kase.ref, channelId: await requestChannel(tx, ws), managers };
  });
}
