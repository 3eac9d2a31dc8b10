// Digests relance stopped on ('unconfirmed'): it could not tell whether one
// message was already in Slack. A manager looks and says either that it is
// missing (confirmMissing, digest-lease.ts) or where it is (recorded here).
import { and, asc, desc, eq, gte, isNotNull, isNull, lte } from 'drizzle-orm';
import type { Db, Queryable } from './client.ts';
import { digestEntries, digests } from './schema.ts';
import type { DigestRow } from './digest-lease.ts';

/** The latest unconfirmed digest of a channel with a business day in [from, to]. */
export async function latestUnconfirmed(db: Queryable, workspaceId: string, channelId: string, from: string, to: string): Promise<DigestRow | undefined> {
  const [row] = await db.select().from(digests)
    .where(and(eq(digests.workspaceId, workspaceId), eq(digests.channelId, channelId), eq(digests.status, 'unconfirmed'),
      gte(digests.businessDate, from), lte(digests.businessDate, to)))
    .orderBy(desc(digests.businessDate)).limit(1);
  return row;
}

export type UnconfirmedPart =
  | { part: 'parent' }
  | { part: 'entry'; entryId: number; caseId: number; customerId: number; threadTs: string };

/**
 * The message relance stopped on: the summary while it has no ts, else the
 * first reply begun and not recorded (replies go out one after another).
 */
export async function unconfirmedPart(db: Queryable, digest: DigestRow): Promise<UnconfirmedPart | null> {
  if (!digest.messageTs) return { part: 'parent' };
  const [entry] = await db.select().from(digestEntries)
    .where(and(eq(digestEntries.digestId, digest.id), isNotNull(digestEntries.postStartedAt), isNull(digestEntries.messageTs)))
    .orderBy(asc(digestEntries.rank)).limit(1);
  return entry ? { part: 'entry', entryId: entry.id, caseId: entry.caseId, customerId: entry.customerId, threadTs: digest.messageTs } : null;
}

class NotWaiting extends Error {}

/**
 * A manager showed where the message relance stopped on is: it is recorded,
 * and the digest is 'posting' again, to go on after it. False when the digest
 * no longer waits for that (someone else answered first).
 */
export async function recordFound(db: Db, digestId: number, part: UnconfirmedPart, ts: string): Promise<boolean> {
  try {
    await db.transaction(async (tx) => {
      const [digest] = await tx.update(digests).set({ status: 'posting', ...(part.part === 'parent' ? { messageTs: ts } : {}) })
        .where(and(eq(digests.id, digestId), eq(digests.status, 'unconfirmed'), part.part === 'parent' ? isNull(digests.messageTs) : undefined))
        .returning({ id: digests.id });
      if (!digest) throw new NotWaiting();
      if (part.part === 'parent') return;
      const [entry] = await tx.update(digestEntries).set({ messageTs: ts })
        .where(and(eq(digestEntries.id, part.entryId), eq(digestEntries.digestId, digestId), isNull(digestEntries.messageTs)))
        .returning({ id: digestEntries.id });
      if (!entry) throw new NotWaiting();
    });
    return true;
  } catch (error) {
    if (error instanceof NotWaiting) return false;
    throw error;
  }
}
