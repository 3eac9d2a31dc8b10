// Recording a promise to pay, by command or from the log-call modal. One
// transaction: the promise, its timeline entry, and the case set to `promised`
// so the ladder leaves it alone until the promise is kept or broken
// (src/db/promise-verdicts.ts). A case has at most one pending promise: a new
// one replaces it, and the old one is cancelled with its own timeline entry,
// so the case file shows what was promised first and what was promised after.
import { and, eq, sql } from 'drizzle-orm';
import { updatePriorities } from '../db/balances.ts';
import { rows, type Db, type Queryable } from '../db/client.ts';
import { hasActivePlan } from '../db/plans.ts';
import { activities, cases, customers, promises } from '../db/schema.ts';
import type { IsoDate } from '../domain/dates.ts';

export type RecordPromiseResult =
  | { kind: 'recorded'; promiseId: number; name: string; amountCents: number; currency: string; dueOn: IsoDate }
  | { kind: 'no_case' } // no active case with that id in this workspace
  | { kind: 'past_date'; today: IsoDate }
  | { kind: 'not_positive' }
  | { kind: 'currency'; currencies: string[] } // amount's currency is not one the case owes
  | { kind: 'too_large'; balanceCents: number; currency: string } // more than the overdue balance in that currency
  | { kind: 'plan_active'; name: string; ref: string }; // the case has a payment plan: its instalments are the promises

export interface RecordPromiseInput {
  workspaceId: string;
  caseId: number;
  userId: string;
  amountCents: number;
  /** null: the case's only overdue currency. */
  currency: string | null;
  dueOn: IsoDate;
  note: string | null;
  now: Date;
  today: IsoDate;
  via: 'command' | 'modal';
}

export async function recordPromise(db: Db, input: RecordPromiseInput): Promise<RecordPromiseResult> {
  const result = await db.transaction(async (tx): Promise<RecordPromiseResult & { customerId?: number }> => {
    // The case row first, as every writer of a case does (claims, verdicts), so two of them never wait on each other in turn.
    const [kase] = await tx.select({ id: cases.id, status: cases.status, customerId: cases.customerId, name: customers.name, ref: customers.customerRef })
      .from(cases).innerJoin(customers, eq(customers.id, cases.customerId))
      .where(and(eq(cases.workspaceId, input.workspaceId), eq(cases.id, input.caseId), sql`${cases.status} not in ('resolved', 'written_off')`))
      .for('update', { of: cases });
    if (!kase) return { kind: 'no_case' };
    if (await hasActivePlan(tx, input.workspaceId, kase.id)) return { kind: 'plan_active', name: kase.name, ref: kase.ref };
    if (!Number.isSafeInteger(input.amountCents) || input.amountCents <= 0) return { kind: 'not_positive' };
    if (input.dueOn < input.today) return { kind: 'past_date', today: input.today };

    const overdue = await overdueByCurrency(tx, input.workspaceId, kase.customerId, input.today);
    const currencies = overdue.map((o) => o.currency);
    const currency = input.currency?.toUpperCase() ?? (currencies.length === 1 ? currencies[0]! : null);
    const owed = overdue.find((o) => o.currency === currency);
    if (!currency || !owed) return { kind: 'currency', currencies };
    if (input.amountCents > owed.overdueCents) return { kind: 'too_large', balanceCents: owed.overdueCents, currency };

    const replaced = await tx.update(promises).set({ status: 'cancelled', decidedAt: input.now })
      .where(and(eq(promises.workspaceId, input.workspaceId), eq(promises.caseId, kase.id), eq(promises.status, 'pending')))
      .returning({ id: promises.id, amountCents: promises.amountCents, currency: promises.currency, dueOn: promises.dueOn });
    const [created] = await tx.insert(promises).values({
      workspaceId: input.workspaceId, caseId: kase.id, amountCents: input.amountCents, currency, dueOn: input.dueOn,
      takenBy: input.userId, note: input.note, createdAt: input.now,
    }).returning({ id: promises.id });
    const promiseId = created!.id;
    const entry = { workspaceId: input.workspaceId, caseId: kase.id, customerId: kase.customerId, actorId: input.userId, occurredAt: input.now };
    await tx.insert(activities).values([
      ...replaced.map((old) => ({
        ...entry, kind: 'promise_replaced',
        data: { promise_id: old.id, amount_cents: old.amountCents, currency: old.currency, due_on: old.dueOn, replaced_by: promiseId },
      })),
      {
        ...entry, kind: 'promise_taken', note: input.note,
        data: { promise_id: promiseId, amount_cents: input.amountCents, currency, due_on: input.dueOn, via: input.via },
      },
    ]);
    // Only an open case becomes `promised`: a paused one stays paused, an escalated one keeps its stage of escalation.
    if (kase.status === 'open') await tx.update(cases).set({ status: 'promised', updatedAt: input.now }).where(eq(cases.id, kase.id));
    return { kind: 'recorded', promiseId, name: kase.name, amountCents: input.amountCents, currency, dueOn: input.dueOn, customerId: kase.customerId };
  });
  if (result.kind !== 'recorded') return result;
  const { customerId, ...recorded } = result;
  // A pending promise lowers the case in the worklist. Outside the promise's
  // transaction: an import rebuilding these balance rows holds them until it
  // commits, and the promise must not wait for it (nor deadlock with it). The
  // stored score is a summary the next rebuild recomputes anyway, so a failure
  // here must not report the recorded promise as failed.
  await db.transaction((tx) => updatePriorities(tx, { workspaceId: input.workspaceId, today: input.today, customerIds: [customerId!] }))
    .catch(() => {});
  return recorded;
}

/** What the customer owes overdue, per currency (due before `today`, not yet paid). */
export async function overdueByCurrency(db: Queryable, workspaceId: string, customerId: number, today: IsoDate): Promise<{ currency: string; overdueCents: number }[]> {
  const list = await rows<{ currency: string; overdue: string | number }>(db, sql`
    select currency, sum(amount_cents - paid_cents)::bigint as overdue from invoices
    where workspace_id = ${workspaceId} and customer_id = ${customerId} and paid_cents < amount_cents and due_date < ${today}::date
    group by currency having sum(amount_cents - paid_cents) > 0 order by currency`);
  return list.map((r) => ({ currency: r.currency, overdueCents: Number(r.overdue) }));
}

export interface PromiseTarget {
  caseId: number;
  name: string;
  ref: string;
  /** What the customer owes overdue, per currency: the amount's default currency and its ceiling. */
  overdue: { currency: string; overdueCents: number }[];
}

/** The customer's active case and what it owes, for a command to read the amount against; null when no case is open. */
export async function promiseTarget(db: Queryable, workspaceId: string, customerId: number, today: IsoDate): Promise<PromiseTarget | null> {
  const [kase] = await rows<{ id: string | number; name: string; customer_ref: string }>(db, sql`
    select k.id, c.name, c.customer_ref from cases k join customers c on c.id = k.customer_id
    where k.workspace_id = ${workspaceId} and k.customer_id = ${customerId} and k.status not in ('resolved', 'written_off')`);
  if (!kase) return null;
  return { caseId: Number(kase.id), name: kase.name, ref: kase.customer_ref, overdue: await overdueByCurrency(db, workspaceId, customerId, today) };
}
