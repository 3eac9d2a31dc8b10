// A person settles a mail whose outcome is unknown: an attempt was recorded
// but the SMTP server's answer was lost (a crash between its accept and our
// write). relance never retries such a mail by itself, since the debtor may
// already have it; the person checks the mailbox or the server's log and says
// either "it was sent" or "send it again".
import { sql } from 'drizzle-orm';
import { rows, type Db } from '../../db/client.ts';
import { activities } from '../../db/schema.ts';

export type UnknownChoice = 'sent' | 'resend';

export const CONFIRMED_BY_A_PERSON = 'confirmed by a person';

export interface ResolveUnknownInput {
  mailId: number;
  choice: UnknownChoice;
  /** The person, as the actor of the activity (`cli:alice`). */
  by: string;
  /** Where the answer came from: recorded as resolved_by in the activity's data. */
  via: 'cli';
  now: Date;
}

export interface SettledMail {
  id: number;
  workspaceId: string;
  customerRef: string;
  stage: string;
  attemptStartedAt: Date | null;
}

export type ResolveUnknownResult =
  | { kind: 'resolved'; choice: UnknownChoice; mail: SettledMail }
  | { kind: 'not_found' }
  /** Only an unknown outcome is a person's to settle: a sent mail stays sent, a queued one is already on its way. */
  | { kind: 'not_unknown'; status: string; mail: SettledMail };

interface Row {
  id: string | number;
  workspace_id: string;
  draft_id: string | number;
  text_body: string;
  case_id: string | number | null;
  customer_id: string | number;
  customer_ref: string;
  stage: string;
  status: string;
  message_id: string;
  subject: string;
  to_address: string;
  reply_to: string | null;
  from_address: string;
  sent_via: string | null;
  attempts: number;
  attempt_started_at: string | Date | null;
}

const asDate = (v: string | Date | null): Date | null => (v === null ? null : new Date(v));

/** One transaction: the mail row is locked, so two people answering at once settle it once. */
export async function resolveUnknownMail(db: Db, input: ResolveUnknownInput): Promise<ResolveUnknownResult> {
  return db.transaction(async (tx) => {
    const [row] = await rows<Row>(tx, sql`
      select m.id, m.workspace_id, m.draft_id, m.text_body, m.case_id, m.customer_id, c.customer_ref, m.stage, m.status, m.message_id, m.subject,
        m.to_address, m.reply_to, m.from_address, m.sent_via, m.attempts, m.attempt_started_at
      from mails m join customers c on c.id = m.customer_id
      where m.id = ${input.mailId}
      for update of m`);
    if (!row) return { kind: 'not_found' } as const;
    const mail: SettledMail = {
      id: Number(row.id), workspaceId: row.workspace_id, customerRef: row.customer_ref, stage: row.stage,
      attemptStartedAt: asDate(row.attempt_started_at),
    };
    if (row.status !== 'unknown') return { kind: 'not_unknown', status: row.status, mail } as const;

    const caseId = row.case_id === null ? null : Number(row.case_id);
    const customerId = Number(row.customer_id);
    if (input.choice === 'sent') {
      // The mail left during the lost attempt: that is when the debtor got it.
      const sentAt = mail.attemptStartedAt ?? input.now;
      const via = row.sent_via ?? 'smtp';
      await tx.execute(sql`
        update mails set status = 'sent', sent_at = ${sentAt.toISOString()}::timestamptz, sent_via = ${via},
          smtp_response = ${CONFIRMED_BY_A_PERSON}, next_attempt_at = null,
          resolved_by = ${input.by}, resolved_at = ${input.now.toISOString()}::timestamptz
        where id = ${mail.id}`);
      await tx.insert(activities).values({
        workspaceId: mail.workspaceId, caseId, customerId, kind: 'reminder_sent', actorId: input.by, occurredAt: input.now,
        data: {
          // What the delivery job records for a mail that left (src/services/mail/send.ts), plus who confirmed it.
          stage: mail.stage, mail_id: mail.id, draft_id: Number(row.draft_id), subject: row.subject, body: row.text_body, message_id: row.message_id,
          from: row.from_address,
          to: row.to_address, reply_to: row.reply_to, via, sent_at: sentAt.toISOString(), attempts: row.attempts,
          smtp_response: CONFIRMED_BY_A_PERSON, resolved_by: input.via,
        },
      });
    } else {
      // One more attempt, with the same bytes and Message-ID: a receiving
      // server that already has it may drop the copy by its Message-ID.
      await tx.execute(sql`
        update mails set status = 'queued', next_attempt_at = ${input.now.toISOString()}::timestamptz, last_error = null,
          resolved_by = ${input.by}, resolved_at = ${input.now.toISOString()}::timestamptz
        where id = ${mail.id}`);
      await tx.insert(activities).values({
        workspaceId: mail.workspaceId, caseId, customerId, kind: 'reminder_resend', actorId: input.by, occurredAt: input.now,
        data: { stage: mail.stage, mail_id: mail.id, resolved_by: input.via },
      });
    }
    return { kind: 'resolved', choice: input.choice, mail } as const;
  });
}
