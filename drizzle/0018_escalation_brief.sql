-- The case brief's narrative of an escalation request (issue #15 item 5): written once, by the model or the rules,
-- before the request message is queued, and kept so the message shows the same text from its post to its decision.
ALTER TABLE "escalations" ADD COLUMN "brief_text" text;--> statement-breakpoint
ALTER TABLE "escalations" ADD COLUMN "brief_source" text;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_brief_source_check" CHECK ("escalations"."brief_source" in ('ai', 'rules'));
