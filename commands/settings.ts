// /collect settings: every workspace setting with its value, and changing one.
// The keys, their checks and defaults live in src/domain/settings.ts; this file
// only renders them and checks what needs Slack (can relance post in a channel).
import { listSettingUpdates, readSettings, type SettingUpdate } from '../src/db/settings.ts';
import { findWorkspace } from '../src/db/workspaces.ts';
import { todayIn } from '../src/domain/dates.ts';
import {
  parseSettingsArgs, resolveChannels, SETTING_GROUPS, SETTING_KEYS, SETTING_NAMES, SETTING_SPECS, viewSetting,
  type SettingName, type Settings, type SettingsInputError,
} from '../src/domain/settings.ts';
import { formatInputError } from '../src/i18n/errors.ts';
import { channelLink, formatDate, inert, mention, mrkdwn, type Mrkdwn } from '../src/i18n/format.ts';
import type { PlainMessageKey } from '../src/i18n/messages.ts';
import { changeSetting } from '../src/services/settings.ts';
import { describeCallingProfile } from '../src/slack/blocks/calling-profile-text.ts';
import { ladderLine, stepsOff } from '../src/slack/blocks/ladder-text.ts';
import { context, header, section } from '../src/slack/blocks/kit.ts';
import { ensureInChannel } from '../src/slack/channel-access.ts';
import type { CommandContext, Reply, Subcommand } from '../src/slack/command.ts';

const ABOUT: Record<SettingName, PlainMessageKey> = {
  channel: 'settings.about.channel',
  managersChannel: 'settings.about.managers_channel',
  promiseGraceDays: 'settings.about.promise_grace_days',
  callBackoffDays: 'settings.about.call_backoff_days',
  callingWindow: 'settings.about.calling_window',
  creditorName: 'settings.about.creditor_name',
  creditorAddress: 'settings.about.creditor_address',
  creditorCompanyId: 'settings.about.creditor_company_id',
  creditorIban: 'settings.about.creditor_iban',
  creditorBic: 'settings.about.creditor_bic',
  creditorSignatory: 'settings.about.creditor_signatory',
  noticeDays: 'settings.about.notice_days',
  escalationNudgeHours: 'settings.about.escalation_nudge_hours',
  callingProfile: 'settings.about.calling_profile',
  ladder: 'settings.about.ladder',
  ladderCatchUpDays: 'settings.about.ladder_catch_up_days',
  paymentDetails: 'settings.about.payment_details',
  mailFrom: 'settings.about.mail_from',
  mailReplyTo: 'settings.about.mail_reply_to',
  mailSignature: 'settings.about.mail_signature',
  paymentLink: 'settings.about.payment_link',
  sendPolicy: 'settings.about.send_policy',
  mailHours: 'settings.about.mail_hours',
  mailRate: 'settings.about.mail_rate',
  ledgerMaxAge: 'settings.about.ledger_max_age',
};

/** The channels in effect, defaults followed: what a channel setting at its default stands for. */
type Channels = ReturnType<typeof resolveChannels>;

async function channelsInEffect(ctx: CommandContext, settings: Settings): Promise<Channels> {
  // Read afresh: the request's workspace row is cached and may predate the change.
  const workspace = await findWorkspace(ctx.db, ctx.workspace.id);
  return resolveChannels(settings, workspace?.teamChannelId ?? null);
}

function renderValue(ctx: CommandContext, name: SettingName, value: Settings[SettingName], channels: Channels): Mrkdwn {
  const { t } = ctx;
  const view = viewSetting(name, value);
  switch (view.kind) {
    case 'channel': {
      if (view.channelId) return channelLink(view.channelId);
      const current = view.fallback === 'first_digest_channel' ? channels.team : channels.managers;
      if (view.fallback === 'first_digest_channel') {
        return mrkdwn(current ? t('settings.follows.digest', { channel: channelLink(current) }) : t('settings.follows.digestNone'));
      }
      return mrkdwn(current ? t('settings.follows.team', { channel: channelLink(current) }) : t('settings.follows.teamNone'));
    }
    case 'business_days': return mrkdwn(t('settings.value.businessDays', { days: view.days }));
    case 'business_day_list':
      return mrkdwn(t('settings.value.businessDayList', { days: view.days.join(', '), last: view.days[view.days.length - 1] ?? 0 }));
    case 'time_range': return mrkdwn(t('settings.value.timeRange', view.range));
    case 'text': return mrkdwn(view.text === null ? `_${t('settings.value.notSet')}_` : inert(view.text));
    case 'calendar_days': return mrkdwn(t('settings.value.calendarDays', { days: view.days }));
    case 'business_hours': return mrkdwn(t('settings.value.businessHours', { hours: view.hours }));
    case 'calling_profile': return mrkdwn(describeCallingProfile(t, view.profile));
    case 'ladder': return mrkdwn(t('settings.value.ladder', { steps: ladderLine(t, view.steps), off: stepsOff(view.steps).join(', ') }));
    case 'send_policy': return mrkdwn(Object.entries(view.policy).map(([stage, choice]) => `${stage} ${t(`settings.value.policy.${choice}`)}`).join(' · '));
    case 'per_minute': return mrkdwn(t('settings.value.perMinute', { count: view.count }));
    case 'max_age': return mrkdwn(view.maxAge === 'off' ? t('settings.value.maxAgeOff') : t('settings.value.maxAge', { hours: view.maxAge }));
  }
}

const exampleLine = (command: string, name: SettingName) => `${command} settings set ${SETTING_KEYS[name]} ${SETTING_SPECS[name].example}`;

function describeSetting(ctx: CommandContext, name: SettingName, settings: Settings, channels: Channels, update: SettingUpdate | undefined): string {
  const { t } = ctx;
  const date = update ? formatDate(todayIn(ctx.workspace.timezone, update.at), ctx.locale) : '';
  const state = !update ? `_${t('settings.default')}_`
    : update.by ? t('settings.setBy', { user: mention(update.by), date }) : t('settings.setOn', { date });
  return [
    `*${SETTING_KEYS[name]}*: ${renderValue(ctx, name, settings[name], channels).text} · ${state}`,
    t(ABOUT[name]),
    `\`${exampleLine(ctx.command, name)}\``,
  ].join('\n');
}

async function showSettings(ctx: CommandContext, only?: SettingName | readonly SettingName[]): Promise<Reply> {
  const settings = await readSettings(ctx.db, ctx.workspace.id);
  const [updates, channels] = await Promise.all([listSettingUpdates(ctx.db, ctx.workspace.id), channelsInEffect(ctx, settings)]);
  const names = only === undefined ? SETTING_NAMES : typeof only === 'string' ? [only] : only;
  const sections = names.map((name) => describeSetting(ctx, name, settings, channels, updates.get(name)));
  const title = ctx.t('settings.title');
  const intro = ctx.t('settings.intro', { command: ctx.command });
  return {
    text: [`*${title}*`, ...sections, intro].join('\n\n'),
    blocks: [header(title), ...sections.map(section), context([intro])],
  };
}

/** Why relance could not use `channelId` for its messages; null when it can post there. */
async function channelRefusal(ctx: CommandContext, name: SettingName, channelId: string): Promise<Reply | null> {
  const example = exampleLine(ctx.command, name);
  const info = await ctx.client.conversations.info({ channel: channelId }).catch(() => null);
  if (info?.channel?.is_archived) return { text: ctx.t('settings.archived', { channel: channelLink(channelId), example }) };
  const access = await ensureInChannel(ctx.client, channelId);
  if (access === 'ok') return null;
  return {
    text: access === 'not_in_channel'
      ? ctx.t('settings.notInChannel', { channel: channelLink(channelId), example })
      : ctx.t('settings.channelNotFound', { input: channelId, example }),
  };
}

function refuseInput(ctx: CommandContext, error: SettingsInputError): Reply {
  return { text: formatInputError(ctx.locale, error, exampleLine(ctx.command, error.name ?? 'promiseGraceDays')) };
}

export const settingsCommand: Subcommand = {
  name: 'settings',
  aliases: ['reglages', 'réglages', 'parametres', 'paramètres'],
  minRole: 'admin',
  usage: 'settings [set <key> <value>|default]',
  examples: [
    'settings',
    'settings set channel #collections',
    'settings set managers_channel here',
    'settings set promise_grace_days 2',
    'settings set call_backoff_days 1,2,4',
    'settings set calling_window 09:00-18:30',
    'settings set calling_window default',
    'settings creditor',
    'settings set creditor_iban FR76 3000 6000 0112 3456 7890 189',
    'settings set escalation_nudge_hours 16',
    'settings set calling_profile 3/7d 2d',
    'settings set ladder reminder_2 +12',
    'settings set ladder reminder_2 +20 call +25',
    'settings set ladder call off',
    'settings set ladder_catch_up_days 14',
    'settings set payment_details IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP',
  ],
  summary: 'help.settings.summary',
  details: 'help.settings.details',
  async run(ctx, args) {
    // A change may be relative to the value in effect (`ladder reminder_2 +12`).
    const parsed = parseSettingsArgs(args, { currentChannelId: ctx.channelId, current: await readSettings(ctx.db, ctx.workspace.id) });
    if (!parsed.ok) return refuseInput(ctx, parsed.error);
    const a = parsed.value;
    if (a.action === 'list') return showSettings(ctx, a.group ? SETTING_GROUPS[a.group] : undefined);
    if (a.action === 'show') return showSettings(ctx, a.name);
    const picked = a.value === null ? null : viewSetting(a.name, a.value);
    if (picked?.kind === 'channel' && picked.channelId) {
      const refused = await channelRefusal(ctx, a.name, picked.channelId);
      if (refused) return refused;
    }
    const channelsBefore = await channelsInEffect(ctx, await readSettings(ctx.db, ctx.workspace.id));
    const result = await changeSetting(ctx.db, { ...a, workspaceId: ctx.workspace.id, by: ctx.userId, now: ctx.now });
    const key = SETTING_KEYS[a.name];
    if (result.kind === 'unchanged') {
      return { text: ctx.t('settings.unchanged', { key, value: renderValue(ctx, a.name, result.value, channelsBefore) }) };
    }
    // Settings hold no personal data: the values can be logged.
    ctx.logger.info({ team: ctx.workspace.id, user: ctx.userId, key, from: result.before, to: result.after }, 'setting changed');
    const channelsAfter = await channelsInEffect(ctx, await readSettings(ctx.db, ctx.workspace.id));
    const params = {
      key,
      value: renderValue(ctx, a.name, result.after, channelsAfter),
      before: renderValue(ctx, a.name, result.before, channelsBefore),
    };
    return { text: result.isDefault ? ctx.t('settings.reset', params) : ctx.t('settings.changed', params) };
  },
};
