import { parseDigestArgs } from '../src/domain/digest-args.ts';
import { findSchedule } from '../src/db/digest-schedules.ts';
import type { MessageLink } from '../src/domain/digest-args.ts';
import { confirmDigestMissing, recordFoundDigestMessage } from '../src/services/digest-recovery.ts';
import { previewDigest, requestDigestNow, scheduleDigest, stopDigest } from '../src/services/digest-schedule.ts';
import { formatInputError } from '../src/i18n/errors.ts';
import { channelLink, formatDate, formatWeekdayDate } from '../src/i18n/format.ts';
import type { Translator } from '../src/i18n/messages.ts';
import { context, section } from '../src/slack/blocks/kit.ts';
import { digestParent } from '../src/slack/blocks/digest.ts';
import { entryText } from '../src/slack/blocks/worklist.ts';
import { ensureInChannel } from '../src/slack/channel-access.ts';
import type { CommandContext, Reply, Subcommand } from '../src/slack/command.ts';
import { refusal } from '../src/slack/request-context.ts';

const channelRef = channelLink;

export function describeDays(t: Translator, weekdays: readonly number[]): string {
  const days = [...weekdays].sort();
  if (days.join() === '1,2,3,4,5') return t('days.weekdays');
  if (days.length === 7) return t('days.daily');
  return days.map((d) => t(`day.${d}` as 'day.1')).join(', ');
}

async function accessProblem(ctx: CommandContext): Promise<Reply | null> {
  const access = await ensureInChannel(ctx.client, ctx.channelId);
  if (access === 'ok') return null;
  const channel = channelRef(ctx.channelId);
  return { text: access === 'not_in_channel' ? ctx.t('digestCmd.notInChannel', { channel }) : ctx.t('digestCmd.channelNotFound', { channel }) };
}

async function preview(ctx: CommandContext): Promise<Reply> {
  const data = await previewDigest(ctx.db, ctx.workspace, ctx.channelId, ctx.today, ctx.now);
  const view = { locale: ctx.locale, t: ctx.t, today: ctx.today };
  const parent = digestParent(data, view);
  // An ephemeral message holds 50 blocks: the summary and the first cases, without buttons.
  const cases = data.entries.slice(0, 10).map((e, i) => section(entryText(e, i + 1, view)));
  return {
    text: parent.text,
    blocks: [context([ctx.t('digestCmd.previewNote')]), ...parent.blocks!, { type: 'divider' }, ...cases],
  };
}

const dayName = (ctx: CommandContext, day: string) => formatWeekdayDate(day, ctx.locale, ctx.t);

async function confirm(ctx: CommandContext, date: string | undefined): Promise<Reply> {
  const channel = channelRef(ctx.channelId);
  const outcome = await confirmDigestMissing(ctx.db, ctx.digestQueue, { workspaceId: ctx.workspace.id, channelId: ctx.channelId, today: ctx.today, day: date });
  switch (outcome.kind) {
    case 'confirmed': return { text: ctx.t('digestCmd.confirmed', { day: dayName(ctx, outcome.day), channel }) };
    case 'not_unconfirmed': return { text: ctx.t('digestCmd.notUnconfirmed', { day: dayName(ctx, outcome.day), channel }) };
    case 'nothing_unconfirmed': return { text: ctx.t('digestCmd.nothingUnconfirmed', { channel, command: ctx.command }) };
  }
}

async function found(ctx: CommandContext, link: MessageLink): Promise<Reply> {
  const outcome = await recordFoundDigestMessage({ db: ctx.db, client: ctx.client, queue: ctx.digestQueue }, { workspaceId: ctx.workspace.id, today: ctx.today, link });
  if (outcome.kind === 'unreadable') {
    return { text: outcome.error === 'missing_scope' ? ctx.t('digestCmd.linkNoScope') : ctx.t('digestCmd.linkUnreadable', { error: outcome.error }) };
  }
  const channel = channelRef(outcome.channelId);
  if (outcome.kind === 'nothing_unconfirmed') return { text: ctx.t('digestCmd.nothingUnconfirmed', { channel, command: ctx.command }) };
  const day = dayName(ctx, outcome.day);
  if (outcome.kind === 'recorded') {
    return { text: outcome.name === null ? ctx.t('digestCmd.foundParent', { day, channel }) : ctx.t('digestCmd.foundEntry', { day, name: outcome.name, channel }) };
  }
  return { text: outcome.name === null ? ctx.t('digestCmd.notTheParent', { day, channel }) : ctx.t('digestCmd.notTheEntry', { day, name: outcome.name, channel }) };
}

export const digest: Subcommand = {
  name: 'digest',
  aliases: ['releve', 'relevé'],
  minRole: 'collector',
  usage: 'digest now [confirm [YYYY-MM-DD] | found <link>]|preview|schedule <HH:MM> [tz] [days]|off',
  examples: ['digest preview', 'digest now', 'digest now confirm 2026-12-08', 'digest schedule 09:00', 'digest schedule 08:30 Europe/Paris mon-fri', 'digest off'],
  summary: 'help.digest.summary',
  details: 'help.digest.details',
  async run(ctx, args) {
    const parsed = parseDigestArgs(args);
    if (!parsed.ok) return { text: formatInputError(ctx.locale, parsed.error) };
    const a = parsed.value;
    const channel = channelRef(ctx.channelId);
    if (a.action === 'preview') return preview(ctx);
    if (a.action === 'status') {
      const s = await findSchedule(ctx.db, ctx.workspace.id, ctx.channelId);
      return { text: s ? ctx.t('digestCmd.status', { time: s.localTime, zone: s.timezone, days: describeDays(ctx.t, s.weekdays), channel })
        : ctx.t('digestCmd.statusNone', { channel, command: ctx.command }) };
    }
    const denied = refusal(ctx, 'manager', `digest ${a.action === 'confirm' || a.action === 'found' ? `now ${a.action}` : a.action}`);
    if (denied) return denied;
    if (a.action === 'off') {
      const removed = await stopDigest(ctx.db, ctx.digestQueue, ctx.workspace.id, ctx.channelId);
      return { text: removed ? ctx.t('digestCmd.off', { channel }) : ctx.t('digestCmd.offNone', { channel }) };
    }
    // The link names its channel: it can be given from the managers' channel, where the notice is.
    if (a.action === 'found') return found(ctx, a.link);
    const problem = await accessProblem(ctx);
    if (problem) return problem;
    if (a.action === 'confirm') return confirm(ctx, a.date);
    if (a.action === 'now') {
      const outcome = await requestDigestNow(ctx.db, ctx.digestQueue, { workspace: ctx.workspace, channelId: ctx.channelId, today: ctx.today });
      const date = formatDate(ctx.today, ctx.locale);
      switch (outcome.kind) {
        case 'already_posted': return { text: ctx.t('digestCmd.already', { channel, date }) };
        case 'not_business_day': return { text: ctx.t('digestCmd.notBusinessDay', { day: dayName(ctx, ctx.today), next: dayName(ctx, outcome.next) }) };
        case 'unconfirmed': return { text: ctx.t('digestCmd.unconfirmed', { day: dayName(ctx, outcome.day), channel, date: outcome.day, command: ctx.command }) };
        case 'queued': return { text: ctx.t('digestCmd.posting', { channel }) };
      }
    }
    if (a.action !== 'schedule') throw new Error(`unhandled digest action ${a.action}`);
    const schedule = await scheduleDigest(ctx.db, ctx.digestQueue, {
      workspace: ctx.workspace, channelId: ctx.channelId, localTime: a.localTime, timezone: a.timeZone, weekdays: a.weekdays, by: ctx.userId, now: ctx.now,
    });
    return { text: ctx.t('digestCmd.scheduled', { time: schedule.localTime, zone: schedule.timezone, days: describeDays(ctx.t, schedule.weekdays), channel, command: ctx.command }) };
  },
};
