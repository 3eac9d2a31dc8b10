import type { View } from '@slack/types';
import { CALL_OUTCOMES } from '../../services/log-call.ts';
import type { Translator } from '../../i18n/messages.ts';

export const LOG_CALL_VIEW = 'log_call_modal';

export interface LogCallMetadata {
  caseId: number;
  channelId?: string;
  messageTs?: string;
}

/** The log-call modal: outcome and note (promise and next follow-up come with the calls work). */
export function logCallModal(t: Translator, caseName: string, meta: LogCallMetadata): View {
  return {
    type: 'modal',
    callback_id: LOG_CALL_VIEW,
    private_metadata: JSON.stringify(meta),
    title: { type: 'plain_text', text: t('logCall.title').slice(0, 24) },
    submit: { type: 'plain_text', text: t('logCall.submit') },
    close: { type: 'plain_text', text: t('logCall.cancel') },
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${caseName.replace(/[*_~`<>&]/g, '')}*` } },
      {
        type: 'input',
        block_id: 'outcome',
        label: { type: 'plain_text', text: t('logCall.outcome') },
        element: {
          type: 'static_select',
          action_id: 'value',
          options: CALL_OUTCOMES.map((o) => ({ text: { type: 'plain_text' as const, text: t(`outcome.${o}`) }, value: o })),
        },
      },
      {
        type: 'input',
        block_id: 'note',
        optional: true,
        label: { type: 'plain_text', text: t('logCall.note') },
        element: { type: 'plain_text_input', action_id: 'value', multiline: true, max_length: 2000, placeholder: { type: 'plain_text', text: t('logCall.notePlaceholder') } },
      },
    ],
  };
}
