// Which workspaces have mails to send now, and the attempts that never came
// back. The database is the queue's truth: every worker polls it (one
// grouped query) and adds one drain job per workspace with mails due, under
// the workspace's id, so a workspace already waiting or draining is not added
// twice. The job claims batches until nothing is due (src/services/mail/send.ts).
import type { Db } from '../../db/client.ts';
import { dueWorkspaces as dueWorkspaceRows, insertActivities, settleSendingBefore, type NewActivity } from '../../db/mails.ts';

/**
 * An attempt still 'sending' after this long lost its answer: its worker died
 * between claiming and recording. Well beyond the longest an attempt can take
 * (src/mail/transport.ts: 30 s to connect, 30 s for the greeting, 120 s of
 * silence on the socket), so a live attempt is never settled.
 */
export const STUCK_AFTER_MS = 10 * 60_000;

export const dueWorkspaces = (db: Db, now: Date) => dueWorkspaceRows(db, now);

/** BullMQ refuses ':' in ids. */
export const mailJobId = (workspaceId: string) => `mails.${workspaceId}`;

/**
 * Mails stuck in 'sending' for over STUCK_AFTER_MS become 'unknown' (a person
 * decides; never resent by themselves), in one statement, with their
 * activities. Returns their ids.
 */
export async function settleStuckMails(db: Db, now: Date): Promise<number[]> {
  return db.transaction(async (tx) => {
    const lost = await settleSendingBefore(tx, new Date(now.getTime() - STUCK_AFTER_MS));
    const byWorkspace = new Map<string, NewActivity[]>();
    for (const m of lost) {
      const list = byWorkspace.get(m.workspace_id) ?? [];
      list.push({ case_id: m.case_id, customer_id: m.customer_id, kind: 'reminder_unknown', data: { stage: m.stage, mail_id: m.id, attempted_at: new Date(m.attempt_started_at).toISOString() } });
      byWorkspace.set(m.workspace_id, list);
    }
    for (const [workspaceId, list] of byWorkspace) await insertActivities(tx, workspaceId, list, 'system', now);
    return lost.map((m) => m.id);
  });
}
