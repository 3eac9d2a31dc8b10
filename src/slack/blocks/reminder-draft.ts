// A reminder draft as its case thread shows it: what the ladder did, the
// subject, and the text quoted, so a collector can read (or copy) it before
// anything is sent. The text is data: escaped line by line, never markup.
import { CONTROL_CLASS, stripControlsKeepingLines } from '../../domain/control-characters.ts';
import { escapeMrkdwn, mrkdwn } from '../../i18n/format.ts';
import type { Translator } from '../../i18n/messages.ts';
import { LIMITS } from './kit.ts';

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
