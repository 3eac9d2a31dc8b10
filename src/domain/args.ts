// Slash command arguments. The command is registered with should_escape on,
// so Slack sends mentions as <@U123|name>, channels as <#C123|name>, and
// escapes &, < and > in the rest of the text as &amp; &lt; &gt;.
import { fail } from './errors.ts';
import { ok, type Result } from './result.ts';

const QUOTES: Readonly<Record<string, string>> = { '"': '"', '“': '”', '”': '”', '«': '»', '„': '“' };

/** The text as typed: Slack's &amp; &lt; &gt; back to & < >. */
export const decodeEntities = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/**
 * Splits on whitespace, keeping "double-quoted", “curly-quoted” and « guillemet »
 * strings together (quotes removed) and Slack escapes such as
 * `<@U012ABC|jane doe>` whole. Apostrophes are not quotes: French needs them
 * ("aujourd'hui"). An unclosed quote runs to the end. Entities are decoded
 * outside Slack escapes, so `&gt;30` comes out as `>30`.
 */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    if (/\s/.test(c)) { i++; continue; }
    const close = QUOTES[c];
    if (close !== undefined) {
      const end = findClose(text, i + 1, c === '“' ? ['”', '“', '"'] : [close]);
      tokens.push(decodeEntities(text.slice(i + 1, end).trim()));
      i = end + 1;
      continue;
    }
    if (c === '<') {
      const end = text.indexOf('>', i);
      if (end > 0) {
        tokens.push(text.slice(i, end + 1));
        i = end + 1;
        continue;
      }
    }
    let end = i;
    while (end < text.length && !/\s/.test(text.charAt(end))) end++;
    tokens.push(decodeEntities(text.slice(i, end)));
    i = end;
  }
  return tokens;
}

function findClose(text: string, from: number, closers: string[]): number {
  for (let j = from; j < text.length; j++) if (closers.includes(text.charAt(j))) return j;
  return text.length;
}

/** The user id of `<@U012ABC>` or `<@U012ABC|jane>`. The label is ignored: names change, ids do not. */
export function parseUserMention(token: string): string | null {
  return /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(token.trim())?.[1] ?? null;
}

/** The channel id of `<#C012ABC>` or `<#C012ABC|general>`. */
export function parseChannelMention(token: string): string | null {
  return /^<#([CG][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(token.trim())?.[1] ?? null;
}

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim();

export type Role = 'collector' | 'manager' | 'admin';

const ROLE_WORDS: Readonly<Record<string, Role>> = {
  collector: 'collector', collecteur: 'collector', collectrice: 'collector', recouvreur: 'collector', recouvreuse: 'collector',
  manager: 'manager', responsable: 'manager',
  admin: 'admin', administrator: 'admin', administrateur: 'admin', administratrice: 'admin',
};

/** A role in English or French, any case or accents, singular or plural; null if it is none. */
export function parseRole(input: string): Role | null {
  const word = fold(input);
  const singular = word.endsWith('s') ? word.slice(0, -1) : word;
  for (const w of [word, singular]) if (Object.hasOwn(ROLE_WORDS, w)) return ROLE_WORDS[w] ?? null;
  return null;
}

export type OverdueScope = 'mine' | 'all' | { userId: string };
export type AgeFilter = 0 | 30 | 60 | 90;

export interface OverdueArgs {
  scope: OverdueScope;
  /** Exclusive: only debtors MORE than this many days overdue (>30 is the 31–60 bucket and older). 0 = all overdue. */
  minDaysOverdue: AgeFilter;
}

const SCOPE_WORDS: Readonly<Record<string, 'mine' | 'all'>> = {
  mine: 'mine', me: 'mine', my: 'mine', moi: 'mine', mes: 'mine', miens: 'mine',
  all: 'all', everyone: 'all', team: 'all', tous: 'all', tout: 'all', toutes: 'all', equipe: 'all',
};

const AGE_FILTERS: readonly number[] = [0, 30, 60, 90];
const ALLOWED = { allowed: '>30, >60, >90' };
const ARROW = /^(?:>=?|≥|\+)/;
const ARROW_ONLY = /^(?:>=?|≥|\+)$/;

/**
 * `/collect overdue [mine|@user|all] [>30|>60|>90]`, in either order. The age
 * filter may be written `>30`, `> 30`, `>=30`, `30+`, `+30` or `30`. The default
 * scope is `all`: the whole team's worklist, since a collector new to the team
 * (or a manager) owns no cases and "mine" would show them nothing; `mine`
 * is one word away. Naming oneself (@me) is `mine`.
 */
export function parseOverdueArgs(tokens: readonly string[], selfId: string): Result<OverdueArgs> {
  let scope: OverdueScope | undefined;
  let age: AgeFilter | undefined;
  const sameScope = (a: OverdueScope, b: OverdueScope) =>
    typeof a === 'string' || typeof b === 'string' ? a === b : a.userId === b.userId;

  for (let i = 0; i < tokens.length; i++) {
    const raw = tokens[i] ?? '';
    const token = decodeEntities(raw).trim();
    if (token === '') continue;
    const userId = parseUserMention(token);
    const word = fold(token);
    const named = Object.hasOwn(SCOPE_WORDS, word) ? SCOPE_WORDS[word] : undefined;
    const found: OverdueScope | undefined = userId ? (userId === selfId ? 'mine' : { userId }) : named;
    if (found !== undefined) {
      if (scope !== undefined && !sameScope(scope, found)) return fail('overdue.two_scopes', raw);
      scope = found;
      continue;
    }
    if (token.startsWith('@')) return fail('args.unresolved_mention', raw);

    // "> 30" arrives as two tokens.
    let text = token;
    let quoted = raw;
    if (ARROW_ONLY.test(text) && i + 1 < tokens.length) {
      text += decodeEntities(tokens[i + 1] ?? '').trim();
      quoted = `${raw} ${tokens[i + 1] ?? ''}`;
      i++;
    }
    const m = /^(?:>=?|≥|\+)?(\d+)\+?(?:d|j|days?|jours?)?$/i.exec(text);
    if (!m) return ARROW.test(text) ? fail('overdue.bad_threshold', quoted, ALLOWED) : fail('overdue.unknown_arg', quoted);
    const days = Number(m[1]);
    if (!AGE_FILTERS.includes(days)) return fail('overdue.bad_threshold', quoted, ALLOWED);
    if (age !== undefined && age !== days) return fail('overdue.two_thresholds', quoted);
    age = days as AgeFilter;
  }
  return ok({ scope: scope ?? 'all', minDaysOverdue: age ?? 0 });
}
