// Cancelling a case's payment plan: the plan and its pending instalments are
// cancelled, the timeline says so, and a case paused for the plan goes back to
// what the plan interrupted (open, or its escalation). The debtor's
// acknowledgement goes back to their latest plan not cancelled: a plan
// entered by mistake must not push the time-bar warning years away, and
// warning early is the safe side.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { refreshCustomerBalances } from '../db/plans.ts';
import { activities, cases, customers, paymentPlans, promises } from '../db/schema.ts';
import type { IsoDate } from '../domain/dates.ts';

export type CancelPlanResult =
  | { kind: 'cancelled'; name: string; status: string; totalCents: number; currency: string; instalments: number; cancelledInstalments: number }
  | { kind: 'no_plan'; name: string }
  | { kind: 'no_case' };

export async function cancelPlan(
  db: Db, input: { workspaceId: string; caseId: number; userId: string; now: Date; today: IsoDate },
): Promise<CancelPlanResult> {
  const result = await db.transaction(async (tx): Promise<CancelPlanResult & { customerId?: number }> => {
    const [kase] = await tx.select({
      id: cases.id, status: cases.status, pauseReason: cases.pauseReason, customerId: cases.customerId, name: customers.name,
    }).from(cases).innerJoin(customers, eq(customers.id, cases.customerId))
      .where(and(eq(cases.workspaceId, input.workspaceId), eq(cases.id, input.caseId)))
      .for('update', { of: cases });
    if (!kase) return { kind: 'no_case' };
    const [plan] = await tx.update(paymentPlans).set({ status: 'cancelled', decidedAt: input.now })
      .where(and(eq(paymentPlans.workspaceId, input.workspaceId), eq(paymentPlans.caseId, kase.id), eq(paymentPlans.status, 'active')))
      .returning({ id: paymentPlans.id, totalCents: paymentPlans.totalCents, currency: paymentPlans.currency, instalments: paymentPlans.instalments, statusBefore: paymentPlans.statusBefore });
    if (!plan) return { kind: 'no_plan', name: kase.name };
    const cancelled = await tx.update(promises).set({ status: 'cancelled', decidedAt: input.now })
      .where(and(eq(promises.caseId, kase.id), eq(promises.planId, plan.id), eq(promises.status, 'pending')))
      .returning({ id: promises.id });
    let status: string = kase.status;
    if (kase.status === 'paused' && kase.pauseReason === 'plan') {
      status = plan.statusBefore;
      await tx.update(cases).set({ status: plan.statusBefore, pausedUntil: null, pauseReason: null, updatedAt: input.now }).where(eq(cases.id, kase.id));
    }
    await tx.update(customers).set({
      acknowledgedOn: sql`(select max(pl.acknowledged_on) from ${paymentPlans} pl
        where pl.workspace_id = ${input.workspaceId} and pl.customer_id = ${kase.customerId} and pl.status <> 'cancelled')`,
    }).where(eq(customers.id, kase.customerId));
    await tx.insert(activities).values({
      workspaceId: input.workspaceId, caseId: kase.id, customerId: kase.customerId, kind: 'plan_cancelled', actorId: input.userId, occurredAt: input.now,
      data: { plan_id: plan.id, amount_cents: plan.totalCents, currency: plan.currency, instalments: plan.instalments, cancelled_instalments: cancelled.length },
    });
    return {
      kind: 'cancelled', name: kase.name, status, totalCents: plan.totalCents, currency: plan.currency, instalments: plan.instalments,
      cancelledInstalments: cancelled.length, customerId: kase.customerId,
    };
  });
  if (result.kind !== 'cancelled') return result;
  const { customerId, ...done } = result;
  await refreshCustomerBalances(db, { workspaceId: input.workspaceId, customerId: customerId!, today: input.today, actorId: input.userId, now: input.now });
  return done;
}
