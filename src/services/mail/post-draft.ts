// A reminder draft in its case thread: posted with Send / Edit / Skip while it
// waits (or "leaves by itself" under the auto send policy), and re-rendered
// from the draft's row whenever someone acts on it, so the message always says
// what became of the draft. The ladder posts its drafts in SQL
// (src/db/ladder-pass.ts insertCaseDrafts) with the same blocks.
import type { WebClient } from '@slack/web-api';
import { sql } from 'drizzle-orm';
import { enqueueChannelPost } from '../../db/channel-posts.ts';
import { rows, type Queryable } from '../../db/client.ts';
import { readSettings } from '../../db/settings.ts';
import { isMailStage } from '../../domain/mail-settings.ts';
import { translator, type Locale, type Translator } from '../../i18n/messages.ts';
import type { Logger } from '../../log.ts';
import { draftPostText, draftStateMessage, type DraftState } from '../../slack/blocks/reminder-draft.ts';

export interface DraftRow {
  id: number;
  caseId: number | null;
  customerId: number;
  stage: string;
  status: string;
  locale: 'en' | 'fr';
  subject: string;
  body: string;
  data: unknown;
  editedBy: string | null;
  decidedBy: string | null;
  skipReason: string | null;
  customerName: string;
  customerRef: string;
}

type RawDraft = {
  id: string | number; case_id: string | number | null; customer_id: string | number; stage: string; status: string; locale: 'en' | 'fr';
  subject: string; body: string; data: unknown; edited_by: string | null; decided_by: string | null; skip_reason: string | null;
  name: string; customer_ref: string;
};

const toDraft = (r: RawDraft): DraftRow => ({
  id: Number(r.id), caseId: r.case_id === null ? null : Number(r.case_id), customerId: Number(r.customer_id), stage: r.stage, status: r.status,
  locale: r.locale, subject: r.subject, body: r.body, data: r.data, editedBy: r.edited_by, decidedBy: r.decided_by, skipReason: r.skip_reason,
  customerName: r.name, customerRef: r.customer_ref,
});

/** One draft of the workspace, with its customer's name; `lock` takes it for update (an edit, a skip). */
export async function loadDraft(db: Queryable, workspaceId: string, draftId: number, lock = false): Promise<DraftRow | null> {
  const [found] = await rows<RawDraft>(db, sql`
    select d.id, d.case_id, d.customer_id, d.stage, d.status, d.locale, d.subject, d.body, d.data, d.edited_by, d.decided_by, d.skip_reason,
      c.name, c.customer_ref
    from drafts d join customers c on c.id = d.customer_id
    where d.workspace_id = ${workspaceId} and d.id = ${draftId}
    ${lock ? sql`for update of d` : sql``}`);
  return found ? toDraft(found) : null;
}

/** The post's text for the draft's current subject and body, with the notes the ladder adds. */
export function draftText(t: Translator, draft: DraftRow, command: string): string {
  const data = (draft.data ?? {}) as { payment_details?: unknown; late_fees?: { missing?: { command?: unknown }[] } | null };
  const missing = (data.late_fees?.missing ?? []).map((m) => m.command).filter((c): c is string => typeof c === 'string');
  return draftPostText(t, {
    stage: draft.stage, subject: draft.subject, body: draft.body, noPaymentDetails: !data.payment_details, missingRates: missing, command,
  });
}

/** The draft as its post shows it now. */
export async function draftState(db: Queryable, input: { workspaceId: string; draft: DraftRow; outbox: boolean; command: string }): Promise<DraftState> {
  const { draft } = input;
  const [settings, [ws], [mail]] = await Promise.all([
    readSettings(db, input.workspaceId),
    rows<{ locale: Locale; timezone: string }>(db, sql`select locale, timezone from workspaces where id = ${input.workspaceId}`),
    rows<{ not_before: string | Date }>(db, sql`select not_before from mails where draft_id = ${draft.id}`),
  ]);
  const locale = ws?.locale ?? 'en';
  return {
    id: draft.id, stage: draft.stage, status: draft.status, text: draftText(translator(locale), draft, input.command),
    // Without a sender the policy approved nothing: the draft waits with its buttons.
    auto: isMailStage(draft.stage) && settings.sendPolicy[draft.stage] === 'auto' && settings.mailFrom !== null,
    editedBy: draft.editedBy, decidedBy: draft.decidedBy, skipReason: draft.skipReason,
    mail: mail ? { notBefore: new Date(mail.not_before), outbox: input.outbox } : null,
    wordedByAi: (draft.data as { wording?: unknown } | null)?.wording === 'ai',
    timezone: ws?.timezone ?? 'UTC', locale,
  };
}

export const draftPostKey = (draft: { caseId: number | null; stage: string }) => `draft.${draft.caseId}.${draft.stage}`;

/**
 * Posts a draft waiting for approval to its case thread (Send / Edit / Skip),
 * or, when the send policy sends it by itself, the text with "leaves by itself".
 * In the caller's transaction, through the channel-post outbox.
 */
export async function postDraft(tx: Queryable, input: { workspaceId: string; draftId: number; now: Date; command: string }): Promise<void> {
  const draft = await loadDraft(tx, input.workspaceId, input.draftId);
  // A courtesy reminder has no case, so no thread: the digest's Review lists it.
  if (!draft || draft.caseId === null) return;
  const state = await draftState(tx, { workspaceId: input.workspaceId, draft, outbox: false, command: input.command });
  const t = translator(state.locale);
  const message = draftStateMessage(t, state);
  await enqueueChannelPost(tx, {
    workspaceId: input.workspaceId, target: { to: 'case_thread', caseId: draft.caseId }, text: message.text, blocks: message.blocks,
    key: draftPostKey(draft), now: input.now,
  });
}

/** Where the draft's post landed, once posted. */
export async function draftPostAt(db: Queryable, workspaceId: string, draft: { caseId: number | null; stage: string }): Promise<{ channelId: string; ts: string } | null> {
  if (draft.caseId === null) return null;
  const [found] = await rows<{ channel_id: string | null; message_ts: string | null }>(db, sql`
    select channel_id, message_ts from channel_posts where workspace_id = ${workspaceId} and dedupe_key = ${draftPostKey(draft)}`);
  return found?.channel_id && found.message_ts ? { channelId: found.channel_id, ts: found.message_ts } : null;
}

/**
 * Re-renders the draft's post after someone acted on it. What they did is
 * done by then: a failure here is logged, never reported as theirs (the post
 * is still right about the text; the timeline has the rest).
 */
export async function refreshDraftPost(
  deps: { db: Queryable; client: WebClient; logger: Logger },
  input: { workspaceId: string; draftId: number; outbox: boolean; command: string; at?: { channelId: string; ts: string } | null },
): Promise<void> {
  try {
    const draft = await loadDraft(deps.db, input.workspaceId, input.draftId);
    if (!draft) return;
    const at = input.at ?? await draftPostAt(deps.db, input.workspaceId, draft);
    if (!at) return;
    const state = await draftState(deps.db, { workspaceId: input.workspaceId, draft, outbox: input.outbox, command: input.command });
    const message = draftStateMessage(translator(state.locale), state);
    await deps.client.chat.update({ channel: at.channelId, ts: at.ts, text: message.text, blocks: message.blocks });
  } catch (error) {
    deps.logger.warn({ err: error, draft: input.draftId }, 'could not update the reminder draft post');
  }
}
