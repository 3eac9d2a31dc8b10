-- Letters relance generates (issue #13, item 4): the PDF itself is kept, as
-- bytes, with its SHA-256, because the case file handed to an agency or a court
-- must carry the very letter that was sent. What was generated is evidence: the
-- row can never be deleted and its content never changed; only what happens to
-- the letter afterwards (sent, received, where it was uploaded) is filled in.
CREATE TYPE "public"."letter_kind" AS ENUM('formal_notice');--> statement-breakpoint
CREATE TABLE "letters" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"case_id" bigint NOT NULL,
	"customer_id" bigint NOT NULL,
	"kind" "letter_kind" NOT NULL,
	"locale" "locale" NOT NULL,
	"filename" text NOT NULL,
	"content" bytea NOT NULL,
	"sha256" char(64) NOT NULL,
	"deadline_on" date,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"tracking_no" text,
	"received_on" date,
	"slack_file_id" text,
	"slack_channel_id" text,
	"slack_thread_ts" text
);
--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_customer_fk" FOREIGN KEY ("workspace_id","customer_id") REFERENCES "public"."customers"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "letters_case_idx" ON "letters" USING btree ("workspace_id","case_id","created_at");--> statement-breakpoint
CREATE OR REPLACE FUNCTION relance_keep_letters() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'UPDATE' THEN
    RAISE EXCEPTION 'letters are kept as evidence: % is not allowed', TG_OP
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF (NEW.id, NEW.workspace_id, NEW.case_id, NEW.customer_id, NEW.kind, NEW.locale, NEW.filename, NEW.content, NEW.sha256,
      NEW.deadline_on, NEW.created_by, NEW.created_at)
     IS DISTINCT FROM
     (OLD.id, OLD.workspace_id, OLD.case_id, OLD.customer_id, OLD.kind, OLD.locale, OLD.filename, OLD.content, OLD.sha256,
      OLD.deadline_on, OLD.created_by, OLD.created_at) THEN
    RAISE EXCEPTION 'letters are kept as evidence: a generated letter cannot be changed'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER letters_keep
  BEFORE UPDATE OR DELETE ON letters
  FOR EACH ROW EXECUTE FUNCTION relance_keep_letters();
--> statement-breakpoint
CREATE TRIGGER letters_no_truncate
  BEFORE TRUNCATE ON letters
  FOR EACH STATEMENT EXECUTE FUNCTION relance_keep_letters();
