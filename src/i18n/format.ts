import { CONTROL_CLASS, stripControlsToOneLine } from '../domain/control-characters.ts';
import { weekdayOf, type IsoDate } from '../domain/dates.ts';
import { formatMoney, type Money } from '../domain/money.ts';
import type { Locale, Translator } from './messages.ts';

// Building an Intl formatter costs ~60× formatting with one: build each once.
const dateFormats: Record<Locale, Intl.DateTimeFormat> = {
  fr: new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' }),
};

// A worklist shows the same debtors' dates request after request: each is formatted once.
const formattedDates: Record<Locale, Map<IsoDate, string>> = { fr: new Map(), en: new Map() };
const FORMATTED_DATES_KEPT = 5000;

/** Dates as people read them: 23/11/2026 in French, 23 Nov 2026 in English — never ISO. */
export function formatDate(date: IsoDate, locale: Locale): string {
  const formatted = formattedDates[locale];
  let text = formatted.get(date);
  if (text === undefined) {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    text = dateFormats[locale].format(new Date(Date.UTC(y, m - 1, d)));
    if (formatted.size >= FORMATTED_DATES_KEPT) formatted.clear();
    formatted.set(date, text);
  }
  return text;
}

/** A day named in a sentence: "Saturday 28 Nov 2026", "samedi 28/11/2026". */
export function formatWeekdayDate(date: IsoDate, locale: Locale, t: Translator): string {
  return `${t(`day.${weekdayOf(date)}` as 'day.1')} ${formatDate(date, locale)}`;
}

/** Totals per currency on one line; never summed across currencies. */
export function formatTotals(list: Money[], locale: Locale): string {
  return list.map((m) => formatMoney(m, locale)).join(' · ');
}

/**
 * Text that already is Slack mrkdwn — a mention, a channel link — and must reach
 * Slack as is. Every other value put into a sentence is data and gets escaped
 * (see `t` in messages.ts), so only what is wrapped here can carry markup.
 */
export class Mrkdwn {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
  toString(): string {
    return this.text;
  }
}

/** Opts a value out of escaping: use only for markup relance itself builds. */
export const mrkdwn = (text: string): Mrkdwn => new Mrkdwn(text);

export const mention = (userId: string): Mrkdwn => mrkdwn(`<@${userId}>`);

export const channelLink = (channelId: string): Mrkdwn => mrkdwn(`<#${channelId}>`);

export const joinMrkdwn = (parts: Mrkdwn[], separator: string): Mrkdwn => mrkdwn(parts.map((p) => p.text).join(separator));

// Formatting characters have no escape in mrkdwn: each becomes a look-alike that
// Slack does not parse, so the value stays readable but cannot bold or strike.
const LOOKALIKES: Record<string, string> = { '*': '\u2217', '~': '\u223C', '`': '\u02CB', _: '\u02CD' };
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Data (names, refs, invoice numbers, typed input) as inert mrkdwn: & < > become
 * the entities Slack decodes, so `<!channel>` or `<https://…|click>` cannot ping
 * or link; * ~ ` become look-alikes. `_` inside a word (INV_2026_01,
 * Buenos_Aires) cannot start italics in Slack and is kept.
 */
export function escapeMrkdwn(text: string): string {
  return text
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/[*~`]/g, (c) => LOOKALIKES[c]!)
    .replace(/_/g, (c, at: number, whole: string) =>
      WORD_CHAR.test(whole[at - 1] ?? '') && WORD_CHAR.test(whole[at + 1] ?? '') ? c : LOOKALIKES._!);
}

/** Longer than any real name: a longer value is data gone wrong or pasted input, and is cut. */
export const MAX_VALUE_CHARS = 300;

/**
 * `text` in at most `max` characters, ending with "…" when cut. The cut never
 * splits a surrogate pair, an entity (&amp;) or a mention (<@U…>), which Slack
 * would show in pieces.
 */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  const open = text.lastIndexOf('<', end - 1);
  if (open !== -1 && open > text.lastIndexOf('>', end - 1)) end = open;
  const amp = text.lastIndexOf('&', end - 1);
  if (amp !== -1 && amp > text.lastIndexOf(';', end - 1) && end - amp <= '&amp;'.length) end = amp;
  return `${text.slice(0, end)}…`;
}

// Most names and refs hold none of what inert changes: one test spares them its five passes.
const NEEDS_CARE = new RegExp(`[${CONTROL_CLASS}&<>*~\`_]`);

/**
 * Data put into mrkdwn by hand (outside a sentence): on one line without control
 * characters (a name stored before the import refused them still has them),
 * escaped, and shortened as in sentences.
 */
export const inert = (data: string): string =>
  (data.length <= MAX_VALUE_CHARS && !NEEDS_CARE.test(data) ? data : cut(escapeMrkdwn(stripControlsToOneLine(data)), MAX_VALUE_CHARS));

/** A value as a sentence shows it: markup passes, data is made inert, numbers stay. */
export function interpolated(value: string | number | Mrkdwn): string | number | Mrkdwn {
  return typeof value === 'string' ? inert(value) : value;
}

/**
 * Mrkdwn as plain text, for the places Slack shows text as typed (a modal's
 * field errors): markup is unwrapped and entities decoded, last, so decoded
 * data is never read as markup. Data's own * ` ~ are look-alikes already.
 */
export function plainFromMrkdwn(text: string): string {
  return text
    .replace(/<@([A-Z0-9]+)(?:\|[^>]*)?>/g, '@$1')
    .replace(/<#[A-Z0-9]+\|([^>]+)>/g, '#$1')
    .replace(/<#([A-Z0-9]+)>/g, '#$1')
    .replace(/<![a-z]+(?:\|([^>]+))?>/g, (_, label: string | undefined) => label ?? '')
    .replace(/<[a-z][a-z0-9+.-]*:[^|>]+\|([^>]+)>/gi, '$1')
    .replace(/<([a-z][a-z0-9+.-]*:[^>]+)>/gi, '$1')
    .replace(/[*`]/g, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
