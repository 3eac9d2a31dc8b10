// The lease on a channel's poster: one worker posts in a channel (or a DM) at
// a time, as src/db/digest-lease.ts does for a day's digest. Each claim writes
// a new token and every later write of the holder checks it, so a worker that
// stalled past its lease and lost the channel to another one finds out at its
// next write (or at the check before its next Slack call) and stops.
import { randomUUID } from 'node:crypto';
import { and, eq, isNull, lt, lte, or } from 'drizzle-orm';
import type { Db, Queryable, Tx } from './client.ts';
import { channelPosters } from './schema.ts';

export interface PosterKey {
  workspaceId: string;
  /** A channel id, or a user id for a DM. */
  channelId: string;
}

export interface PosterLease extends PosterKey {
  token: string;
  ms: number;
}

export type PosterClaim =
  | { kind: 'claimed'; lease: PosterLease; lastPostAt: Date | null }
  // Another worker holds it until then.
  | { kind: 'busy'; until: Date }
  // Slack refused the channel itself; nothing is tried before then.
  | { kind: 'blocked'; until: Date; error: string | null };

/** Another worker claimed the channel since this one did: it must write and post nothing more. */
export class PosterLeaseLostError extends Error {
  constructor(key: PosterKey) {
    super(`the poster of ${key.channelId} was taken over by another worker`);
  }
}

/**
 * The lease would not outlast the Slack call about to be made by the margin
 * asked for (the database kept this worker waiting): nothing was written, and
 * the call must not be made.
 */
export class PosterLeaseTooShortError extends Error {
  constructor(key: PosterKey, leftMs: number, neededMs: number) {
    super(`poster of ${key.channelId}: only ${leftMs} ms of lease left before a Slack call that needs ${neededMs} ms; not calling`);
  }
}

const keyOf = (k: PosterKey) => and(eq(channelPosters.workspaceId, k.workspaceId), eq(channelPosters.channelId, k.channelId));

export async function claimPoster(db: Db, key: PosterKey, now: Date, ms: number): Promise<PosterClaim> {
  await db.insert(channelPosters).values({ workspaceId: key.workspaceId, channelId: key.channelId }).onConflictDoNothing();
  const token = randomUUID();
  const [claimed] = await db.update(channelPosters)
    .set({ lockedUntil: new Date(now.getTime() + ms), leaseToken: token })
    .where(and(keyOf(key),
      or(isNull(channelPosters.lockedUntil), lt(channelPosters.lockedUntil, now)),
      or(isNull(channelPosters.blockedUntil), lte(channelPosters.blockedUntil, now))))
    .returning({ lastPostAt: channelPosters.lastPostAt });
  if (claimed) return { kind: 'claimed', lease: { ...key, token, ms }, lastPostAt: claimed.lastPostAt };
  const [row] = await db.select().from(channelPosters).where(keyOf(key));
  if (row?.blockedUntil && row.blockedUntil > now) return { kind: 'blocked', until: row.blockedUntil, error: row.lastError };
  return { kind: 'busy', until: row?.lockedUntil ?? now };
}

async function fencedUpdate(db: Queryable, lease: PosterLease, set: Partial<typeof channelPosters.$inferInsert>): Promise<boolean> {
  const updated = await db.update(channelPosters).set(set)
    .where(and(keyOf(lease), eq(channelPosters.leaseToken, lease.token))).returning({ id: channelPosters.channelId });
  return updated.length > 0;
}

/**
 * Extends the lease and runs `write` in the same transaction. The poster's row
 * is locked first, so no claim slips in between the check and the write, and
 * the lease runs from when this worker holds that lock, not from before it
 * waited for it. Throws PosterLeaseLostError when the token is gone, and
 * PosterLeaseTooShortError (writing nothing) when less than `minRemainingMs`
 * would be left once the write is done.
 */
export async function underPosterLease(
  db: Db, lease: PosterLease, clock: () => Date, write?: (tx: Tx) => Promise<unknown>, options: { minRemainingMs?: number } = {},
): Promise<void> {
  await db.transaction(async (tx) => {
    const [held] = await tx.select({ token: channelPosters.leaseToken }).from(channelPosters).where(keyOf(lease)).for('update');
    if (held?.token !== lease.token) throw new PosterLeaseLostError(lease);
    const until = clock().getTime() + lease.ms;
    await tx.update(channelPosters).set({ lockedUntil: new Date(until) }).where(keyOf(lease));
    await write?.(tx);
    const left = until - clock().getTime();
    if (options.minRemainingMs !== undefined && left < options.minRemainingMs) throw new PosterLeaseTooShortError(lease, left, options.minRemainingMs);
  });
}

/** A message went out in this channel at `at`: the next one waits for Slack's pace from there. */
export async function notePosterPost(db: Queryable, key: PosterKey, at: Date): Promise<void> {
  await db.update(channelPosters).set({ lastPostAt: at }).where(keyOf(key));
}

/** Gives the lease up, if this worker still holds it, with any last change (e.g. blocking the channel). */
export async function releasePoster(db: Queryable, lease: PosterLease, set: Partial<typeof channelPosters.$inferInsert> = {}): Promise<void> {
  await fencedUpdate(db, lease, { ...set, lockedUntil: null, leaseToken: null });
}
