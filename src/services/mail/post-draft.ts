// CONTRACT STUB (helper "mail-slack" replaces the body; keep the signature).
import type { Queryable } from '../../db/client.ts';

/**
 * Posts a draft waiting for approval to its case thread (Send / Edit / Skip),
 * or, when the send policy sends it by itself, the text with "leaves by itself".
 * In the caller's transaction, through the channel-post outbox.
 */
export async function postDraft(tx: Queryable, input: { workspaceId: string; draftId: number; now: Date; command: string }): Promise<void> {
  void tx; void input;
  throw new Error('not built yet');
}
