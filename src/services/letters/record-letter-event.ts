// `letter-sent` and `letter-received` on the case's latest formal notice: the
// sending (now, with its tracking number) and the day the acknowledgement of
// receipt was signed, each with its timeline entry, in one transaction. What is
// recorded stays: a second record is refused with what is there (the sending
// and receipt are evidence, and for a consumer the interest runs from them).
import { and, desc, eq, notInArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { activities, cases, customers, letters, workspaces } from '../../db/schema.ts';
import { todayIn, type IsoDate } from '../../domain/dates.ts';

export type LetterEvent =
  | { kind: 'letter_sent'; trackingNo: string | null }
  | { kind: 'letter_received'; receivedOn: IsoDate };

export interface LetterEventInput {
  workspaceId: string;
  customerId: number;
  userId: string;
  now: Date;
  event: LetterEvent;
}

export type LetterEventResult =
  | { kind: 'recorded'; name: string; event: LetterEvent; deadlineOn: IsoDate | null }
  | { kind: 'no_case'; name: string }
  | { kind: 'no_letter'; name: string }
  | { kind: 'already_sent'; name: string; sentOn: IsoDate; trackingNo: string | null }
  | { kind: 'already_received'; name: string; receivedOn: IsoDate }
  /** The receipt is dated before the letter was sent (or, never recorded as sent, before it was made). */
  | { kind: 'before_sending'; name: string; sentOn: IsoDate; recorded: boolean };

export async function recordLetterEvent(db: Db, input: LetterEventInput): Promise<LetterEventResult> {
  return db.transaction(async (tx) => {
    const [found] = await tx.select({ caseId: cases.id, name: customers.name, timezone: workspaces.timezone })
      .from(customers)
      .innerJoin(workspaces, eq(workspaces.id, customers.workspaceId))
      .leftJoin(cases, and(eq(cases.workspaceId, customers.workspaceId), eq(cases.customerId, customers.id),
        notInArray(cases.status, ['resolved', 'written_off'])))
      .where(and(eq(customers.workspaceId, input.workspaceId), eq(customers.id, input.customerId)));
    if (!found) throw new Error(`customer ${input.customerId} vanished`);
    const { name, timezone } = found;
    if (found.caseId === null) return { kind: 'no_case', name };
    // Locked: two records at once yield one.
    const [letter] = await tx.select().from(letters)
      .where(and(eq(letters.workspaceId, input.workspaceId), eq(letters.caseId, found.caseId), eq(letters.kind, 'formal_notice')))
      .orderBy(desc(letters.createdAt), desc(letters.id)).limit(1).for('update');
    if (!letter) return { kind: 'no_letter', name };
    const sentOn = letter.sentAt ? todayIn(timezone, letter.sentAt) : null;
    const { event } = input;
    if (event.kind === 'letter_sent') {
      if (sentOn) return { kind: 'already_sent', name, sentOn, trackingNo: letter.trackingNo };
      await tx.update(letters).set({ sentAt: input.now, trackingNo: event.trackingNo }).where(eq(letters.id, letter.id));
    } else {
      if (letter.receivedOn) return { kind: 'already_received', name, receivedOn: letter.receivedOn };
      const from = sentOn ?? todayIn(timezone, letter.createdAt);
      if (event.receivedOn < from) return { kind: 'before_sending', name, sentOn: from, recorded: sentOn !== null };
      await tx.update(letters).set({ receivedOn: event.receivedOn }).where(eq(letters.id, letter.id));
    }
    await tx.insert(activities).values({
      workspaceId: input.workspaceId, caseId: found.caseId, customerId: input.customerId, kind: event.kind, actorId: input.userId,
      occurredAt: input.now,
      data: event.kind === 'letter_sent'
        ? { letter_id: letter.id, ...(event.trackingNo ? { tracking_no: event.trackingNo } : {}) }
        : { letter_id: letter.id, due_on: event.receivedOn },
    });
    return { kind: 'recorded', name, event, deadlineOn: letter.deadlineOn };
  });
}
