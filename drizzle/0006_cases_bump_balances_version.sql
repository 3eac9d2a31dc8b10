-- Worklist totals are cached per workspaces.balances_version. They depend on the
-- balance summary (its rebuilds bump the version) and on cases (owner, status):
-- any change to cases bumps it too, whatever code makes the change.
CREATE OR REPLACE FUNCTION relance_bump_balances_version() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE workspaces SET balances_version = balances_version + 1
  WHERE id IN (SELECT DISTINCT workspace_id FROM changed_cases);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER cases_bump_balances_version_insert
  AFTER INSERT ON cases REFERENCING NEW TABLE AS changed_cases
  FOR EACH STATEMENT EXECUTE FUNCTION relance_bump_balances_version();
--> statement-breakpoint
CREATE TRIGGER cases_bump_balances_version_update
  AFTER UPDATE ON cases REFERENCING NEW TABLE AS changed_cases
  FOR EACH STATEMENT EXECUTE FUNCTION relance_bump_balances_version();
