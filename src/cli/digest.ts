// `relance digest --workspace W --channel C [--preview] [--date D]`: prints a
// channel's digest in the terminal; without --preview it also posts it (once a day).
import { parseArgs } from 'node:util';
import type { Env } from '../config/env.ts';
import type { Database } from '../db/client.ts';
import { findWorkspace, listWorkspaces } from '../db/workspaces.ts';
import { isBusinessDay, isIsoDate, todayIn } from '../domain/dates.ts';
import { formatDate } from '../i18n/format.ts';
import { translator, type Locale } from '../i18n/messages.ts';
import { createLogger } from '../log.ts';
import { digestText } from '../slack/blocks/digest.ts';
import { businessCalendar, channelHelp, postDigest } from '../services/post-digest.ts';
import { previewDigest } from '../services/digest-schedule.ts';
import { slackClientForJobs } from '../../jobs/workers.ts';
import { realSleep } from '../slack/call-slack.ts';

export interface CliIo {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  now: () => Date;
}

const USAGE = 'Usage: relance digest --workspace T0123 --channel C0123 [--preview] [--date 2026-11-23]';

export async function runDigestCommand(argv: string[], database: Database, env: Env, io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { workspace: { type: 'string' }, channel: { type: 'string' }, preview: { type: 'boolean', default: false }, date: { type: 'string' } },
  });
  const say = (s: string) => io.stderr.write(`${s}\n`);
  if (!values.channel) return say(`--channel is required (the Slack channel id, e.g. C0123ABCD).\n${USAGE}`), 2;
  const workspaces = await listWorkspaces(database.db);
  const workspace = values.workspace ? await findWorkspace(database.db, values.workspace) : workspaces.length === 1 ? workspaces[0] : undefined;
  if (!workspace) {
    const known = workspaces.map((w) => w.id).join(', ') || 'none yet';
    return say(`${values.workspace ? `No workspace "${values.workspace}".` : 'Say which workspace with --workspace.'} Known workspaces: ${known}.\n${USAGE}`), 2;
  }
  const today = todayIn(workspace.timezone, io.now());
  const date = values.date ?? today;
  if (!isIsoDate(date)) return say(`--date must be a date such as 2026-11-23 (got "${values.date}").`), 2;
  if (date > today) {
    return say(`--date "${date}" is after today in workspace ${workspace.id} (${today}, ${workspace.timezone}): `
      + `a digest is for today or an earlier day. Nothing was changed.\n`
      + `Example: relance digest --workspace ${workspace.id} --channel ${values.channel} --preview --date ${today}`), 2;
  }
  const locale = workspace.locale as Locale;
  const view = { locale, t: translator(locale), today: date };
  if (!isBusinessDay(date, businessCalendar(workspace))) {
    io.stdout.write(`${view.t('digest.notBusinessDay', { date: formatDate(date, locale) })}\n`);
    return 0;
  }

  // Printing writes nothing, even without --preview: posting computes its own.
  const data = await previewDigest(database.db, workspace, values.channel, date, io.now());
  io.stdout.write(`${digestText(data, view)}\n`);
  if (values.preview) return 0;

  if (!env.SLACK_BOT_TOKEN) return say('\nNot posted: set SLACK_BOT_TOKEN to post the digest to Slack (or pass --preview to only print it).'), 1;
  const result = await postDigest({
    db: database.db, client: slackClientForJobs(env), clock: io.now, sleep: realSleep,
    logger: createLogger(env.LOG_LEVEL),
  }, { workspaceId: workspace.id, channelId: values.channel, businessDate: date });
  switch (result.kind) {
    case 'posted': io.stdout.write(`\nPosted in ${values.channel} (${result.replies} case replies).\n`); return 0;
    case 'already_posted': io.stdout.write(`\nAlready posted in ${values.channel} for ${date}: at most one digest a day.\n`); return 0;
    case 'busy': say('\nAnother worker is posting this digest right now.'); return 1;
    case 'channel_error': say(`\nNot posted: ${channelHelp(result.error, values.channel)}.`); return 1;
    default: say(`\nNot posted: ${result.kind}.`); return 1;
  }
}
