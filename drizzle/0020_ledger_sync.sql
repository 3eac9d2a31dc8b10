-- The ledger freshness guard (issue #18 item 5): when each workspace's ledger last arrived, and how.
-- A workspace that already has a ledger counts the migration as its sync (source 'backfill'): it gets the
-- whole ledger_max_age to run its next import before reminders wait, rather than being held the moment
-- this deploys. A workspace without invoices keeps null: no ledger, nothing to send, nothing to hold.
ALTER TABLE "workspaces" ADD COLUMN "ledger_synced_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "ledger_sync_source" text;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "ledger_hold_noted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "workspaces" ADD CONSTRAINT "workspaces_ledger_sync_source_ck" CHECK ("workspaces"."ledger_sync_source" in ('import', 'api', 'statement', 'backfill'));--> statement-breakpoint
UPDATE "workspaces" SET "ledger_synced_at" = now(), "ledger_sync_source" = 'backfill'
WHERE exists (select 1 from "invoices" i where i."workspace_id" = "workspaces"."id");
