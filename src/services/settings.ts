// Changing one workspace setting: the value, and the workspace row's copy of
// the channels, in one transaction.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { listSettingUpdates, mirrorChannelSetting, readSettings, writeSetting } from '../db/settings.ts';
import { DEFAULT_SETTINGS, sameSettingValue, type SettingChange, type SettingName, type Settings } from '../domain/settings.ts';

export type SettingChangeResult =
  | { kind: 'changed'; name: SettingName; before: Settings[SettingName]; after: Settings[SettingName]; wasDefault: boolean; isDefault: boolean }
  | { kind: 'unchanged'; name: SettingName; value: Settings[SettingName]; isDefault: boolean };

export async function changeSetting(db: Db, input: SettingChange & { workspaceId: string; by: string; now: Date }): Promise<SettingChangeResult> {
  const { name, workspaceId } = input;
  return db.transaction(async (tx) => {
    // Changes to one workspace's settings take turns, so "was" is what the next change replaced.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('relance.settings'), hashtext(${workspaceId}))`);
    const before = (await readSettings(tx, workspaceId))[name];
    const wasDefault = !(await listSettingUpdates(tx, workspaceId)).has(name);
    const after = input.value ?? DEFAULT_SETTINGS[name];
    // A value equal to the default is the default: stored as no row, so it follows the default.
    const isDefault = sameSettingValue(after, DEFAULT_SETTINGS[name]);
    if (sameSettingValue(before, after) && wasDefault === isDefault) return { kind: 'unchanged', name, value: before, isDefault };
    await writeSetting(tx, { workspaceId, name, value: isDefault ? null : after, by: input.by, now: input.now });
    if (name === 'channel' || name === 'managersChannel') await mirrorChannelSetting(tx, workspaceId, name, after as string | null);
    return { kind: 'changed', name, before, after, wasDefault, isDefault };
  });
}
