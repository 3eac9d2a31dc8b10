// A reminder draft as its case thread shows it: what the ladder did, the
// subject, and the text quoted, so a collector can read (or copy) it before
// anything is sent. The text is data: escaped line by line, never markup.
import { CONTROL_CLASS, stripControlsKeepingLines } from '../../domain/control-characters.ts';
import type { KnownBlock, View } from '@slack/types';
import { z } from 'zod';
import { EDIT_BODY_MAX, EDIT_SUBJECT_MAX } from '../../domain/draft-edit.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import { localParts } from '../../domain/dates.ts';
import { escapeMrkdwn, formatDate, mention, mrkdwn } from '../../i18n/format.ts';
import type { Locale, Translator } from '../../i18n/messages.ts';
import { button, context, LIMITS, plainText, section } from './kit.ts';

export interface DraftPostInput {
  stage: string;
  subject: string;
  body: string;
  /** The settings have no payment details: say how to add them. */
  noPaymentDetails: boolean;
  /** Half-years whose rate was missing, and the command that adds each (late fees on a firm reminder). */
  missingRates: string[];
  command: string;
}

/** Room left for the quoted text once the rest of the message is in (Slack shows a message text's first 3,000 characters in full). */
const QUOTE_BUDGET = LIMITS.sectionText - 600;

export function draftPostText(t: Translator, d: DraftPostInput): string {
  const post = draftPostParts(t, d);
  return `${post.head}${post.quoted ?? plainQuote(d.body)}${post.tail}`;
}

/**
 * The post around its quoted text. `quoted` is null when the body needs
 * neither escaping nor cutting: the quote is then the body with ">" before
 * each line (plainQuote), which SQL derives from the stored draft
 * (src/db/ladder-pass.ts), so the ladder sends each text once.
 */
export interface DraftPostParts {
  head: string;
  quoted: string | null;
  tail: string;
}

/** Characters that escapeMrkdwn or stripControlsKeepingLines would change (a tab is kept by both; sent quoted all the same). */
const NEEDS_CARE = new RegExp(`[&<>*~\`_${CONTROL_CLASS.replace('\\u0000-\\u001f', '\\u0000-\\u0009\\u000b-\\u001f')}]`);

/** ">" before each line: the quote of a body with nothing to escape (its SQL twin: `'>' || replace(body, E'\n', E'\n>')`). */
export const plainQuote = (body: string): string => `>${body.replaceAll('\n', '\n>')}`;

const BODY = '\u0000body\u0000';

export function draftPostParts(t: Translator, d: DraftPostInput): DraftPostParts {
  // Lines kept while each fits: a plain body fits whole when its quote (one ">" per line) plus one fits the budget.
  const plain = !NEEDS_CARE.test(d.body) && d.body.length + d.body.split('\n').length + 1 <= QUOTE_BUDGET;
  let quoted: string | null = null;
  let cut = false;
  if (!plain) {
    const lines = stripControlsKeepingLines(d.body).split('\n').map((line) => `>${escapeMrkdwn(line)}`);
    quoted = '';
    for (const line of lines) {
      if (quoted.length + line.length + 1 > QUOTE_BUDGET) {
        cut = true;
        break;
      }
      quoted += `${quoted ? '\n' : ''}${line}`;
    }
  }
  const [head = '', tail = ''] = t('ladder.draftPost', { stage: t(`stage.${d.stage}` as 'stage.reminder_1'), subject: d.subject, body: mrkdwn(BODY) }).split(BODY);
  const notes = [
    cut ? t('ladder.draftCut') : null,
    d.missingRates.length > 0 ? t('ladder.rateMissing', { commands: d.missingRates.join(' · ') }) : null,
    d.noPaymentDetails ? t('ladder.noPaymentDetails', { command: d.command }) : null,
  ].filter((p): p is string => p !== null);
  return { head, quoted, tail: [tail, ...notes].join('\n') };
}

// ------------------------------------------------------------ the buttons

export const SEND_ACTION = 'reminder_send';
export const EDIT_ACTION = 'reminder_edit';
export const SKIP_ACTION = 'reminder_skip';
export const EDIT_VIEW = 'reminder_edit_view';
export const SKIP_VIEW = 'reminder_skip_view';
/** Block ids of the forms' inputs (each input's action id is `value`). */
export const EDIT_SUBJECT = 'subject';
export const EDIT_BODY = 'body';
export const SKIP_REASON = 'reason';
export const SKIP_REASON_MAX = 1000;

/** Who may press the buttons, or that nobody needs to. */
export function approvalLine(t: Translator, stage: string, auto: boolean): string {
  if (auto) return t('reminder.auto');
  return stage === 'formal_notice' ? t('reminder.whoApproves.manager') : t('reminder.whoApproves.team');
}

const draftActions = (t: Translator, draftId: string): KnownBlock => ({
  type: 'actions',
  block_id: `reminder_${draftId}`,
  elements: [
    button({ actionId: SEND_ACTION, text: t('reminder.button.send'), value: draftId, style: 'primary' }),
    button({ actionId: EDIT_ACTION, text: t('reminder.button.edit'), value: draftId }),
    button({ actionId: SKIP_ACTION, text: t('reminder.button.skip'), value: draftId }),
  ],
});

/** Where SQL puts the post's text (a JSON string, quotes included) and the draft's id. */
export const TEMPLATE_TEXT = '"@@draft_text@@"';
export const TEMPLATE_ID = '@@draft_id@@';

/**
 * The blocks of a waiting draft's post for SQL to fill (src/db/ladder-pass.ts
 * insertCaseDrafts): the id first where TEMPLATE_ID is, then the text (as a
 * JSON string) where TEMPLATE_TEXT is, so nothing in the text is replaced.
 * Auto policy: no buttons, it leaves by itself.
 */
export function draftBlocksTemplate(t: Translator, stage: string, auto: boolean): string {
  const blocks: KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: '@@draft_text@@', verbatim: true } },
    ...(auto ? [] : [draftActions(t, TEMPLATE_ID)]),
    context([approvalLine(t, stage, auto)]),
  ];
  return JSON.stringify(blocks);
}

/** What became of a draft, for its post. */
export interface DraftState {
  id: number;
  stage: string;
  status: string;
  /** The post's text (draftPostText of the current subject and body). */
  text: string;
  auto: boolean;
  editedBy: string | null;
  decidedBy: string | null;
  skipReason: string | null;
  /** The mail made of it, once approved. */
  mail: { notBefore: Date; outbox: boolean } | null;
  /** The text's prose was worded by the model (drafts.data.wording = 'ai'). */
  wordedByAi?: boolean;
  timezone: string;
  locale: Locale;
}

const isPerson = (id: string | null): id is string => id !== null && /^[UW][A-Z0-9]+$/.test(id);

/** The line that says what happened to a draft no longer waiting (also quoted in "no longer waiting"). */
export function draftStateLine(t: Translator, s: DraftState): string {
  switch (s.status) {
    case 'approved': {
      const who = isPerson(s.decidedBy) ? mention(s.decidedBy) : null;
      if (s.mail?.outbox && who) return t('reminder.state.outbox', { user: who });
      const at = s.mail ? localParts(s.mail.notBefore, s.timezone) : null;
      const time = at ? `${formatDate(at.date, s.locale)} ${at.time}` : '';
      return who ? t('reminder.state.approved', { user: who, time }) : t('reminder.state.approvedPolicy', { time });
    }
    case 'skipped': return t('reminder.state.skipped', { user: isPerson(s.decidedBy) ? mention(s.decidedBy) : mrkdwn('relance'), reason: s.skipReason ?? '' });
    case 'cancelled': return t(s.skipReason === 'paid' ? 'reminder.state.cancelledPaid' : 'reminder.state.cancelled');
    case 'no_address': return t('reminder.state.noAddress');
    default: return '';
  }
}

/** The post as it stands: buttons while it waits, what happened once decided. */
export function draftStateMessage(t: Translator, s: DraftState): { text: string; blocks: KnownBlock[] } {
  const blocks: KnownBlock[] = [section(s.text)];
  if (s.status === 'draft') {
    if (!s.auto) blocks.push(draftActions(t, String(s.id)));
    blocks.push(context([approvalLine(t, s.stage, s.auto), ...(isPerson(s.editedBy) ? [t('reminder.editedBy', { user: mention(s.editedBy) })] : s.wordedByAi ? [t('reminder.wordedByAi')] : [])]));
  } else {
    blocks.push(context([draftStateLine(t, s), ...(isPerson(s.editedBy) ? [t('reminder.editedBy', { user: mention(s.editedBy) })] : [])]));
  }
  return { text: s.text, blocks };
}

// ------------------------------------------------------------ the forms

/** Which draft a form is about, and where its post is (to update it after the submit). */
const formMetadata = z.object({ d: z.number().int().positive(), c: z.string().max(40).optional(), ts: z.string().max(40).optional() });
export type DraftFormMetadata = z.infer<typeof formMetadata>;

export function parseDraftFormMetadata(raw: string | undefined): Result<DraftFormMetadata, string> {
  try {
    const parsed = formMetadata.safeParse(JSON.parse(raw ?? ''));
    return parsed.success ? ok(parsed.data) : err(raw ?? '');
  } catch {
    return err(raw ?? '');
  }
}

interface FormDraft {
  id: number;
  stage: string;
  subject: string;
  body: string;
  customerName: string;
}

const stageLabel = (t: Translator, stage: string) => t(`stage.${stage}` as 'stage.reminder_1');

export function editModal(t: Translator, d: FormDraft, meta: DraftFormMetadata): View {
  return {
    type: 'modal',
    callback_id: EDIT_VIEW,
    title: plainText(t('reminderEdit.title'), LIMITS.modalTitle),
    submit: plainText(t('reminderEdit.save'), LIMITS.modalButton),
    close: plainText(t('reminderEdit.cancel'), LIMITS.modalButton),
    private_metadata: JSON.stringify(meta),
    blocks: [
      section(t('reminderEdit.intro', { name: d.customerName, stage: stageLabel(t, d.stage) })),
      {
        type: 'input', block_id: EDIT_SUBJECT, label: plainText(t('reminderEdit.subject'), LIMITS.inputLabel),
        element: { type: 'plain_text_input', action_id: 'value', initial_value: d.subject.slice(0, EDIT_SUBJECT_MAX), max_length: EDIT_SUBJECT_MAX },
      },
      {
        type: 'input', block_id: EDIT_BODY, label: plainText(t('reminderEdit.body'), LIMITS.inputLabel),
        element: { type: 'plain_text_input', action_id: 'value', multiline: true, initial_value: d.body, max_length: EDIT_BODY_MAX },
      },
    ],
  };
}

export function skipModal(t: Translator, d: FormDraft, meta: DraftFormMetadata): View {
  return {
    type: 'modal',
    callback_id: SKIP_VIEW,
    title: plainText(t('reminderSkip.title'), LIMITS.modalTitle),
    submit: plainText(t('reminderSkip.submit'), LIMITS.modalButton),
    close: plainText(t('reminderEdit.cancel'), LIMITS.modalButton),
    private_metadata: JSON.stringify(meta),
    blocks: [
      section(t('reminderSkip.intro', { name: d.customerName, stage: stageLabel(t, d.stage) })),
      {
        type: 'input', block_id: SKIP_REASON, label: plainText(t('reminderSkip.reason'), LIMITS.inputLabel),
        element: { type: 'plain_text_input', action_id: 'value', multiline: true, max_length: SKIP_REASON_MAX },
      },
    ],
  };
}
