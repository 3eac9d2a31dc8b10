CREATE TYPE "public"."channel_post_kind" AS ENUM('root', 'activity', 'dm', 'message');--> statement-breakpoint
CREATE TYPE "public"."channel_post_status" AS ENUM('pending', 'posted', 'skipped', 'unconfirmed', 'failed');--> statement-breakpoint
CREATE TABLE "channel_posters" (
	"workspace_id" text NOT NULL,
	"channel_id" text NOT NULL,
	"locked_until" timestamp with time zone,
	"lease_token" text,
	"last_post_at" timestamp with time zone,
	"blocked_until" timestamp with time zone,
	"last_error" text,
	CONSTRAINT "channel_posters_workspace_id_channel_id_pk" PRIMARY KEY("workspace_id","channel_id")
);
--> statement-breakpoint
CREATE TABLE "channel_posts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"channel_id" text,
	"team" boolean DEFAULT false NOT NULL,
	"kind" "channel_post_kind" NOT NULL,
	"case_id" bigint,
	"activity_id" bigint,
	"payload" jsonb,
	"dedupe_key" text,
	"status" "channel_post_status" DEFAULT 'pending' NOT NULL,
	"post_started_at" timestamp with time zone,
	"message_ts" text,
	"permalink" text,
	"posted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "channel_posters" ADD CONSTRAINT "channel_posters_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_posts" ADD CONSTRAINT "channel_posts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_posts" ADD CONSTRAINT "channel_posts_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_posts" ADD CONSTRAINT "channel_posts_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "channel_posts_pending_idx" ON "channel_posts" USING btree ("workspace_id","channel_id","id") WHERE "channel_posts"."status" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "channel_posts_activity_uq" ON "channel_posts" USING btree ("activity_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "channel_posts_root_uq" ON "channel_posts" USING btree ("case_id","channel_id") WHERE "channel_posts"."kind" = 'root' and "channel_posts"."status" in ('pending', 'posted');--> statement-breakpoint
CREATE UNIQUE INDEX "channel_posts_key_uq" ON "channel_posts" USING btree ("workspace_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "channel_posts_recorded_idx" ON "channel_posts" USING btree ("workspace_id","channel_id","message_ts") WHERE "channel_posts"."message_ts" is not null;--> statement-breakpoint
-- Case threads: every new activity of a case is queued for its thread in the
-- same transaction as the activity, whatever code writes it (set-based writes
-- included: one statement-level insert per statement). case_opened is left out:
-- the thread's first message is the case header. A broken promise also goes to
-- the case's owner (else the customer's) by DM. Activities written before this
-- migration are never queued: the case header and the case card stand for them.
CREATE OR REPLACE FUNCTION relance_queue_activity_posts() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO channel_posts (workspace_id, kind, team, case_id, activity_id)
  SELECT n.workspace_id, 'activity', true, n.case_id, n.id FROM new_activities n
  WHERE n.case_id IS NOT NULL AND n.kind <> 'case_opened'
  ORDER BY n.id;
  INSERT INTO channel_posts (workspace_id, kind, channel_id, case_id, activity_id)
  SELECT n.workspace_id, 'dm', coalesce(k.owner_id, c.owner_id), n.case_id, n.id
  FROM new_activities n
  JOIN cases k ON k.id = n.case_id
  JOIN customers c ON c.id = n.customer_id
  WHERE n.kind = 'promise_broken' AND coalesce(k.owner_id, c.owner_id) IS NOT NULL
  ORDER BY n.id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER activities_queue_posts
  AFTER INSERT ON activities REFERENCING NEW TABLE AS new_activities
  FOR EACH STATEMENT EXECUTE FUNCTION relance_queue_activity_posts();
