-- The case timeline is evidence: once written, an activity is never changed or removed.
CREATE OR REPLACE FUNCTION relance_refuse_activity_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'activities are append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER activities_no_update_delete
  BEFORE UPDATE OR DELETE ON activities
  FOR EACH ROW EXECUTE FUNCTION relance_refuse_activity_change();
--> statement-breakpoint
CREATE TRIGGER activities_no_truncate
  BEFORE TRUNCATE ON activities
  FOR EACH STATEMENT EXECUTE FUNCTION relance_refuse_activity_change();
