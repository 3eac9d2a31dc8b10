// `/collect assign <case> [@user] [when]`: gives the case's call to someone
// (me by default) at a time, read in the assignee's own zone (by default their
// next working morning; src/domain/call-time.ts says what is refused and what
// only flagged). Anyone on the team may take a call; giving one to someone else
// is a manager's decision. A DM reminds the assignee when it is due.
import { eq } from 'drizzle-orm';
import { queueCallReminder } from '../jobs/call-reminder.ts';
import { ensureBalancesFresh } from '../src/db/balances.ts';
import { lookupCase, type CaseLookup, type CustomerMatch } from '../src/db/cases.ts';
import { loadCallHistories, historySince } from '../src/db/call-history.ts';
import { findMember, hoursOf } from '../src/db/members.ts';
import { customers } from '../src/db/schema.ts';
import { readSettings } from '../src/db/settings.ts';
import { parseUserMention } from '../src/domain/args.ts';
import { planCallTime, type CallTime } from '../src/domain/call-time.ts';
import type { CallingProfile } from '../src/domain/calling-profile.ts';
import { parseDate, parseLocalTime } from '../src/domain/date-input.ts';
import { isBusinessCalendar, isTimeZone, localParts, todayIn, type IsoDate } from '../src/domain/dates.ts';
import { DEFAULT_WORKING_HOURS } from '../src/domain/working-hours.ts';
import { formatInputError } from '../src/i18n/errors.ts';
import { formatWeekdayDate, mention } from '../src/i18n/format.ts';
import { assignCall } from '../src/services/assign-call.ts';
import { memberZone } from '../src/services/member-zone.ts';
import { promiseTarget } from '../src/services/record-promise.ts';
import { hasRole } from '../src/slack/access.ts';
import { ambiguousReply } from '../src/slack/blocks/case-card.ts';
import { describeCallingProfile } from '../src/slack/blocks/calling-profile-text.ts';
import { describeHours } from '../src/slack/blocks/working-hours-text.ts';
import type { CommandContext, Reply, Subcommand } from '../src/slack/command.ts';
import { typedMention } from '../src/slack/typed-mention.ts';

type Found =
  | { kind: 'found'; customer: CustomerMatch; rest: string[] }
  | { kind: 'ambiguous'; input: string; lookup: Extract<CaseLookup, { kind: 'ambiguous' }> }
  | { kind: 'none'; input: string };

/** Before a mention, the words are the case; without one, the longest run of leading words that names one customer. */
async function findCase(ctx: CommandContext, caseWords: string[], after: string[]): Promise<Found> {
  let ambiguous: Extract<Found, { kind: 'ambiguous' }> | undefined;
  const lengths = after.length > 0 ? [caseWords.length] : caseWords.map((_, i) => caseWords.length - i);
  for (const used of lengths) {
    const input = caseWords.slice(0, used).join(' ');
    const found = await lookupCase(ctx.db, ctx.workspace.id, input);
    if (found.kind === 'found') return { kind: 'found', customer: found.customer, rest: [...caseWords.slice(used), ...after] };
    if (found.kind === 'ambiguous') ambiguous ??= { kind: 'ambiguous', input, lookup: found };
  }
  return ambiguous ?? { kind: 'none', input: caseWords.join(' ') };
}

const TIME_WORD = /^(\d{1,2}([:.h]\d{2}|h)|\d{1,2}([:.]\d{2})?\s*[ap]\.?m\.?)$/i;
const looksLikeUser = (word: string) => word.startsWith('@') || word.startsWith('<@');

export const assignCommand: Subcommand = {
  name: 'assign',
  aliases: ['attribuer', 'assigner'],
  minRole: 'collector',
  usage: 'assign <case> [@user] [when]',
  examples: ['assign C-1042', 'assign acme @jane friday 14:30', 'assign "boulangerie martin" demain 10h'],
  summary: 'help.assign.summary',
  details: 'help.assign.details',
  async run(ctx, args) {
    const { t, locale, command } = ctx;
    if (args.length === 0) return { text: t('assign.usage', { command }) };
    const at = args.findIndex(looksLikeUser);
    const mentioned = at >= 0 ? parseUserMention(args[at]!) : null;
    if (at === 0) return { text: t('assign.usage', { command }) };
    await ensureBalancesFresh(ctx.db, ctx.workspace.id, ctx.now);
    const found = await findCase(ctx, at >= 0 ? args.slice(0, at) : args, at >= 0 ? args.slice(at + 1) : []);
    if (found.kind === 'none') return { text: t('assign.notFound', { input: found.input, command }) };
    if (found.kind === 'ambiguous') return ambiguousReply(found.input, found.lookup.candidates, found.lookup.more, { locale, t, today: ctx.today });
    const target = await promiseTarget(ctx.db, ctx.workspace.id, found.customer.customerId, ctx.today);
    if (!target) return { text: t('assign.noOpenCase', { name: found.customer.name }) };

    const whenWords = found.rest;
    const whenText = whenWords.join(' ');
    const example = (who: string | null, when = 'tomorrow 10:00') => [`${command} assign ${target.ref}`, who, when].filter(Boolean).join(' ');
    if (at >= 0 && !mentioned) return { text: t('assign.badUser', { input: args[at]!, example: example('@jane') }) };
    const assigneeId = mentioned ?? ctx.userId;
    const who = mentioned ? typedMention(args[at]!) : null;
    const assignee = await findMember(ctx.db, ctx.workspace.id, assigneeId);
    if (assigneeId !== ctx.userId) {
      if (!hasRole(ctx.role, 'manager')) return { text: t('assign.managerOnly', { user: mention(assigneeId), example: example(null, whenText) }) };
      if (!assignee) return { text: t('assign.notOnTeam', { user: mention(assigneeId), example: example(null, whenText) }) };
    }

    const settings = await readSettings(ctx.db, ctx.workspace.id);
    const country = isBusinessCalendar(ctx.workspace.country) ? ctx.workspace.country : 'none';
    const assigneeZone = await memberZone(ctx.db, ctx.client, { workspaceId: ctx.workspace.id, userId: assigneeId, member: assignee, fallback: ctx.workspace.timezone, now: ctx.now });
    const hours = (assignee && hoursOf(assignee)) ?? DEFAULT_WORKING_HOURS;
    const [debtor] = await ctx.db.select({ zone: customers.timezone }).from(customers).where(eq(customers.id, found.customer.customerId));
    const debtorZone = debtor?.zone && isTimeZone(debtor.zone) ? debtor.zone : ctx.workspace.timezone;
    const fit = { hours, zone: assigneeZone, window: settings.callingWindow, debtorZone, country };
    const profile = settings.callingProfile;
    const history = profile
      ? (await loadCallHistories(ctx.db, ctx.workspace.id, [target.caseId], historySince(profile, ctx.now))).get(target.caseId)!
      : { logged: [], lastConversation: null };

    let requested: { day: IsoDate; time: string | null } | null = null;
    if (whenWords.length > 0) {
      const last = whenWords.at(-1)!;
      const time = TIME_WORD.test(last) ? parseLocalTime(last) : null;
      if (time && !time.ok) return { text: formatInputError(locale, time.error, example(who)) };
      const dateText = (time ? whenWords.slice(0, -1) : whenWords).join(' ');
      const localToday = todayIn(assigneeZone, ctx.now);
      let day = localToday;
      if (dateText) {
        const parsed = parseDate(dateText, { locale, today: localToday, future: true });
        if (!parsed.ok) return { text: formatInputError(locale, parsed.error, example(who)) };
        day = parsed.value;
      }
      requested = { day, time: time?.value ?? null };
    }

    const plan = planCallTime({ now: ctx.now, requested, fit, profile, history });
    if (plan.kind !== 'ok') {
      return refusedTime(ctx, plan, { input: whenText, name: target.name, zone: assigneeZone, debtorZone, window: `${settings.callingWindow.start}-${settings.callingWindow.end}`, profile, example: (when) => example(who, when) });
    }
    const dueAt = plan.dueAt;

    const dueLocal = localParts(dueAt, assigneeZone);
    const result = await assignCall(ctx.db, {
      workspaceId: ctx.workspace.id, caseId: target.caseId, assigneeId, userId: ctx.userId, dueAt, dueOn: dueLocal.date, now: ctx.now,
    });
    if (result.kind === 'no_case') return { text: t('assign.noOpenCase', { name: target.name }) };
    await queueCallReminder(ctx.reminderQueue, { workspaceId: ctx.workspace.id, taskId: result.taskId, dueAtMs: dueAt.getTime() }, ctx.now, ctx.logger);
    const lines = [t('assign.assigned', { name: target.name, user: mention(assigneeId), date: formatWeekdayDate(dueLocal.date, locale, t), time: dueLocal.time, zone: assigneeZone })];
    const previous = result.replaced[0];
    if (previous) lines.push(t('assign.replaced', { user: mention(previous.assigneeId ?? ctx.userId) }));
    if (plan.movedByProfile) lines.push(t('assign.movedByProfile', { profile: describeCallingProfile(t, profile) }));
    if (plan.outsideHours) {
      lines.push(t('assign.outsideHours', { user: mention(assigneeId), hours: describeHours(t, hours), zone: assigneeZone }));
    }
    return { text: lines.join('\n') } satisfies Reply;
  },
};

interface RefusalView {
  /** The time as typed. */
  input: string;
  name: string;
  zone: string;
  debtorZone: string;
  window: string;
  profile: CallingProfile | null;
  /** The command again, with `when` (default: tomorrow 10:00). */
  example: (when?: string) => string;
}

/** Why the time was refused, and the next allowed time in the assignee's and the debtor's zones, as a command to copy. */
function refusedTime(ctx: CommandContext, plan: Exclude<CallTime, { kind: 'ok' }>, v: RefusalView): Reply {
  const { t, locale } = ctx;
  const shown = (when: Date, zone: string) => {
    const local = localParts(when, zone);
    return `${formatWeekdayDate(local.date, locale, t)} ${local.time}`;
  };
  const exampleAt = (when: Date) => {
    const local = localParts(when, v.zone);
    return v.example(`${local.date} ${local.time}`);
  };
  switch (plan.kind) {
    case 'none':
      return { text: t('assign.noAllowedTime', { name: v.name, profile: describeCallingProfile(t, v.profile) }) };
    case 'past': {
      const when = localParts(plan.at, v.zone);
      return { text: t('assign.past', { input: v.input, date: formatWeekdayDate(when.date, locale, t), time: when.time, example: v.example() }) };
    }
    case 'outside_window':
      return {
        text: t('assign.outsideWindow', {
          input: v.input, local: shown(plan.at, v.debtorZone), zone: v.debtorZone, window: v.window,
          next: `${shown(plan.next, v.debtorZone)} (${v.debtorZone})`, example: exampleAt(plan.next),
        }),
      };
    case 'refused_by_profile': {
      const { check } = plan;
      const times = { next: `${shown(plan.next, v.zone)} (${v.zone})`, nextDebtor: `${shown(plan.next, v.debtorZone)} (${v.debtorZone})`, example: exampleAt(plan.next) };
      return {
        text: check.kind === 'over_cap'
          ? t('assign.overCap', { input: v.input, name: v.name, calls: check.logged, max: check.max, ...times })
          : t('assign.afterConversation', { input: v.input, name: v.name, days: check.days, when: `${shown(check.conversation, v.zone)} (${v.zone})`, ...times }),
      };
    }
  }
}
