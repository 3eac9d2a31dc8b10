-- Bank statements (issue #18 item 4): every booked line of an imported camt.053 statement, once
-- (its bank reference is the key, so importing a statement again changes nothing), with what became
-- of it: matched (payments recorded, or a reversal applied), unmatched (for a person to review),
-- ignored (debits; lines a person set aside) or reversed (a credit the bank took back).
-- customers.iban identifies the payer of a credit; a statement matched by invoice number fills it.
ALTER TABLE "customers" ADD COLUMN "iban" text;--> statement-breakpoint
CREATE INDEX "customers_iban_idx" ON "customers" USING btree ("workspace_id","iban") WHERE "customers"."iban" is not null;--> statement-breakpoint
CREATE TABLE "statement_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"reference" text NOT NULL,
	"statement_id" text NOT NULL,
	"direction" text NOT NULL,
	"reversal" boolean DEFAULT false NOT NULL,
	"amount_cents" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"booked_on" date,
	"value_on" date,
	"debtor_name" text,
	"debtor_iban" text,
	"remittance" text DEFAULT '' NOT NULL,
	"end_to_end_id" text,
	"status" text NOT NULL,
	"review_reason" text,
	"customer_id" bigint,
	"payment_references" text[] DEFAULT '{}' NOT NULL,
	"reverses_id" bigint,
	"review_post_id" bigint,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"file_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "statement_entries_direction_ck" CHECK ("statement_entries"."direction" in ('credit', 'debit')),
	CONSTRAINT "statement_entries_status_ck" CHECK ("statement_entries"."status" in ('unmatched', 'matched', 'ignored', 'reversed')),
	CONSTRAINT "statement_entries_amount_ck" CHECK ("statement_entries"."amount_cents" > 0)
);
--> statement-breakpoint
ALTER TABLE "statement_entries" ADD CONSTRAINT "statement_entries_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statement_entries" ADD CONSTRAINT "statement_entries_customer_fk" FOREIGN KEY ("workspace_id","customer_id") REFERENCES "public"."customers"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statement_entries" ADD CONSTRAINT "statement_entries_reverses_id_statement_entries_id_fk" FOREIGN KEY ("reverses_id") REFERENCES "public"."statement_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statement_entries" ADD CONSTRAINT "statement_entries_review_post_id_channel_posts_id_fk" FOREIGN KEY ("review_post_id") REFERENCES "public"."channel_posts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "statement_entries_reference_uq" ON "statement_entries" USING btree ("workspace_id","reference");--> statement-breakpoint
CREATE INDEX "statement_entries_status_idx" ON "statement_entries" USING btree ("workspace_id","status","id");--> statement-breakpoint
CREATE INDEX "statement_entries_post_idx" ON "statement_entries" USING btree ("review_post_id") WHERE "statement_entries"."review_post_id" is not null;
