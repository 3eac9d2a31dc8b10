// Recording a payment plan: the case's overdue balance in one currency split
// into n instalments, each a promise to pay (src/domain/instalments.ts). One
// transaction: the plan, its instalments, the timeline entry, the case paused
// for the plan (its open calls cancelled, as any pause does) until the day
// after the last instalment's deadline, and the debtor's acknowledgement of
// the debt, which restarts the limitation period (SPEC §1 time limits). A new
// plan replaces an active one and a pending promise, each with its own entry.
import { and, desc, eq, sql } from 'drizzle-orm';
import { rows, type Db, type Tx } from '../db/client.ts';
import { ESCALATED_STATUSES } from '../db/pauses.ts';
import { refreshCustomerBalances } from '../db/plans.ts';
import { activities, cases, customers, paymentPlans, promises, tasks } from '../db/schema.ts';
import { readSettings } from '../db/settings.ts';
import { isBusinessCalendar, type IsoDate } from '../domain/dates.ts';
import {
  firstDueDefault, MAX_INSTALMENTS, MIN_INSTALMENTS, planPauseEnd, planSchedule, type Instalment, type PlanPeriod,
} from '../domain/instalments.ts';
import { overdueByCurrency } from './record-promise.ts';

export interface RecordPlanInput {
  workspaceId: string;
  caseId: number;
  userId: string;
  instalments: number;
  period: PlanPeriod;
  /** null: one period from today. */
  firstDueOn: IsoDate | null;
  /** null: the case's only overdue currency. */
  currency: string | null;
  now: Date;
  /** The workspace's day: the day the debtor accepted the plan. */
  today: IsoDate;
}

export interface ReplacedPlan {
  totalCents: number;
  currency: string;
  instalments: number;
}

export type RecordPlanResult =
  | {
    kind: 'recorded'; planId: number; name: string; currency: string; totalCents: number; period: PlanPeriod;
    schedule: Instalment[]; acknowledgedOn: IsoDate; pausedUntil: IsoDate;
    replacedPlan: ReplacedPlan | null; replacedPromises: number; cancelledCalls: number;
  }
  | { kind: 'no_case' } // no active case with that id in this workspace
  | { kind: 'bad_count' }
  | { kind: 'past_date'; firstDueOn: IsoDate; today: IsoDate }
  | { kind: 'currency'; currencies: string[] } // nothing overdue, several without one named, or one the case does not owe overdue
  | { kind: 'too_small'; totalCents: number; currency: string }; // less than one minor unit per instalment

export async function recordPlan(db: Db, input: RecordPlanInput): Promise<RecordPlanResult> {
  const result = await db.transaction(async (tx): Promise<RecordPlanResult & { customerId?: number }> => {
    // The case row first, as every writer of a case does (promises, verdicts, claims).
    const [kase] = await tx.select({
      id: cases.id, status: cases.status, pauseReason: cases.pauseReason, customerId: cases.customerId, name: customers.name,
    }).from(cases).innerJoin(customers, eq(customers.id, cases.customerId))
      .where(and(eq(cases.workspaceId, input.workspaceId), eq(cases.id, input.caseId), sql`${cases.status} not in ('resolved', 'written_off')`))
      .for('update', { of: cases });
    if (!kase) return { kind: 'no_case' };
    if (!Number.isInteger(input.instalments) || input.instalments < MIN_INSTALMENTS || input.instalments > MAX_INSTALMENTS) return { kind: 'bad_count' };
    const firstDueOn = input.firstDueOn ?? firstDueDefault(input.today, input.period);
    if (firstDueOn < input.today) return { kind: 'past_date', firstDueOn, today: input.today };

    const overdue = await overdueByCurrency(tx, input.workspaceId, kase.customerId, input.today);
    const currencies = overdue.map((o) => o.currency);
    const currency = input.currency?.toUpperCase() ?? (currencies.length === 1 ? currencies[0]! : null);
    const owed = overdue.find((o) => o.currency === currency);
    if (!currency || !owed) return { kind: 'currency', currencies };
    const schedule = planSchedule({ totalCents: owed.overdueCents, instalments: input.instalments, period: input.period, firstDueOn });
    if (!schedule) return { kind: 'too_small', totalCents: owed.overdueCents, currency };
    const last = schedule.at(-1)!;

    const { promiseGraceDays } = await readSettings(tx, input.workspaceId);
    const [ws] = await rows<{ country: string }>(tx, sql`select country from workspaces where id = ${input.workspaceId}`);
    const calendar = ws && isBusinessCalendar(ws.country) ? ws.country : 'none';
    const pausedUntil = planPauseEnd(last.dueOn, { days: promiseGraceDays, calendar });

    const [oldPlan] = await tx.update(paymentPlans).set({ status: 'cancelled', decidedAt: input.now })
      .where(and(eq(paymentPlans.workspaceId, input.workspaceId), eq(paymentPlans.caseId, kase.id), eq(paymentPlans.status, 'active')))
      .returning({ id: paymentPlans.id, totalCents: paymentPlans.totalCents, currency: paymentPlans.currency, instalments: paymentPlans.instalments, statusBefore: paymentPlans.statusBefore });
    const statusBefore = oldPlan && kase.status === 'paused' && kase.pauseReason === 'plan'
      ? oldPlan.statusBefore
      : await statusToGoBackTo(tx, input.workspaceId, kase);
    // The old plan's instalments and a pending promise alike.
    const replaced = await tx.update(promises).set({ status: 'cancelled', decidedAt: input.now })
      .where(and(eq(promises.workspaceId, input.workspaceId), eq(promises.caseId, kase.id), eq(promises.status, 'pending')))
      .returning({ id: promises.id, planId: promises.planId, amountCents: promises.amountCents, currency: promises.currency, dueOn: promises.dueOn });

    const [plan] = await tx.insert(paymentPlans).values({
      workspaceId: input.workspaceId, caseId: kase.id, customerId: kase.customerId, currency, totalCents: owed.overdueCents,
      instalments: input.instalments, period: input.period, firstDueOn, acknowledgedOn: input.today, statusBefore,
      createdBy: input.userId, createdAt: input.now,
    }).returning({ id: paymentPlans.id });
    const planId = plan!.id;
    await tx.insert(promises).values(schedule.map((line) => ({
      workspaceId: input.workspaceId, caseId: kase.id, amountCents: line.amountCents, currency, dueOn: line.dueOn,
      takenBy: input.userId, createdAt: input.now, planId, instalment: line.number, countedFromCents: line.countedFromCents,
    })));

    const calls = await tx.update(tasks).set({ status: 'cancelled', closedAt: input.now })
      .where(and(eq(tasks.workspaceId, input.workspaceId), eq(tasks.caseId, kase.id), eq(tasks.kind, 'call'), eq(tasks.status, 'open')))
      .returning({ id: tasks.id });
    await tx.update(cases).set({ status: 'paused', pausedUntil, pauseReason: 'plan', updatedAt: input.now }).where(eq(cases.id, kase.id));
    await tx.update(customers).set({ acknowledgedOn: sql`greatest(${customers.acknowledgedOn}, ${input.today}::date)` })
      .where(eq(customers.id, kase.customerId));

    const entry = { workspaceId: input.workspaceId, caseId: kase.id, customerId: kase.customerId, actorId: input.userId, occurredAt: input.now };
    await tx.insert(activities).values([
      ...replaced.filter((old) => old.planId === null).map((old) => ({
        ...entry, kind: 'promise_replaced',
        data: { promise_id: old.id, amount_cents: old.amountCents, currency: old.currency, due_on: old.dueOn, replaced_by_plan: planId },
      })),
      ...(oldPlan ? [{
        ...entry, kind: 'plan_replaced',
        data: { plan_id: oldPlan.id, amount_cents: oldPlan.totalCents, currency: oldPlan.currency, instalments: oldPlan.instalments, replaced_by: planId },
      }] : []),
      {
        ...entry, kind: 'plan_agreed',
        data: {
          plan_id: planId, amount_cents: owed.overdueCents, currency, instalments: input.instalments, period: input.period,
          due_on: firstDueOn, last_due_on: last.dueOn, acknowledged_on: input.today, until: pausedUntil,
          ...(calls.length > 0 ? { cancelled_calls: calls.length } : {}),
        },
      },
    ]);
    return {
      kind: 'recorded', planId, name: kase.name, currency, totalCents: owed.overdueCents, period: input.period, schedule,
      acknowledgedOn: input.today, pausedUntil,
      replacedPlan: oldPlan ? { totalCents: oldPlan.totalCents, currency: oldPlan.currency, instalments: oldPlan.instalments } : null,
      replacedPromises: replaced.filter((old) => old.planId === null).length, cancelledCalls: calls.length, customerId: kase.customerId,
    };
  });
  if (result.kind !== 'recorded') return result;
  const { customerId, ...recorded } = result;
  await refreshCustomerBalances(db, { workspaceId: input.workspaceId, customerId: customerId!, today: input.today, actorId: input.userId, now: input.now });
  return recorded;
}

/**
 * What the case goes back to when the plan ends: the escalation it was at
 * (formal notice, agency, legal), else open — a pending promise is replaced by
 * the plan. For a case already paused, the status its latest pause interrupted.
 */
async function statusToGoBackTo(tx: Tx, workspaceId: string, kase: { id: number; status: string }): Promise<(typeof ESCALATED_STATUSES)[number] | 'open'> {
  let status: string = kase.status;
  if (status === 'paused') {
    const [last] = await tx.select({ data: activities.data }).from(activities)
      .where(and(eq(activities.workspaceId, workspaceId), eq(activities.caseId, kase.id), eq(activities.kind, 'case_paused')))
      .orderBy(desc(activities.occurredAt), desc(activities.id)).limit(1);
    const previous = (last?.data as { previous_status?: unknown } | undefined)?.previous_status;
    status = typeof previous === 'string' ? previous : 'open';
  }
  return (ESCALATED_STATUSES as readonly string[]).includes(status) ? status as (typeof ESCALATED_STATUSES)[number] : 'open';
}
