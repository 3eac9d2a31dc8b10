// The formal notice and its e-mail copy worded by the model (issue #15 item
// 4, SPEC §3): the letter's prose paragraphs (opening, demand, consequences,
// "already paid", closing) and the copy's (subject, greeting, announcement,
// deadline, "already paid") in the debtor's language and a formal tone,
// around the figures, invoice numbers, dates, deadline and legal paragraphs
// that stay the template's (src/letters/formal-notice.ts noticeProseSlots,
// src/mail/notice-copy.ts noticeCopyProseSlots say which paragraphs and what
// each must keep).
//
// Asked once per notice, before the letter's bytes are made and before the
// copy's draft is written (src/services/letters/generate-notice.ts): the two
// asks run side by side, each bounded by the client's timeout; whatever goes
// wrong (no key, timeout, HTTP error, invalid answer, a guard) leaves that
// document on its template, never the notice undone. Only the debtor's name
// (for the copy's greeting) and the template's own text reach the model; no
// note, no e-mail address.
import type { FormalNoticeData, NoticeProse } from '../letters/formal-notice.ts';
import { noticeProseSlots } from '../letters/formal-notice.ts';
import { missingGlyphs } from '../letters/fonts.ts';
import type { NoticeCopyData } from '../mail/notice-copy.ts';
import { noticeCopyProseSlots } from '../mail/notice-copy.ts';
import type { Logger } from '../log.ts';
import type { AiClient } from './client.ts';
import { askProse, type ProseFailure, type ProseRequest, type WordedProse } from './prose-wording.ts';

export const NOTICE_LETTER_DOCUMENT = 'a formal notice to pay (mise en demeure under French law) that a company sends a customer by registered letter';
export const NOTICE_LETTER_TONE = 'formal and firm, as a formal notice sent by registered post: precise, courteous, no emotion, never threatening beyond what the text says';
export const NOTICE_COPY_DOCUMENT = 'the e-mail that sends a customer the copy of a formal notice to pay (mise en demeure), the letter attached as a PDF';
export const NOTICE_COPY_TONE = 'neutral and formal: the copy of a formal notice; factual, no emotion';

/** The letter's prose paragraphs to word; the debtor's name is not sent (no paragraph addresses them by name). */
export function noticeLetterRequest(data: FormalNoticeData): ProseRequest {
  return {
    schemaName: 'notice_letter_wording', document: NOTICE_LETTER_DOCUMENT, locale: data.locale, tone: NOTICE_LETTER_TONE,
    customerKind: data.debtor.kind, customerName: null, slots: noticeProseSlots(data),
  };
}

export function noticeCopyRequest(d: NoticeCopyData, customerKind: 'b2b' | 'b2c'): ProseRequest {
  return {
    schemaName: 'notice_copy_wording', document: NOTICE_COPY_DOCUMENT, locale: d.locale, tone: NOTICE_COPY_TONE,
    customerKind, customerName: d.customerName, slots: noticeCopyProseSlots(d),
  };
}

/** Why a document kept its template. */
export type NoticeWordingReason = ProseFailure | 'no_key' | 'glyphs' | 'not_asked';

export interface NoticeWording {
  /** The letter's paragraphs as the model worded them, checked; null: the template. */
  letter: NoticeProse | null;
  /** The copy's parts, checked against the template read before the letter's transaction (checked again in it); null: the template. */
  copy: WordedProse | null;
  /** Why each document that kept its template did. */
  reasons: { letter?: NoticeWordingReason; copy?: NoticeWordingReason };
}

/** A letter paragraph the PDF's font cannot draw would print as boxes. */
function drawable(prose: WordedProse): boolean {
  const text = Object.values(prose).join('\n');
  return missingGlyphs(text, 'regular').length === 0 && missingGlyphs(text, 'bold').length === 0;
}

/**
 * The letter's and the copy's wording, asked side by side; never throws for a
 * model's failure. `copy` null: the copy is not worded (the case has one
 * already, or there is no claim).
 */
export async function wordNotice(ai: AiClient | null, input: {
  letter: FormalNoticeData;
  copy: { data: NoticeCopyData; customerKind: 'b2b' | 'b2c' } | null;
}, logger?: Logger): Promise<NoticeWording> {
  if (!ai) return { letter: null, copy: null, reasons: { letter: 'no_key', copy: 'no_key' } };
  const copyInput = input.copy;
  const [letter, copy] = await Promise.all([
    askProse(ai, noticeLetterRequest(input.letter)),
    copyInput ? askProse(ai, noticeCopyRequest(copyInput.data, copyInput.customerKind)) : Promise.resolve(null),
  ]);
  const out: NoticeWording = { letter: null, copy: null, reasons: {} };
  if (!letter.ok) out.reasons.letter = letter.error;
  else if (!drawable(letter.value)) out.reasons.letter = 'glyphs';
  else out.letter = letter.value as NoticeProse;
  if (copy === null) out.reasons.copy = 'not_asked';
  else if (!copy.ok) out.reasons.copy = copy.error;
  else out.copy = copy.value;
  // The reasons only, never the text.
  if (out.reasons.letter || (out.reasons.copy && out.reasons.copy !== 'not_asked')) {
    logger?.info({ letter: out.reasons.letter ?? 'ai', copy: out.reasons.copy ?? 'ai' }, 'model wording of the formal notice not used: the template stays');
  }
  return out;
}
