// `/collect digest now [confirm [date] | found <link>]|preview|off|schedule <HH:MM> [tz] [days]`.
import { isIsoDate, type IsoDate } from './calendar.ts';
import { parseLocalTime } from './date-input.ts';
import { isTimeZone } from './zones.ts';
import { fail } from './errors.ts';
import { ok, type Result } from './result.ts';

/** A message as Slack's "Copy link" names it. */
export interface MessageLink {
  channelId: string;
  ts: string;
  /** The thread's parent, when the link is to a reply. */
  threadTs?: string;
}

export type DigestArgs =
  | { action: 'now' }
  // A manager looked, and what relance could not confirm is not in the channel: post it (that day's, or the latest).
  | { action: 'confirm'; date?: IsoDate }
  // A manager looked, and what relance could not confirm is there, at this link.
  | { action: 'found'; link: MessageLink }
  | { action: 'preview' | 'off' | 'status' }
  | { action: 'schedule'; localTime: string; timeZone?: string; weekdays?: number[] };

const SLACK_TS = /^\d{10}\.\d{6}$/;

/**
 * `https://acme.slack.com/archives/C0123ABCD/p1796371200000100` → channel and
 * ts 1796371200.000100; a reply's link adds `?thread_ts=…`. Slack hands links
 * typed into a command as `<url>` or `<url|label>`, with & as &amp;.
 */
export function parseMessageLink(text: string): MessageLink | null {
  const bare = text.replace(/^<([^|>]*)(?:\|[^>]*)?>$/, '$1').replace(/&amp;/g, '&');
  let url: URL;
  try {
    url = new URL(bare);
  } catch {
    return null;
  }
  const path = /^\/archives\/([CGD][A-Z0-9]{2,})\/p(\d{16})\/?$/.exec(url.pathname);
  if (url.protocol !== 'https:' || !path) return null;
  const ts = `${path[2]!.slice(0, 10)}.${path[2]!.slice(10)}`;
  const threadTs = url.searchParams.get('thread_ts') ?? undefined;
  if (threadTs !== undefined && !SLACK_TS.test(threadTs)) return null;
  return { channelId: path[1]!, ts, ...(threadTs !== undefined && threadTs !== ts ? { threadTs } : {}) };
}

const NOW = ['now', 'maintenant'];
const CONFIRM = ['confirm', 'confirmer'];
const FOUND = ['found', 'trouvé', 'trouve'];

function parseNow(rest: readonly string[]): Result<DigestArgs> {
  const [word, value, ...more] = rest;
  if (word === undefined) return ok({ action: 'now' });
  const action = word.toLowerCase();
  if (CONFIRM.includes(action)) {
    if (more.length) return fail('digest.extra', more.join(' '));
    if (value === undefined) return ok({ action: 'confirm' });
    return isIsoDate(value) ? ok({ action: 'confirm', date: value }) : fail('digest.bad_date', value);
  }
  if (FOUND.includes(action)) {
    if (value === undefined) return fail('digest.missing_link', '');
    if (more.length) return fail('digest.extra', more.join(' '));
    const link = parseMessageLink(value);
    return link ? ok({ action: 'found', link }) : fail('digest.bad_link', value);
  }
  return fail('digest.extra', rest.join(' '));
}

/** ISO weekday numbers (1 = Monday) by the names people type, English and French. */
const DAY_NAMES: Record<string, number> = {
  mon: 1, monday: 1, lun: 1, lundi: 1,
  tue: 2, tues: 2, tuesday: 2, mar: 2, mardi: 2,
  wed: 3, wednesday: 3, mer: 3, mercredi: 3,
  thu: 4, thur: 4, thurs: 4, thursday: 4, jeu: 4, jeudi: 4,
  fri: 5, friday: 5, ven: 5, vendredi: 5,
  sat: 6, saturday: 6, sam: 6, samedi: 6,
  sun: 7, sunday: 7, dim: 7, dimanche: 7,
};

const DAY_SETS: Record<string, number[]> = {
  weekdays: [1, 2, 3, 4, 5], workdays: [1, 2, 3, 4, 5], semaine: [1, 2, 3, 4, 5], ouvrés: [1, 2, 3, 4, 5], ouvres: [1, 2, 3, 4, 5],
  daily: [1, 2, 3, 4, 5, 6, 7], everyday: [1, 2, 3, 4, 5, 6, 7], tous: [1, 2, 3, 4, 5, 6, 7],
};

/** `mon-fri`, `lun-ven`, `mon,wed,fri`, `weekdays`, `daily` → sorted ISO weekdays. */
export function parseWeekdays(input: string): Result<number[]> {
  const text = input.trim().toLowerCase().replace(/\.$/, '');
  const set = DAY_SETS[text];
  if (set) return ok(set);
  const days = new Set<number>();
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const range = part.split('-').map((p) => p.trim());
    const [from, to] = range.map((p) => DAY_NAMES[p]);
    if (range.length === 1 && from) days.add(from);
    else if (range.length === 2 && from && to) {
      for (let d = from; ; d = (d % 7) + 1) {
        days.add(d);
        if (d === to) break;
      }
    } else return fail('digest.bad_days', input);
  }
  if (days.size === 0) return fail('digest.bad_days', input);
  return ok([...days].sort((a, b) => a - b));
}

export function parseDigestArgs(tokens: readonly string[]): Result<DigestArgs> {
  const [first, ...rest] = tokens;
  const action = (first ?? 'status').toLowerCase();
  if (NOW.includes(action)) return parseNow(rest);
  if (['preview', 'aperçu', 'apercu'].includes(action) || ['off', 'stop'].includes(action) || action === 'status') {
    if (rest.length) return fail('digest.extra', rest.join(' '));
    const normal = action.startsWith('aper') ? 'preview' : action === 'stop' ? 'off' : action;
    return ok({ action: normal as 'preview' | 'off' | 'status' });
  }
  if (!['schedule', 'programmer', 'at'].includes(action)) return fail('digest.unknown_action', first ?? '');
  const [timeText, ...more] = rest;
  if (!timeText) return fail('digest.missing_time', '');
  const time = parseLocalTime(timeText);
  if (!time.ok) return fail('digest.bad_time', timeText);
  const args: DigestArgs = { action: 'schedule', localTime: time.value };
  for (const token of more) {
    if (token.includes('/') && !args.timeZone) {
      if (!isTimeZone(token)) return fail('digest.bad_zone', token);
      args.timeZone = token;
    } else if (token.toUpperCase() === 'UTC' && !args.timeZone) {
      args.timeZone = 'UTC';
    } else if (!args.weekdays) {
      const days = parseWeekdays(token);
      if (!days.ok) return token.includes('/') ? fail('digest.bad_zone', token) : days;
      args.weekdays = days.value;
    } else {
      return fail('digest.extra', token);
    }
  }
  return ok(args);
}
