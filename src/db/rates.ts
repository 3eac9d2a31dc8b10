// The rate tables of late fees (rate_periods): read whole, added one
// half-year at a time. A half-year holds one figure per kind; the same figure
// again changes nothing, another one needs `replace`.
import { and, asc, eq } from 'drizzle-orm';
import { milliToNumeric, numericToMilli, type RateAddition, type RateRow } from '../domain/rates.ts';
import type { Db, Queryable } from './client.ts';
import { ratePeriods } from './schema.ts';

export interface StoredRate extends RateRow {
  addedBy: string;
  addedAt: Date;
}

const toStored = (r: typeof ratePeriods.$inferSelect): StoredRate => ({
  kind: r.kind, startsOn: r.startsOn, milliPercent: numericToMilli(r.percent), source: r.source, addedBy: r.addedBy, addedAt: r.addedAt,
});

/** Every row, by kind then date: a few dozen rows, read whole by whoever computes late fees. */
export async function readRates(db: Queryable): Promise<StoredRate[]> {
  const stored = await db.select().from(ratePeriods).orderBy(asc(ratePeriods.kind), asc(ratePeriods.startsOn));
  return stored.map(toStored);
}

export type AddRateOutcome =
  | { kind: 'added'; row: StoredRate }
  | { kind: 'unchanged'; row: StoredRate }
  | { kind: 'replaced'; row: StoredRate; previous: StoredRate }
  | { kind: 'conflict'; existing: StoredRate };

/**
 * Adds one half-year. The same figure already there is a no-op (its stored
 * source stays); a different one is refused unless `replace`, which
 * overwrites figure, source, author and time.
 */
export async function addRate(db: Db, addition: RateAddition, by: { addedBy: string; now: Date }): Promise<AddRateOutcome> {
  return db.transaction(async (tx) => {
    const key = and(eq(ratePeriods.kind, addition.kind), eq(ratePeriods.startsOn, addition.startsOn));
    const values = {
      percent: milliToNumeric(addition.milliPercent), source: addition.source, addedBy: by.addedBy, addedAt: by.now,
    };
    const [inserted] = await tx.insert(ratePeriods)
      .values({ kind: addition.kind, startsOn: addition.startsOn, ...values })
      .onConflictDoNothing().returning();
    if (inserted) return { kind: 'added', row: toStored(inserted) };

    const [current] = await tx.select().from(ratePeriods).where(key).for('update');
    if (!current) throw new Error(`rate ${addition.kind} ${addition.startsOn} vanished while being added`);
    const existing = toStored(current);
    if (existing.milliPercent === addition.milliPercent) return { kind: 'unchanged', row: existing };
    if (!addition.replace) return { kind: 'conflict', existing };
    const [updated] = await tx.update(ratePeriods).set(values).where(key).returning();
    if (!updated) throw new Error(`rate ${addition.kind} ${addition.startsOn} vanished while being replaced`);
    return { kind: 'replaced', row: toStored(updated), previous: existing };
  });
}
