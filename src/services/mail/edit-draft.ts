// An edit of a reminder draft waiting for approval: the new subject and text
// replace the drafted ones, checked first (src/domain/draft-edit.ts: the
// figures and invoice numbers stay), and the timeline keeps both versions.
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import type { Role } from '../../db/members.ts';
import { activities } from '../../db/schema.ts';
import { checkEditedDraft, draftFacts, type EditedDraft, type EditProblem } from '../../domain/draft-edit.ts';
import { isMailStage, stageNeedsManager } from '../../domain/mail-settings.ts';
import { loadDraft, type DraftRow } from './post-draft.ts';

export type EditResult =
  | { kind: 'edited'; draft: DraftRow }
  | { kind: 'invalid'; problems: EditProblem[] }
  | { kind: 'not_waiting'; draft: DraftRow }
  | { kind: 'needs_manager'; draft: DraftRow }
  | { kind: 'not_found' };

/** Who may send, edit or skip a draft of this stage: collectors up to the firm reminder, a manager for the formal-notice copy. */
export const mayDecide = (role: Role, stage: string): boolean =>
  role !== 'collector' || !(isMailStage(stage) && stageNeedsManager(stage));

export async function editDraft(db: Queryable, input: {
  workspaceId: string; draftId: number; userId: string; role: Role; edit: EditedDraft; now: Date;
}): Promise<EditResult> {
  return db.transaction(async (tx) => {
    const draft = await loadDraft(tx, input.workspaceId, input.draftId, true);
    if (!draft) return { kind: 'not_found' } as const;
    if (!mayDecide(input.role, draft.stage)) return { kind: 'needs_manager', draft } as const;
    if (draft.status !== 'draft') return { kind: 'not_waiting', draft } as const;
    const checked = checkEditedDraft(draftFacts(draft.locale, draft.body, draft.data), input.edit);
    if (!checked.ok) return { kind: 'invalid', problems: checked.error } as const;
    const { subject, body } = checked.value;
    await tx.execute(sql`update drafts set subject = ${subject}, body = ${body}, edited_by = ${input.userId}, edited_at = ${input.now.toISOString()}::timestamptz
      where id = ${draft.id}`);
    await tx.insert(activities).values({
      workspaceId: input.workspaceId, caseId: draft.caseId, customerId: draft.customerId, kind: 'reminder_edited', actorId: input.userId,
      occurredAt: input.now,
      data: { stage: draft.stage, draft_id: draft.id, subject_before: draft.subject, body_before: draft.body, subject, body },
    });
    return { kind: 'edited', draft: { ...draft, subject, body, editedBy: input.userId } } as const;
  });
}
