// The "ladder" job: once a workspace's day has begun, its ladder pass runs
// (src/services/ladder/daily.ts), after that day's balances, ended pauses and
// broken promises. Like the promise check it runs every few minutes for every
// workspace and works only where the day is not done yet: the ladder_days
// row, written with the pass, makes later runs, other workers and a flushed
// Redis change nothing.
import type { WebClient } from '@slack/web-api';
import { eq } from 'drizzle-orm';
import type { AiClient } from '../src/ai/client.ts';
import type { Db } from '../src/db/client.ts';
import { workspaces } from '../src/db/schema.ts';
import { localParts } from '../src/domain/dates.ts';
import { listWorkspaces } from '../src/db/workspaces.ts';
import { assignDueCalls } from '../src/services/auto-assign.ts';
import { runLadderDay } from '../src/services/ladder/daily.ts';
import type { LadderPassResult, OnCallStage } from '../src/services/ladder/pass.ts';
import { wordPassDrafts } from '../src/services/ladder/wording.ts';
import type { Logger } from '../src/log.ts';
import { AUTO_ASSIGN_FROM } from './auto-assign.ts';

export const LADDER_SCHEDULER_ID = 'ladder';
/** The job's name in the maintenance queue. */
export const LADDER_JOB = 'ladder';
export const LADDER_EVERY_MS = 5 * 60_000;

export interface LadderJobDeps {
  /** Call tasks for the cases that reached the call step (wired to automatic assignment). */
  onCallStage?: OnCallStage;
  command?: string;
  /** Words the pass's drafts awaiting approval once the pass committed (src/services/ladder/wording.ts); null or absent: the templates stay. */
  ai?: AiClient | null;
  /** Redraws a draft's post already in Slack after its wording. */
  client?: WebClient;
  logger?: Logger;
}

/**
 * The cases that reached the call step get their call now, among the people at
 * work (src/services/auto-assign.ts). Before the morning's automatic assignment
 * (AUTO_ASSIGN_FROM) they wait for it, which takes every case at the call step:
 * a pass just after midnight would otherwise DM the callers at night.
 */
export const assignCallStage: OnCallStage = async (tx, caseIds, context) => {
  const [workspace] = await (tx as Db).select({ timezone: workspaces.timezone }).from(workspaces).where(eq(workspaces.id, context.workspaceId));
  if (workspace && localParts(context.now, workspace.timezone).time < AUTO_ASSIGN_FROM) return;
  await assignDueCalls(tx as Db, { workspaceId: context.workspaceId, now: context.now, caseIds, command: context.command });
};

/** What a pass did, in counts: the job's result, kept by BullMQ (no names, no lists). */
export interface LadderJobPass {
  workspaceId: string;
  day: string;
  stages: LadderPassResult['stages'];
  preDueDrafted: number;
}

/** Every workspace whose day has not passed yet; returns the passes that ran. */
export async function runLadderJob(db: Db, now: Date, deps: LadderJobDeps = {}): Promise<{ passed: LadderJobPass[] }> {
  const passed: LadderJobPass[] = [];
  for (const workspace of await listWorkspaces(db)) {
    const outcome = await runLadderDay(db, workspace, { now, onCallStage: deps.onCallStage, command: deps.command });
    if (outcome.kind === 'passed') {
      const { workspaceId, day, stages, preDue } = outcome.result;
      passed.push({ workspaceId, day, stages, preDueDrafted: preDue.drafted });
      // After the commit, never inside the pass: the model is asked over the network, the pass holds the ladder lock.
      if (deps.ai && deps.logger) {
        const logger = deps.logger;
        await wordPassDrafts({ db, ai: deps.ai, client: deps.client, logger, command: deps.command ?? '/collect' }, { workspaceId, createdAt: now })
          // The pass is done and its templates are good drafts: a failure here is logged, never the job's.
          .catch((error: unknown) => logger.warn({ err: error, workspace: workspaceId }, 'could not word the ladder drafts'));
      }
    }
  }
  return { passed };
}
