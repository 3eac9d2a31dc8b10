// Reading payment plans: a case's active plan with its instalments, for the
// plan command, the case card and the use cases that must respect a plan.
import { sql } from 'drizzle-orm';
import type { IsoDate } from '../domain/dates.ts';
import { isPlanPeriod, type PlanPeriod } from '../domain/instalments.ts';
import { refreshBalances } from './balances.ts';
import { rows, type Db, type Queryable } from './client.ts';

export interface PlanInstalment {
  number: number;
  dueOn: IsoDate;
  amountCents: number;
  /** pending, kept, broken or cancelled. */
  status: string;
}

export interface ActivePlan {
  id: number;
  caseId: number;
  currency: string;
  totalCents: number;
  instalments: number;
  period: PlanPeriod;
  acknowledgedOn: IsoDate;
  createdBy: string;
  statusBefore: string;
  lines: PlanInstalment[];
}

/** The case's active plan and its instalments in order, or null. */
export async function activePlanOf(db: Queryable, workspaceId: string, caseId: number): Promise<ActivePlan | null> {
  const found = await rows<{
    id: string | number; case_id: string | number; currency: string; total_cents: string | number; instalments: number; period: string;
    acknowledged_on: string; created_by: string; status_before: string;
    number: number | null; due_on: string | null; amount_cents: string | number | null; line_status: string | null;
  }>(db, sql`
    select pl.id, pl.case_id, pl.currency, pl.total_cents, pl.instalments, pl.period, to_char(pl.acknowledged_on, 'YYYY-MM-DD') as acknowledged_on,
      pl.created_by, pl.status_before, p.instalment as number, to_char(p.due_on, 'YYYY-MM-DD') as due_on, p.amount_cents, p.status as line_status
    from payment_plans pl
    left join promises p on p.case_id = pl.case_id and p.plan_id = pl.id
    where pl.workspace_id = ${workspaceId} and pl.case_id = ${caseId} and pl.status = 'active'
    order by p.instalment`);
  const first = found[0];
  if (!first) return null;
  if (!isPlanPeriod(first.period)) throw new Error(`payment plan ${first.id} has an unknown period ${first.period}`);
  return {
    id: Number(first.id), caseId: Number(first.case_id), currency: first.currency, totalCents: Number(first.total_cents),
    instalments: first.instalments, period: first.period, acknowledgedOn: first.acknowledged_on, createdBy: first.created_by,
    statusBefore: first.status_before,
    lines: found.filter((r) => r.number !== null).map((r) => ({
      number: r.number!, dueOn: r.due_on!, amountCents: Number(r.amount_cents), status: r.line_status!,
    })),
  };
}

/** Whether the case has an active plan: one index read. */
export async function hasActivePlan(db: Queryable, workspaceId: string, caseId: number): Promise<boolean> {
  const [row] = await rows<{ found: boolean }>(db, sql`
    select exists (select 1 from payment_plans where workspace_id = ${workspaceId} and case_id = ${caseId} and status = 'active') as found`);
  return row?.found === true;
}

/**
 * Rebuilds one customer's balance rows after a plan changes their
 * acknowledgement (the time bar counts from it) and their case's pause (the
 * score). After the plan's transaction, under the balances lock as an import
 * takes it: the plan never holds its case row while waiting for an import
 * that holds these rows (and would then wait for the case: a deadlock). The
 * rows are a summary the next rebuild recomputes anyway (at the latest on the
 * workspace's next day), so a failure here must not report the plan as failed.
 */
export async function refreshCustomerBalances(
  db: Db, input: { workspaceId: string; customerId: number; today: IsoDate; actorId: string; now: Date },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('relance.balances'), hashtext(${input.workspaceId}))`);
    await refreshBalances(tx, { workspaceId: input.workspaceId, today: input.today, customerIds: [input.customerId], actorId: input.actorId, now: input.now });
  }).catch(() => {});
}

/** Whether the case is paused for its active plan: then the plan, not a resume, ends the pause. */
export async function pausedForPlan(db: Queryable, workspaceId: string, caseId: number): Promise<boolean> {
  const [row] = await rows<{ found: boolean }>(db, sql`
    select exists (select 1 from cases k join payment_plans pl on pl.case_id = k.id and pl.status = 'active'
      where k.workspace_id = ${workspaceId} and k.id = ${caseId} and k.status = 'paused' and k.pause_reason = 'plan') as found`);
  return row?.found === true;
}
