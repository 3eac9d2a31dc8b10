// Everything a formal notice prints, read from the database for one case:
// the creditor (settings), the debtor, the overdue invoices with their late
// fees as of today, the deadline, the earlier reminders and the locale. The
// case-file export reads the same claim through `loadClaim`.
import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { rows, type Queryable } from '../db/client.ts';
import { readRates } from '../db/rates.ts';
import { invoices, letters, payments } from '../db/schema.ts';
import { readSettings } from '../db/settings.ts';
import { addressLines, companyIdOf } from '../domain/creditor.ts';
import { addDays, isBusinessCalendar, isBusinessDay, nextBusinessDay, todayIn, type BusinessCalendar, type IsoDate } from '../domain/dates.ts';
import { computeLateFees, type DebtorKind } from '../domain/late-fees.ts';
import { numericToMilli, rateFor, type RateRow } from '../domain/rates.ts';
import { SETTING_KEYS, type SettingName, type Settings } from '../domain/settings.ts';
import type { Locale } from '../i18n/messages.ts';
import type { ClaimInvoice } from './claim.ts';
import type { CreditorIdentity, FormalNoticeData } from './formal-notice.ts';

/** What a formal notice cannot do without (the BIC is optional). */
export const REQUIRED_CREDITOR_SETTINGS: readonly SettingName[] = [
  'creditorName', 'creditorAddress', 'creditorCompanyId', 'creditorIban', 'creditorSignatory',
];

/** The keys (`creditor_iban`…) of the required creditor settings not set yet. */
export const missingCreditorKeys = (settings: Settings): string[] =>
  REQUIRED_CREDITOR_SETTINGS.filter((name) => settings[name] === null).map((name) => SETTING_KEYS[name]);

/** The creditor as letters print it, once every required setting is there. */
export function creditorIdentity(settings: Settings): CreditorIdentity | null {
  const { creditorName: name, creditorAddress: address, creditorCompanyId: companyId, creditorIban: iban, creditorSignatory: signatory } = settings;
  if (name === null || address === null || companyId === null || iban === null || signatory === null) return null;
  return { name, addressLines: addressLines(address), companyId: companyIdOf(companyId), iban, bic: settings.creditorBic, signatory };
}

export interface CaseParty {
  caseId: number;
  customerId: number;
  status: string;
  stage: string | null;
  openedAt: Date;
  resolvedAt: Date | null;
  name: string;
  ref: string;
  kind: DebtorKind;
  companyId: string | null;
  /** The contractual late rate, thousandths of a percent. */
  lateRateMilli: number | null;
  locale: Locale;
  workspace: { timezone: string; locale: Locale; calendar: BusinessCalendar };
}

export async function loadCaseParty(db: Queryable, workspaceId: string, caseId: number): Promise<CaseParty | null> {
  const [row] = await rows<{
    id: string | number; customer_id: string | number; status: string; stage: string | null; opened_at: string | Date; resolved_at: string | Date | null;
    name: string; customer_ref: string; kind: DebtorKind; company_id: string | null; late_rate: string | null; locale: Locale | null;
    timezone: string; workspace_locale: Locale; country: string;
  }>(db, sql`
    select k.id, k.customer_id, k.status, k.stage, k.opened_at, k.resolved_at, c.name, c.customer_ref, c.kind, c.company_id,
      c.late_rate::text as late_rate, c.locale, w.timezone, w.locale as workspace_locale, w.country
    from cases k join customers c on c.id = k.customer_id join workspaces w on w.id = k.workspace_id
    where k.workspace_id = ${workspaceId} and k.id = ${caseId}`);
  if (!row) return null;
  return {
    caseId: Number(row.id), customerId: Number(row.customer_id), status: row.status, stage: row.stage,
    openedAt: new Date(row.opened_at), resolvedAt: row.resolved_at ? new Date(row.resolved_at) : null,
    name: row.name, ref: row.customer_ref, kind: row.kind, companyId: row.company_id,
    lateRateMilli: row.late_rate === null ? null : numericToMilli(row.late_rate),
    locale: row.locale ?? row.workspace_locale,
    workspace: { timezone: row.timezone, locale: row.workspace_locale, calendar: isBusinessCalendar(row.country) ? row.country : 'none' },
  };
}

/**
 * For a consumer, interest runs from the first formal notice sent: from its
 * receipt when recorded, else from its sending (late-fees.ts).
 */
async function firstNoticeSent(db: Queryable, workspaceId: string, party: CaseParty): Promise<{ sentOn: IsoDate; receivedOn: IsoDate | null } | null> {
  const [first] = await db.select({ sentAt: letters.sentAt, receivedOn: letters.receivedOn }).from(letters)
    .where(and(eq(letters.workspaceId, workspaceId), eq(letters.caseId, party.caseId), eq(letters.kind, 'formal_notice'), isNotNull(letters.sentAt)))
    .orderBy(asc(letters.sentAt)).limit(1);
  return first?.sentAt ? { sentOn: todayIn(party.workspace.timezone, first.sentAt), receivedOn: first.receivedOn } : null;
}

export interface Claim {
  invoices: ClaimInvoice[];
  rates: RateRow[];
}

/** The customer's invoices overdue on `asOf` and unpaid, each with its late fees as of that day. */
export async function loadClaim(db: Queryable, workspaceId: string, party: CaseParty, asOf: IsoDate): Promise<Claim> {
  const overdue = await db.select().from(invoices)
    .where(and(eq(invoices.workspaceId, workspaceId), eq(invoices.customerId, party.customerId),
      sql`${invoices.paidCents} < ${invoices.amountCents}`, sql`${invoices.dueDate} < ${asOf}::date`))
    .orderBy(asc(invoices.dueDate), asc(invoices.invoiceNumber));
  const paid = overdue.length === 0 ? [] : await db.select({ invoiceId: payments.invoiceId, amountCents: payments.amountCents, paidOn: payments.paidOn })
    .from(payments).where(and(eq(payments.workspaceId, workspaceId), inArray(payments.invoiceId, overdue.map((i) => i.id))));
  const rates = await readRates(db);
  const notice = party.kind === 'b2c' ? await firstNoticeSent(db, workspaceId, party) : null;
  return {
    rates,
    invoices: overdue.map((i) => ({
      number: i.invoiceNumber, issueDate: i.issueDate, dueDate: i.dueDate, currency: i.currency,
      amountCents: i.amountCents, balanceCents: i.amountCents - i.paidCents,
      fees: computeLateFees({
        invoice: { amountCents: i.amountCents, currency: i.currency, dueDate: i.dueDate },
        payments: paid.filter((p) => p.invoiceId === i.id),
        debtor: party.kind, contractMilliPercent: party.lateRateMilli, asOf, notice, rates,
      }),
    })),
  };
}

/** Days earlier reminders went out: those recorded as sent, else (until e-mail sends them) the days they were drafted. */
async function earlierReminders(db: Queryable, workspaceId: string, party: CaseParty): Promise<IsoDate[]> {
  const found = await rows<{ kind: string; occurred_at: string | Date }>(db, sql`
    select kind, occurred_at from activities
    where workspace_id = ${workspaceId} and case_id = ${party.caseId} and kind in ('reminder_sent', 'reminder_drafted')
    order by occurred_at, id`);
  const sent = found.filter((a) => a.kind === 'reminder_sent');
  const used = sent.length > 0 ? sent : found;
  return [...new Set(used.map((a) => todayIn(party.workspace.timezone, new Date(a.occurred_at))))];
}

/** `days` calendar days after `from`; a deadline on a weekend or public holiday moves to the next business day. */
export function noticeDeadline(from: IsoDate, days: number, calendar: BusinessCalendar): IsoDate {
  const day = addDays(from, days);
  return isBusinessDay(day, calendar) ? day : nextBusinessDay(day, calendar);
}

export type NoticeDataResult =
  | { kind: 'ready'; data: FormalNoticeData; party: CaseParty }
  | { kind: 'no_case' }
  | { kind: 'closed'; party: CaseParty }
  | { kind: 'missing_settings'; keys: string[]; party: CaseParty }
  | { kind: 'nothing_overdue'; party: CaseParty };

const CLOSED = ['resolved', 'written_off'];

export async function gatherNoticeData(db: Queryable, input: { workspaceId: string; caseId: number; now: Date }): Promise<NoticeDataResult> {
  const party = await loadCaseParty(db, input.workspaceId, input.caseId);
  if (!party) return { kind: 'no_case' };
  if (CLOSED.includes(party.status)) return { kind: 'closed', party };
  const settings = await readSettings(db, input.workspaceId);
  const creditor = creditorIdentity(settings);
  if (!creditor) return { kind: 'missing_settings', keys: missingCreditorKeys(settings), party };
  const today = todayIn(party.workspace.timezone, input.now);
  const claim = await loadClaim(db, input.workspaceId, party, today);
  if (claim.invoices.length === 0) return { kind: 'nothing_overdue', party };
  const legal = rateFor(claim.rates, 'legal', today);
  return {
    kind: 'ready',
    party,
    data: {
      locale: party.locale,
      date: today,
      creditor,
      debtor: { name: party.name, ref: party.ref, kind: party.kind, companyId: party.companyId, addressLines: [] },
      invoices: claim.invoices,
      noticeDays: settings.noticeDays,
      deadline: noticeDeadline(today, settings.noticeDays, party.workspace.calendar),
      earlierReminders: await earlierReminders(db, input.workspaceId, party),
      legalRate: party.kind === 'b2c' ? { milliPercent: legal.row.milliPercent, startsOn: legal.row.startsOn } : null,
      paymentReference: party.ref,
    },
  };
}
