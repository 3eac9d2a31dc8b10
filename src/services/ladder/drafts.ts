// The ladder's reminder drafts: the data of every case (and customer) of the
// pass read in one query each, rendered in JS (src/drafts/reminders.ts), and
// written in one statement. A firm reminder to a professional debtor of a
// French workspace carries its late fees, computed invoice by invoice with
// src/domain/late-fees.ts from the rate tables.
import type { Queryable } from '../../db/client.ts';
import { readDraftSources, readPreDue, type DraftSourceRow, type NewCaseDraft, type NewDraft } from '../../db/ladder-pass.ts';
import { readRates } from '../../db/rates.ts';
import type { IsoDate } from '../../domain/dates.ts';
import { computeLateFees, RECOVERY_INDEMNITY, type MissingRate } from '../../domain/late-fees.ts';
import { sumByCurrency, type Money } from '../../domain/money.ts';
import { numericToMilli, type RateRow } from '../../domain/rates.ts';
import {
  joinParagraphs, legalFooter, paymentLinkFor, renderReminderParts, type DraftInvoice, type DraftLateFees, type LegalMentions, type ReminderData, type ReminderParagraph, type ReminderStage,
} from '../../drafts/reminders.ts';
import { translator } from '../../i18n/messages.ts';
import { draftPostParts } from '../../slack/blocks/reminder-draft.ts';

export interface DraftContext {
  workspaceId: string;
  day: IsoDate;
  timezone: string;
  /** The workspace's language: a customer without one gets it. */
  locale: 'en' | 'fr';
  /** Penalties are stated under French law only. */
  country: string;
  /** Who signs the drafts (the workspace's name). */
  creditorName: string | null;
  paymentDetails: string | null;
  /** The mail signature setting (lines separated by \n); null: the creditor's name signs. */
  signature: string | null;
  /** The payment-link template setting, filled per draft. */
  paymentLink: string | null;
  /** The creditor's legal mentions closing each mail. */
  legal: LegalMentions | null;
  /** The slash command, for the hints posted with the drafts. */
  command: string;
}

const toInvoices = (list: DraftSourceRow['invoices']): DraftInvoice[] => list.map((i) => ({
  number: i.number, issueDate: i.issue_date, dueDate: i.due_date, currency: i.currency,
  amountCents: Number(i.amount_cents), openCents: Number(i.open_cents),
}));

/** The drafts of every drafting move in ladder_moves, each with what its thread post adds around the text. */
export async function caseDrafts(tx: Queryable, ctx: DraftContext): Promise<NewCaseDraft[]> {
  const sources = await readDraftSources(tx, { workspaceId: ctx.workspaceId, day: ctx.day, timezone: ctx.timezone, locale: ctx.locale });
  if (sources.length === 0) return [];
  const needFees = ctx.country === 'FR' && sources.some((s) => s.stage === 'reminder_3' && s.kind === 'b2b');
  const rates = needFees ? await readRates(tx) : [];
  const t = translator(ctx.locale);
  const drafts: NewCaseDraft[] = [];
  for (const s of sources) {
    const invoices = toInvoices(s.invoices);
    const fees = s.stage === 'reminder_3' && s.kind === 'b2b' && ctx.country === 'FR' ? lateFees(s, ctx.day, rates) : null;
    const data: ReminderData = {
      stage: s.stage as ReminderStage, locale: s.locale, customerName: s.name, invoices, daysOverdue: s.days,
      earlierReminders: s.earlier, paymentDetails: ctx.paymentDetails, creditorName: ctx.creditorName,
      penalties: fees ? { figures: fees.figures } : null,
      ...mailParts(ctx, { customerRef: s.customer_ref, invoices, caseId: Number(s.case_id) }),
    };
    const parts = renderReminderParts(data);
    const text = { subject: parts.subject, body: joinParagraphs(parts.paragraphs) };
    const post = draftPostParts(t, {
      stage: s.stage, subject: text.subject, body: text.body, noPaymentDetails: ctx.paymentDetails === null && !data.paymentLink,
      missingRates: fees?.missing.map((m) => m.command) ?? [], command: ctx.command,
    });
    drafts.push({
      case_id: Number(s.case_id), customer_id: Number(s.customer_id), stage: s.stage, due_date: null, locale: s.locale, ...text,
      data: draftData(data, s.customer_ref, fees, parts.paragraphs), post_head: post.head, post_tail: post.tail, post_quoted: post.quoted,
    });
  }
  return drafts;
}

export interface PreDueDraft {
  draft: NewDraft;
  customerRef: string;
  name: string;
}

/** The courtesy reminders owed between the dates, one per customer (with no active case) and due date. */
export async function preDueDrafts(tx: Queryable, ctx: DraftContext, range: { from: IsoDate; to: IsoDate }): Promise<PreDueDraft[]> {
  const owed = await readPreDue(tx, { workspaceId: ctx.workspaceId, from: range.from, to: range.to, locale: ctx.locale });
  return owed.map((r) => {
    const invoices = toInvoices(r.invoices.map((i) => ({ ...i, payments: null })));
    const data: ReminderData = {
      stage: 'pre_due', locale: r.locale, customerName: r.name, invoices,
      daysOverdue: null, earlierReminders: [], paymentDetails: ctx.paymentDetails, creditorName: ctx.creditorName, penalties: null,
      ...mailParts(ctx, { customerRef: r.customer_ref, invoices, caseId: null }),
    };
    const parts = renderReminderParts(data);
    const draft: NewDraft = {
      case_id: null, customer_id: Number(r.customer_id), stage: 'pre_due', due_date: r.due_date, locale: r.locale,
      subject: parts.subject, body: joinParagraphs(parts.paragraphs), data: draftData(data, r.customer_ref, null, parts.paragraphs),
    };
    return { draft, customerRef: r.customer_ref, name: r.name };
  });
}

/** What a mail adds to a reminder: the signature, the payment link filled for these invoices, the legal mentions. */
function mailParts(ctx: DraftContext, d: { customerRef: string; invoices: DraftInvoice[]; caseId: number | null }) {
  return {
    signature: ctx.signature,
    paymentLink: paymentLinkFor(ctx.paymentLink, {
      customerRef: d.customerRef, invoiceNumbers: d.invoices.map((i) => i.number), caseId: d.caseId,
      amounts: sumByCurrency(d.invoices.map((i) => ({ cents: i.openCents, currency: i.currency }))),
    }),
    legal: ctx.legal,
  };
}

interface ComputedFees {
  figures: DraftLateFees | null;
  missing: MissingRate[];
}

/**
 * The late fees of a firm reminder as of the day: interest per currency and
 * €40 per late invoice. Without both rate tables the reminder states the rule
 * without figures.
 */
function lateFees(s: DraftSourceRow, day: IsoDate, rates: readonly RateRow[]): ComputedFees {
  if (!rates.some((r) => r.kind === 'ecb') || !rates.some((r) => r.kind === 'legal')) return { figures: null, missing: [] };
  const contract = s.late_rate === null ? null : numericToMilli(s.late_rate);
  const interest: Money[] = [];
  const missing = new Map<string, MissingRate>();
  let late = 0;
  let contractRate = false;
  for (const i of s.invoices) {
    const fees = computeLateFees({
      invoice: { amountCents: Number(i.amount_cents), currency: i.currency, dueDate: i.due_date },
      payments: (i.payments ?? []).map((p) => ({ paidOn: p.paid_on, amountCents: Number(p.amount_cents) })),
      debtor: 'b2b', contractMilliPercent: contract, asOf: day, rates,
    });
    interest.push({ cents: fees.interestCents, currency: fees.currency });
    if (fees.indemnity) late += 1;
    if (fees.segments.some((seg) => seg.basis === 'contract' || seg.basis === 'legal_floor')) contractRate = true;
    for (const m of fees.missing) missing.set(`${m.kind}:${m.halfYear}`, m);
  }
  return {
    figures: {
      asOf: day, interest: sumByCurrency(interest), lateInvoices: late, contractRate,
      indemnity: late > 0 ? { cents: RECOVERY_INDEMNITY.cents * late, currency: RECOVERY_INDEMNITY.currency } : null,
    },
    missing: [...missing.values()],
  };
}

/** What the draft was made of, kept with it (drafts.data) for the sender and the case file. */
function draftData(d: ReminderData, customerRef: string, fees: ComputedFees | null, paragraphs: readonly ReminderParagraph[]) {
  return {
    customer_ref: customerRef,
    days_overdue: d.daysOverdue,
    invoices: d.invoices.map((i) => ({
      number: i.number, issue_date: i.issueDate, due_date: i.dueDate, currency: i.currency, amount_cents: i.amountCents, open_cents: i.openCents,
    })),
    totals: sumByCurrency(d.invoices.map((i) => ({ cents: i.openCents, currency: i.currency }))),
    earlier_reminders: d.earlierReminders,
    payment_details: d.paymentDetails,
    payment_link: d.paymentLink ?? null,
    signature: d.signature ?? null,
    legal_footer: legalFooter(d.legal ?? null, d.locale),
    late_fees: fees?.figures ? { ...fees.figures, missing: fees.missing } : null,
    penalties_stated: d.penalties !== null,
    // The body's paragraphs in order, each its kind and length: what a rewording replaces and what it keeps (src/ai/draft-wording.ts).
    paragraphs: paragraphs.map((p) => ({ kind: p.kind, length: p.text.length })),
  };
}
