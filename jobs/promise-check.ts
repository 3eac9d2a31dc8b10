// The "promise check" job: once a workspace's day has ended, the promises whose
// last day (promised day plus grace) was that day are broken, unless paid.
// Like the balances job, it runs every few minutes for every workspace and
// does the work only where there is some: after the first pass of a day no
// pending promise is past its deadline any more, so later passes read one
// index and stop. A flushed Redis or a second worker changes nothing.
import type { Db } from '../src/db/client.ts';
import { ensureBalancesFresh } from '../src/db/balances.ts';
import { decidePromises, type VerdictResult } from '../src/db/promise-verdicts.ts';
import { listWorkspaces } from '../src/db/workspaces.ts';

export const PROMISE_CHECK_SCHEDULER_ID = 'promise-check';
/** The job's name in the maintenance queue. */
export const PROMISE_CHECK_JOB = 'promise-check';
export const PROMISE_CHECK_EVERY_MS = 5 * 60_000;

export interface PromiseCheckRun extends VerdictResult {
  workspaceId: string;
}

/** One workspace's check: its balances as of its new day first, then the verdicts. */
export async function checkWorkspacePromises(db: Db, workspaceId: string, now: Date): Promise<PromiseCheckRun> {
  await ensureBalancesFresh(db, workspaceId, now);
  const result = await db.transaction((tx) => decidePromises(tx, { workspaceId, now, onlyWhenDue: true }));
  return { workspaceId, ...result };
}

/** Every workspace; returns those where promises were decided. */
export async function runPromiseCheckJob(db: Db, now: Date): Promise<{ decided: PromiseCheckRun[] }> {
  const decided: PromiseCheckRun[] = [];
  for (const workspace of await listWorkspaces(db)) {
    const run = await checkWorkspacePromises(db, workspace.id, now);
    if (run.kept + run.broken > 0) decided.push(run);
  }
  return { decided };
}
