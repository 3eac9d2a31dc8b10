-- The worklist's totals are cached per balances version. A single-record API write used to bump
-- workspaces.balances_version, whose row lock, held until the commit, queued every writer of the
-- workspace behind the others (issue #18: p99 over a second with 20 clients). It bumps instead one of
-- these shards, the one of its customer (customer id modulo the shard count, src/db/customer-balances.ts):
-- writers of different shards never wait for each other. The version readers cache on is
-- workspaces.balances_version plus the sum of the workspace's shards: every counter only grows, so any
-- committed change gives a new sum.
CREATE TABLE "balances_version_shards" (
	"workspace_id" text NOT NULL,
	"shard" integer NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "balances_version_shards_workspace_id_shard_pk" PRIMARY KEY("workspace_id","shard")
);
--> statement-breakpoint
ALTER TABLE "balances_version_shards" ADD CONSTRAINT "balances_version_shards_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;
