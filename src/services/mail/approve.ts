// Approving reminder drafts, in the caller's transaction: each draft still
// waiting becomes one mail, built once (the bytes sent later and kept as the
// .eml), queued for the debtor's next business hours; a debtor without a
// usable address gets a task for the case owner instead. Everything is read in
// one query and written in a few batched statements, whatever the number of
// drafts; only the building of the bytes runs per draft, in JS.
import { createHash } from 'node:crypto';
import { tasks } from '../../db/schema.ts';
import type { Queryable } from '../../db/client.ts';
import {
  decideDrafts, insertActivities, insertMails, lockApprovalRows, readLetterFiles, type ApprovalRow, type NewActivity, type NewMail,
} from '../../db/mails.ts';
import { readSettings } from '../../db/settings.ts';
import { findWorkspace } from '../../db/workspaces.ts';
import { checkCallingWindow } from '../../domain/calling-window.ts';
import { isBusinessCalendar, isTimeZone, WEEKENDS_ONLY, type BusinessCalendar } from '../../domain/dates.ts';
import { formatMailbox, isMailStage, isUsableAddress, parseMailbox, stageNeedsManager } from '../../domain/mail-settings.ts';
import type { TimeRange } from '../../domain/settings.ts';
import { composeRaw, mailKey, messageIdFor, type Attachment } from '../../mail/compose.ts';
import { reminderHtml } from '../../mail/html.ts';

export type Approver = { kind: 'person'; userId: string; role: 'admin' | 'manager' | 'collector' } | { kind: 'policy' };

export interface ApproveInput {
  workspaceId: string;
  draftIds: readonly number[];
  by: Approver;
  now: Date;
  /**
   * Mails go to the outbox (no SMTP_URL): said wherever a mail is "sent".
   * Approving itself does not depend on it (the worker's transport decides), hence optional.
   */
  outbox?: boolean;
}

export type NotApproved = 'not_waiting' | 'needs_manager' | 'no_sender' | 'not_found';

export interface ApproveResult {
  /** Mails built and queued, each with when it may leave (the debtor's business hours). */
  queued: { draftId: number; mailId: number; caseId: number | null; notBefore: Date }[];
  /** No usable address: a task went to the case owner instead. */
  noAddress: { draftId: number; caseId: number | null }[];
  refused: { draftId: number; reason: NotApproved }[];
}

interface DraftInvoice {
  number: string;
  currency: string;
  open_cents: number;
}

// Mails built between two inserts: the bytes of a few hundred, not ten thousand, are held at once.
const BUILD_CONCURRENCY = 64;
const INSERT_BATCH = 500;

/** Approves drafts still waiting, in the caller's transaction: each becomes one mail (src/db/mails.ts), built once. */
export async function approveDrafts(tx: Queryable, input: ApproveInput): Promise<ApproveResult> {
  const result: ApproveResult = { queued: [], noAddress: [], refused: [] };
  const ids = [...new Set(input.draftIds)];
  if (ids.length === 0) return result;
  const ws = input.workspaceId;
  const settings = await readSettings(tx, ws);
  const from = settings.mailFrom ? parseMailbox(settings.mailFrom) : null;
  if (!from?.ok) {
    result.refused = ids.map((draftId) => ({ draftId, reason: 'no_sender' }));
    return result;
  }
  const workspace = await findWorkspace(tx, ws);
  if (!workspace) throw new Error(`workspace ${ws} does not exist`);
  const replyBox = settings.mailReplyTo ? parseMailbox(settings.mailReplyTo) : null;
  const sender = {
    header: formatMailbox(from.value), address: from.value.address,
    replyTo: replyBox?.ok ? formatMailbox(replyBox.value) : null,
  };
  const actor = input.by.kind === 'person' ? input.by.userId : 'system';

  const found = await lockApprovalRows(tx, ws, ids);
  const byId = new Map(found.map((r) => [r.id, r]));
  const toBuild: ApprovalRow[] = [];
  const noAddress: ApprovalRow[] = [];
  for (const id of ids) {
    const row = byId.get(id);
    if (!row) result.refused.push({ draftId: id, reason: 'not_found' });
    else if (row.status !== 'draft' || !isMailStage(row.stage)) result.refused.push({ draftId: id, reason: 'not_waiting' });
    else if (input.by.kind === 'person' && input.by.role === 'collector' && stageNeedsManager(row.stage)) result.refused.push({ draftId: id, reason: 'needs_manager' });
    else if (!hasUsableAddress(row)) noAddress.push(row);
    else toBuild.push(row);
  }

  const country: BusinessCalendar = isBusinessCalendar(workspace.country) ? workspace.country : WEEKENDS_ONLY;
  const openingIn = opening(input.now, settings.mailHours, country);
  const letterIds = toBuild.map(letterIdOf).filter((l): l is number => l !== null);
  const letterFiles = await readLetterFiles(tx, ws, letterIds);

  const activities: NewActivity[] = [];
  for (let i = 0; i < toBuild.length; i += INSERT_BATCH) {
    const batch = toBuild.slice(i, i + INSERT_BATCH);
    const built: NewMail[] = [];
    for (let j = 0; j < batch.length; j += BUILD_CONCURRENCY) {
      built.push(...await Promise.all(batch.slice(j, j + BUILD_CONCURRENCY).map((row) => buildMail(row, {
        workspaceId: ws, sender, now: input.now, letterFiles,
        notBefore: openingIn(row.customer_zone && isTimeZone(row.customer_zone) ? row.customer_zone : workspace.timezone),
      }))));
    }
    const mailIds = await insertMails(tx, ws, built, actor, input.now);
    const approved: number[] = [];
    for (const mail of built) {
      const mailId = mailIds.get(mail.draft_id);
      // Its key belongs to a mail of another draft still being decided elsewhere: this draft stays waiting.
      if (mailId === undefined) {
        result.refused.push({ draftId: mail.draft_id, reason: 'not_waiting' });
        continue;
      }
      approved.push(mail.draft_id);
      result.queued.push({ draftId: mail.draft_id, mailId, caseId: mail.case_id, notBefore: new Date(mail.not_before) });
      activities.push({
        case_id: mail.case_id, customer_id: mail.customer_id, kind: 'reminder_approved',
        data: { stage: mail.stage, draft_id: mail.draft_id, mail_id: mailId, not_before: mail.not_before, policy: input.by.kind === 'policy' },
      });
    }
    await decideDrafts(tx, approved, 'approved', actor, input.now);
  }

  for (const row of noAddress) {
    // A courtesy reminder has no case, and a task needs one: the timeline entry alone says it.
    let taskId: number | null = null;
    if (row.case_id !== null) {
      const [task] = await tx.insert(tasks).values({
        workspaceId: ws, caseId: row.case_id, kind: 'email', assigneeId: row.owner_id, dueAt: input.now, createdBy: actor, createdAt: input.now,
      }).returning({ id: tasks.id });
      taskId = task?.id ?? null;
    }
    result.noAddress.push({ draftId: row.id, caseId: row.case_id });
    activities.push({
      case_id: row.case_id, customer_id: row.customer_id, kind: 'reminder_no_address',
      data: { stage: row.stage, draft_id: row.id, ...(taskId !== null ? { task_id: taskId } : {}) },
    });
  }
  await decideDrafts(tx, noAddress.map((r) => r.id), 'no_address', actor, input.now);
  await insertActivities(tx, ws, activities, actor, input.now);
  return result;
}

/** A usable address that no mail server has refused for good. */
function hasUsableAddress(row: ApprovalRow): boolean {
  const email = row.email?.trim() ?? '';
  if (!email || !isUsableAddress(email)) return false;
  return !(row.email_bad_address && row.email_bad_address.trim().toLowerCase() === email.toLowerCase());
}

const letterIdOf = (row: ApprovalRow): number | null => {
  const id = row.stage === 'formal_notice' ? row.data.letter_id : null;
  return typeof id === 'number' || (typeof id === 'string' && /^\d+$/.test(id)) ? Number(id) : null;
};

/** When a mail approved now may leave, per debtor zone: now inside the mail hours of a business day, else their next opening. */
function opening(now: Date, hours: TimeRange, country: BusinessCalendar): (zone: string) => string {
  const cache = new Map<string, string>();
  return (zone) => {
    let at = cache.get(zone);
    if (at === undefined) {
      const check = checkCallingWindow(now, zone, hours, country);
      at = (check.kind === 'inside' ? now : check.next).toISOString();
      cache.set(zone, at);
    }
    return at;
  };
}

interface BuildContext {
  workspaceId: string;
  sender: { header: string; address: string; replyTo: string | null };
  now: Date;
  notBefore: string;
  letterFiles: Map<number, { filename: string; content: Buffer }>;
}

async function buildMail(row: ApprovalRow, ctx: BuildContext): Promise<NewMail> {
  const invoices = draftInvoices(row.data);
  const key = mailKey({ caseId: row.case_id, customerId: row.customer_id, stage: row.stage, dueDate: row.due_date, invoices });
  const messageId = messageIdFor(ctx.workspaceId, key, ctx.sender.address);
  const to = row.email!.trim();
  const html = reminderHtml({ subject: row.subject, text: row.body, locale: row.locale });
  const letterId = letterIdOf(row);
  const letter = letterId !== null ? ctx.letterFiles.get(letterId) : undefined;
  const attachments: Attachment[] = letter ? [{ filename: letter.filename, content: letter.content, contentType: 'application/pdf' }] : [];
  const raw = await composeRaw({
    from: ctx.sender.header, replyTo: ctx.sender.replyTo, to, subject: row.subject, text: row.body, html, messageId, date: ctx.now,
    ...(attachments.length > 0 ? { attachments } : {}),
  });
  return {
    draft_id: row.id, case_id: row.case_id, customer_id: row.customer_id, stage: row.stage, mail_key: key, message_id: messageId,
    from_address: ctx.sender.header, reply_to: ctx.sender.replyTo, to_address: to, subject: row.subject, text_body: row.body, html_body: html,
    raw: raw.toString('base64'), sha256: createHash('sha256').update(raw).digest('hex'), invoices, letter_id: letter ? letterId : null,
    not_before: ctx.notBefore,
  };
}

function draftInvoices(data: Record<string, unknown>): DraftInvoice[] {
  const list = Array.isArray(data.invoices) ? (data.invoices as Record<string, unknown>[]) : [];
  return list.map((i) => ({ number: String(i.number), currency: String(i.currency), open_cents: Number(i.open_cents) }));
}
