// The notice a digest that stopped as 'unconfirmed' leaves for the managers:
// what relance could not check, and the two ways on (the message is missing:
// confirm; it is there: found <link>), for that day.
import type { WebClient } from '@slack/web-api';
import type { Db } from '../db/client.ts';
import type { DigestRow } from '../db/digest-lease.ts';
import { readSettings } from '../db/settings.ts';
import type { Workspace } from '../db/workspaces.ts';
import { resolveChannels } from '../domain/settings.ts';
import { channelLink, formatWeekdayDate, mrkdwn } from '../i18n/format.ts';
import type { Logger } from '../log.ts';
import type { DigestView } from '../slack/blocks/digest.ts';
import { callSlack, SlackCallError } from '../slack/call-slack.ts';
import type { Unsure } from '../slack/find-posted.ts';

function reasonText(why: Unsure, view: DigestView): string {
  if (why.kind === 'too_many') return view.t('digest.unsure.tooMany', { count: why.read });
  // Installs from before relance read history back lack the scope until they are reinstalled.
  if (why.error === 'missing_scope') return view.t('digest.unsure.missingScope');
  return view.t('digest.unsure.refused', { error: why.error });
}

/**
 * Posts the notice in the managers' channel in effect (the settings), or in
 * the digest's own channel when there is none or relance cannot post there.
 */
export async function postUnconfirmedNotice(
  deps: { db: Db; client: WebClient; sleep: (ms: number) => Promise<void>; log: Logger; command?: string },
  input: { workspace: Workspace; digest: DigestRow; view: DigestView; why: Unsure; caseName: string | null },
): Promise<void> {
  const { digest, view } = input;
  const params = {
    day: formatWeekdayDate(digest.businessDate, view.locale, view.t),
    date: digest.businessDate,
    channel: channelLink(digest.channelId),
    reason: mrkdwn(reasonText(input.why, view)),
    command: deps.command ?? '/collect',
  };
  const text = input.caseName === null
    ? view.t('digest.unconfirmed.parent', params)
    : view.t('digest.unconfirmed.entry', { ...params, name: input.caseName });
  const managers = resolveChannels(await readSettings(deps.db, input.workspace.id), input.workspace.teamChannelId).managers;
  const places = [...new Set([managers ?? digest.channelId, digest.channelId])];
  for (const channel of places) {
    try {
      await callSlack(deps, () => deps.client.chat.postMessage({ channel, text }));
      return;
    } catch (error) {
      if (!(error instanceof SlackCallError)) {
        // It may be there all the same: not posted again elsewhere.
        deps.log.warn({ err: (error as Error).message, channel }, 'no answer when posting the notice');
        return;
      }
      deps.log.warn({ slackError: error.code, channel }, 'could not post the notice there');
    }
  }
}
