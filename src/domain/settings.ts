// Workspace settings that are data, not code. Each key is declared once here
// with its default; `/collect settings` shows and edits them (commands/settings.ts)
// and every use case reads them through `readSettings` (src/db/settings.ts).
// Later features (ladder, e-mail) add their keys to this one table.
import { parseChannelMention } from './args.ts';
import { decodeCallingProfile, parseCallingProfile, type CallingProfile } from './calling-profile.ts';
import { parseLocalTime } from './date-input.ts';
import { DEFAULT_LADDER, type LadderStep } from './ladder.ts';
import { CATCH_UP_BOUNDS, decodeLadder, MAX_PAYMENT_DETAILS, parseCalendarDays, parseLadderEdit, parsePaymentDetails } from './ladder-setting.ts';
import { CREDITOR_TEXT_MAX, companyIdOf, formatCompanyId, formatIban, parseBic, parseCompanyId, parseCreditorText, parseIban } from './creditor.ts';
import { fail } from './errors.ts';
import { DEFAULT_LEDGER_MAX_AGE, decodeLedgerMaxAge, parseLedgerMaxAge, type LedgerMaxAge } from './ledger-freshness.ts';
import {
  decodeMailbox, decodeSendPolicy, formatMailbox, DEFAULT_SEND_POLICY, MAIL_RATE_BOUNDS, MAX_SIGNATURE, parseMailbox, parseMailRate, parsePaymentLink, parseSendPolicy,
  parseSignature, type SendPolicy,
} from './mail-settings.ts';
import { err, ok, type InputError, type Result } from './result.ts';

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
  /** Business hours (business days, workspace zone) an escalation request waits before the managers are reminded of it, once. */
  escalationNudgeHours: number;
  /** The stricter rules some teams want: calls per 7 days, quiet days after a conversation. Null: off. */
  callingProfile: CallingProfile | null;
  /** The dunning ladder: its steps and their days (src/domain/ladder-setting.ts). */
  ladder: LadderStep[];
  /** A case that skips several steps acts at the one it lands on only if that step's day is at most this many calendar days ago. */
  ladderCatchUpDays: number;
  /** How to pay, as the reminder drafts print it (IBAN, BIC, a payment link…). Null: the drafts leave it out. */
  paymentDetails: string | null;
  /** The creditor's identity as letters print it (src/domain/creditor.ts); a formal notice is refused until all but the BIC are set. */
  creditorName: string | null;
  /** One line; `;` (or commas) separate the letter's lines. */
  creditorAddress: string | null;
  /** SIREN, SIRET or VAT number, compact. */
  creditorCompanyId: string | null;
  /** Compact, check digits verified. */
  creditorIban: string | null;
  creditorBic: string | null;
  /** Who signs letters: a name, and a title if wanted. */
  creditorSignatory: string | null;
  /** Calendar days a formal notice gives the debtor to pay. */
  noticeDays: number;
  /** Who reminder e-mails come from: one mailbox (`Acme <ar@acme.fr>`). Null: no mail leaves until it is set. */
  mailFrom: string | null;
  /** Where debtors' answers go; null: the From address. */
  mailReplyTo: string | null;
  /** Closes every reminder e-mail, lines separated by \n. Null: the creditor's name. */
  mailSignature: string | null;
  /** A URL template debtors pay through (src/domain/mail-settings.ts: PAYMENT_LINK_FIELDS). */
  paymentLink: string | null;
  /** Per stage: a drafted mail waits for a person (approve) or leaves by itself (auto). */
  sendPolicy: SendPolicy;
  /** When a reminder may reach the debtor: local time in the debtor's zone, business days. */
  mailHours: TimeRange;
  /** Mails a minute, per workspace. */
  mailRate: number;
  /** Hours after the last ledger sync beyond which nothing reaches a debtor (src/domain/ledger-freshness.ts); `off`: never held. */
  ledgerMaxAge: LedgerMaxAge;
}

export const DEFAULT_SETTINGS: Settings = {
  channel: null,
  managersChannel: null,
  promiseGraceDays: 1,
  callBackoffDays: [1, 2, 4],
  callingWindow: { start: '09:00', end: '19:00' },
  escalationNudgeHours: 24,
  callingProfile: null,
  ladder: [...DEFAULT_LADDER],
  ladderCatchUpDays: 7,
  paymentDetails: null,
  creditorName: null,
  creditorAddress: null,
  creditorCompanyId: null,
  creditorIban: null,
  creditorBic: null,
  creditorSignatory: null,
  noticeDays: 8,
  mailFrom: null,
  mailReplyTo: null,
  mailSignature: null,
  paymentLink: null,
  sendPolicy: { ...DEFAULT_SEND_POLICY },
  mailHours: { start: '09:00', end: '18:00' },
  mailRate: 60,
  ledgerMaxAge: DEFAULT_LEDGER_MAX_AGE,
};

export type SettingName = keyof Settings;

/** The key a setting is stored under (settings.key) and typed in `/collect settings set <key> <value>`. */
export const SETTING_KEYS: Record<SettingName, string> = {
  channel: 'channel',
  managersChannel: 'managers_channel',
  promiseGraceDays: 'promise_grace_days',
  callBackoffDays: 'call_backoff_days',
  callingWindow: 'calling_window',
  escalationNudgeHours: 'escalation_nudge_hours',
  callingProfile: 'calling_profile',
  ladder: 'ladder',
  ladderCatchUpDays: 'ladder_catch_up_days',
  paymentDetails: 'payment_details',
  creditorName: 'creditor_name',
  creditorAddress: 'creditor_address',
  creditorCompanyId: 'creditor_company_id',
  creditorIban: 'creditor_iban',
  creditorBic: 'creditor_bic',
  creditorSignatory: 'creditor_signatory',
  noticeDays: 'notice_days',
  mailFrom: 'mail_from',
  mailReplyTo: 'mail_reply_to',
  mailSignature: 'mail_signature',
  paymentLink: 'payment_link',
  sendPolicy: 'send_policy',
  mailHours: 'mail_hours',
  mailRate: 'mail_rate',
  ledgerMaxAge: 'ledger_max_age',
};

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim();

/** The setting a typed key names: any case, `-` for `_` (promise-grace-days). */
export const settingNameOf = (key: string): SettingName | undefined =>
  (Object.keys(SETTING_KEYS) as SettingName[]).find((name) => SETTING_KEYS[name] === fold(key).replace(/-/g, '_'));

// ---------------------------------------------------------------------------
// Each setting's own input: how `/collect settings set <key> <value>` reads it,
// how a stored value is checked, and what the listing shows. A new key adds its
// field and default above and one line to SETTING_SPECS, usually with one of the
// kinds below; the command renders every key of a kind the same way.

export interface SettingInputContext {
  /** The channel the command was typed in: `here` names it. */
  currentChannelId: string;
  /** The settings in effect, for values typed as a change to them (`ladder reminder_2 +12`); the defaults when absent. */
  current?: Settings;
}

/** Where messages go while a channel setting is at its default (null). */
export type ChannelFallback = 'first_digest_channel' | 'team_channel';

/** What the listing shows, by kind; the command renders each kind in the reader's language. */
export type SettingView =
  | { kind: 'channel'; channelId: string | null; fallback: ChannelFallback }
  | { kind: 'business_days'; days: number }
  | { kind: 'business_day_list'; days: number[] }
  | { kind: 'business_hours'; hours: number }
  | { kind: 'time_range'; range: TimeRange }
  | { kind: 'calling_profile'; profile: CallingProfile | null }
  | { kind: 'ladder'; steps: LadderStep[] }
  | { kind: 'calendar_days'; days: number }
  | { kind: 'text'; text: string | null }
  | { kind: 'send_policy'; policy: SendPolicy }
  | { kind: 'per_minute'; count: number }
  | { kind: 'max_age'; maxAge: LedgerMaxAge };

export interface SettingSpec<T> {
  /** A value `set` accepts, shown in examples: `settings set <key> <example>`. */
  example: string;
  parse(input: string, context: SettingInputContext): Result<T>;
  /** A stored value checked against the setting's shape; undefined when it does not fit (then the default applies). */
  decode(stored: unknown): T | undefined;
  view(value: T): SettingView;
}

const CHANNEL_ID = /^[CG][A-Z0-9]{2,}$/;
const HERE_WORDS = ['here', 'ici', 'this', 'ce canal'];

/**
 * A channel picked with # (Slack sends `<#C123|name>` with should_escape on),
 * its id as copied from the channel's details (`C0123ABCD`), or `here`: the
 * channel the command is typed in. A `#name` Slack did not turn into a link is
 * refused rather than looked up: looking a name up means paging through every
 * channel of the workspace, and a name can be reused after a rename.
 */
export function parseChannel(input: string, context: SettingInputContext): Result<string> {
  const text = input.trim();
  const linked = parseChannelMention(text);
  if (linked) return ok(linked);
  if (CHANNEL_ID.test(text)) return ok(text);
  if (HERE_WORDS.includes(fold(text))) {
    return CHANNEL_ID.test(context.currentChannelId) ? ok(context.currentChannelId) : fail('settings.here_not_channel', input);
  }
  return fail('settings.not_a_channel', input);
}

const channelSetting = (fallback: ChannelFallback): SettingSpec<string | null> => ({
  example: '#collections',
  parse: parseChannel,
  decode: (stored) => (stored === null || (typeof stored === 'string' && CHANNEL_ID.test(stored)) ? stored : undefined),
  view: (channelId) => ({ kind: 'channel', channelId, fallback }),
});

// "2", "2d", "2 days", "2 jours ouvrés": the unit is optional and always business days.
const DAY_UNIT = /\s*(?:business\s+days?|working\s+days?|days?|d|jours?\s+ouvr[ée]s?|jours?|j)\.?$/i;

interface Bounds { min: number; max: number }

/** `quoted`: what the reader typed, shown back when `text` is refused. */
function parseDayCount(text: string, bounds: Bounds, quoted = text): Result<number> {
  if (!/^[-+−]?\d+$/.test(text)) return fail('settings.not_whole_days', quoted);
  const days = Number(text.replace('−', '-'));
  if (days < bounds.min || days > bounds.max) return fail('settings.days_out_of_range', quoted, { min: bounds.min, max: bounds.max });
  return ok(days);
}

const isDayCount = (value: unknown, bounds: Bounds): value is number =>
  Number.isInteger(value) && (value as number) >= bounds.min && (value as number) <= bounds.max;

/** Whole business days within `bounds`. */
export function parseBusinessDays(input: string, bounds: Bounds): Result<number> {
  return parseDayCount(input.trim().replace(DAY_UNIT, ''), bounds, input);
}

const businessDaysSetting = (bounds: Bounds, example: string): SettingSpec<number> => ({
  example,
  parse: (input) => parseBusinessDays(input, bounds),
  decode: (stored) => (isDayCount(stored, bounds) ? stored : undefined),
  view: (days) => ({ kind: 'business_days', days }),
});

/**
 * `1,2,4`, `1 2 4`, `1, 2, 4 days`: each within `bounds`, at most `maxItems`.
 * A bad element is quoted alone, so the reader sees which one.
 */
export function parseBusinessDayList(input: string, bounds: Bounds & { maxItems: number }): Result<number[]> {
  const items = input.trim().replace(DAY_UNIT, '').split(/[\s,;]+/).filter(Boolean);
  if (items.length === 0) return fail('settings.not_whole_days', input);
  if (items.length > bounds.maxItems) return fail('settings.too_many_days', input, { max: bounds.maxItems });
  const days: number[] = [];
  for (const item of items) {
    const parsed = parseDayCount(item, bounds);
    if (!parsed.ok) return parsed;
    days.push(parsed.value);
  }
  return ok(days);
}

// "24", "24h", "24 hours", "24 heures ouvrées": the unit is optional and always business hours.
const HOUR_UNIT = /\s*(?:business\s+hours?|working\s+hours?|hours?|hrs?|h|heures?\s+ouvr[ée]es?|heures?)\.?$/i;

/** Whole business hours within `bounds`. */
export function parseBusinessHours(input: string, bounds: Bounds): Result<number> {
  const text = input.trim().replace(HOUR_UNIT, '');
  if (!/^[-+−]?\d+$/.test(text)) return fail('settings.not_whole_hours', input);
  const hours = Number(text.replace('−', '-'));
  if (hours < bounds.min || hours > bounds.max) return fail('settings.hours_out_of_range', input, { min: bounds.min, max: bounds.max });
  return ok(hours);
}

const businessHoursSetting = (bounds: Bounds, example: string): SettingSpec<number> => ({
  example,
  parse: (input) => parseBusinessHours(input, bounds),
  decode: (stored) => (isDayCount(stored, bounds) ? stored : undefined),
  view: (hours) => ({ kind: 'business_hours', hours }),
});

const businessDayListSetting = (bounds: Bounds & { maxItems: number }, example: string): SettingSpec<number[]> => ({
  example,
  parse: (input) => parseBusinessDayList(input, bounds),
  decode: (stored) => (Array.isArray(stored) && stored.length > 0 && stored.length <= bounds.maxItems && stored.every((d) => isDayCount(d, bounds))
    ? [...stored as number[]] : undefined),
  view: (days) => ({ kind: 'business_day_list', days }),
});

const RANGE_SEPARATOR = /^(.+?)\s*(?:[-–—]|\s(?:to|and|à|a|et)\s)\s*(.+)$/i;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** `09:00-19:00`, `9h-19h`, `9am to 7pm`, `de 9h à 19h`: a start strictly before the end, the same day. */
export function parseTimeRange(input: string): Result<TimeRange> {
  const text = input.trim().replace(/^(?:from|between|de|entre)\s+/i, '');
  const parts = RANGE_SEPARATOR.exec(text);
  if (!parts) return fail('settings.not_a_time_range', input);
  const start = parseLocalTime(parts[1]!);
  if (!start.ok) return start;
  const end = parseLocalTime(parts[2]!);
  if (!end.ok) return end;
  if (start.value >= end.value) return fail('settings.range_order', input, { start: start.value, end: end.value });
  return ok({ start: start.value, end: end.value });
}

const timeRangeSetting = (example: string): SettingSpec<TimeRange> => ({
  example,
  parse: parseTimeRange,
  decode: (stored) => {
    const range = stored as Partial<TimeRange> | null;
    return range && typeof range === 'object' && typeof range.start === 'string' && typeof range.end === 'string'
      && HHMM.test(range.start) && HHMM.test(range.end) && range.start < range.end ? { start: range.start, end: range.end } : undefined;
  },
  view: (range) => ({ kind: 'time_range', range }),
});

const mapOk = <A, B>(r: Result<A>, f: (a: A) => B): Result<B> => (r.ok ? ok(f(r.value)) : r);

/** A text setting: stored as its parser returns it, shown through `show`, no value until set. */
const textSetting = (example: string, parse: (input: string) => Result<string>, show: (value: string) => string = (v) => v): SettingSpec<string | null> => ({
  example,
  parse: (input) => parse(input),
  decode: (stored) => {
    // A string of digits (a SIREN) can come back from a jsonb read as a number: drizzle parses postgres.js's already parsed JSON again.
    const text = typeof stored === 'number' && Number.isSafeInteger(stored) && stored >= 0 ? String(stored) : stored;
    return text === null || (typeof text === 'string' && text !== '' && parse(text).ok) ? text : undefined;
  },
  view: (value) => ({ kind: 'text', text: value === null ? null : show(value) }),
});

/** A formal notice gives at least a day and at most three months. */
export const NOTICE_DAYS_BOUNDS = { min: 1, max: 90 };

export const SETTING_SPECS: { [K in SettingName]: SettingSpec<Settings[K]> } = {
  channel: channelSetting('first_digest_channel'),
  managersChannel: channelSetting('team_channel'),
  promiseGraceDays: businessDaysSetting({ min: 0, max: 10 }, '2'),
  callBackoffDays: businessDayListSetting({ min: 1, max: 30, maxItems: 10 }, '1,2,4'),
  callingWindow: timeRangeSetting('09:00-19:00'),
  escalationNudgeHours: businessHoursSetting({ min: 1, max: 720 }, '24'),
  callingProfile: { example: '3/7d 2d', parse: parseCallingProfile, decode: decodeCallingProfile, view: (profile) => ({ kind: 'calling_profile', profile }) },
  ladder: {
    example: 'reminder_2 +12',
    parse: (input, context) => parseLadderEdit(input, (context.current ?? DEFAULT_SETTINGS).ladder),
    decode: decodeLadder,
    view: (steps) => ({ kind: 'ladder', steps }),
  },
  ladderCatchUpDays: {
    example: '7',
    parse: (input) => parseCalendarDays(input, CATCH_UP_BOUNDS),
    decode: (stored) => (isDayCount(stored, CATCH_UP_BOUNDS) ? stored : undefined),
    view: (days) => ({ kind: 'calendar_days', days }),
  },
  paymentDetails: {
    example: 'IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP',
    parse: parsePaymentDetails,
    decode: (stored) => (stored === null || (typeof stored === 'string' && stored.length > 0 && stored.length <= MAX_PAYMENT_DETAILS) ? stored : undefined),
    view: (text) => ({ kind: 'text', text }),
  },
  creditorName: textSetting('Acme SAS', (input) => parseCreditorText(input, CREDITOR_TEXT_MAX.name)),
  creditorAddress: textSetting('12 rue de la Paix; 75002 Paris', (input) => parseCreditorText(input, CREDITOR_TEXT_MAX.address)),
  creditorCompanyId: textSetting('732 829 320', (input) => mapOk(parseCompanyId(input), (id) => id.value),
    (value) => formatCompanyId(companyIdOf(value))),
  creditorIban: textSetting('FR76 3000 6000 0112 3456 7890 189', parseIban, formatIban),
  creditorBic: textSetting('BNPAFRPP', parseBic),
  creditorSignatory: textSetting('Jeanne Martin, directrice financière', (input) => parseCreditorText(input, CREDITOR_TEXT_MAX.signatory)),
  noticeDays: {
    example: '8',
    parse: (input) => parseCalendarDays(input, NOTICE_DAYS_BOUNDS),
    decode: (stored) => (isDayCount(stored, NOTICE_DAYS_BOUNDS) ? stored : undefined),
    view: (days) => ({ kind: 'calendar_days', days }),
  },
  mailFrom: { example: 'Acme Recouvrement <ar@acme.fr>', parse: (input) => mapOk(parseMailbox(input), formatMailbox), decode: decodeMailbox, view: (text) => ({ kind: 'text', text }) },
  mailReplyTo: { example: 'compta@acme.fr', parse: (input) => mapOk(parseMailbox(input), formatMailbox), decode: decodeMailbox, view: (text) => ({ kind: 'text', text }) },
  mailSignature: {
    example: 'Jeanne Martin; Service recouvrement; 01 23 45 67 89',
    parse: parseSignature,
    decode: (stored) => (stored === null || (typeof stored === 'string' && stored.length > 0 && stored.length <= MAX_SIGNATURE) ? stored : undefined),
    view: (text) => ({ kind: 'text', text: text === null ? null : text.replaceAll('\n', ' · ') }),
  },
  paymentLink: textSetting('https://pay.acme.fr/?ref={customer_ref}&amount={amount}', parsePaymentLink),
  sendPolicy: {
    example: 'reminder_1 auto',
    parse: (input, context) => parseSendPolicy(input, (context.current ?? DEFAULT_SETTINGS).sendPolicy),
    decode: decodeSendPolicy,
    view: (policy) => ({ kind: 'send_policy', policy }),
  },
  mailHours: timeRangeSetting('09:00-18:00'),
  mailRate: {
    example: '60',
    parse: parseMailRate,
    decode: (stored) => (isDayCount(stored, MAIL_RATE_BOUNDS) ? stored : undefined),
    view: (count) => ({ kind: 'per_minute', count }),
  },
  ledgerMaxAge: { example: '36h', parse: parseLedgerMaxAge, decode: decodeLedgerMaxAge, view: (maxAge) => ({ kind: 'max_age', maxAge }) },
};

/** What the listing shows for one setting's value. */
export const viewSetting = <K extends SettingName>(name: K, value: Settings[K]): SettingView => SETTING_SPECS[name].view(value);

/** Every setting, in the order the listing shows them. */
export const SETTING_NAMES = Object.keys(SETTING_KEYS) as SettingName[];

const KEY_LIST = SETTING_NAMES.map((name) => SETTING_KEYS[name]).join(', ');

export function parseSettingKey(input: string): Result<SettingName> {
  const name = settingNameOf(input);
  return name ? ok(name) : fail('settings.unknown_key', input, { keys: KEY_LIST });
}

const DEFAULT_WORDS = ['default', 'defaut', 'par defaut', 'reset'];

/** A setting's new value; null goes back to the default (`default`, `défaut`). */
export function parseSettingValue<K extends SettingName>(name: K, input: string, context: SettingInputContext): Result<Settings[K] | null> {
  if (input.trim() === '') return fail('settings.missing_value', input, { key: SETTING_KEYS[name] });
  if (DEFAULT_WORDS.includes(fold(input))) return ok(null);
  return SETTING_SPECS[name].parse(input, context);
}

export const sameSettingValue = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The channels a workspace's messages go to, defaults followed: `firstDigestChannel` is workspaces.team_channel_id. */
export function resolveChannels(settings: Settings, firstDigestChannel: string | null): { team: string | null; managers: string | null } {
  const team = settings.channel ?? firstDigestChannel;
  return { team, managers: settings.managersChannel ?? team };
}

/** A new value for one setting; null goes back to the default. */
export type SettingChange = { [K in SettingName]: { name: K; value: Settings[K] | null } }[SettingName];

/** Settings listed together: `/collect settings creditor` shows what letters print. */
export const SETTING_GROUPS = {
  creditor: ['creditorName', 'creditorAddress', 'creditorCompanyId', 'creditorIban', 'creditorBic', 'creditorSignatory', 'noticeDays'],
  mail: ['mailFrom', 'mailReplyTo', 'mailSignature', 'paymentLink', 'paymentDetails', 'sendPolicy', 'mailHours', 'mailRate', 'ledgerMaxAge'],
} as const satisfies Record<string, readonly SettingName[]>;

export type SettingGroup = keyof typeof SETTING_GROUPS;

const GROUP_WORDS: Readonly<Record<string, SettingGroup>> = { creditor: 'creditor', creancier: 'creditor', mail: 'mail', email: 'mail', 'e-mail': 'mail', mails: 'mail' };

export type SettingsArgs =
  | { action: 'list'; group?: SettingGroup }
  | { action: 'show'; name: SettingName }
  | ({ action: 'set' } & SettingChange);

const SET_WORDS = ['set', 'definir', 'changer', 'regler'];

/**
 * `settings`, `settings <key>`, `settings set <key> <value>`, and the shorter
 * `settings <key> <value>`. The value is the rest of the line.
 */
/** A refused `settings` line; `name` is the setting it was about, once known, for the example shown with it. */
export type SettingsInputError = InputError & { name?: SettingName };

export function parseSettingsArgs(tokens: readonly string[], context: SettingInputContext): Result<SettingsArgs, SettingsInputError> {
  if (tokens.length === 0) return ok({ action: 'list' });
  const group = tokens.length === 1 ? GROUP_WORDS[fold(tokens[0]!)] : undefined;
  if (group) return ok({ action: 'list', group });
  const explicit = SET_WORDS.includes(fold(tokens[0]!));
  const [keyText, ...valueTokens] = explicit ? tokens.slice(1) : tokens;
  if (keyText === undefined) return fail('settings.missing_key', '', { keys: KEY_LIST });
  const name = parseSettingKey(keyText);
  if (!name.ok) return name;
  if (!explicit && valueTokens.length === 0) return ok({ action: 'show', name: name.value });
  const value = parseSettingValue(name.value, valueTokens.join(' '), context);
  if (!value.ok) return err({ ...value.error, name: name.value });
  return ok({ action: 'set', name: name.value, value: value.value } as SettingsArgs);
}
