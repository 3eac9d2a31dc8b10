// The wording step after a ladder pass (issue #15 item 4): the pass's drafts
// that wait for a person's approval get their prose worded by the model
// (src/ai/draft-wording.ts), after the pass has committed: the pass's
// transaction holds the workspace's ladder lock and never waits on the
// network. The template stays whenever anything is off: no key, a timeout,
// an invalid answer, a guard that fails, a draft already edited or decided, or
// more drafts than one pass words.
//
// A draft is rewritten only if its row is still what the pass wrote (status
// draft, never edited, subject and body the template's); its case-thread post
// shows the new text: a post still queued gets its payload rewritten, a post
// already in Slack is updated (chat.update).
import type { WebClient } from '@slack/web-api';
import { sql } from 'drizzle-orm';
import { askDraftWording, splitTemplate, type DraftTemplate, type WordingStage } from '../../ai/draft-wording.ts';
import type { AiClient } from '../../ai/client.ts';
import { rows, type Db, type Queryable } from '../../db/client.ts';
import { readSettings } from '../../db/settings.ts';
import { MAIL_STAGES } from '../../domain/mail-settings.ts';
import { translator } from '../../i18n/messages.ts';
import type { Logger } from '../../log.ts';
import { draftStateMessage } from '../../slack/blocks/reminder-draft.ts';
import { draftPostKey, draftState, loadDraft, refreshDraftPost } from '../mail/post-draft.ts';

/** Drafts worded at once. */
export const WORDING_CONCURRENCY = 4;
/** Drafts worded per pass; the rest keep the template. */
export const WORDING_MAX_PER_PASS = 200;

export interface WordingDeps {
  db: Db;
  ai: AiClient | null;
  /** Updates the posts already in Slack; without it they keep the template's text until next redrawn. */
  client?: WebClient;
  logger: Logger;
  command: string;
  concurrency?: number;
  /** Failures in a row after which the pass stops asking (default UNREACHABLE_STOP). */
  stopAfterUnreachable?: number;
  maxPerPass?: number;
}

export interface WordingResult {
  candidates: number;
  worded: number;
  /** Answers not used (failure, guard) or rows changed meanwhile: the template stays. */
  kept: number;
  /** Beyond the cap: not asked. */
  beyondCap: number;
}

interface Candidate {
  id: number;
  case_id: string | number | null;
  stage: WordingStage;
  locale: 'en' | 'fr';
  subject: string;
  body: string;
  data: { paragraphs?: unknown; invoices?: { number?: unknown }[] } | null;
  name: string;
  kind: 'b2b' | 'b2c';
}

/** Words the drafts a pass created at `createdAt` that wait for approval. Never throws for a model's failure. */
export async function wordPassDrafts(deps: WordingDeps, input: { workspaceId: string; createdAt: Date }): Promise<WordingResult> {
  const none: WordingResult = { candidates: 0, worded: 0, kept: 0, beyondCap: 0 };
  if (!deps.ai) return none;
  const ai = deps.ai;
  const settings = await readSettings(deps.db, input.workspaceId);
  const stages = MAIL_STAGES.filter((stage) => settings.sendPolicy[stage] === 'approve');
  if (stages.length === 0) return none;
  const found = await rows<Candidate>(deps.db, sql`
    select d.id::int as id, d.case_id, d.stage::text as stage, d.locale::text as locale, d.subject, d.body, d.data, c.name, c.kind::text as kind
    from drafts d join customers c on c.id = d.customer_id
    where d.workspace_id = ${input.workspaceId} and d.created_at = ${input.createdAt.toISOString()}::timestamptz
      and d.status = 'draft' and d.edited_at is null and not (d.data ? 'wording')
      and d.stage::text in (select jsonb_array_elements_text(${JSON.stringify(stages)}::jsonb))
    order by d.id`);
  const max = deps.maxPerPass ?? WORDING_MAX_PER_PASS;
  const taken = found.slice(0, max);
  const result: WordingResult = { candidates: found.length, worded: 0, kept: 0, beyondCap: found.length - taken.length };

  let next = 0;
  // A model that is down or timing out would hold the ladder job for every draft's timeout: after a few
  // failures in a row, the rest of the pass keeps the template.
  let unreachableInARow = 0;
  const stopAfter = deps.stopAfterUnreachable ?? UNREACHABLE_STOP;
  const worker = async () => {
    while (next < taken.length && unreachableInARow < stopAfter) {
      const draft = taken[next++]!;
      const done = await wordOne(deps, ai, input.workspaceId, draft).catch((error: unknown) => {
        deps.logger.warn({ err: error, draft: draft.id }, 'could not word the reminder draft');
        return false as const;
      });
      unreachableInARow = done === 'unreachable' ? unreachableInARow + 1 : 0;
      if (done === true) result.worded += 1;
      else result.kept += 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(deps.concurrency ?? WORDING_CONCURRENCY, taken.length) }, worker));
  // Drafts never asked because the model stopped answering keep the template too.
  result.kept += taken.length - next;
  if (found.length > 0) {
    deps.logger.info({ workspace: input.workspaceId, ...result }, result.beyondCap > 0 ? 'reminder drafts worded; the rest keep the template' : 'reminder drafts worded');
  }
  return result;
}

/** Failures in a row (timeouts, HTTP errors) after which a pass stops asking the model. */
export const UNREACHABLE_STOP = 3;

/** One draft: asked, checked, written if the row is unchanged, its post redrawn; 'unreachable' when the model did not answer. */
async function wordOne(deps: WordingDeps, ai: AiClient, workspaceId: string, d: Candidate): Promise<boolean | 'unreachable'> {
  const paragraphs = splitTemplate(d.body, d.data?.paragraphs);
  if (!paragraphs) return false;
  const template: DraftTemplate = {
    stage: d.stage, locale: d.locale, customerKind: d.kind, customerName: d.name, subject: d.subject, paragraphs,
    invoiceNumbers: (d.data?.invoices ?? []).map((i) => i.number).filter((n): n is string => typeof n === 'string'),
  };
  const answer = await askDraftWording(ai, template);
  if (!answer.ok) {
    // The reason only (a guard's name or the client's failure kind), never the text.
    deps.logger.info({ draft: d.id, reason: answer.error }, 'model wording not used: the template stays');
    return answer.error === 'timeout' || answer.error === 'http_error' ? 'unreachable' : false;
  }
  const posted = await deps.db.transaction(async (tx) => {
    const [updated] = await rows<{ id: number }>(tx, sql`
      update drafts set subject = ${answer.value.subject}, body = ${answer.value.body}, data = jsonb_set(data, '{wording}', '"ai"')
      where id = ${d.id} and workspace_id = ${workspaceId} and status = 'draft' and edited_at is null
        and subject = ${d.subject} and body = ${d.body}
      returning id`);
    if (!updated) return null;
    return { queued: await rewriteQueuedPost(tx, workspaceId, d.id, deps.command) };
  });
  if (!posted) return false;
  if (!posted.queued && deps.client && d.case_id !== null) {
    await refreshDraftPost({ db: deps.db, client: deps.client, logger: deps.logger }, { workspaceId, draftId: d.id, outbox: false, command: deps.command });
  }
  return true;
}

/** The draft's post, while still queued and not being posted, gets the new text; false when it is not queued (posted, in flight, none). */
async function rewriteQueuedPost(tx: Queryable, workspaceId: string, draftId: number, command: string): Promise<boolean> {
  const draft = await loadDraft(tx, workspaceId, draftId);
  if (!draft || draft.caseId === null) return true;
  const state = await draftState(tx, { workspaceId, draft, outbox: false, command });
  const message = draftStateMessage(translator(state.locale), state);
  const [rewritten] = await rows<{ id: number }>(tx, sql`
    update channel_posts set payload = ${JSON.stringify({ text: message.text, blocks: message.blocks })}::jsonb
    where workspace_id = ${workspaceId} and dedupe_key = ${draftPostKey(draft)} and status = 'pending' and post_started_at is null
    returning id`);
  return rewritten !== undefined;
}
