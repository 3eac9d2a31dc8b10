// A person asks for an escalation (formal notice, agency, legal) or a
// write-off. First, without a lock, whether it can be asked at all; then its
// narrative (services/escalations/case-brief.ts: the model may take seconds,
// so never inside the transaction; the slash command runs this after its ack);
// then one transaction, where the same checks are made again under the lock: the request, its timeline entry (which reaches
// the case thread by itself), its message for the managers' channel and a DM
// to each manager who may decide. The case row is locked first, as every
// writer of a case does, and the unique index on pending requests keeps two
// of the same kind from waiting at once.
import { and, eq, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client.ts';
import { loadBrief, pendingOfKind } from '../../db/escalations.ts';
import { activities, cases, customers, escalations } from '../../db/schema.ts';
import type { Workspace } from '../../db/workspaces.ts';
import type { EscalationKind } from '../../domain/escalation-args.ts';
import type { AiClient } from '../../ai/client.ts';
import type { Logger } from '../../log.ts';
import { narrativeForRequest } from './case-brief.ts';
import { queueRequest, requestChannel, tellManagers } from './post-requests.ts';

export interface RequestInput {
  workspace: Workspace;
  caseId: number;
  kind: EscalationKind;
  reason: string | null;
  userId: string;
  now: Date;
  command: string;
  /** The model for the narrative; null or absent: the rule brief. */
  ai?: AiClient | null;
  logger?: Logger;
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

type Askable = { kind: 'askable'; kase: { id: number; status: string; customerId: number; name: string; ref: string } };

/** The case, if this request can be made on it now; else the answer that says why not. */
async function askable(q: Queryable, input: RequestInput, lock: boolean): Promise<Askable | Exclude<RequestResult, { kind: 'requested' }>> {
  const ws = input.workspace.id;
  const query = q.select({ id: cases.id, status: cases.status, customerId: cases.customerId, name: customers.name, ref: customers.customerRef })
    .from(cases).innerJoin(customers, eq(customers.id, cases.customerId))
    .where(and(eq(cases.workspaceId, ws), eq(cases.id, input.caseId), sql`${cases.status} not in ('resolved', 'written_off')`));
  const [kase] = lock ? await query.for('update', { of: cases }) : await query;
  if (!kase) return { kind: 'no_case' };
  if (REACHED[input.kind].includes(kase.status)) return { kind: 'already', name: kase.name, status: kase.status };
  const waiting = await pendingOfKind(q, ws, kase.id, input.kind);
  if (waiting) return { kind: 'pending', name: kase.name, requestedBy: waiting.requestedBy, createdAt: waiting.createdAt };
  return { kind: 'askable', kase };
}

export async function requestEscalation(db: Db, input: RequestInput): Promise<RequestResult> {
  const ws = input.workspace.id;
  // A request refused now is refused without asking the model.
  const before = await askable(db, input, false);
  if (before.kind !== 'askable') return before;
  const narrative = await narrativeForRequest(db, input.ai ?? null, {
    workspace: input.workspace, caseId: input.caseId, kind: input.kind, requestedBy: input.userId, reason: input.reason, now: input.now,
    ...(input.logger ? { logger: input.logger } : {}),
  });
  return db.transaction(async (tx): Promise<RequestResult> => {
    const checked = await askable(tx, input, true);
    if (checked.kind !== 'askable') return checked;
    const { kase } = checked;

    const [created] = await tx.insert(escalations).values({
      workspaceId: ws, caseId: kase.id, kind: input.kind, requestedBy: input.userId, reason: input.reason, createdAt: input.now,
      ...(narrative ? { briefText: narrative.text, briefSource: narrative.source } : {}),
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
