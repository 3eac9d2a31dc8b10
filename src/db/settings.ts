// Reading and writing workspace settings. Stored values are JSON under their
// key; anything missing takes the default of src/domain/settings.ts.
import { and, asc, eq, sql } from 'drizzle-orm';
import { DEFAULT_SETTINGS, SETTING_KEYS, SETTING_SPECS, settingNameOf, type SettingName, type Settings } from '../domain/settings.ts';
import type { Queryable } from './client.ts';
import { digestSchedules, settings, workspaces } from './schema.ts';

export async function readSettings(db: Queryable, workspaceId: string): Promise<Settings> {
  const stored = await db.select({ key: settings.key, value: settings.value }).from(settings).where(eq(settings.workspaceId, workspaceId));
  const byKey = new Map(stored.map((s) => [s.key, s.value]));
  // A copy: a caller changing its lists must not change the defaults.
  const result = structuredClone(DEFAULT_SETTINGS);
  for (const name of Object.keys(SETTING_KEYS) as SettingName[]) {
    // A stored value that no longer fits its setting (written by hand, or by an
    // older relance) reads as the default rather than reaching the use cases.
    const value = byKey.has(SETTING_KEYS[name]) ? SETTING_SPECS[name].decode(byKey.get(SETTING_KEYS[name])) : undefined;
    if (value !== undefined) (result as Record<SettingName, unknown>)[name] = value;
  }
  return result;
}

export interface SettingUpdate {
  by: string | null;
  at: Date;
}

/** Who last changed each setting that is not at its default, and when. */
export async function listSettingUpdates(db: Queryable, workspaceId: string): Promise<Map<SettingName, SettingUpdate>> {
  const rows = await db.select({ key: settings.key, by: settings.updatedBy, at: settings.updatedAt })
    .from(settings).where(eq(settings.workspaceId, workspaceId));
  const updates = new Map<SettingName, SettingUpdate>();
  for (const row of rows) {
    const name = settingNameOf(row.key);
    if (name) updates.set(name, { by: row.by, at: row.at });
  }
  return updates;
}

/**
 * workspaces.team_channel_id and manager_channel_id hold the channels in effect,
 * for the code that reads the workspace row. The team channel's default is the
 * first channel given a digest (what saveSchedule records), so going back to it
 * looks that channel up again; the managers' channel's default is the team
 * channel, which null means there.
 */
export async function mirrorChannelSetting(db: Queryable, workspaceId: string, name: 'channel' | 'managersChannel', channelId: string | null): Promise<void> {
  if (name === 'managersChannel') {
    await db.update(workspaces).set({ managerChannelId: channelId }).where(eq(workspaces.id, workspaceId));
    return;
  }
  const [first] = channelId === null
    ? await db.select({ channelId: digestSchedules.channelId }).from(digestSchedules)
      .where(eq(digestSchedules.workspaceId, workspaceId)).orderBy(asc(digestSchedules.createdAt), asc(digestSchedules.channelId)).limit(1)
    : [];
  await db.update(workspaces).set({ teamChannelId: channelId ?? first?.channelId ?? null }).where(eq(workspaces.id, workspaceId));
}

/** Stores a value already checked by its parser; null goes back to the default. */
export async function writeSetting<K extends SettingName>(db: Queryable, input: {
  workspaceId: string; name: K; value: Settings[K] | null; by: string; now: Date;
}): Promise<void> {
  const key = SETTING_KEYS[input.name];
  if (input.value === null) {
    await db.delete(settings).where(and(eq(settings.workspaceId, input.workspaceId), eq(settings.key, key)));
    return;
  }
  await db.insert(settings)
    .values({ workspaceId: input.workspaceId, key, value: input.value, updatedBy: input.by, updatedAt: input.now })
    .onConflictDoUpdate({
      target: [settings.workspaceId, settings.key],
      set: { value: sql`excluded.value`, updatedBy: input.by, updatedAt: input.now },
    });
}
