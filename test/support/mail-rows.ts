// Mail rows written straight into the tables, for tests about what is done
// with a mail once built (listing, settling, exporting) rather than how it is built.
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../src/db/client.ts';
import { cases, drafts, mails } from '../../src/db/schema.ts';

type Stage = (typeof drafts.$inferInsert)['stage'];
type MailStatus = (typeof mails.$inferInsert)['status'];

export interface MailRowInput {
  workspaceId: string;
  customerId: number;
  stage: Stage;
  status?: MailStatus;
  approvedAt: Date;
  /** Defaults to the customer's active case (none for pre_due). */
  caseId?: number | null;
  raw?: Buffer;
  subject?: string;
  to?: string;
  sentVia?: 'smtp' | 'outbox' | null;
  outboxPath?: string | null;
  sentAt?: Date | null;
  attemptStartedAt?: Date | null;
  attempts?: number;
  dueDate?: string;
  /** What it covers: [{ number, currency, open_cents }]. */
  invoices?: { number: string; currency: string; open_cents: number }[];
  smtpResponse?: string | null;
}

/** A draft approved and its mail, as the approval would leave them; returns the mail id. */
export async function insertMail(db: Queryable, m: MailRowInput): Promise<{ mailId: number; draftId: number; caseId: number | null; raw: Buffer }> {
  let caseId = m.caseId;
  if (caseId === undefined) {
    const [kase] = await db.select({ id: cases.id }).from(cases).where(and(eq(cases.workspaceId, m.workspaceId), eq(cases.customerId, m.customerId)));
    caseId = m.stage === 'pre_due' ? null : kase?.id ?? null;
  }
  const subject = m.subject ?? `Reminder ${m.stage}`;
  const [draft] = await db.insert(drafts).values({
    workspaceId: m.workspaceId, caseId, customerId: m.customerId, stage: m.stage, dueDate: m.dueDate ?? null, locale: 'en',
    subject, body: 'Please pay.', data: {}, status: 'approved', decidedBy: 'U0COLLECTOR', decidedAt: m.approvedAt, createdAt: m.approvedAt,
  }).returning({ id: drafts.id });
  const key = `${caseId ?? 'c' + m.customerId}:${m.stage}:${draft!.id}`;
  const messageId = `<${createHash('sha256').update(key).digest('hex').slice(0, 32)}@acme.example>`;
  const raw = m.raw ?? Buffer.from(`Message-ID: ${messageId}\r\nSubject: ${subject}\r\n\r\nPlease pay.\r\n`);
  const [mail] = await db.insert(mails).values({
    workspaceId: m.workspaceId, draftId: draft!.id, caseId, customerId: m.customerId, stage: m.stage, mailKey: key, messageId,
    fromAddress: 'Acme <ar@acme.example>', replyTo: null, toAddress: m.to ?? 'debtor@client.example', subject, textBody: 'Please pay.',
    htmlBody: '<p>Please pay.</p>', raw, sha256: createHash('sha256').update(raw).digest('hex'), invoices: m.invoices ?? [],
    smtpResponse: m.smtpResponse ?? null,
    approvedBy: 'U0COLLECTOR', approvedAt: m.approvedAt, notBefore: m.approvedAt, status: m.status ?? 'queued', attempts: m.attempts ?? 0,
    attemptStartedAt: m.attemptStartedAt ?? null, sentVia: m.sentVia ?? null, outboxPath: m.outboxPath ?? null, sentAt: m.sentAt ?? null,
    createdAt: m.approvedAt,
  }).returning({ id: mails.id });
  return { mailId: mail!.id, draftId: draft!.id, caseId, raw };
}
