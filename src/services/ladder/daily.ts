// A workspace's ladder day: what must be true before the pass (the day's
// balances, the pauses that ended, the promises whose grace is over), then the
// pass itself, once per workspace-day: the ladder_days row, inserted in the
// pass's transaction, lets one worker do it however many race. An explicit
// run (`relance ladder --date D`) passes again whatever the marker says, and
// changes nothing the second time. A dry run does all of it in a transaction
// that is rolled back. A day passed while the ledger was too old to contact
// debtors (src/domain/ledger-freshness.ts) is passed again once a sync has
// made it fresh, so the reminders it held go out the same day.
import { ensureBalancesFresh } from '../../db/balances.ts';
import type { Db } from '../../db/client.ts';
import { claimLadderDay, ladderDayDone, recordLadderDay } from '../../db/ladder-pass.ts';
import { ladderDayWasHeld, readLedgerFreshness } from '../../db/ledger-sync.ts';
import { decidePromises } from '../../db/promise-verdicts.ts';
import type { Workspace } from '../../db/workspaces.ts';
import { todayIn, type IsoDate } from '../../domain/dates.ts';
import { resumeEndedPauses } from '../pause-case.ts';
import { runLadderPass, type LadderPassInput, type LadderPassResult } from './pass.ts';

export interface LadderDayInput extends Pick<LadderPassInput, 'command' | 'onCallStage' | 'listMoves'> {
  now: Date;
  /** Default: the workspace's today. */
  day?: IsoDate;
  /** Pass even if the day is marked done (the CLI). */
  again?: boolean;
  /** Everything in a transaction rolled back: the result of a pass, nothing written. */
  dryRun?: boolean;
}

export type LadderDayOutcome =
  | { kind: 'passed'; result: LadderPassResult; dryRun: boolean }
  | { kind: 'already_done'; day: IsoDate };

class DryRun extends Error {
  readonly result: LadderPassResult;
  constructor(result: LadderPassResult) {
    super('dry run: rolled back');
    this.result = result;
  }
}

/** Today's balances, ended pauses and broken promises first: each a no-op once done for the day. */
async function prepareDay(db: Db, workspace: Workspace, now: Date): Promise<void> {
  await ensureBalancesFresh(db, workspace.id, now);
  await resumeEndedPauses(db, { workspaceId: workspace.id, today: todayIn(workspace.timezone, now), now });
  await db.transaction((tx) => decidePromises(tx, { workspaceId: workspace.id, now, onlyWhenDue: true }));
}

export async function runLadderDay(db: Db, workspace: Workspace, input: LadderDayInput): Promise<LadderDayOutcome> {
  const day = input.day ?? todayIn(workspace.timezone, input.now);
  const pass = { workspaceId: workspace.id, day, now: input.now, command: input.command, onCallStage: input.onCallStage, listMoves: input.listMoves };
  if (input.dryRun) {
    try {
      await db.transaction(async (tx) => {
        // The same steps as a real run, nested in this transaction (savepoints), so it reports what a run would do.
        await prepareDay(tx as unknown as Db, workspace, input.now);
        throw new DryRun(await runLadderPass(tx, pass));
      });
    } catch (error) {
      if (error instanceof DryRun) return { kind: 'passed', result: error.result, dryRun: true };
      throw error;
    }
    throw new Error('a dry run cannot commit');
  }
  // One indexed read on most runs of the job: the day is usually done.
  let resumed = false;
  if (!input.again && (await ladderDayDone(db, workspace.id, day))) {
    // Done, but maybe on hold: passed again once the ledger is fresh (the day's result records a hold; its
    // stages are then the second pass's, the first one's calls and proposals being in the timeline).
    resumed = await ladderDayWasHeld(db, workspace.id, day) && (await readLedgerFreshness(db, workspace.id, input.now)).state !== 'stale';
    if (!resumed) return { kind: 'already_done', day };
  }
  await prepareDay(db, workspace, input.now);
  const outcome = await db.transaction(async (tx): Promise<LadderDayOutcome> => {
    const claimed = await claimLadderDay(tx, workspace.id, day, input.now);
    if (!claimed && !input.again && !resumed) return { kind: 'already_done', day };
    const result = await runLadderPass(tx, pass);
    if (claimed || resumed) {
      await recordLadderDay(tx, workspace.id, day, { stages: result.stages, preDue: result.preDue.drafted, ...(result.held ? { held: true } : {}) });
    }
    return { kind: 'passed', result, dryRun: false };
  });
  return outcome;
}
