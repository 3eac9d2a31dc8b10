// The e-mail copy of a formal notice, drafted in the transaction that stores
// the letter: one draft per case (a case's later notice does not make a second
// copy), waiting like any reminder for the send policy or a manager, then
// posted to the case thread. The delivery attaches the letter's PDF through
// `data.letter_id`. Its figures are the letter's: the claim as of the letter's
// day, read from the database, never from what the letter printed.
import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { drafts, letters } from '../../db/schema.ts';
import { readSettings } from '../../db/settings.ts';
import { formatIban } from '../../domain/creditor.ts';
import { todayIn } from '../../domain/dates.ts';
import { sumByCurrency } from '../../domain/money.ts';
import type { Settings } from '../../domain/settings.ts';
import { legalFooter, paymentLinkFor, type DraftInvoice } from '../../drafts/reminders.ts';
import { claimTotals } from '../../letters/claim.ts';
import { loadCaseParty, loadClaim } from '../../letters/notice-data.ts';
import { renderNoticeCopy, type NoticeCopyData } from '../../mail/notice-copy.ts';
import { approveDrafts } from './approve.ts';
import { postDraft } from './post-draft.ts';

export interface DraftNoticeCopyInput {
  workspaceId: string;
  caseId: number;
  letterId: number;
  now: Date;
  /** The slash command, for the hints posted with the draft. */
  command: string;
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
  const settings = await readSettings(tx, input.workspaceId);

  const invoices: DraftInvoice[] = claim.invoices.map((i) => ({
    number: i.number, issueDate: i.issueDate, dueDate: i.dueDate, currency: i.currency, amountCents: i.amountCents, openCents: i.balanceCents,
  }));
  const totals = claimTotals(claim.invoices);
  const legal = { name: settings.creditorName, address: settings.creditorAddress, companyId: settings.creditorCompanyId };
  const data: NoticeCopyData = {
    locale: letter.locale, customerName: party.name, customerRef: party.ref, letterDate, deadline: letter.deadlineOn, invoices, claim: totals,
    paymentDetails: howToPay(settings),
    paymentLink: paymentLinkFor(settings.paymentLink, {
      customerRef: party.ref, invoiceNumbers: invoices.map((i) => i.number), caseId: input.caseId,
      amounts: totals.map((t) => ({ cents: t.totalCents, currency: t.currency })),
    }),
    creditorName: settings.creditorName, signature: settings.mailSignature, legal,
  };
  const text = renderNoticeCopy(data);
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
    },
  }).onConflictDoNothing().returning({ id: drafts.id });
  return row ? row.id : null;
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
