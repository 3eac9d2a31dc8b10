// A manager approves or rejects a request. Exactly one decision, whatever
// double clicks or two managers at once: the case row is locked first (as
// every writer of a case does), then the request, and the decision is a
// conditional update of a request still pending. Four eyes: the requester
// never decides their own; a ladder proposal (requested by 'system') may be
// decided by any manager. The caller checks the role before calling.
//
// Approval only moves the case and records the decision: notice → `notice`,
// agency/legal → `agency`/`legal` (open calls cancelled: the case is out of
// the team's hands), write-off → `written_off` (resolved now, open tasks and
// pending promises cancelled). Requests the approval makes moot are closed
// with it. The letter and the hand-off export, when they exist, start from
// an approved request: `approvedRequest` below is what they read.
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { updatePriorities } from '../../db/balances.ts';
import { enqueueChannelPost } from '../../db/channel-posts.ts';
import type { Db, Tx } from '../../db/client.ts';
import { loadBrief, SYSTEM_REQUESTER, type EscalationBrief } from '../../db/escalations.ts';
import { activities, cases, channelPosts, escalations, promises, tasks } from '../../db/schema.ts';
import type { Workspace } from '../../db/workspaces.ts';
import type { EscalationKind } from '../../domain/escalation-args.ts';
import { mention, mrkdwn } from '../../i18n/format.ts';
import { kindLabel, quoted, requestMessage, workspaceView, type Route } from '../../slack/blocks/escalation.ts';

export type Decision = { kind: 'approve'; route: Route | null } | { kind: 'reject'; reason: string };

export interface DecideInput {
  workspace: Workspace;
  escalationId: number;
  userId: string;
  decision: Decision;
  now: Date;
  command: string;
}

export type DecideResult =
  | { kind: 'approved'; brief: EscalationBrief }
  | { kind: 'rejected'; brief: EscalationBrief }
  | { kind: 'not_found' }
  /** The clicker asked for it: another manager decides. */
  | { kind: 'own'; brief: EscalationBrief }
  /** Decided already (by someone else, or by this click's twin): `brief` says how and by whom. */
  | { kind: 'decided'; brief: EscalationBrief }
  /** The case was resolved or written off meanwhile: the request is closed without a decision. */
  | { kind: 'case_closed'; brief: EscalationBrief }
  /** A route picked on a request that offers none (a forged or stale button). */
  | { kind: 'no_route' };

const CLOSED = ['resolved', 'written_off'];

/** Other pending requests of the case an approval makes moot. */
const MOOTED: Record<EscalationKind, readonly EscalationKind[]> = {
  notice: [],
  agency: ['notice'],
  legal: ['notice'],
  writeoff: ['notice', 'agency', 'legal'],
};

export async function decideEscalation(db: Db, input: DecideInput): Promise<DecideResult> {
  const ws = input.workspace.id;
  const result = await db.transaction(async (tx): Promise<DecideResult> => {
    const [head] = await tx.select({ caseId: escalations.caseId }).from(escalations)
      .where(and(eq(escalations.workspaceId, ws), eq(escalations.id, input.escalationId)));
    if (!head) return { kind: 'not_found' };
    const [kase] = await tx.select({ id: cases.id, status: cases.status, customerId: cases.customerId }).from(cases)
      .where(eq(cases.id, head.caseId)).for('update');
    const [request] = await tx.select().from(escalations).where(eq(escalations.id, input.escalationId)).for('update');
    if (!kase || !request) return { kind: 'not_found' };
    const brief = async () => (await loadBrief(tx, ws, request.id))!;
    if (request.status !== 'pending') return { kind: 'decided', brief: await brief() };
    if (request.requestedBy === input.userId) return { kind: 'own', brief: await brief() };
    const { decision } = input;
    const offersRoutes = request.requestedBy === SYSTEM_REQUESTER && (request.kind === 'agency' || request.kind === 'legal');
    if (decision.kind === 'approve' && decision.route && !offersRoutes) return { kind: 'no_route' };
    const entry = { workspaceId: ws, caseId: kase.id, customerId: kase.customerId, actorId: input.userId, occurredAt: input.now };

    if (CLOSED.includes(kase.status)) {
      await closeRequests(tx, [request.id], { ...entry, actorId: 'system' });
      return { kind: 'case_closed', brief: await brief() };
    }
    const kind: EscalationKind = decision.kind === 'approve' && decision.route ? decision.route : request.kind;
    const [won] = await tx.update(escalations).set({
      status: decision.kind === 'approve' ? 'approved' : 'rejected', kind, decidedBy: input.userId, decidedAt: input.now,
      decisionReason: decision.kind === 'reject' ? decision.reason : null,
    }).where(and(eq(escalations.id, request.id), eq(escalations.status, 'pending'))).returning({ id: escalations.id });
    if (!won) return { kind: 'decided', brief: await brief() };

    const data = { escalation_id: request.id, escalation: kind };
    if (decision.kind === 'reject') {
      await tx.insert(activities).values({ ...entry, kind: 'escalation_rejected', note: decision.reason, data });
    } else {
      await tx.insert(activities).values({ ...entry, kind: 'escalation_approved', data });
      await applyApproval(tx, { caseId: kase.id, kind, now: input.now });
      const mooted = await tx.select({ id: escalations.id }).from(escalations)
        .where(and(eq(escalations.caseId, kase.id), eq(escalations.status, 'pending'), ne(escalations.id, request.id),
          inArray(escalations.kind, [...MOOTED[kind]])));
      await closeRequests(tx, mooted.map((m) => m.id), entry);
    }
    const decided = await brief();
    await tellRequester(tx, input, decided);
    await showInQueuedMessage(tx, input, decided);
    return { kind: decision.kind === 'approve' ? 'approved' : 'rejected', brief: decided };
  });
  if (result.kind === 'approved') {
    // The worklist score depends on the case's status. Outside the decision's transaction, as a promise does:
    // the stored score is a summary the next rebuild recomputes anyway.
    await db.transaction((tx) => updatePriorities(tx, { workspaceId: ws, today: workspaceView(input.workspace, input.now, input.command).today, customerIds: [result.brief.customerId] }))
      .catch(() => {});
  }
  return result;
}

async function applyApproval(tx: Tx, input: { caseId: number; kind: EscalationKind; now: Date }): Promise<void> {
  const { caseId, now } = input;
  // An approved escalation goes ahead despite a pause: the pause ends with it.
  const unpause = { pausedUntil: null, pauseReason: null, updatedAt: now };
  switch (input.kind) {
    case 'notice':
      await tx.update(cases).set({ ...unpause, status: 'notice', stage: 'formal_notice' }).where(eq(cases.id, caseId));
      return;
    case 'agency':
    case 'legal':
      await tx.update(cases).set({ ...unpause, status: input.kind, stage: input.kind }).where(eq(cases.id, caseId));
      await tx.update(tasks).set({ status: 'cancelled', closedAt: now })
        .where(and(eq(tasks.caseId, caseId), eq(tasks.kind, 'call'), eq(tasks.status, 'open')));
      return;
    case 'writeoff':
      await tx.update(cases).set({ ...unpause, status: 'written_off', resolvedAt: now }).where(eq(cases.id, caseId));
      await tx.update(tasks).set({ status: 'cancelled', closedAt: now }).where(and(eq(tasks.caseId, caseId), eq(tasks.status, 'open')));
      await tx.update(promises).set({ status: 'cancelled', decidedAt: now }).where(and(eq(promises.caseId, caseId), eq(promises.status, 'pending')));
  }
}

/** Pending requests closed without a decision (moot, or their case closed), each with its timeline entry. */
async function closeRequests(tx: Tx, ids: number[], entry: { workspaceId: string; caseId: number; customerId: number; actorId: string; occurredAt: Date }) {
  if (ids.length === 0) return;
  const closed = await tx.update(escalations).set({ status: 'cancelled', decidedAt: entry.occurredAt })
    .where(and(inArray(escalations.id, ids), eq(escalations.status, 'pending'))).returning({ id: escalations.id, kind: escalations.kind });
  if (closed.length === 0) return;
  await tx.insert(activities).values(closed.map((c) => ({ ...entry, kind: 'escalation_cancelled', data: { escalation_id: c.id, escalation: c.kind } })));
}

/** The requester hears of the decision by DM (a ladder proposal has nobody to tell). */
async function tellRequester(tx: Tx, input: DecideInput, b: EscalationBrief): Promise<void> {
  if (b.requestedBy === SYSTEM_REQUESTER || b.status === 'pending') return;
  const { t } = workspaceView(input.workspace, input.now, input.command);
  const params = { kind: kindLabel(t, b.kind), name: b.name, ref: b.ref, user: mention(input.userId), command: input.command };
  const text = b.status === 'approved'
    ? t('escalation.dm.approved', params)
    : t('escalation.dm.rejected', { ...params, reason: b.decisionReason ? quoted(b.decisionReason) : mrkdwn('') });
  await enqueueChannelPost(tx, { workspaceId: input.workspace.id, target: { to: 'user', userId: b.requestedBy }, text, key: `escalation.${b.id}.decided`, now: input.now });
}

/**
 * A request message not begun yet goes out showing the decision. A poster may
 * have read it just before: so the posted message is still updated once it is
 * (show-decision.ts), and only that marks the decision shown.
 */
async function showInQueuedMessage(tx: Tx, input: DecideInput, b: EscalationBrief): Promise<void> {
  if (!b.postId) return;
  const message = requestMessage(b, workspaceView(input.workspace, input.now, input.command));
  await tx.update(channelPosts).set({ payload: { text: message.text, blocks: message.blocks } })
    .where(and(eq(channelPosts.id, b.postId), eq(channelPosts.status, 'pending'), sql`${channelPosts.postStartedAt} is null`));
}

/** Closes the requests still waiting on cases resolved or written off since; returns how many. */
export async function closeRequestsOfClosedCases(db: Db, input: { workspaceId: string; now: Date }): Promise<number> {
  return db.transaction(async (tx) => {
    const moot = await tx.select({ id: escalations.id, caseId: escalations.caseId, customerId: cases.customerId }).from(escalations)
      .innerJoin(cases, eq(cases.id, escalations.caseId))
      .where(and(eq(escalations.workspaceId, input.workspaceId), eq(escalations.status, 'pending'), inArray(cases.status, ['resolved', 'written_off'])))
      .for('update', { of: escalations, skipLocked: true });
    for (const m of moot) {
      await closeRequests(tx, [m.id], { workspaceId: input.workspaceId, caseId: m.caseId, customerId: m.customerId, actorId: 'system', occurredAt: input.now });
    }
    return moot.length;
  });
}

/** An approved request, for what follows an approval (the formal notice letter, the hand-off export). */
export async function approvedRequest(db: Db, workspaceId: string, escalationId: number): Promise<EscalationBrief | null> {
  const brief = await loadBrief(db, workspaceId, escalationId);
  return brief?.status === 'approved' ? brief : null;
}
