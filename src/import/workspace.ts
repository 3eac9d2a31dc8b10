// Which workspace an import goes to when the command line may not say.
import type { Queryable } from '../db/client.ts';
import { ensureWorkspace, listWorkspaces, type Workspace } from '../db/workspaces.ts';
import { isTimeZone } from '../domain/dates.ts';
import { err, ok, type Result } from '../domain/result.ts';

export interface WorkspaceEnv {
  RELANCE_TZ?: string | undefined;
  RELANCE_LOCALE?: string | undefined;
}

/** Used when relance has no workspace yet and none is named: a stand-alone install. */
export const LOCAL_WORKSPACE = 'local';

const WORKSPACE_ID = /^[A-Za-z0-9_-]{1,64}$/;

export async function resolveWorkspace(
  db: Queryable, requested: string | undefined, env: WorkspaceEnv,
): Promise<Result<{ workspace: Workspace; created: boolean }, string>> {
  if (requested !== undefined && !WORKSPACE_ID.test(requested)) {
    return err(`"${requested}" is not a workspace id (a Slack team id such as T0123ABCD)`);
  }
  const all = await listWorkspaces(db);
  const list = all.map((w) => `  ${w.id}${w.name ? ` (${w.name})` : ''}`).join('\n');
  if (requested !== undefined) {
    const found = all.find((w) => w.id === requested);
    if (found) return ok({ workspace: found, created: false });
    // Creating one only on a fresh install: with workspaces present, an unknown id is more likely a typo.
    if (all.length > 0) return err(`there is no workspace "${requested}". Known workspaces:\n${list}\nPass one of them with --workspace.`);
    return ok({ workspace: await ensureWorkspace(db, requested, defaults(env)), created: true });
  }
  if (all.length === 1) return ok({ workspace: all[0]!, created: false });
  if (all.length === 0) return ok({ workspace: await ensureWorkspace(db, LOCAL_WORKSPACE, defaults(env)), created: true });
  return err(`relance has ${all.length} workspaces; say which one with --workspace:\n${list}`);
}

function defaults(env: WorkspaceEnv): { timezone: string; locale: 'en' | 'fr' } {
  const timezone = env.RELANCE_TZ && isTimeZone(env.RELANCE_TZ) ? env.RELANCE_TZ : 'Europe/Paris';
  return { timezone, locale: env.RELANCE_LOCALE === 'fr' ? 'fr' : 'en' };
}
