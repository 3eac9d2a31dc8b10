-- Escalation requests and their approval (issue #13, item 2). A write-off is
-- requested and approved like an escalation; the new enum value is not used in
-- this migration (PostgreSQL refuses a value added in the same transaction).
ALTER TYPE "public"."escalation_kind" ADD VALUE 'writeoff';--> statement-breakpoint
ALTER TABLE "escalations" ADD COLUMN "post_id" bigint;--> statement-breakpoint
ALTER TABLE "escalations" ADD COLUMN "decision_reason" text;--> statement-breakpoint
ALTER TABLE "escalations" ADD COLUMN "summarized_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "escalations" ADD COLUMN "managers_told_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "escalations" ADD COLUMN "decision_shown_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "escalations" ADD COLUMN "nudged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "escalations" ADD COLUMN "fulfil_started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "escalations" ADD COLUMN "fulfilled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_post_id_channel_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."channel_posts"("id") ON DELETE no action ON UPDATE no action;
