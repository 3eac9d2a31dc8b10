// The "auto-assign" job: once per workspace and day, the day's calls go to the
// people at work (src/services/auto-assign.ts). Like the promise check it runs
// every few minutes for every workspace and acts only where the day's run is
// due and not done: from AUTO_ASSIGN_FROM in the workspace's zone, so the DMs
// it sends come in the morning, after that day's balances are rebuilt and due
// pauses ended. A flushed Redis or a second worker changes nothing: the day's
// row in auto_assign_days decides.
import { ensureBalancesFresh } from '../src/db/balances.ts';
import type { Db } from '../src/db/client.ts';
import { listWorkspaces } from '../src/db/workspaces.ts';
import { localParts } from '../src/domain/dates.ts';
import { assignTodaysCalls, ranToday, type AutoAssignResult } from '../src/services/auto-assign.ts';
import { resumeEndedPauses } from '../src/services/pause-case.ts';

export const AUTO_ASSIGN_SCHEDULER_ID = 'auto-assign';
/** The job's name in the maintenance queue. */
export const AUTO_ASSIGN_JOB = 'auto-assign';
export const AUTO_ASSIGN_EVERY_MS = 5 * 60_000;
/** Local time in the workspace's zone from which the day's calls are given out. */
export const AUTO_ASSIGN_FROM = '07:00';

export interface AutoAssignRun extends AutoAssignResult {
  workspaceId: string;
}

export async function runAutoAssignJob(db: Db, now: Date, command?: string): Promise<{ runs: AutoAssignRun[] }> {
  const runs: AutoAssignRun[] = [];
  for (const workspace of await listWorkspaces(db)) {
    const local = localParts(now, workspace.timezone);
    if (local.time < AUTO_ASSIGN_FROM || await ranToday(db, workspace.id, local.date)) continue;
    await ensureBalancesFresh(db, workspace.id, now);
    await resumeEndedPauses(db, { workspaceId: workspace.id, today: local.date, now });
    const run = await assignTodaysCalls(db, { workspaceId: workspace.id, now, command });
    if (run.kind === 'done') runs.push({ workspaceId: workspace.id, assigned: run.assigned, unassigned: run.unassigned });
  }
  return { runs };
}
