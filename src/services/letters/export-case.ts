// The case file export (SPEC §1 "can be exported as the case file", §2
// "Agency / legal hand-off"): built from the database for one case, then
// either given to a person (`/collect export`, commands/export.ts) or uploaded
// to the case thread when a hand-off to an agency or a lawyer is approved
// (`handOffCaseFile`). Each export is written to the timeline.
import type { WebClient } from '@slack/web-api';
import { sql } from 'drizzle-orm';
import { rows, type Db, type Queryable } from '../../db/client.ts';
import { caseLetters } from '../../db/letters.ts';
import { activities } from '../../db/schema.ts';
import { readSettings } from '../../db/settings.ts';
import { addressLines, companyIdOf } from '../../domain/creditor.ts';
import { localParts, todayIn, type IsoDate } from '../../domain/dates.ts';
import { formatDate, plainFromMrkdwn } from '../../i18n/format.ts';
import { translator, type Locale } from '../../i18n/messages.ts';
import { buildCaseFileZip, type InvoiceRow, type MailEntry, type PaymentRow, type TimelineRow } from '../../letters/case-file.ts';
import { renderCaseSummary } from '../../letters/case-summary.ts';
import { loadCaseParty, loadClaim, missingCreditorKeys, type CaseParty } from '../../letters/notice-data.ts';
import { safeFilename, uploadFile, UploadError } from '../../letters/upload.ts';
import { describeActivity } from '../../slack/blocks/activity-text.ts';
import { caseUploadTarget } from './upload-target.ts';

/** Slack user ids → display names, for the timeline's "who"; ids stay when a name is unknown. */
export type NameLookup = (userIds: string[]) => Promise<Map<string, string>>;

export interface CaseFile {
  filename: string;
  zip: Buffer;
  party: CaseParty;
  letters: number;
  /** Reminder e-mails that left, under mails/. */
  mails: number;
  /** Creditor settings the summary shows as "not set" (`creditor_iban`…). */
  missingKeys: string[];
}

const FILE_WORD: Record<Locale, string> = { fr: 'dossier', en: 'case-file' };
const PERSON = /^[UW][A-Z0-9]+$/;

async function invoiceRows(db: Queryable, workspaceId: string, party: CaseParty, openedOn: IsoDate, endDay: IsoDate): Promise<(InvoiceRow & { id: number })[]> {
  // The case's invoices: overdue by its last day, and unpaid or paid while it was open.
  const found = await rows<{
    id: string | number; invoice_number: string; customer_ref: string; issue_date: string; due_date: string; delivered_on: string | null;
    currency: string; amount_cents: string | number; paid_cents: string | number;
  }>(db, sql`
    select i.id, i.invoice_number, c.customer_ref, to_char(i.issue_date, 'YYYY-MM-DD') as issue_date, to_char(i.due_date, 'YYYY-MM-DD') as due_date,
      to_char(i.delivered_on, 'YYYY-MM-DD') as delivered_on, i.currency, i.amount_cents, i.paid_cents
    from invoices i join customers c on c.id = i.customer_id
    where i.workspace_id = ${workspaceId} and i.customer_id = ${party.customerId} and i.due_date < ${endDay}::date
      and (i.paid_cents < i.amount_cents
        or exists (select 1 from payments p where p.invoice_id = i.id and p.paid_on >= ${openedOn}::date))
    order by i.due_date, i.invoice_number`);
  return found.map((r) => ({
    id: Number(r.id), number: r.invoice_number, customerRef: r.customer_ref, issueDate: r.issue_date, dueDate: r.due_date,
    deliveredOn: r.delivered_on, currency: r.currency, amountCents: Number(r.amount_cents), paidCents: Number(r.paid_cents),
  }));
}

async function paymentRows(db: Queryable, workspaceId: string, invoiceIds: number[]): Promise<PaymentRow[]> {
  if (invoiceIds.length === 0) return [];
  const found = await rows<{ invoice_number: string; paid_on: string; currency: string; amount_cents: string | number; reference: string; source: string }>(db, sql`
    select i.invoice_number, to_char(p.paid_on, 'YYYY-MM-DD') as paid_on, i.currency, p.amount_cents, p.reference, p.source
    from payments p join invoices i on i.id = p.invoice_id
    where p.workspace_id = ${workspaceId} and p.invoice_id in (${sql.join(invoiceIds.map((id) => sql`${id}`), sql`, `)})
    order by p.paid_on, p.id`);
  return found.map((r) => ({
    invoiceNumber: r.invoice_number, paidOn: r.paid_on, currency: r.currency, amountCents: Number(r.amount_cents), reference: r.reference, source: r.source,
  }));
}

async function timelineRows(db: Queryable, workspaceId: string, party: CaseParty, locale: Locale, names: NameLookup | undefined): Promise<TimelineRow[]> {
  const found = await rows<{ kind: string; actor_id: string; occurred_at: string | Date; data: Record<string, unknown> | null; note: string | null }>(db, sql`
    select kind, actor_id, occurred_at, data, note from activities
    where workspace_id = ${workspaceId} and case_id = ${party.caseId}
    order by occurred_at, id`);
  const people = [...new Set(found.map((a) => a.actor_id).filter((id) => PERSON.test(id)))];
  const known = names && people.length > 0 ? await names(people).catch(() => new Map<string, string>()) : new Map<string, string>();
  const t = translator(locale);
  const zone = party.workspace.timezone;
  return found.map((a) => {
    const at = localParts(new Date(a.occurred_at), zone);
    const described = plainFromMrkdwn(describeActivity({ kind: a.kind, data: a.data ?? {} }, { locale, t }))
      .replace(/@([UW][A-Z0-9]+)/g, (whole, id: string) => (known.has(id) ? `@${known.get(id)}` : whole));
    const name = known.get(a.actor_id);
    return {
      date: at.date, time: at.time.slice(0, 5), timeZone: zone, who: name ? `${name} (${a.actor_id})` : a.actor_id,
      kind: a.kind, description: described, note: a.note,
    };
  });
}

/**
 * The reminder e-mails of the case that left (over SMTP or into the outbox),
 * with their bytes. A courtesy reminder (pre_due) comes before any case: it
 * belongs to this one when it announced one of the case's invoices.
 */
async function mailEntries(db: Queryable, workspaceId: string, party: CaseParty, invoiceNumbers: ReadonlySet<string>): Promise<MailEntry[]> {
  const found = await rows<{
    id: string | number; case_id: string | number | null; stage: string; sent_at: string | Date | null; created_at: string | Date; sent_via: string | null;
    message_id: string; from_address: string; to_address: string; subject: string; smtp_response: string | null; sha256: string;
    invoices: unknown; raw: Uint8Array | Buffer;
  }>(db, sql`
    select id, case_id, stage, sent_at, created_at, sent_via, message_id, from_address, to_address, subject, smtp_response, sha256, invoices, raw
    from mails
    where workspace_id = ${workspaceId} and status = 'sent'
      and (case_id = ${party.caseId} or (case_id is null and customer_id = ${party.customerId}))
    order by coalesce(sent_at, created_at), id`);
  const zone = party.workspace.timezone;
  const covers = (invoices: unknown) => Array.isArray(invoices)
    && invoices.some((i) => typeof (i as { number?: unknown })?.number === 'string' && invoiceNumbers.has((i as { number: string }).number));
  return found.filter((m) => m.case_id !== null || covers(m.invoices)).map((m) => {
    const at = localParts(new Date(m.sent_at ?? m.created_at), zone);
    return {
      id: Number(m.id), stage: m.stage, date: at.date, time: at.time.slice(0, 5), timeZone: zone, via: m.sent_via ?? 'smtp',
      messageId: m.message_id, from: m.from_address, to: m.to_address, subject: m.subject, smtpResponse: m.smtp_response, sha256: m.sha256,
      raw: Buffer.from(m.raw),
    };
  });
}

/** Builds the case file of a case (any status); reads only. */
export async function buildCaseFile(db: Queryable, input: {
  workspaceId: string; caseId: number; now: Date; locale: Locale; names?: NameLookup;
}): Promise<CaseFile | null> {
  const party = await loadCaseParty(db, input.workspaceId, input.caseId);
  if (!party) return null;
  const zone = party.workspace.timezone;
  const today = todayIn(zone, input.now);
  const openedOn = todayIn(zone, party.openedAt);
  const closedOn = party.resolvedAt ? todayIn(zone, party.resolvedAt) : null;
  const settings = await readSettings(db, input.workspaceId);
  const [invoiceList, claim, stored, timeline] = await Promise.all([
    invoiceRows(db, input.workspaceId, party, openedOn, closedOn ?? today),
    loadClaim(db, input.workspaceId, party, today),
    caseLetters(db, input.workspaceId, party.caseId),
    timelineRows(db, input.workspaceId, party, input.locale, input.names),
  ]);
  const [payments, mails] = await Promise.all([
    paymentRows(db, input.workspaceId, invoiceList.map((i) => i.id)),
    mailEntries(db, input.workspaceId, party, new Set(invoiceList.map((i) => i.number))),
  ]);
  const summaryPdf = await renderCaseSummary({
    locale: input.locale,
    date: today,
    creditor: {
      name: settings.creditorName, addressLines: settings.creditorAddress ? addressLines(settings.creditorAddress) : [],
      companyId: settings.creditorCompanyId ? companyIdOf(settings.creditorCompanyId) : null, iban: settings.creditorIban, bic: settings.creditorBic,
    },
    debtor: { name: party.name, ref: party.ref, kind: party.kind, companyId: party.companyId, addressLines: [] },
    kase: { openedOn, closedOn, status: party.status },
    invoices: claim.invoices,
    letters: stored.map((l) => ({
      createdOn: todayIn(zone, l.createdAt), filename: l.filename, sentOn: l.sentAt ? todayIn(zone, l.sentAt) : null,
      trackingNo: l.trackingNo, receivedOn: l.receivedOn,
    })),
    paymentReference: party.ref,
  });
  const zip = await buildCaseFileZip({
    summaryPdf, invoices: invoiceList, payments, timeline,
    letters: stored.map((l) => ({ filename: l.filename, content: l.content })),
    mails,
    date: input.now,
  });
  return {
    filename: `${FILE_WORD[input.locale]}-${safeFilename(party.ref)}-${today}.zip`,
    zip, party, letters: stored.length, mails: mails.length, missingKeys: missingCreditorKeys(settings),
  };
}

/** Writes that the case file left relance, and where to. */
export async function recordExport(db: Queryable, input: { workspaceId: string; party: CaseParty; userId: string; now: Date; to: 'dm' | 'thread' | 'channel'; filename: string }): Promise<void> {
  await db.insert(activities).values({
    workspaceId: input.workspaceId, caseId: input.party.caseId, customerId: input.party.customerId, kind: 'case_file_exported',
    actorId: input.userId, occurredAt: input.now, data: { to: input.to, filename: input.filename },
  });
}

export type HandOffResult =
  | { kind: 'uploaded'; channelId: string; threadTs: string | null; fileId: string; filename: string; missingKeys: string[] }
  | { kind: 'no_channel' }
  | { kind: 'failed'; error: string }
  | { kind: 'no_case' };

/**
 * The hand-off to an agency or a lawyer: the case file uploaded to the case
 * thread (or, without one yet, the team channel), in the workspace's language.
 */
export async function handOffCaseFile(db: Db, client: WebClient, input: { workspaceId: string; caseId: number; userId: string; now: Date; names?: NameLookup }): Promise<HandOffResult> {
  const party = await loadCaseParty(db, input.workspaceId, input.caseId);
  if (!party) return { kind: 'no_case' };
  const locale = party.workspace.locale;
  const file = await buildCaseFile(db, { ...input, locale });
  if (!file) return { kind: 'no_case' };
  const target = await caseUploadTarget(db, input.workspaceId, input.caseId);
  if (target.kind === 'none') return { kind: 'no_channel' };
  const t = translator(locale);
  const threadTs = target.kind === 'thread' ? target.threadTs : null;
  const comment = [
    t('export.threadComment', { name: party.name, ref: party.ref, date: formatDate(todayIn(party.workspace.timezone, input.now), locale) }),
    ...(target.kind === 'channel' ? [t('letters.noThreadYet')] : []),
  ].join('\n');
  try {
    const { fileId } = await uploadFile(client, { channelId: target.channelId, threadTs, filename: file.filename, title: file.filename, bytes: file.zip, comment });
    await recordExport(db, { workspaceId: input.workspaceId, party, userId: input.userId, now: input.now, to: target.kind, filename: file.filename });
    return { kind: 'uploaded', channelId: target.channelId, threadTs, fileId, filename: file.filename, missingKeys: file.missingKeys };
  } catch (e) {
    if (e instanceof UploadError) return { kind: 'failed', error: e.reason };
    throw e;
  }
}

/** The case a customer's export is about: the active one, else the latest closed one. */
export async function caseToExport(db: Queryable, workspaceId: string, customerId: number): Promise<number | null> {
  const [row] = await rows<{ id: string | number }>(db, sql`
    select id from cases where workspace_id = ${workspaceId} and customer_id = ${customerId}
    order by (status in ('resolved', 'written_off')), opened_at desc, id desc limit 1`);
  return row ? Number(row.id) : null;
}
