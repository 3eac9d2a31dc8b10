-- Reminder e-mails (issue #14). A draft is approved (by a person, or by the
-- workspace's send policy), skipped, or cancelled; an approved draft becomes
-- one mail: its bytes built once (the very bytes sent and kept as the .eml),
-- its key stable (case, stage, the invoices it covers), its Message-ID derived
-- from that key. What was sent is evidence: a mail's bytes, key, headers and
-- texts never change and a mail is never deleted; only its delivery state
-- moves on. An address the mail server refused for good is remembered on the
-- customer until an import brings another one.
ALTER TYPE "public"."draft_status" ADD VALUE 'approved';--> statement-breakpoint
ALTER TYPE "public"."draft_status" ADD VALUE 'skipped';--> statement-breakpoint
ALTER TYPE "public"."draft_status" ADD VALUE 'cancelled';--> statement-breakpoint
ALTER TYPE "public"."draft_status" ADD VALUE 'no_address';--> statement-breakpoint
CREATE TYPE "public"."mail_status" AS ENUM('queued', 'sending', 'sent', 'retrying', 'unknown', 'refused', 'cancelled');--> statement-breakpoint
ALTER TABLE "drafts" ADD COLUMN "edited_by" text;--> statement-breakpoint
ALTER TABLE "drafts" ADD COLUMN "edited_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "drafts" ADD COLUMN "decided_by" text;--> statement-breakpoint
ALTER TABLE "drafts" ADD COLUMN "decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "drafts" ADD COLUMN "skip_reason" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "email_bad_address" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "email_bad_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "email_bad_reason" text;--> statement-breakpoint
CREATE TABLE "mails" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"draft_id" bigint NOT NULL,
	"case_id" bigint,
	"customer_id" bigint NOT NULL,
	"stage" "ladder_stage" NOT NULL,
	"mail_key" text NOT NULL,
	"message_id" text NOT NULL,
	"from_address" text NOT NULL,
	"reply_to" text,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"text_body" text NOT NULL,
	"html_body" text NOT NULL,
	"raw" bytea NOT NULL,
	"sha256" char(64) NOT NULL,
	"invoices" jsonb NOT NULL,
	"letter_id" bigint,
	"approved_by" text NOT NULL,
	"approved_at" timestamp with time zone NOT NULL,
	"not_before" timestamp with time zone NOT NULL,
	"status" "mail_status" DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"attempt_started_at" timestamp with time zone,
	"next_attempt_at" timestamp with time zone,
	"last_error" text,
	"smtp_response" text,
	"sent_via" text,
	"outbox_path" text,
	"sent_at" timestamp with time zone,
	"cancel_reason" text,
	"resolved_by" text,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mails_sent_via_ck" CHECK ("mails"."sent_via" is null or "mails"."sent_via" in ('smtp', 'outbox'))
);
--> statement-breakpoint
ALTER TABLE "mails" ADD CONSTRAINT "mails_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mails" ADD CONSTRAINT "mails_draft_id_drafts_id_fk" FOREIGN KEY ("draft_id") REFERENCES "public"."drafts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mails" ADD CONSTRAINT "mails_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mails" ADD CONSTRAINT "mails_letter_id_letters_id_fk" FOREIGN KEY ("letter_id") REFERENCES "public"."letters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mails" ADD CONSTRAINT "mails_customer_fk" FOREIGN KEY ("workspace_id","customer_id") REFERENCES "public"."customers"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "mails_draft_uq" ON "mails" USING btree ("draft_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mails_key_uq" ON "mails" USING btree ("workspace_id","mail_key");--> statement-breakpoint
CREATE INDEX "mails_status_idx" ON "mails" USING btree ("status","not_before");--> statement-breakpoint
CREATE INDEX "mails_workspace_status_idx" ON "mails" USING btree ("workspace_id","status","not_before");--> statement-breakpoint
CREATE INDEX "mails_case_idx" ON "mails" USING btree ("workspace_id","case_id","created_at");--> statement-breakpoint
CREATE OR REPLACE FUNCTION relance_keep_mails() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'mails are kept as evidence: % of what was built is not allowed', CASE WHEN TG_OP = 'DELETE' THEN 'DELETE' ELSE 'a change' END
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
-- Fires only when an UPDATE names one of the built columns: the delivery
-- state's updates (status, attempts, answers), two per mail sent, never pay
-- for comparing the stored bytes.
CREATE TRIGGER mails_keep
  BEFORE UPDATE OF id, workspace_id, draft_id, case_id, customer_id, stage, mail_key, message_id, from_address, reply_to, to_address,
    subject, text_body, html_body, raw, sha256, invoices, letter_id, approved_by, approved_at, created_at
  ON mails
  FOR EACH ROW EXECUTE FUNCTION relance_keep_mails();
--> statement-breakpoint
CREATE TRIGGER mails_no_delete
  BEFORE DELETE ON mails
  FOR EACH ROW EXECUTE FUNCTION relance_keep_mails();
