// The one message the managers get when cases reach a step that waits for
// their approval (formal notice, agency or legal): counts per step and the
// first names, and where to decide them — never one message per case.
import type { StageReport } from '../../db/ladder-pass.ts';
import { inert, mrkdwn } from '../../i18n/format.ts';
import type { Translator } from '../../i18n/messages.ts';

export function summaryText(t: Translator, input: { date: string; stages: Pick<StageReport, 'stage' | 'proposals' | 'proposal_names'>[]; command: string }): string {
  const lines = input.stages.map((s) => {
    const names = s.proposal_names ?? [];
    return t('ladder.summaryLine', {
      stage: t(`stage.${s.stage}` as 'stage.formal_notice'), count: s.proposals, names: mrkdwn(names.map(inert).join(', ')), more: Math.max(0, s.proposals - names.length),
    });
  });
  return t('ladder.summary', { date: input.date, lines: mrkdwn(lines.join('\n')), command: input.command });
}
