import type { View } from '@slack/types';
import { z } from 'zod';
import { CALL_OUTCOMES } from '../../services/log-call.ts';
import { inert } from '../../i18n/format.ts';
import type { Translator } from '../../i18n/messages.ts';
import { fitBlocks, LIMITS, mrkdwnText, plainText } from '../blocks/kit.ts';

export const LOG_CALL_VIEW = 'log_call_modal';

/** What the modal's note accepts; checked again on submission, where a forged payload can send more. */
export const NOTE_MAX_CHARS = 2000;

/** Where the modal came from, carried in `private_metadata` and read back, untrusted, on submission. */
export const logCallMetadata = z.object({
  caseId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  channelId: z.string().regex(/^[CDG][A-Z0-9]{2,30}$/).optional(),
  messageTs: z.string().regex(/^\d{1,12}\.\d{1,8}$/).optional(),
});
export type LogCallMetadata = z.infer<typeof logCallMetadata>;

/** The log-call modal: outcome and note (promise and next follow-up come with the calls work). */
export function logCallModal(t: Translator, caseName: string, meta: LogCallMetadata): View {
  return {
    type: 'modal',
    callback_id: LOG_CALL_VIEW,
    private_metadata: JSON.stringify(meta),
    title: plainText(t('logCall.title'), LIMITS.modalTitle),
    submit: plainText(t('logCall.submit'), LIMITS.modalButton),
    close: plainText(t('logCall.cancel'), LIMITS.modalButton),
    blocks: fitBlocks([
      { type: 'section', text: mrkdwnText(`*${inert(caseName)}*`) },
      {
        type: 'input',
        block_id: 'outcome',
        label: plainText(t('logCall.outcome'), LIMITS.inputLabel),
        element: {
          type: 'static_select',
          action_id: 'value',
          options: CALL_OUTCOMES.map((o) => ({ text: plainText(t(`outcome.${o}`), LIMITS.optionText), value: o })),
        },
      },
      {
        type: 'input',
        block_id: 'note',
        optional: true,
        label: plainText(t('logCall.note'), LIMITS.inputLabel),
        element: {
          type: 'plain_text_input', action_id: 'value', multiline: true, max_length: NOTE_MAX_CHARS,
          placeholder: plainText(t('logCall.notePlaceholder'), LIMITS.placeholder),
        },
      },
    ], LIMITS.blocksPerView),
  };
}
