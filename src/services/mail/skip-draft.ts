// Skipping a reminder draft: nothing is sent, and why goes to the case file.
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import type { Role } from '../../db/members.ts';
import { activities } from '../../db/schema.ts';
import { mayDecide } from './edit-draft.ts';
import { loadDraft, type DraftRow } from './post-draft.ts';

export type SkipResult =
  | { kind: 'skipped'; draft: DraftRow }
  | { kind: 'not_waiting'; draft: DraftRow }
  | { kind: 'needs_manager'; draft: DraftRow }
  | { kind: 'not_found' };

export async function skipDraft(db: Queryable, input: {
  workspaceId: string; draftId: number; userId: string; role: Role; reason: string; now: Date;
}): Promise<SkipResult> {
  return db.transaction(async (tx) => {
    const draft = await loadDraft(tx, input.workspaceId, input.draftId, true);
    if (!draft) return { kind: 'not_found' } as const;
    if (!mayDecide(input.role, draft.stage)) return { kind: 'needs_manager', draft } as const;
    if (draft.status !== 'draft') return { kind: 'not_waiting', draft } as const;
    await tx.execute(sql`update drafts set status = 'skipped', decided_by = ${input.userId}, decided_at = ${input.now.toISOString()}::timestamptz,
      skip_reason = ${input.reason} where id = ${draft.id}`);
    await tx.insert(activities).values({
      workspaceId: input.workspaceId, caseId: draft.caseId, customerId: draft.customerId, kind: 'reminder_skipped', actorId: input.userId,
      occurredAt: input.now, data: { stage: draft.stage, draft_id: draft.id }, note: input.reason,
    });
    return { kind: 'skipped', draft: { ...draft, status: 'skipped', decidedBy: input.userId, skipReason: input.reason } } as const;
  });
}
