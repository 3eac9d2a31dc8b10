// `/collect escalate <case> notice|agency|legal [reason…]`: asks the managers
// for a formal notice, a hand-off to a collection agency or legal action.
// The request is posted in the managers' channel with the case brief; a
// manager other than the requester approves or rejects it there.
import { aiClientFor } from '../src/ai/client.ts';
import { ensureBalancesFresh } from '../src/db/balances.ts';
import { lookupCase, type CaseLookup, type CustomerMatch } from '../src/db/cases.ts';
import type { Queryable } from '../src/db/client.ts';
import { kindAt, reasonOf, REASON_MAX_CHARS, type EscalationKind } from '../src/domain/escalation-args.ts';
import { channelLink, formatDate, mention, mrkdwn, type Mrkdwn } from '../src/i18n/format.ts';
import type { Locale } from '../src/i18n/messages.ts';
import { requestEscalation } from '../src/services/escalations/request.ts';
import { promiseTarget } from '../src/services/record-promise.ts';
import { ambiguousReply } from '../src/slack/blocks/case-card.ts';
import { kindLabel } from '../src/slack/blocks/escalation.ts';
import type { CommandContext, Reply, Subcommand } from '../src/slack/command.ts';
import { todayIn } from '../src/domain/dates.ts';

export type CaseAt =
  | { kind: 'found'; customer: CustomerMatch; used: number }
  | { kind: 'ambiguous'; input: string; lookup: Extract<CaseLookup, { kind: 'ambiguous' }> }
  | { kind: 'none'; input: string };

/** Longest a case name is read: a longer run of words is a reason, not a name. */
export const MAX_CASE_WORDS = 6;

/**
 * The case named by the first words, where the words after it are free text
 * that may look like a name: the longest of the allowed runs of words that
 * names one customer wins.
 */
export async function caseAt(db: Queryable, workspaceId: string, words: readonly string[], counts: readonly number[]): Promise<CaseAt> {
  let ambiguous: Extract<CaseAt, { kind: 'ambiguous' }> | undefined;
  const tried = [...new Set(counts)].filter((n) => n >= 1 && n <= words.length).sort((a, b) => b - a);
  for (const used of tried) {
    const input = words.slice(0, used).join(' ');
    const found = await lookupCase(db, workspaceId, input);
    if (found.kind === 'found') return { kind: 'found', customer: found.customer, used };
    if (found.kind === 'ambiguous') ambiguous ??= { kind: 'ambiguous', input, lookup: found };
  }
  return ambiguous ?? { kind: 'none', input: words.slice(0, tried.at(-1) ?? 1).join(' ') };
}

/** 1 … n words, at most MAX_CASE_WORDS. */
export const wordCounts = (n: number): number[] => Array.from({ length: Math.min(n, MAX_CASE_WORDS) }, (_, i) => i + 1);

/** The case's active collection file, or the reply that says why there is none. */
export async function activeCase(ctx: CommandContext, found: CaseAt, closedKey: 'escalate.closed' | 'writeoff.closed', notFoundKey: 'escalate.notFound' | 'writeoff.notFound'):
  Promise<{ ok: true; caseId: number; name: string; ref: string } | { ok: false; reply: Reply }> {
  const { t, locale, command } = ctx;
  if (found.kind === 'none') return { ok: false, reply: { text: t(notFoundKey, { input: found.input, command }) } };
  if (found.kind === 'ambiguous') {
    return { ok: false, reply: ambiguousReply(found.input, found.lookup.candidates, found.lookup.more, { locale, t, today: ctx.today }) };
  }
  const target = await promiseTarget(ctx.db, ctx.workspace.id, found.customer.customerId, ctx.today);
  if (!target) return { ok: false, reply: { text: t(closedKey, { name: found.customer.name }) } };
  return { ok: true, caseId: target.caseId, name: target.name, ref: target.ref };
}

const EXAMPLE_REASON: Record<Locale, string> = { en: 'no answer to three reminders', fr: 'aucune réponse à trois relances' };

/** Where the request was posted, as the reply names it. */
export function whereText(ctx: CommandContext, channelId: string | null): Mrkdwn {
  return channelId ? channelLink(channelId) : mrkdwn(ctx.t('escalate.noChannel', { command: ctx.command }));
}

/** What the request service answered, as a reply; shared with `writeoff`. */
export function requestedReply(ctx: CommandContext, kind: EscalationKind, result: Awaited<ReturnType<typeof requestEscalation>>): Reply {
  const { t, command } = ctx;
  const label = kindLabel(t, kind);
  switch (result.kind) {
    case 'requested':
      return { text: t('escalate.requested', { kind: label, name: result.name, ref: result.ref, where: whereText(ctx, result.channelId), managers: result.managers }) };
    case 'no_case': return { text: t('escalate.noCase', { command }) };
    case 'already': return { text: t('escalate.already', { name: result.name, status: t(`status.${result.status}` as 'status.open') }) };
    case 'pending': {
      const who = result.requestedBy === 'system' ? mrkdwn(t('escalations.byLadder')) : mention(result.requestedBy);
      return { text: t('escalate.pending', { kind: label, name: result.name, user: who, date: formatDate(todayIn(ctx.workspace.timezone, result.createdAt), ctx.locale), command }) };
    }
  }
}

export const escalateCommand: Subcommand = {
  name: 'escalate',
  aliases: ['escalader', 'escalade'],
  minRole: 'collector',
  usage: 'escalate <case> notice|agency|legal [reason…]',
  examples: [
    'escalate C-1042 notice no answer to three reminders',
    'escalate "boulangerie martin" agency',
    'escalate acme legal la mise en demeure est restée sans réponse',
  ],
  summary: 'help.escalate.summary',
  details: 'help.escalate.details',
  async run(ctx, args) {
    const { t, command } = ctx;
    if (args.length === 0) return { text: t('escalate.usage', { command }) };
    await ensureBalancesFresh(ctx.db, ctx.workspace.id, ctx.now);
    const example = (ref: string, kind = 'notice') => `${command} escalate ${ref} ${kind} ${EXAMPLE_REASON[ctx.locale]}`;

    // Each place a kind word appears may end the case: the longest case that names a customer wins.
    const kinds = args.map((_, i) => (i > 0 ? kindAt(args, i) : null)).filter((k) => k !== null);
    let found = kinds.length > 0 ? await caseAt(ctx.db, ctx.workspace.id, args, kinds.map((k) => k.index)) : null;
    if (found?.kind !== 'found') {
      // No kind word after a case: the case alone, then what follows it is the kind that was not understood.
      const loose = await caseAt(ctx.db, ctx.workspace.id, args, wordCounts(args.length));
      if (!found || found.kind === 'none' || loose.kind === 'found') found = loose;
    }
    const active = await activeCase(ctx, found, 'escalate.closed', 'escalate.notFound');
    if (!active.ok || found.kind !== 'found') return active.ok ? { text: t('escalate.usage', { command }) } : active.reply;
    const used = found.used;
    const kind = kinds.find((k) => k.index === used);
    if (!kind) {
      const next = args[used];
      return next === undefined
        ? { text: t('escalate.missingKind', { name: active.name, example: example(active.ref) }) }
        : { text: t('escalate.unknownKind', { input: next, example: example(active.ref) }) };
    }
    const reason = reasonOf(args.slice(kind.index + kind.length));
    if (reason && reason.length > REASON_MAX_CHARS) {
      return { text: t('escalate.reasonTooLong', { length: reason.length, max: REASON_MAX_CHARS, example: example(active.ref, kind.kind) }) };
    }
    const result = await requestEscalation(ctx.db, {
      workspace: ctx.workspace, caseId: active.caseId, kind: kind.kind, reason, userId: ctx.userId, now: ctx.now, command,
      // The narrative's model: run() comes after the ack.
      ai: aiClientFor(ctx.env, ctx.logger), logger: ctx.logger,
    });
    return requestedReply(ctx, kind.kind, result);
  },
};
