-- /collect stats reads a period's payments and calls: by date, so its cost follows the period, not the history.
CREATE INDEX "payments_paid_on_idx" ON "payments" USING btree ("workspace_id","paid_on");
--> statement-breakpoint
CREATE INDEX "activities_kind_idx" ON "activities" USING btree ("workspace_id","kind","occurred_at");
