import { parseRole, parseUserMention } from '../src/domain/args.ts';
import { hoursOf, listMembers, storeMemberZone, type Member, type Role } from '../src/db/members.ts';
import { isTimeZone } from '../src/domain/dates.ts';
import { DEFAULT_WORKING_HOURS } from '../src/domain/working-hours.ts';
import { joinMrkdwn, mention } from '../src/i18n/format.ts';
import { describeHours } from '../src/slack/blocks/working-hours-text.ts';
import type { CommandContext, Reply, Subcommand } from '../src/slack/command.ts';
import { refusal } from '../src/slack/request-context.ts';
import { removeFromTeam, setRole } from '../src/services/team.ts';
import { teamHours, zoneText } from './team-hours.ts';

const ROLES: Role[] = ['admin', 'manager', 'collector'];

async function showTeam(ctx: CommandContext): Promise<Reply> {
  const { t } = ctx;
  const members = await listMembers(ctx.db, ctx.workspace.id);
  const lines = ROLES.flatMap((role) => {
    const users = members.filter((m) => m.role === role).map((m) => `• ${memberLine(ctx, m)}`);
    return users.length ? [`*${t(`team.role.${role}`)}:*`, ...users] : [];
  });
  if (members.length) lines.push(t('team.hoursHint', { command: ctx.command }));
  if (ctx.env.RELANCE_ADMINS.length) lines.push(t('team.bootstrap', { users: joinMrkdwn(ctx.env.RELANCE_ADMINS.map(mention), ', ') }));
  const body = lines.length ? lines.join('\n') : t('team.empty', { command: ctx.command });
  const footer = ctx.role === 'admin' ? `\n\n${t('team.workspaceId', { id: ctx.workspace.id })}` : '';
  const text = `*${t('team.title')}*\n${body}${footer}`;
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}

/** "@jane — weekdays 09:00–17:30 · America/New_York", from what is stored (no Slack call per member). */
function memberLine(ctx: CommandContext, m: Member): string {
  const hours = hoursOf(m);
  const params = { user: mention(m.userId), hours: describeHours(ctx.t, hours ?? DEFAULT_WORKING_HOURS), zone: zoneText(ctx, m.timezone) };
  return hours ? ctx.t('team.memberHours', params) : ctx.t('team.memberDefaultHours', params);
}

async function slackUser(ctx: CommandContext, userId: string): Promise<{ isBot: boolean; tz: string | null }> {
  const info = await ctx.client.users.info({ user: userId }).catch(() => null);
  const tz = info?.user?.tz;
  return { isBot: Boolean(info?.user?.is_bot), tz: typeof tz === 'string' && isTimeZone(tz) ? tz : null };
}

const HOURS_VERBS = ['hours', 'horaires', 'heures'];

export const team: Subcommand = {
  name: 'team',
  aliases: ['equipe', 'équipe'],
  minRole: 'collector',
  usage: 'team [add|remove @user collector|manager|admin] | team hours [@user] [<days> <HH:MM-HH:MM>|default]',
  examples: [
    'team', 'team add @jane collector', 'team add @paul manager', 'team remove @jane',
    'team hours @jane mon-fri 09:00-17:30', 'team hours @paul lun-ven 8h30-17h', 'team hours tue-sat 08:00-16:00', 'team hours @jane default',
  ],
  summary: 'help.team.summary',
  details: 'help.team.details',
  async run(ctx, args) {
    const { t, command } = ctx;
    const [verb, who, roleText, ...rest] = args;
    if (!verb) return showTeam(ctx);
    const action = verb.toLowerCase();
    if (HOURS_VERBS.includes(action)) return teamHours(ctx, args.slice(1));
    if (!['add', 'remove', 'ajouter', 'retirer'].includes(action)) return { text: t('team.badVerb', { input: verb, command }) };
    const denied = refusal(ctx, 'admin', 'team ' + action);
    if (denied) return denied;
    const userId = who ? parseUserMention(who) : null;
    if (!userId) return { text: t('team.badUser', { input: who ?? '', command }) };
    const user = mention(userId);
    if (action === 'remove' || action === 'retirer') {
      if (roleText) return { text: t('error.tooManyArgs', { input: [roleText, ...rest].join(' '), example: `${command} team remove @jane` }) };
      const change = await removeFromTeam(ctx.db, ctx.workspace.id, userId);
      if (change.kind === 'last_admin') return { text: t('team.lastAdmin', { user }) };
      return { text: change.kind === 'removed' ? t('team.removed', { user }) : t('team.notMember', { user }) };
    }
    const role = roleText ? parseRole(roleText) : null;
    if (!role) return { text: t('team.badRole', { input: roleText ?? '', command }) };
    if (rest.length) return { text: t('error.tooManyArgs', { input: rest.join(' '), example: `${command} team add @jane ${role}` }) };
    const slack = await slackUser(ctx, userId);
    if (slack.isBot) return { text: t('team.bot', { user }) };
    const change = await setRole(ctx.db, ctx.workspace.id, userId, role, ctx.userId);
    // Slack just told us their zone: automatic assignment reads it from here.
    if (slack.tz && change.kind !== 'last_admin') await storeMemberZone(ctx.db, ctx.workspace.id, userId, slack.tz, ctx.now);
    const roleName = t(`role.${role}`);
    switch (change.kind) {
      case 'added': return { text: t('team.added', { user, role: roleName }) };
      case 'changed': return { text: t('team.changed', { user, role: roleName, before: t(`role.${change.before}`) }) };
      case 'unchanged': return { text: t('team.unchanged', { user, role: roleName }) };
      case 'last_admin': return { text: t('team.lastAdmin', { user }) };
      default: return { text: t('team.notMember', { user }) };
    }
  },
};
