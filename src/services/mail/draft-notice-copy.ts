// The e-mail copy of a formal notice, drafted in the transaction that stores
// the letter: one draft per case (a case's later notice does not make a second
// copy), waiting like any reminder for the send policy or a manager, then
// posted to the case thread. The delivery attaches the letter's PDF through
// `data.letter_id`. Its figures are the letter's: the claim as of the letter's
// day, read from the database, never from what the letter printed.
//
// Its prose may come worded by the model (src/ai/notice-wording.ts), asked
// before the letter's transaction: it is checked again here against the
// template this transaction renders, and used only if it still fits (the
// claim did not change in between); under an `auto` policy the mail is built
// right away, so there is no later moment to word it.
import { and, eq, sql } from 'drizzle-orm';
import { checkProse, type WordedProse } from '../../ai/prose-wording.ts';
import { rows, type Queryable } from '../../db/client.ts';
import { drafts, letters } from '../../db/schema.ts';
import { readSettings } from '../../db/settings.ts';
import { formatIban } from '../../domain/creditor.ts';
import { todayIn, type IsoDate } from '../../domain/dates.ts';
import { sumByCurrency } from '../../domain/money.ts';
import type { Settings } from '../../domain/settings.ts';
import { legalFooter, paymentLinkFor, type DraftInvoice } from '../../drafts/reminders.ts';
import { claimTotals } from '../../letters/claim.ts';
import type { Locale } from '../../i18n/messages.ts';
import type { ClaimInvoice } from '../../letters/claim.ts';
import { loadCaseParty, loadClaim, type CaseParty } from '../../letters/notice-data.ts';
import { noticeCopyProseSlots, renderNoticeCopy, type NoticeCopyData, type NoticeCopyProse } from '../../mail/notice-copy.ts';
import { approveDrafts } from './approve.ts';
import { postDraft } from './post-draft.ts';

export interface DraftNoticeCopyInput {
  workspaceId: string;
  caseId: number;
  letterId: number;
  now: Date;
  /** The slash command, for the hints posted with the draft. */
  command: string;
  /** The copy's prose as the model worded it (src/ai/notice-wording.ts); checked again against this transaction's template. */
  prose?: WordedProse | null;
}

/** How to pay as the letter says it: the creditor's account (a notice cannot be made without it), else the payment details. */
function howToPay(settings: Settings): string | null {
  if (settings.creditorIban) return `IBAN ${formatIban(settings.creditorIban)}${settings.creditorBic ? `, BIC ${settings.creditorBic}` : ''}`;
  return settings.paymentDetails;
}

/**
 * Inserts the copy's draft (stage formal_notice) unless the case has one;
 * returns its id, or null when nothing was drafted (a copy already exists, or
 * the letter or case is not found, or nothing is claimed).
 */
export async function insertNoticeCopyDraft(tx: Queryable, input: DraftNoticeCopyInput): Promise<number | null> {
  const [letter] = await tx.select({
    id: letters.id, caseId: letters.caseId, locale: letters.locale, deadlineOn: letters.deadlineOn, createdAt: letters.createdAt,
  }).from(letters).where(and(eq(letters.workspaceId, input.workspaceId), eq(letters.id, input.letterId), eq(letters.caseId, input.caseId)));
  if (!letter) return null;
  const party = await loadCaseParty(tx, input.workspaceId, input.caseId);
  if (!party) return null;
  const letterDate = todayIn(party.workspace.timezone, letter.createdAt);
  const claim = await loadClaim(tx, input.workspaceId, party, letterDate);
  if (claim.invoices.length === 0) return null;
  const { data, invoices, totals, legal } = await copyData(tx, {
    workspaceId: input.workspaceId, caseId: input.caseId, party, claim: claim.invoices, letterDate, deadline: letter.deadlineOn, locale: letter.locale,
  });
  const worded = input.prose ? checkProse(noticeCopyProseSlots(data), input.prose) : null;
  const text = renderNoticeCopy(data, { prose: worded?.ok ? worded.value as NoticeCopyProse : null });
  const [row] = await tx.insert(drafts).values({
    workspaceId: input.workspaceId, caseId: input.caseId, customerId: party.customerId, stage: 'formal_notice', dueDate: null,
    locale: letter.locale, subject: text.subject, body: text.body, createdAt: input.now,
    data: {
      letter_id: letter.id,
      letter_date: letterDate,
      deadline: letter.deadlineOn,
      customer_ref: party.ref,
      invoices: invoices.map((i) => ({
        number: i.number, issue_date: i.issueDate, due_date: i.dueDate, currency: i.currency, amount_cents: i.amountCents, open_cents: i.openCents,
      })),
      totals: sumByCurrency(invoices.map((i) => ({ cents: i.openCents, currency: i.currency }))),
      claim: totals.map((t) => ({
        currency: t.currency, principal_cents: t.principalCents, interest_cents: t.interestCents, other_cents: t.otherCents, total_cents: t.totalCents,
      })),
      payment_details: data.paymentDetails,
      payment_link: data.paymentLink,
      signature: data.signature,
      legal_footer: legalFooter(legal, letter.locale),
      // Which wording the copy has: the model's (checked) or, when absent, the template's.
      ...(worded?.ok ? { wording: 'ai' } : {}),
    },
  }).onConflictDoNothing().returning({ id: drafts.id });
  return row ? row.id : null;
}

async function copyData(db: Queryable, input: {
  workspaceId: string; caseId: number; party: CaseParty; claim: readonly ClaimInvoice[]; letterDate: IsoDate; deadline: IsoDate | null; locale: Locale;
}) {
  const { party, claim } = input;
  const settings = await readSettings(db, input.workspaceId);
  const invoices: DraftInvoice[] = claim.map((i) => ({
    number: i.number, issueDate: i.issueDate, dueDate: i.dueDate, currency: i.currency, amountCents: i.amountCents, openCents: i.balanceCents,
  }));
  const totals = claimTotals(claim);
  const legal = { name: settings.creditorName, address: settings.creditorAddress, companyId: settings.creditorCompanyId };
  const data: NoticeCopyData = {
    locale: input.locale, customerName: party.name, customerRef: party.ref, letterDate: input.letterDate, deadline: input.deadline, invoices, claim: totals,
    paymentDetails: howToPay(settings),
    paymentLink: paymentLinkFor(settings.paymentLink, {
      customerRef: party.ref, invoiceNumbers: invoices.map((i) => i.number), caseId: input.caseId,
      amounts: totals.map((t) => ({ cents: t.totalCents, currency: t.currency })),
    }),
    creditorName: settings.creditorName, signature: settings.mailSignature, legal,
  };
  return { data, invoices, totals, legal };
}

/**
 * The copy a letter about to be stored would get, for the model to word
 * before the letter's transaction (src/services/letters/generate-notice.ts):
 * the same figures insertNoticeCopyDraft renders for a letter of that day.
 * Null when no copy would be drafted: the case has one already, or nothing is claimed.
 */
export async function noticeCopyToWord(db: Queryable, input: {
  workspaceId: string; party: CaseParty; claim: readonly ClaimInvoice[]; letterDate: IsoDate; deadline: IsoDate; locale: Locale;
}): Promise<NoticeCopyData | null> {
  if (input.claim.length === 0) return null;
  const [existing] = await rows<{ id: number }>(db, sql`
    select id from drafts where workspace_id = ${input.workspaceId} and case_id = ${input.party.caseId} and stage = 'formal_notice' limit 1`);
  if (existing) return null;
  return (await copyData(db, { ...input, caseId: input.party.caseId })).data;
}

/**
 * The copy's draft, then its post in the case thread (Send / Edit / Skip, or
 * "leaves by itself"), in the caller's transaction. Under an `auto` send policy
 * for formal_notice the managers' approval of the notice is the approval of its copy.
 */
export async function draftNoticeCopy(tx: Queryable, input: DraftNoticeCopyInput): Promise<number | null> {
  const draftId = await insertNoticeCopyDraft(tx, input);
  if (draftId === null) return null;
  await postDraft(tx, { workspaceId: input.workspaceId, draftId, now: input.now, command: input.command });
  const settings = await readSettings(tx, input.workspaceId);
  if (settings.sendPolicy.formal_notice === 'auto') {
    await approveDrafts(tx, { workspaceId: input.workspaceId, draftIds: [draftId], by: { kind: 'policy' }, now: input.now });
  }
  return draftId;
}
