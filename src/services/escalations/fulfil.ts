// What an approval sets in motion (SPEC §2): an approved formal notice
// produces the letter in the case thread; an approved agency or legal hand-off
// uploads the case file there. Done right after the click and, for whatever
// that missed (a crash, Slack down, creditor settings not set yet), by the
// escalations pass every two minutes.
//
// Each approved request is claimed for ten minutes before its work starts
// (`fulfil_started_at`), so a click and the pass, or two workers, never make
// two letters; a claim whose worker died runs out and the work is tried again.
// It is done (`fulfilled_at`) once the letter or the export is in Slack, or
// once there is nothing left to do (the case was paid meanwhile).
import type { WebClient } from '@slack/web-api';
import { sql } from 'drizzle-orm';
import { enqueueChannelPost } from '../../db/channel-posts.ts';
import { rows, type Db } from '../../db/client.ts';
import { readSettings } from '../../db/settings.ts';
import { findWorkspace } from '../../db/workspaces.ts';
import { translator } from '../../i18n/messages.ts';
import type { Logger } from '../../log.ts';
import { handOffCaseFile } from '../letters/export-case.ts';
import { generateFormalNotice } from '../letters/generate-notice.ts';
import type { AiClient } from '../../ai/client.ts';

export const FULFIL_CLAIM_MS = 10 * 60_000;

export interface FulfilDeps {
  db: Db;
  client: WebClient;
  logger: Logger;
  command: string;
  /** Words the notice's prose (src/ai/notice-wording.ts); null or absent: the templates. */
  ai?: AiClient | null;
}

export type Fulfilment = 'letter' | 'case_file' | 'nothing_to_do' | 'missing_settings' | 'failed';

interface Claimed { id: number; case_id: string | number; kind: 'notice' | 'agency' | 'legal'; decided_by: string }

/** Approved notices and hand-offs of a workspace not done yet (or only `escalationId`), claimed for this worker. */
async function claim(db: Db, input: { workspaceId: string; now: Date; escalationId?: number }): Promise<Claimed[]> {
  const stale = new Date(input.now.getTime() - FULFIL_CLAIM_MS).toISOString();
  const only = input.escalationId === undefined ? sql`` : sql`and id = ${input.escalationId}`;
  return rows<Claimed>(db, sql`
    update escalations set fulfil_started_at = ${input.now.toISOString()}::timestamptz
    where workspace_id = ${input.workspaceId} and status = 'approved' and kind in ('notice', 'agency', 'legal')
      and fulfilled_at is null and (fulfil_started_at is null or fulfil_started_at < ${stale}::timestamptz) ${only}
    returning id, case_id, kind, decided_by`);
}

async function settle(db: Db, id: number, now: Date, done: boolean): Promise<void> {
  await db.execute(done
    ? sql`update escalations set fulfilled_at = ${now.toISOString()}::timestamptz where id = ${id}`
    : sql`update escalations set fulfil_started_at = null where id = ${id}`);
}

/**
 * Performs what the approved requests call for; returns what happened to each.
 * A notice refused for missing creditor settings tells the managers' channel
 * once, and is tried again by each pass until an admin sets them.
 */
export async function fulfilApprovals(deps: FulfilDeps, input: { workspaceId: string; now: Date; escalationId?: number }): Promise<Map<number, Fulfilment>> {
  const outcome = new Map<number, Fulfilment>();
  for (const request of await claim(deps.db, input)) {
    const caseId = Number(request.case_id);
    const by = request.decided_by;
    try {
      if (request.kind === 'notice') {
        const letter = await generateFormalNotice(deps.db, deps.client, { workspaceId: input.workspaceId, caseId, userId: by, now: input.now, command: deps.command }, { ai: deps.ai ?? null, logger: deps.logger });
        if (letter.kind === 'missing_settings') {
          await tellMissingSettings(deps, { workspaceId: input.workspaceId, escalationId: request.id, name: letter.name, keys: letter.keys, now: input.now });
          // Not done: the next pass after the settings are set makes the letter. The claim is released for it.
          await settle(deps.db, request.id, input.now, false);
          outcome.set(request.id, 'missing_settings');
          continue;
        }
        const uploaded = letter.kind !== 'generated' || letter.upload.kind !== 'failed';
        // A letter stored but not uploaded stays in the case file: trying again would make a second one.
        await settle(deps.db, request.id, input.now, true);
        if (letter.kind === 'generated' && !uploaded) deps.logger.warn({ escalation: request.id }, 'the formal notice is stored but its upload failed');
        outcome.set(request.id, letter.kind === 'generated' ? 'letter' : 'nothing_to_do');
      } else {
        const file = await handOffCaseFile(deps.db, deps.client, { workspaceId: input.workspaceId, caseId, userId: by, now: input.now });
        if (file.kind === 'failed') {
          await settle(deps.db, request.id, input.now, false);
          outcome.set(request.id, 'failed');
          continue;
        }
        await settle(deps.db, request.id, input.now, true);
        outcome.set(request.id, file.kind === 'uploaded' ? 'case_file' : 'nothing_to_do');
      }
    } catch (error) {
      // The claim runs out and the next pass tries again.
      deps.logger.warn({ err: error, escalation: request.id }, 'what an approval calls for failed; the escalations pass tries again');
      outcome.set(request.id, 'failed');
    }
  }
  return outcome;
}

async function tellMissingSettings(deps: FulfilDeps, input: { workspaceId: string; escalationId: number; name: string; keys: string[]; now: Date }): Promise<void> {
  const workspace = await findWorkspace(deps.db, input.workspaceId);
  if (!workspace) return;
  const t = translator(workspace.locale);
  const text = t('notice.waitingForSettings', { name: input.name, keys: input.keys.join(', '), command: deps.command });
  const { managersChannel } = await readSettings(deps.db, input.workspaceId);
  await enqueueChannelPost(deps.db, {
    workspaceId: input.workspaceId, target: managersChannel ? { to: 'channel', channelId: managersChannel } : { to: 'team' },
    text, key: `escalation.${input.escalationId}.notice_settings`, now: input.now,
  });
}

/** Workspaces with approved notices or hand-offs not done yet, for the escalations pass. */
export async function workspacesWithApprovalsToFulfil(db: Db): Promise<string[]> {
  const found = await rows<{ workspace_id: string }>(db, sql`
    select distinct workspace_id from escalations
    where status = 'approved' and kind in ('notice', 'agency', 'legal') and fulfilled_at is null`);
  return found.map((r) => r.workspace_id);
}
