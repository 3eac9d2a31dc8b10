// `/collect team hours [@user] [<days> <HH:MM-HH:MM> | default]`: a member's
// working days and hours, in their own Slack zone. Admins and managers set
// anyone's; a collector sets their own. Without days and times it shows them.
import { findMember, hoursOf, setMemberHours, storeMemberZone, type Member } from '../src/db/members.ts';
import { parseUserMention } from '../src/domain/args.ts';
import { DEFAULT_WORKING_HOURS, parseWorkingHours } from '../src/domain/working-hours.ts';
import { formatInputError } from '../src/i18n/errors.ts';
import { mention } from '../src/i18n/format.ts';
import { memberZone, slackZone } from '../src/services/member-zone.ts';
import { hasRole } from '../src/slack/access.ts';
import { describeHours } from '../src/slack/blocks/working-hours-text.ts';
import type { CommandContext, Reply } from '../src/slack/command.ts';
import { typedMention } from '../src/slack/typed-mention.ts';

const DEFAULT_WORDS = ['default', 'défaut', 'defaut', 'par défaut', 'reset'];

/** Their zone in words: the zone, or the workspace's zone said as such when relance knows none of theirs. */
export function zoneText(ctx: CommandContext, zone: string | null): string {
  return zone ?? ctx.t('team.workspaceZone', { zone: ctx.workspace.timezone });
}

async function show(ctx: CommandContext, userId: string, member: Member, example: string): Promise<Reply> {
  const zone = await memberZone(ctx.db, ctx.client, { workspaceId: ctx.workspace.id, userId, member, fallback: ctx.workspace.timezone, now: ctx.now });
  const hours = hoursOf(member);
  const user = mention(userId);
  return {
    text: hours
      ? ctx.t('team.hoursShow', { user, hours: describeHours(ctx.t, hours), zone, example })
      : ctx.t('team.hoursDefault', { user, hours: describeHours(ctx.t, DEFAULT_WORKING_HOURS), zone, example }),
  };
}

export async function teamHours(ctx: CommandContext, args: string[]): Promise<Reply> {
  const { t, command } = ctx;
  const [first, ...after] = args;
  const named = first !== undefined && (first.startsWith('@') || first.startsWith('<@'));
  const userId = named ? parseUserMention(first) : ctx.userId;
  const example = (who: string) => [`${command} team hours`, who, 'mon-fri 09:00-17:30'].filter(Boolean).join(' ');
  if (!userId) return { text: t('team.hoursBadUser', { input: first!, example: example('@jane') }) };
  const rest = named ? after : args;
  const who = named ? typedMention(first) : '';
  const user = mention(userId);
  const member = await findMember(ctx.db, ctx.workspace.id, userId);
  if (!member) return { text: t('team.hoursNotMember', { user, command }) };
  if (rest.length === 0) return show(ctx, userId, member, example(who));

  if (userId !== ctx.userId && !hasRole(ctx.role, 'manager')) {
    return { text: t('team.hoursManagerOnly', { user, example: `${command} team hours ${rest.join(' ')}` }) };
  }
  const text = rest.join(' ');
  const clearing = DEFAULT_WORDS.includes(text.toLowerCase());
  const parsed = clearing ? null : parseWorkingHours(text);
  if (parsed && !parsed.ok) return { text: formatInputError(ctx.locale, parsed.error, example(who)) };

  // Read afresh from Slack: setting hours is when the zone matters most.
  const fresh = await slackZone(ctx.client, userId);
  const hours = parsed ? parsed.value : null;
  await ctx.db.transaction(async (tx) => {
    await setMemberHours(tx, ctx.workspace.id, userId, hours, ctx.now);
    if (fresh) await storeMemberZone(tx, ctx.workspace.id, userId, fresh, ctx.now);
  });
  const zone = zoneText(ctx, fresh ?? member.timezone);
  const lines = [hours
    ? t('team.hoursSet', { user, hours: describeHours(t, hours), zone })
    : t('team.hoursCleared', { user, hours: describeHours(t, DEFAULT_WORKING_HOURS), zone })];
  if (!fresh) lines.push(t('team.hoursZoneUnknown', { zone: member.timezone ?? ctx.workspace.timezone }));
  return { text: lines.join('\n') };
}
