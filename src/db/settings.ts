// Reading and writing workspace settings. Stored values are JSON under their
// key; anything missing takes the default of src/domain/settings.ts.
import { and, eq, sql } from 'drizzle-orm';
import { DEFAULT_SETTINGS, SETTING_KEYS, type SettingName, type Settings } from '../domain/settings.ts';
import type { Queryable } from './client.ts';
import { settings } from './schema.ts';

export async function readSettings(db: Queryable, workspaceId: string): Promise<Settings> {
  const stored = await db.select({ key: settings.key, value: settings.value }).from(settings).where(eq(settings.workspaceId, workspaceId));
  const byKey = new Map(stored.map((s) => [s.key, s.value]));
  const result = { ...DEFAULT_SETTINGS };
  for (const name of Object.keys(SETTING_KEYS) as SettingName[]) {
    if (byKey.has(SETTING_KEYS[name])) (result as Record<SettingName, unknown>)[name] = byKey.get(SETTING_KEYS[name]);
  }
  return result;
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
