// Emptying the demo workspace, and only it, for `relance demo seed --reset`.
// The case timeline, letters and mails are kept as evidence: triggers refuse to
// delete them (drizzle/0001, 0016, 0017). The demo's are not evidence of
// anything, so the reset turns triggers off for its own transaction only
// (session_replication_role = replica, which also skips foreign-key checks:
// every table holding the workspace's rows is emptied of them, so none is left
// dangling). That setting needs a superuser, as the embedded database and a
// local PostgreSQL have; elsewhere the reset is refused and says why.
import { sql } from 'drizzle-orm';
import { rows, type Database } from '../db/client.ts';
import { DEMO_TEAM_ID } from '../emulator/seed.ts';

export class DemoResetRefused extends Error {}

/** Deletes every row of the demo workspace (T0DEMO); returns how many, per table. */
export async function resetDemoWorkspace(database: Database): Promise<Record<string, number>> {
  const tables = (await rows<{ table_name: string }>(database.db, sql`
    select c.table_name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
    where c.table_schema = current_schema() and c.column_name = 'workspace_id'
    order by c.table_name`)).map((r) => r.table_name);
  try {
    return await database.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      const deleted: Record<string, number> = {};
      for (const table of tables) {
        const [row] = await rows<{ n: number }>(tx, sql`with gone as (delete from ${sql.identifier(table)} where workspace_id = ${DEMO_TEAM_ID} returning 1)
          select count(*)::int as n from gone`);
        if (Number(row?.n ?? 0) > 0) deleted[table] = Number(row!.n);
      }
      await tx.execute(sql`delete from workspaces where id = ${DEMO_TEAM_ID}`);
      return deleted;
    });
  } catch (error) {
    const code = (error as { code?: string; cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
    if (code === '42501') {
      throw new DemoResetRefused('The demo workspace could not be reset: its timeline, letters and mails are append-only, and lifting that for the demo '
        + 'needs a database superuser (it sets session_replication_role). Nothing was deleted.\n'
        + 'Fix: run it against the embedded database (leave DATABASE_URL unset) or a local PostgreSQL as its superuser, '
        + 'or use a fresh database for the demo.');
    }
    throw error;
  }
}
