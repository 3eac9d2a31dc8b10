ALTER TYPE "public"."digest_status" ADD VALUE 'unconfirmed';--> statement-breakpoint
ALTER TABLE "digests" ADD COLUMN "lease_token" text;--> statement-breakpoint
ALTER TABLE "digests" ADD COLUMN "post_started_at" timestamp with time zone;--> statement-breakpoint
-- A digest a worker was posting before this version may have its summary in Slack unrecorded: check for it.
UPDATE "digests" SET "post_started_at" = "created_at" WHERE "status" = 'posting' AND "message_ts" IS NULL AND "attempts" > 0;
