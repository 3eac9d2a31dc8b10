// The recent calls of cases, for the calling profile: when each was logged and
// the last one someone answered. One statement for any number of cases.
import { sql } from 'drizzle-orm';
import { CAP_DAYS, CONVERSATION_OUTCOMES, type CallHistory, type CallingProfile } from '../domain/calling-profile.ts';
import { idArray } from './balances.ts';
import { rows, type Queryable } from './client.ts';

const DAY_MS = 86_400_000;

/** How far back the profile looks from a call at `from` or later. */
export const historySince = (profile: CallingProfile, from: Date): Date =>
  new Date(from.getTime() - Math.max(CAP_DAYS, profile.quietDays) * DAY_MS);

export async function loadCallHistories(db: Queryable, workspaceId: string, caseIds: number[], since: Date): Promise<Map<number, CallHistory>> {
  const histories = new Map<number, { logged: Date[]; lastConversation: Date | null }>(caseIds.map((id) => [id, { logged: [], lastConversation: null }]));
  if (caseIds.length === 0) return histories;
  const found = await rows<{ case_id: string | number; occurred_at: Date | string; outcome: string | null }>(db, sql`
    select case_id, occurred_at, data->>'outcome' as outcome from activities
    where workspace_id = ${workspaceId} and case_id = any(${idArray(caseIds)}::bigint[]) and kind = 'call_logged'
      and occurred_at > ${since.toISOString()}::timestamptz`);
  for (const row of found) {
    const history = histories.get(Number(row.case_id));
    if (!history) continue;
    const at = new Date(row.occurred_at);
    history.logged.push(at);
    const answered = row.outcome !== null && (CONVERSATION_OUTCOMES as readonly string[]).includes(row.outcome);
    if (answered && (!history.lastConversation || at > history.lastConversation)) history.lastConversation = at;
  }
  return histories;
}
