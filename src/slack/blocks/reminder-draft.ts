// A reminder draft as its case thread shows it: what the ladder did, the
// subject, and the text quoted, so a collector can read (or copy) it before
// anything is sent. The text is data: escaped line by line, never markup.
import { stripControlsKeepingLines } from '../../domain/control-characters.ts';
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
  const lines = stripControlsKeepingLines(d.body).split('\n').map((line) => `>${escapeMrkdwn(line)}`);
  let quoted = '';
  let cut = false;
  for (const line of lines) {
    if (quoted.length + line.length + 1 > QUOTE_BUDGET) {
      cut = true;
      break;
    }
    quoted += `${quoted ? '\n' : ''}${line}`;
  }
  const parts = [
    t('ladder.draftPost', { stage: t(`stage.${d.stage}` as 'stage.reminder_1'), subject: d.subject, body: mrkdwn(quoted) }),
    cut ? t('ladder.draftCut') : null,
    d.missingRates.length > 0 ? t('ladder.rateMissing', { commands: d.missingRates.join(' · ') }) : null,
    d.noPaymentDetails ? t('ladder.noPaymentDetails', { command: d.command }) : null,
  ];
  return parts.filter((p): p is string => p !== null).join('\n');
}
