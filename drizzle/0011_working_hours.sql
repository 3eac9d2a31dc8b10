ALTER TABLE "members" ADD COLUMN "work_days" smallint[];--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "work_start" text;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "work_end" text;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "timezone" text;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "timezone_checked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_hours_ck" CHECK (("members"."work_days" is null) = ("members"."work_start" is null) and ("members"."work_start" is null) = ("members"."work_end" is null));--> statement-breakpoint
CREATE TABLE "auto_assign_days" (
	"workspace_id" text NOT NULL,
	"day" date NOT NULL,
	"ran_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "auto_assign_days_workspace_id_day_pk" PRIMARY KEY("workspace_id","day")
);
--> statement-breakpoint
ALTER TABLE "auto_assign_days" ADD CONSTRAINT "auto_assign_days_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;
