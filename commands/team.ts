import { parseRole, parseUserMention } from '../src/domain/args.ts';
import { listMembers, type Role } from '../src/db/members.ts';
import { joinMrkdwn, mention } from '../src/i18n/format.ts';
import type { CommandContext, Reply, Subcommand } from '../src/slack/command.ts';
import { refusal } from '../src/slack/request-context.ts';
import { removeFromTeam, setRole } from '../src/services/team.ts';

const ROLES: Role[] = ['admin', 'manager', 'collector'];

async function showTeam(ctx: CommandContext): Promise<Reply> {
  const { t } = ctx;
  const members = await listMembers(ctx.db, ctx.workspace.id);
  const lines = ROLES.flatMap((role) => {
    const users = members.filter((m) => m.role === role).map((m) => mention(m.userId));
    return users.length ? [`*${t(`team.role.${role}`)}:* ${users.join(', ')}`] : [];
  });
  if (ctx.env.RELANCE_ADMINS.length) lines.push(t('team.bootstrap', { users: joinMrkdwn(ctx.env.RELANCE_ADMINS.map(mention), ', ') }));
  const body = lines.length ? lines.join('\n') : t('team.empty', { command: ctx.command });
  const footer = ctx.role === 'admin' ? `\n\n${t('team.workspaceId', { id: ctx.workspace.id })}` : '';
  const text = `*${t('team.title')}*\n${body}${footer}`;
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}

async function isBot(ctx: CommandContext, userId: string): Promise<boolean> {
  const info = await ctx.client.users.info({ user: userId }).catch(() => null);
  return Boolean(info?.user?.is_bot);
}

export const team: Subcommand = {
  name: 'team',
  aliases: ['equipe', 'équipe'],
  minRole: 'collector',
  usage: 'team [add|remove @user collector|manager|admin]',
  examples: ['team', 'team add @jane collector', 'team add @paul manager', 'team remove @jane'],
  summary: 'help.team.summary',
  details: 'help.team.details',
  async run(ctx, args) {
    const { t, command } = ctx;
    const [verb, who, roleText, ...rest] = args;
    if (!verb) return showTeam(ctx);
    const action = verb.toLowerCase();
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
    if (await isBot(ctx, userId)) return { text: t('team.bot', { user }) };
    const change = await setRole(ctx.db, ctx.workspace.id, userId, role, ctx.userId);
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
