// The lease on a day's digest row. One worker posts at a time; each claim
// writes a new token, and every later write of the holder checks it, so a
// worker that stalled past its lease and lost the digest to another one finds
// out at its next write (or at the check before its next Slack call) and stops.
import { randomUUID } from 'node:crypto';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db, Queryable, Tx } from './client.ts';
import { digestEntries, digests } from './schema.ts';

export type DigestRow = typeof digests.$inferSelect;

export interface DigestKey {
  workspaceId: string;
  channelId: string;
  businessDate: string;
}

export interface Lease {
  digestId: number;
  token: string;
  ms: number;
}

/** Another worker claimed the digest since this one did: it must write and post nothing more. */
export class LeaseLostError extends Error {
  constructor(digestId: number) {
    super(`digest ${digestId} was taken over by another worker`);
  }
}

/**
 * The lease would not outlast the Slack call about to be made by the margin
 * asked for (the database kept this worker waiting): nothing was written, and
 * the call must not be made.
 */
export class LeaseTooShortError extends Error {
  constructor(digestId: number, leftMs: number, neededMs: number) {
    super(`digest ${digestId}: only ${leftMs} ms of lease left before a Slack call that needs ${neededMs} ms; not calling`);
  }
}

const keyOf = (k: DigestKey) => and(eq(digests.workspaceId, k.workspaceId), eq(digests.channelId, k.channelId), eq(digests.businessDate, k.businessDate));

/** Claims a digest that is being posted and that nobody holds (or whose holder's lease ran out). */
export async function claimDigest(db: Db, key: DigestKey, now: Date, ms: number): Promise<{ row: DigestRow; lease: Lease | null }> {
  const token = randomUUID();
  const [claimed] = await db.update(digests)
    .set({ lockedUntil: new Date(now.getTime() + ms), leaseToken: token, attempts: sql`${digests.attempts} + 1` })
    .where(and(keyOf(key), eq(digests.status, 'posting'), or(isNull(digests.lockedUntil), lt(digests.lockedUntil, now))))
    .returning();
  if (claimed) return { row: claimed, lease: { digestId: claimed.id, token, ms } };
  const [row] = await db.select().from(digests).where(keyOf(key));
  if (!row) throw new Error(`no digest row for ${key.channelId} on ${key.businessDate}`);
  return { row, lease: null };
}

/** Updates the digest row only while `lease` holds it; false when another worker took it over. */
async function fencedUpdate(db: Queryable, lease: Lease, set: Partial<typeof digests.$inferInsert>): Promise<boolean> {
  const updated = await db.update(digests).set(set)
    .where(and(eq(digests.id, lease.digestId), eq(digests.leaseToken, lease.token))).returning({ id: digests.id });
  return updated.length > 0;
}

export interface LeaseOptions {
  /**
   * Before a Slack call: the lease must still have this long to run once the
   * write is done, or nothing is written and LeaseTooShortError is thrown.
   */
  minRemainingMs?: number;
}

/**
 * Extends the lease and runs `write` in the same transaction. The digest row
 * is locked first, so no claim can slip in between the check and the write;
 * given a clock, the lease runs from when this worker holds that lock, not
 * from before it waited for a connection or for the lock. Throws
 * LeaseLostError when the token is gone.
 */
export async function underLease(
  db: Db, lease: Lease, now: Date | (() => Date), write?: (tx: Tx) => Promise<unknown>, options: LeaseOptions = {},
): Promise<void> {
  const clock = typeof now === 'function' ? now : () => now;
  await db.transaction(async (tx) => {
    const [held] = await tx.select({ token: digests.leaseToken }).from(digests).where(eq(digests.id, lease.digestId)).for('update');
    if (held?.token !== lease.token) throw new LeaseLostError(lease.digestId);
    const until = clock().getTime() + lease.ms;
    await tx.update(digests).set({ lockedUntil: new Date(until) }).where(eq(digests.id, lease.digestId));
    await write?.(tx);
    const left = until - clock().getTime();
    if (options.minRemainingMs !== undefined && left < options.minRemainingMs) throw new LeaseTooShortError(lease.digestId, left, options.minRemainingMs);
  });
}

/** The holder's last write: the digest's new status, and the lease given up. Throws LeaseLostError when the token is gone. */
export async function finishUnderLease(db: Db, lease: Lease, set: Partial<typeof digests.$inferInsert>): Promise<void> {
  if (!(await fencedUpdate(db, lease, { ...set, lockedUntil: null, leaseToken: null }))) throw new LeaseLostError(lease.digestId);
}

/** Gives the lease up at once, if this worker still holds it. */
export async function releaseLease(db: Db, lease: Lease): Promise<void> {
  await fencedUpdate(db, lease, { lockedUntil: null, leaseToken: null });
}

/**
 * A manager looked at the channel and the messages relance could not confirm
 * are not there: they will be posted without checking again. False when the
 * digest is not waiting for that.
 */
export async function confirmMissing(db: Db, key: DigestKey): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx.update(digests)
      .set({ status: 'posting', postStartedAt: null })
      .where(and(keyOf(key), eq(digests.status, 'unconfirmed'))).returning({ id: digests.id });
    if (!row) return false;
    await tx.update(digestEntries).set({ postStartedAt: null }).where(and(eq(digestEntries.digestId, row.id), isNull(digestEntries.messageTs)));
    return true;
  });
}
