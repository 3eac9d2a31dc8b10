ALTER TABLE "cases" ADD COLUMN "pause_reason" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "phone_wrong_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "promises" ADD COLUMN "note" text;