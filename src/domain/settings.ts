// Workspace settings that are data, not code. Each key is declared once here
// with its default; `/collect settings` shows and edits them (commands/settings.ts)
// and every use case reads them through `readSettings` (src/db/settings.ts).
// Later features (ladder, e-mail) add their keys to this one table.

export interface TimeRange {
  /** "HH:MM", local time. */
  start: string;
  end: string;
}

export interface Settings {
  /** The team channel: case threads live there. Null: the first channel with a digest. */
  channel: string | null;
  /** Where approval requests go. Null: the team channel. */
  managersChannel: string | null;
  /** Business days after the promised day before an unpaid promise counts as broken. */
  promiseGraceDays: number;
  /** After no answer or a voicemail, the next attempt comes this many business days later, by attempt (the last one repeats). */
  callBackoffDays: number[];
  /** When a debtor may be called, in the debtor's own time zone, on business days. */
  callingWindow: TimeRange;
}

export const DEFAULT_SETTINGS: Settings = {
  channel: null,
  managersChannel: null,
  promiseGraceDays: 1,
  callBackoffDays: [1, 2, 4],
  callingWindow: { start: '09:00', end: '19:00' },
};

export type SettingName = keyof Settings;

/** The key a setting is stored under (settings.key) and typed in `/collect settings set <key> <value>`. */
export const SETTING_KEYS: Record<SettingName, string> = {
  channel: 'channel',
  managersChannel: 'managers_channel',
  promiseGraceDays: 'promise_grace_days',
  callBackoffDays: 'call_backoff_days',
  callingWindow: 'calling_window',
};

export const settingNameOf = (key: string): SettingName | undefined =>
  (Object.keys(SETTING_KEYS) as SettingName[]).find((name) => SETTING_KEYS[name] === key.toLowerCase());
