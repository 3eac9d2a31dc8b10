// Logging a call's outcome: one timeline entry, and the caller's open call task
// is done. (The full flow — promises, next attempts, disputes — builds on this.)
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { activities, cases, customers, slackEvents, tasks } from '../db/schema.ts';

export const CALL_OUTCOMES = ['reached', 'no_answer', 'voicemail', 'wrong_number', 'promised', 'disputed', 'refused', 'paid'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

export const isCallOutcome = (s: string): s is CallOutcome => (CALL_OUTCOMES as readonly string[]).includes(s);

export interface LogCallInput {
  workspaceId: string;
  caseId: number;
  userId: string;
  outcome: CallOutcome;
  note: string | null;
  now: Date;
  /**
   * Names this submission (Slack's view id and hash). The timeline is
   * append-only, so a replayed submission must not write again: the key is
   * recorded with the entry, in the same transaction, and a second one is a no-op.
   */
  submissionKey?: string;
}

export type LogCallResult = { kind: 'logged'; name: string } | { kind: 'no_case' } | { kind: 'duplicate' };

export async function logCall(db: Db, input: LogCallInput): Promise<LogCallResult> {
  return db.transaction(async (tx) => {
    const [kase] = await tx.select({ id: cases.id, customerId: cases.customerId, name: customers.name })
      .from(cases).innerJoin(customers, eq(customers.id, cases.customerId))
      .where(and(eq(cases.workspaceId, input.workspaceId), eq(cases.id, input.caseId)));
    if (!kase) return { kind: 'no_case' };
    if (input.submissionKey) {
      // slack_events holds Slack's event ids (Ev…); these keys never collide with them.
      const first = await tx.insert(slackEvents).values({ eventId: input.submissionKey, workspaceId: input.workspaceId })
        .onConflictDoNothing().returning({ key: slackEvents.eventId });
      if (first.length === 0) return { kind: 'duplicate' };
    }
    await tx.insert(activities).values({
      workspaceId: input.workspaceId, caseId: kase.id, customerId: kase.customerId, kind: 'call_logged',
      actorId: input.userId, occurredAt: input.now, data: { outcome: input.outcome }, note: input.note,
    });
    await tx.update(tasks).set({ status: 'done', closedAt: input.now }).where(and(
      eq(tasks.workspaceId, input.workspaceId), eq(tasks.caseId, kase.id), eq(tasks.kind, 'call'), eq(tasks.status, 'open'), eq(tasks.assigneeId, input.userId),
    ));
    return { kind: 'logged', name: kase.name };
  });
}
