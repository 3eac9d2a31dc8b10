// CONTRACT STUB (helper "mail-delivery" replaces the body; keep the signatures).
import type { Queryable } from '../../db/client.ts';

export type Approver = { kind: 'person'; userId: string; role: 'admin' | 'manager' | 'collector' } | { kind: 'policy' };

export interface ApproveInput {
  workspaceId: string;
  draftIds: readonly number[];
  by: Approver;
  now: Date;
  /** Mails go to the outbox (no SMTP_URL): said wherever a mail is "sent". */
  outbox: boolean;
}

export type NotApproved = 'not_waiting' | 'needs_manager' | 'no_sender' | 'not_found';

export interface ApproveResult {
  /** Mails built and queued, each with when it may leave (the debtor's business hours). */
  queued: { draftId: number; mailId: number; caseId: number | null; notBefore: Date }[];
  /** No usable address: a task went to the case owner instead. */
  noAddress: { draftId: number; caseId: number | null }[];
  refused: { draftId: number; reason: NotApproved }[];
}

/** Approves drafts still waiting, in the caller's transaction: each becomes one mail (src/db/mails.ts), built once. */
export async function approveDrafts(tx: Queryable, input: ApproveInput): Promise<ApproveResult> {
  void tx; void input;
  throw new Error('not built yet');
}
