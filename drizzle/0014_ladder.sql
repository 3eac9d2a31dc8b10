-- The dunning ladder runs by itself (issue #13, item 1): drafted reminders,
-- the day marker of the daily pass, the last step's two routes, and the
-- ladder proposals' step on escalations. The new enum value is not used in
-- this migration (PostgreSQL refuses a value added in the same transaction).
ALTER TYPE "public"."ladder_stage" ADD VALUE 'agency_or_legal';--> statement-breakpoint
CREATE TYPE "public"."draft_status" AS ENUM('draft');--> statement-breakpoint
CREATE TABLE "drafts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"case_id" bigint,
	"customer_id" bigint NOT NULL,
	"stage" "ladder_stage" NOT NULL,
	"due_date" date,
	"locale" "locale" NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"data" jsonb NOT NULL,
	"status" "draft_status" DEFAULT 'draft' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ladder_days" (
	"workspace_id" text NOT NULL,
	"day" date NOT NULL,
	"ran_at" timestamp with time zone DEFAULT now() NOT NULL,
	"result" jsonb,
	CONSTRAINT "ladder_days_workspace_id_day_pk" PRIMARY KEY("workspace_id","day")
);
--> statement-breakpoint
ALTER TABLE "escalations" ADD COLUMN "proposed_stage" "ladder_stage";--> statement-breakpoint
ALTER TABLE "drafts" ADD CONSTRAINT "drafts_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drafts" ADD CONSTRAINT "drafts_customer_fk" FOREIGN KEY ("workspace_id","customer_id") REFERENCES "public"."customers"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ladder_days" ADD CONSTRAINT "ladder_days_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "drafts_case_stage_uq" ON "drafts" USING btree ("case_id","stage") WHERE "drafts"."case_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "drafts_pre_due_uq" ON "drafts" USING btree ("workspace_id","customer_id","due_date") WHERE "drafts"."stage" = 'pre_due';--> statement-breakpoint
CREATE INDEX "drafts_status_idx" ON "drafts" USING btree ("workspace_id","status","created_at");
