CREATE TYPE "public"."plan_status" AS ENUM('active', 'kept', 'broken', 'cancelled');--> statement-breakpoint
CREATE TABLE "payment_plans" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"case_id" bigint NOT NULL,
	"customer_id" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"total_cents" bigint NOT NULL,
	"instalments" smallint NOT NULL,
	"period" text NOT NULL,
	"first_due_on" date NOT NULL,
	"acknowledged_on" date NOT NULL,
	"status" "plan_status" DEFAULT 'active' NOT NULL,
	"status_before" "case_status" DEFAULT 'open' NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	CONSTRAINT "payment_plans_period_check" CHECK ("payment_plans"."period" in ('week', '2weeks', 'month')),
	CONSTRAINT "payment_plans_instalments_check" CHECK ("payment_plans"."instalments" between 2 and 36)
);
--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "acknowledged_on" date;--> statement-breakpoint
ALTER TABLE "promises" ADD COLUMN "plan_id" bigint;--> statement-breakpoint
ALTER TABLE "promises" ADD COLUMN "instalment" smallint;--> statement-breakpoint
ALTER TABLE "promises" ADD COLUMN "counted_from_cents" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "payment_plans" ADD CONSTRAINT "payment_plans_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_plans" ADD CONSTRAINT "payment_plans_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_plans" ADD CONSTRAINT "payment_plans_customer_fk" FOREIGN KEY ("workspace_id","customer_id") REFERENCES "public"."customers"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promises" ADD CONSTRAINT "promises_plan_id_payment_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."payment_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "payment_plans_active_uq" ON "payment_plans" USING btree ("case_id") WHERE "payment_plans"."status" = 'active';--> statement-breakpoint
CREATE INDEX "payment_plans_customer_idx" ON "payment_plans" USING btree ("workspace_id","customer_id");--> statement-breakpoint
-- A broken payment plan reaches the case's owner by DM, as a broken promise
-- does (migration 0009). The ladder's silent kinds are not queued at all
-- (stage_set, reminder_drafted: see src/services/threads/route.ts): a first
-- import of an old ledger would otherwise queue one row per case to skip.
CREATE OR REPLACE FUNCTION relance_queue_activity_posts() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO channel_posts (workspace_id, kind, team, case_id, activity_id)
  SELECT n.workspace_id, 'activity', true, n.case_id, n.id FROM new_activities n
  WHERE n.case_id IS NOT NULL AND n.kind NOT IN ('case_opened', 'stage_set', 'reminder_drafted')
  ORDER BY n.id;
  INSERT INTO channel_posts (workspace_id, kind, channel_id, case_id, activity_id)
  SELECT n.workspace_id, 'dm', coalesce(k.owner_id, c.owner_id), n.case_id, n.id
  FROM new_activities n
  JOIN cases k ON k.id = n.case_id
  JOIN customers c ON c.id = n.customer_id
  WHERE n.kind IN ('promise_broken', 'plan_broken') AND coalesce(k.owner_id, c.owner_id) IS NOT NULL
  ORDER BY n.id;
  RETURN NULL;
END;
$$;
