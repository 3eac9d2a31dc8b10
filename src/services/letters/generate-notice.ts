// Generating a formal notice for a case (SPEC §2 "Formal notice letter"): the
// PDF in the debtor's locale, stored with its SHA-256 and the `letter_generated`
// activity in one transaction, then uploaded to the case thread. Refused, with
// what is missing, until the creditor's identity is set. Called when a manager
// approves a notice; the case's status is the approval's business.
//
// With a model (issue #15 item 4), the letter's and its copy's prose is worded
// first (src/ai/notice-wording.ts), outside any transaction and before the
// PDF's bytes or the copy's mail exist: a failure or a timeout only means the
// template. The activity records which wording the letter has, never the text.
import { createHash } from 'node:crypto';
import type { WebClient } from '@slack/web-api';
import type { AiClient } from '../../ai/client.ts';
import { wordNotice } from '../../ai/notice-wording.ts';
import type { Db } from '../../db/client.ts';
import { insertLetter, recordLetterUpload } from '../../db/letters.ts';
import { activities } from '../../db/schema.ts';
import type { IsoDate } from '../../domain/dates.ts';
import type { MissingRate } from '../../domain/late-fees.ts';
import { halfYearLabel } from '../../domain/rates.ts';
import { formatDate } from '../../i18n/format.ts';
import { translator, type Locale } from '../../i18n/messages.ts';
import { missingRates } from '../../letters/claim.ts';
import { renderFormalNotice, type FormalNoticeData } from '../../letters/formal-notice.ts';
import { percent } from '../../letters/format.ts';
import { gatherNoticeData } from '../../letters/notice-data.ts';
import { safeFilename, uploadFile, UploadError } from '../../letters/upload.ts';
import type { Logger } from '../../log.ts';
import { draftNoticeCopy, noticeCopyToWord } from '../mail/draft-notice-copy.ts';
import { caseUploadTarget } from './upload-target.ts';

export interface GenerateNoticeInput {
  workspaceId: string;
  caseId: number;
  /** Who generates it (the approving manager): the activity's actor. */
  userId: string;
  now: Date;
  /** The slash command, for the hints posted with the e-mail copy's draft. */
  command?: string;
}

export interface GenerateNoticeDeps {
  /** Words the letter's and the copy's prose; null or absent: the templates. */
  ai?: AiClient | null;
  logger?: Logger;
}

/** Whose words the letter's prose is: the model's (checked) or the template's. */
export type NoticeWordingUsed = 'ai' | 'template';

export type NoticeUpload =
  | { kind: 'thread'; channelId: string; threadTs: string; fileId: string }
  /** The case had no thread yet: posted in the team channel, and the comment says so. */
  | { kind: 'channel'; channelId: string; fileId: string }
  /** No team channel set: the letter is stored, and in the case file. */
  | { kind: 'no_channel' }
  | { kind: 'failed'; error: string };

export type GenerateNoticeResult =
  | {
    kind: 'generated'; letterId: number; name: string; ref: string; filename: string; sha256: string; locale: Locale;
    deadline: IsoDate; upload: NoticeUpload; wording: NoticeWordingUsed;
    /** Half-years the letter had no rate for (it says so, and so must whoever reports it). */
    missingRates: MissingRate[];
  }
  /** `keys`: the settings to set first (`creditor_iban`…). Nothing was written. */
  | { kind: 'missing_settings'; keys: string[]; name: string }
  | { kind: 'no_case' }
  | { kind: 'closed'; name: string }
  | { kind: 'nothing_overdue'; name: string };

const FILE_WORD: Record<Locale, string> = { fr: 'mise-en-demeure', en: 'formal-notice' };

export const noticeFilename = (data: FormalNoticeData): string =>
  `${FILE_WORD[data.locale]}-${safeFilename(data.debtor.ref)}-${data.date}.pdf`;

/** The message posted with the file, in the workspace's language (the team reads it). */
function uploadComment(locale: Locale, data: FormalNoticeData, missing: MissingRate[], noThread: boolean): string {
  const t = translator(locale);
  const lines = [t('notice.comment', { name: data.debtor.name, ref: data.debtor.ref, date: formatDate(data.deadline, locale) })];
  for (const m of missing) {
    lines.push(t('notice.missingRate', {
      kind: m.kind, period: halfYearLabel(m.halfYear), command: m.command,
      used: `${percent(m.usedMilliPercent, locale)} (${halfYearLabel(m.usedStartsOn)})`,
    }));
  }
  if (noThread) lines.push(t('letters.noThreadYet'));
  return lines.join('\n');
}

export async function generateFormalNotice(db: Db, client: WebClient, input: GenerateNoticeInput, deps: GenerateNoticeDeps = {}): Promise<GenerateNoticeResult> {
  const gathered = await gatherNoticeData(db, input);
  switch (gathered.kind) {
    case 'no_case': return { kind: 'no_case' };
    case 'closed': return { kind: 'closed', name: gathered.party.name };
    case 'missing_settings': return { kind: 'missing_settings', keys: gathered.keys, name: gathered.party.name };
    case 'nothing_overdue': return { kind: 'nothing_overdue', name: gathered.party.name };
    case 'ready': break;
  }
  const { data, party } = gathered;
  // Before the transaction: the network never holds it, and the PDF and the copy are not made yet.
  const copy = deps.ai
    ? await noticeCopyToWord(db, { workspaceId: input.workspaceId, party, claim: data.invoices, letterDate: data.date, deadline: data.deadline, locale: data.locale })
    : null;
  const worded = await wordNotice(deps.ai ?? null, { letter: data, copy: copy ? { data: copy, customerKind: party.kind } : null }, deps.logger);
  const wording: NoticeWordingUsed = worded.letter ? 'ai' : 'template';
  const pdf = await renderFormalNotice(data, { prose: worded.letter });
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  const filename = noticeFilename(data);
  const letterId = await db.transaction(async (tx) => {
    const id = await insertLetter(tx, {
      workspaceId: input.workspaceId, caseId: party.caseId, customerId: party.customerId, kind: 'formal_notice', locale: data.locale,
      filename, content: pdf, sha256, deadlineOn: data.deadline, createdBy: input.userId, now: input.now,
    });
    await tx.insert(activities).values({
      workspaceId: input.workspaceId, caseId: party.caseId, customerId: party.customerId, kind: 'letter_generated', actorId: input.userId,
      occurredAt: input.now,
      data: { letter_id: id, letter_kind: 'formal_notice', locale: data.locale, due_on: data.deadline, sha256, filename, wording },
    });
    // The e-mail copy (PDF attached) is drafted with the letter: a stored letter always has its copy waiting.
    await draftNoticeCopy(tx, {
      workspaceId: input.workspaceId, caseId: party.caseId, letterId: id, now: input.now, command: input.command ?? '/collect', prose: worded.copy,
    });
    return id;
  });
  const missing = missingRates(data.invoices);
  const done = {
    kind: 'generated' as const, letterId, name: party.name, ref: party.ref, filename, sha256, locale: data.locale, deadline: data.deadline, missingRates: missing, wording,
  };

  // Slack comes after the commit: a letter Slack did not take is still kept, and in the case file.
  const target = await caseUploadTarget(db, input.workspaceId, party.caseId);
  if (target.kind === 'none') return { ...done, upload: { kind: 'no_channel' } };
  const threadTs = target.kind === 'thread' ? target.threadTs : null;
  try {
    const { fileId } = await uploadFile(client, {
      channelId: target.channelId, threadTs, filename, title: filename, bytes: pdf,
      comment: uploadComment(party.workspace.locale, data, missing, target.kind === 'channel'),
    });
    await recordLetterUpload(db, letterId, { fileId, channelId: target.channelId, threadTs });
    return {
      ...done,
      upload: target.kind === 'thread'
        ? { kind: 'thread', channelId: target.channelId, threadTs: target.threadTs, fileId }
        : { kind: 'channel', channelId: target.channelId, fileId },
    };
  } catch (e) {
    if (e instanceof UploadError) return { ...done, upload: { kind: 'failed', error: e.reason } };
    throw e;
  }
}
