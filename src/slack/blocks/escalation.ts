// What managers see of an escalation request: the message in the managers'
// channel (the case brief, then Approve / Reject, or the decision once made),
// the reject form, and the `/collect escalations` list.
import type { KnownBlock, ModalView } from '@slack/types';
import { z } from 'zod';
import { SYSTEM_REQUESTER, overdueOf, type EscalationBrief } from '../../db/escalations.ts';
import { daysBetween, todayIn, type IsoDate } from '../../domain/dates.ts';
import { REASON_MAX_CHARS, type EscalationKind } from '../../domain/escalation-args.ts';
import { legalRoute } from '../../domain/legal-route.ts';
import { formatMoney } from '../../domain/money.ts';
import { missingRateNotice } from '../../i18n/late-fees.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import { cut, escapeMrkdwn, formatDate, formatTotals, mention, mrkdwn, type Mrkdwn } from '../../i18n/format.ts';
import { translator, type Locale, type MessageKey, type Translator } from '../../i18n/messages.ts';
import type { Reply } from '../command.ts';
import { button, context, fieldsSection, fitBlocks, LIMITS, mrkdwnText, plainText, section } from './kit.ts';
import { caseStatusLabel } from './worklist.ts';

export const APPROVE_ACTION = 'escalation_approve';
export const REJECT_ACTION = 'escalation_reject';
export const PAGE_ACTION = 'escalations_page';
export const REJECT_VIEW = 'escalation_reject_form';
/** The reject form's one input block; its element is `value`. */
export const REJECT_FIELD = 'reason';

export interface EscalationView {
  t: Translator;
  locale: Locale;
  /** The workspace's time zone: request and decision days are read in it. */
  timezone: string;
  today: IsoDate;
  /** The slash command as installed. */
  command: string;
}

/** The view for messages written outside a request (a job, a use case), in the workspace's language. */
export function workspaceView(workspace: { locale: string; timezone: string }, now: Date, command: string): EscalationView {
  const locale: Locale = workspace.locale === 'fr' ? 'fr' : 'en';
  return { t: translator(locale), locale, timezone: workspace.timezone, today: todayIn(workspace.timezone, now), command };
}

export interface EscalationMessage {
  text: string;
  blocks: KnownBlock[];
}

export type Route = 'agency' | 'legal';

export const kindLabel = (t: Translator, kind: EscalationKind): string => t(`escalationKind.${kind}` as MessageKey & `escalationKind.${string}`);

/** A ladder proposal to hand a case off: the approver picks the agency or the court. */
export const offersRoutes = (b: Pick<EscalationBrief, 'requestedBy' | 'kind' | 'status'>): boolean =>
  b.status === 'pending' && b.requestedBy === SYSTEM_REQUESTER && (b.kind === 'agency' || b.kind === 'legal');

/** Someone's own words, shown whole (within reason) as a quote, never as markup. */
export function quoted(text: string): Mrkdwn {
  return mrkdwn(cut(escapeMrkdwn(text.trim()), REASON_MAX_CHARS + 20).split('\n').map((line) => `> ${line}`).join('\n'));
}

const dayOf = (at: Date, v: EscalationView) => formatDate(todayIn(v.timezone, at), v.locale);

/** The case brief as "label: value" fields. */
function briefFields(b: EscalationBrief, v: EscalationView): string[] {
  const { t, locale } = v;
  const overdue = formatTotals(overdueOf(b), locale) || t('escalation.brief.nothing');
  const open = formatTotals(b.balances.filter((x) => x.openCents > 0).map((x) => ({ currency: x.currency, cents: x.openCents })), locale);
  const field = (label: string, value: string) => `*${label}*\n${value}`;
  const days = b.oldestDueDate ? daysBetween(b.oldestDueDate, v.today) : null;
  const lastCall = b.calls.lastOutcome && b.calls.lastOn
    ? t('escalation.brief.lastCall', { outcome: t(`outcome.${b.calls.lastOutcome}` as MessageKey & `outcome.${string}`), date: formatDate(b.calls.lastOn, locale) })
    : '';
  return [
    field(t('escalation.brief.balanceLabel'), open && open !== overdue ? t('escalation.brief.balanceOpen', { overdue, open }) : overdue),
    field(t('escalation.brief.agingLabel'), b.oldestDueDate && days !== null
      ? t('escalation.brief.aging', { date: formatDate(b.oldestDueDate, locale), days })
      : t('escalation.brief.nothing')),
    field(t('escalation.brief.statusLabel'), caseStatusLabel(t, locale, { status: b.caseStatus, stage: b.stage, pause: b.pause })),
    field(t('escalation.brief.remindersLabel'), t('escalation.brief.reminders', {
      count: b.reminders.count, last: b.reminders.lastOn ? formatDate(b.reminders.lastOn, locale) : '',
    })),
    field(t('escalation.brief.callsLabel'), t('escalation.brief.calls', { count: b.calls.count, last: lastCall })),
    field(t('escalation.brief.promisesLabel'), t('escalation.brief.brokenPromises', { count: b.brokenPromises })),
    field(t('escalation.brief.disputesLabel'), t('escalation.brief.disputes', { count: b.disputes })),
  ];
}

/** Longest narrative shown: the model's is capped shorter (src/ai/case-brief.ts); this bounds the rules' too. */
const NARRATIVE_SHOWN_MAX = 1200;

/** The narrative at the top, labelled by who wrote it; kept plain on the row, escaped here. */
function narrativeBlocks(b: EscalationBrief, v: EscalationView): KnownBlock[] {
  if (!b.narrative) return [];
  const label = v.t(b.narrative.source === 'ai' ? 'caseBrief.label.ai' : 'caseBrief.label.rules');
  return [section(`*${label}*\n${cut(escapeMrkdwn(b.narrative.text.replace(/[\r\n]+/g, ' ').trim()), NARRATIVE_SHOWN_MAX)}`)];
}

function origin(b: EscalationBrief, v: EscalationView): string {
  return b.requestedBy === SYSTEM_REQUESTER
    ? v.t('escalation.proposedByLadder', { date: dayOf(b.createdAt, v) })
    : v.t('escalation.requestedBy', { user: mention(b.requestedBy), date: dayOf(b.createdAt, v) });
}

function reasonBlock(b: EscalationBrief, v: EscalationView): KnownBlock {
  return section(b.reason ? v.t('escalation.reason', { reason: quoted(b.reason) }) : v.t('escalation.noReason'));
}

function decisionLine(b: EscalationBrief, v: EscalationView): string {
  const { t } = v;
  const who = b.decidedBy ? mention(b.decidedBy) : mrkdwn(t('escalation.nobody'));
  const date = b.decidedAt ? dayOf(b.decidedAt, v) : '';
  switch (b.status) {
    case 'approved': return t('escalation.approvedLine', { kind: kindLabel(t, b.kind), user: who, date });
    case 'rejected': return t('escalation.rejectedLine', { user: who, date, reason: quoted(b.decisionReason ?? '') });
    case 'cancelled': return t('escalation.cancelledLine', { date });
    case 'pending': return '';
  }
}

/**
 * What the claim means for the decision: for a court route (a legal request,
 * a ladder hand-off), which procedure and which court; for a consumer, that no
 * collection fee is claimed; and any half-year whose interest rate was missing.
 */
function claimBlocks(b: EscalationBrief, v: EscalationView): KnownBlock[] {
  const { t, locale } = v;
  if (!b.claim) return [];
  const lines: string[] = [];
  if (b.kind === 'legal' || (b.kind === 'agency' && b.requestedBy === SYSTEM_REQUESTER)) {
    lines.push(t('escalation.legal.title'));
    for (const total of b.claim.totals) {
      const route = legalRoute(b.claim.debtor, total);
      const claim = formatMoney(total, locale);
      lines.push(route.smallClaims === 'eligible' ? t('escalation.legal.smallClaims', { claim })
        : route.smallClaims === 'above' ? t('escalation.legal.above', { claim }) : t('escalation.legal.notEuros', { claim }));
    }
    lines.push(t(b.claim.debtor === 'b2b' ? 'escalation.legal.commercial' : 'escalation.legal.judicial'));
  }
  if (b.claim.debtor === 'b2c') lines.push(t('escalation.noConsumerFees'));
  const blocks: KnownBlock[] = lines.length > 0 ? [section(lines.join('\n'))] : [];
  const missing = b.claim.missing.map((m) => missingRateNotice(m, locale));
  // Already mrkdwn: t() made its values inert, and its backticks are meant.
  if (missing.length > 0) blocks.push(context([missing.join(' ')]));
  return blocks;
}

/** Approve / Reject; a ladder hand-off offers both routes. */
function decisionButtons(b: EscalationBrief, v: EscalationView): KnownBlock {
  const { t } = v;
  const approve = offersRoutes(b)
    ? (['agency', 'legal'] as const).map((route) => button({
      actionId: `${APPROVE_ACTION}_${route}`, text: t('escalation.approveRoute', { kind: kindLabel(t, route) }), value: `${b.id}.${route}`, style: 'primary',
    }))
    : [button({ actionId: APPROVE_ACTION, text: t('escalation.approve'), value: String(b.id), style: 'primary' })];
  return {
    type: 'actions',
    block_id: `escalation.${b.id}`,
    elements: [...approve, button({ actionId: REJECT_ACTION, text: t('escalation.reject'), value: String(b.id), style: 'danger' })],
  } as KnownBlock;
}

/** The request as posted in the managers' channel: pending with its buttons, or decided without them. */
export function requestMessage(b: EscalationBrief, v: EscalationView): EscalationMessage {
  const { t } = v;
  const params = { kind: kindLabel(t, b.kind), name: b.name, ref: b.ref };
  const blocks: KnownBlock[] = [
    section(t('escalation.title', params)),
    ...narrativeBlocks(b, v),
    fieldsSection(briefFields(b, v)),
    reasonBlock(b, v),
    ...claimBlocks(b, v),
    context([origin(b, v)]),
  ];
  if (b.status === 'pending') {
    if (offersRoutes(b)) blocks.push(context([t('escalation.routesHint')]));
    blocks.push(decisionButtons(b, v), context([t('escalation.fourEyes')]));
    return { text: t('escalation.text', params), blocks: fitBlocks(blocks) };
  }
  blocks.push(section(decisionLine(b, v)));
  return { text: t('escalation.decidedText', { ...params, decision: t(`escalation.status.${b.status}`) }), blocks: fitBlocks(blocks) };
}

// ---------------------------------------------------------------------------
// `/collect escalations`: the pending requests, a page at a time.

export const LIST_PAGE_SIZE = 8;

export interface PendingList {
  briefs: EscalationBrief[];
  /** 1-based. */
  page: number;
  total: number;
}

export function pendingListReply(list: PendingList, v: EscalationView, viewerId: string): Reply {
  const { t, locale } = v;
  const pages = Math.max(1, Math.ceil(list.total / LIST_PAGE_SIZE));
  const title = t('escalations.title', { count: list.total });
  if (list.total === 0) return { text: `${title}\n${t('escalations.none')}`, blocks: [section(`*${title}*`), context([t('escalations.none')])] };
  const blocks: KnownBlock[] = [section(`*${title}*`)];
  for (const b of list.briefs) {
    const days = b.oldestDueDate ? daysBetween(b.oldestDueDate, v.today) : 0;
    const who = b.requestedBy === SYSTEM_REQUESTER ? mrkdwn(t('escalations.byLadder')) : mention(b.requestedBy);
    const row = t('escalations.row', {
      kind: kindLabel(t, b.kind), name: b.name, ref: b.ref, overdue: formatTotals(overdueOf(b), locale) || t('escalation.brief.nothing'),
      days, who, date: dayOf(b.createdAt, v),
    });
    blocks.push(section(b.reason ? `${row}\n${quoted(b.reason).text}` : row));
    blocks.push(b.requestedBy === viewerId ? context([t('escalations.own')]) : decisionButtons(b, v));
  }
  if (list.page < pages) {
    blocks.push(context([t('escalations.page', { page: list.page, pages, next: list.page + 1, command: v.command })]));
    blocks.push({ type: 'actions', elements: [button({ actionId: PAGE_ACTION, text: t('escalations.next'), value: String(list.page + 1) })] } as KnownBlock);
  } else if (pages > 1) {
    blocks.push(context([t('escalations.lastPage', { page: list.page, pages })]));
  }
  return { text: title, blocks: fitBlocks(blocks) };
}

// ---------------------------------------------------------------------------
// The reject form: the reason is required, since the requester reads it.

/** Where the form came from, in `private_metadata`, read back untrusted on submission. */
export const rejectMetadata = z.object({
  escalationId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  channelId: z.string().regex(/^[CDG][A-Z0-9]{2,30}$/).optional(),
});
export type RejectMetadata = z.infer<typeof rejectMetadata>;

export function parseRejectMetadata(raw: string | undefined): Result<RejectMetadata, string> {
  try {
    const parsed = rejectMetadata.safeParse(JSON.parse(raw ?? ''));
    return parsed.success ? ok(parsed.data) : err(raw ?? '');
  } catch {
    return err(raw ?? '');
  }
}

export function rejectModal(b: EscalationBrief, v: EscalationView, meta: RejectMetadata): ModalView {
  const { t } = v;
  return {
    type: 'modal',
    callback_id: REJECT_VIEW,
    private_metadata: JSON.stringify(meta),
    title: plainText(t('rejectForm.title'), LIMITS.modalTitle),
    submit: plainText(t('rejectForm.submit'), LIMITS.modalButton),
    close: plainText(t('rejectForm.cancel'), LIMITS.modalButton),
    blocks: fitBlocks([
      { type: 'section', text: mrkdwnText(t('rejectForm.intro', { kind: kindLabel(t, b.kind), name: b.name, ref: b.ref })) },
      {
        type: 'input',
        block_id: REJECT_FIELD,
        label: plainText(t('rejectForm.reason'), LIMITS.inputLabel),
        element: {
          type: 'plain_text_input', action_id: 'value', multiline: true, max_length: REASON_MAX_CHARS,
          placeholder: plainText(t('rejectForm.placeholder'), LIMITS.placeholder),
        },
      },
    ], LIMITS.blocksPerView),
  };
}

/** A button's escalation id, and the route a ladder hand-off was approved for. */
export function parseDecisionValue(value: string | undefined): Result<{ id: number; route: Route | null }, string> {
  const m = /^([1-9]\d{0,14})(?:\.(agency|legal))?$/.exec(value ?? '');
  return m ? ok({ id: Number(m[1]), route: (m[2] as Route | undefined) ?? null }) : err(value ?? '');
}
