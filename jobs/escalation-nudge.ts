// The escalations pass, every two minutes on the maintenance queue, for each
// workspace with requests waiting or decisions not shown yet:
//   1. requests whose case was resolved or written off meanwhile are closed;
//      cases whose formal notice ran out unpaid get the hand-off proposal
//      (src/services/escalations/after-notice.ts), posted by step 2;
//   2. the ladder's new proposals get their narrative (the model, with a key:
//      src/services/escalations/case-brief.ts), then are posted with their DMs (or, in a burst,
//      listed with one DM per manager: src/services/escalations/post-requests.ts);
//   3. decided requests whose message still shows its buttons are updated;
//   4. requests undecided for `escalation_nudge_hours` business hours are nudged once;
//   5. approved notices and hand-offs get their letter or case file, if the click could not.
// Every step is conditional on the rows' state, so a second worker or a
// second run changes nothing.
import type { AiClient } from '../src/ai/client.ts';
import type { Logger } from '../src/log.ts';
import { workspacesWithEscalations, workspacesWithNotices } from '../src/db/escalations.ts';
import { proposeAfterNotice } from '../src/services/escalations/after-notice.ts';
import { closeRequestsOfClosedCases } from '../src/services/escalations/decide.ts';
import { fulfilApprovals, workspacesWithApprovalsToFulfil } from '../src/services/escalations/fulfil.ts';
import { nudgeWaiting } from '../src/services/escalations/nudge.ts';
import { postWaitingProposals } from '../src/services/escalations/post-requests.ts';
import { showDecisions, type SlackDeps } from '../src/services/escalations/show-decision.ts';

export const ESCALATIONS_SCHEDULER_ID = 'escalations-pass';
/** The job's name in the maintenance queue. */
export const ESCALATIONS_JOB = 'escalations';
export const ESCALATIONS_EVERY_MS = 2 * 60_000;

export interface EscalationsRun {
  workspaceId: string;
  closed: number;
  /** Hand-offs proposed after a formal notice ran out. */
  afterNotice: number;
  posted: number;
  summarized: number;
  shown: number;
  nudged: number;
  fulfilled: number;
}

export async function runEscalationsJob(deps: SlackDeps & { logger: Logger; ai?: AiClient | null }, now: Date): Promise<EscalationsRun[]> {
  const runs: EscalationsRun[] = [];
  const waiting = new Set([
    ...await workspacesWithEscalations(deps.db), ...await workspacesWithApprovalsToFulfil(deps.db), ...await workspacesWithNotices(deps.db),
  ]);
  for (const workspaceId of waiting) {
    try {
      const closed = await closeRequestsOfClosedCases(deps.db, { workspaceId, now });
      const afterNotice = await proposeAfterNotice(deps.db, { workspaceId, now });
      const proposals = await postWaitingProposals(deps.db, { workspaceId, now, command: deps.command, ai: deps.ai ?? null, logger: deps.logger });
      const shown = await showDecisions(deps, workspaceId, now);
      const nudged = await nudgeWaiting(deps, workspaceId, now);
      const fulfilled = await fulfilApprovals(deps, { workspaceId, now });
      runs.push({ workspaceId, closed, afterNotice, ...proposals, shown, nudged: nudged.inThreads + nudged.listed, fulfilled: fulfilled.size });
    } catch (error) {
      // One workspace's failure does not hold the others: its turn comes again in two minutes.
      deps.logger.warn({ err: error, team: workspaceId }, 'the escalations pass failed for a workspace');
    }
  }
  return runs;
}
