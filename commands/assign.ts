// `/collect assign <case> [@user] [when]`: gives the case's call to someone
// (me by default) at a time (by default the next business morning, at the
// opening of the calling window), inside the debtor's calling window in the
// debtor's own zone. Anyone on the team may take a call; giving one to
// someone else is a manager's decision. A DM reminds the assignee when it is due.
import { eq } from 'drizzle-orm';
import { scheduleCallReminder } from '../jobs/call-reminder.ts';
import { ensureBalancesFresh } from '../src/db/balances.ts';
import { lookupCase, type CaseLookup, type CustomerMatch } from '../src/db/cases.ts';
import { findMember } from '../src/db/members.ts';
import { customers } from '../src/db/schema.ts';
import { readSettings } from '../src/db/settings.ts';
import { parseUserMention } from '../src/domain/args.ts';
import { checkCallingWindow, defaultCallTime } from '../src/domain/calling-window.ts';
import { parseDate, parseLocalTime } from '../src/domain/date-input.ts';
import { isBusinessCalendar, isTimeZone, localParts, todayIn, zonedTimeToUtc } from '../src/domain/dates.ts';
import { formatInputError } from '../src/i18n/errors.ts';
import { formatWeekdayDate, mention } from '../src/i18n/format.ts';
import { assignCall } from '../src/services/assign-call.ts';
import { promiseTarget } from '../src/services/record-promise.ts';
import { hasRole } from '../src/slack/access.ts';
import { ambiguousReply } from '../src/slack/blocks/case-card.ts';
import type { CommandContext, Reply, Subcommand } from '../src/slack/command.ts';

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
    const who = mentioned ? args[at]! : null;
    if (assigneeId !== ctx.userId) {
      if (!hasRole(ctx.role, 'manager')) return { text: t('assign.managerOnly', { user: mention(assigneeId), example: example(null, whenText) }) };
      if (!(await findMember(ctx.db, ctx.workspace.id, assigneeId))) {
        return { text: t('assign.notOnTeam', { user: mention(assigneeId), example: example(null, whenText) }) };
      }
    }

    const settings = await readSettings(ctx.db, ctx.workspace.id);
    const window = settings.callingWindow;
    const country = isBusinessCalendar(ctx.workspace.country) ? ctx.workspace.country : 'none';
    // Slack's users.info zone would cost a call per command: the assignee works in the workspace's zone.
    const assigneeZone = ctx.workspace.timezone;
    const [debtor] = await ctx.db.select({ zone: customers.timezone }).from(customers).where(eq(customers.id, found.customer.customerId));
    const debtorZone = debtor?.zone && isTimeZone(debtor.zone) ? debtor.zone : ctx.workspace.timezone;

    let dueAt: Date;
    if (whenWords.length === 0) {
      dueAt = defaultCallTime({ now: ctx.now, assigneeZone, debtorZone, window, country });
    } else {
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
      dueAt = zonedTimeToUtc(day, time?.value ?? window.start, assigneeZone);
      // A day alone, today, after the window opened: the call is due now.
      if (!time && dueAt.getTime() < ctx.now.getTime()) dueAt = ctx.now;
      if (dueAt.getTime() < ctx.now.getTime()) {
        const when = localParts(dueAt, assigneeZone);
        return { text: t('assign.past', { input: whenText, date: formatWeekdayDate(when.date, locale, t), time: when.time, example: example(who) }) };
      }
      const check = checkCallingWindow(dueAt, debtorZone, window, country);
      if (check.kind === 'outside') {
        const local = localParts(dueAt, debtorZone);
        const next = localParts(check.next, debtorZone);
        const nextHere = localParts(check.next, assigneeZone);
        return {
          text: t('assign.outsideWindow', {
            input: whenText, local: `${formatWeekdayDate(local.date, locale, t)} ${local.time}`, zone: debtorZone, window: `${window.start}-${window.end}`,
            next: `${formatWeekdayDate(next.date, locale, t)} ${next.time} (${debtorZone})`, example: example(who, `${nextHere.date} ${nextHere.time}`),
          }),
        };
      }
    }

    const dueLocal = localParts(dueAt, assigneeZone);
    const result = await assignCall(ctx.db, {
      workspaceId: ctx.workspace.id, caseId: target.caseId, assigneeId, userId: ctx.userId, dueAt, dueOn: dueLocal.date, now: ctx.now,
    });
    if (result.kind === 'no_case') return { text: t('assign.noOpenCase', { name: target.name }) };
    await queueReminder(ctx, result.taskId, dueAt);
    const lines = [t('assign.assigned', { name: target.name, user: mention(assigneeId), date: formatWeekdayDate(dueLocal.date, locale, t), time: dueLocal.time, zone: assigneeZone })];
    const previous = result.replaced[0];
    if (previous) lines.push(t('assign.replaced', { user: mention(previous.assigneeId ?? ctx.userId) }));
    return { text: lines.join('\n') } satisfies Reply;
  },
};

async function queueReminder(ctx: CommandContext, taskId: number, dueAt: Date): Promise<void> {
  if (!ctx.reminderQueue) return;
  try {
    await scheduleCallReminder(ctx.reminderQueue, { workspaceId: ctx.workspace.id, taskId, dueAtMs: dueAt.getTime() }, ctx.now);
  } catch (e) {
    // The worker's reconcile rebuilds it from the task within minutes.
    ctx.logger.warn({ err: (e as Error).message, taskId }, 'could not queue the call reminder');
  }
}
