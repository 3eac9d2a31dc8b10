// The "balances" job: aging moves at midnight in each workspace's time zone.
// Every few minutes this rebuilds the balances of any workspace whose day has
// turned, so the morning's first worklist does not pay for it. Idempotent: a
// workspace already rebuilt for its today is skipped. Pauses whose date has
// come end here too, whoever rebuilt the day first (the job or a morning reader):
// one statement per workspace, a no-op once done.
import { ensureBalancesFresh } from '../src/db/balances.ts';
import type { Db } from '../src/db/client.ts';
import { listWorkspaces } from '../src/db/workspaces.ts';
import { todayIn } from '../src/domain/dates.ts';
import { resumeEndedPauses } from '../src/services/pause-case.ts';

export const BALANCES_SCHEDULER_ID = 'balances-rebuild';
export const BALANCES_EVERY_MS = 10 * 60_000;

export async function runBalancesJob(db: Db, now: Date): Promise<{ rebuilt: string[]; resumed: number }> {
  const rebuilt: string[] = [];
  let resumed = 0;
  for (const workspace of await listWorkspaces(db)) {
    if (await ensureBalancesFresh(db, workspace.id, now)) rebuilt.push(workspace.id);
    resumed += await resumeEndedPauses(db, { workspaceId: workspace.id, today: todayIn(workspace.timezone, now), now });
  }
  return { rebuilt, resumed };
}
