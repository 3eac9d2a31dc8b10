// Every sentence relance says, in English (en.ts) and French (fr.ts). French
// must have exactly the keys and parameters of English (the type checks it), so
// no reply can fall back to a missing string. Values are data unless wrapped as
// Mrkdwn: `t` escapes and shortens them, so a customer's name cannot become
// Slack markup.
import { en } from './en.ts';
import { interpolated, type Mrkdwn } from './format.ts';
import { fr } from './fr.ts';

type P = Record<string, string | number | Mrkdwn>;

export type MessageKey = keyof typeof en;

/** Whether a key built from data (`activity.${kind}`) names a sentence. */
export const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(en, key);
/** What French (fr.ts) must hold: every key of English, with its parameters. */
export type Catalogue = { [K in MessageKey]: (typeof en)[K] };

export type Locale = 'en' | 'fr';
const catalogues: Record<Locale, Catalogue> = { en, fr };

/** `[]` for a sentence without parameters, `[params]` otherwise. */
export type MessageArgs<K extends MessageKey> = Parameters<(typeof en)[K]> extends [] ? [] : [Parameters<(typeof en)[K]>[0]];

/** The sentence `key` in `locale`, filled with `params`. */
export function t<K extends MessageKey>(locale: Locale, key: K, ...params: MessageArgs<K>): string {
  const fn = catalogues[locale][key] as (p: unknown) => string;
  const given = params[0] as P | undefined;
  const values: P = {};
  if (given) for (const name of Object.keys(given)) values[name] = interpolated(given[name]!);
  return fn(values);
}

export type Translator = <K extends MessageKey>(key: K, ...params: MessageArgs<K>) => string;

export function translator(locale: Locale): Translator {
  return (key, ...params) => t(locale, key, ...params);
}

/** Keys of sentences without parameters (help summaries, labels). */
export type PlainMessageKey = { [K in MessageKey]: MessageArgs<K> extends [] ? K : never }[MessageKey];
