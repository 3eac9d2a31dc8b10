import { describe, expect, it } from 'vitest';
import { parseChannelMention, parseOverdueArgs, parseRole, parseUserMention, tokenize } from '../../src/domain/args.ts';

describe('tokenize', () => {
  it('splits on any whitespace', () => {
    expect(tokenize('promise acme  1200\teur\u00a0friday')).toEqual(['promise', 'acme', '1200', 'eur', 'friday']);
    expect(tokenize('')).toEqual([]);
    expect(tokenize('   ')).toEqual([]);
  });
  it('keeps quoted strings together', () => {
    expect(tokenize('case "Acme Corp" now')).toEqual(['case', 'Acme Corp', 'now']);
    expect(tokenize('case “Acme Corp” now')).toEqual(['case', 'Acme Corp', 'now']);
    expect(tokenize('case « Société Générale » now')).toEqual(['case', 'Société Générale', 'now']);
    expect(tokenize('log "unterminated note')).toEqual(['log', 'unterminated note']);
    expect(tokenize('note ""')).toEqual(['note', '']);
  });
  it('does not treat apostrophes as quotes', () => {
    expect(tokenize("promise acme 50 aujourd'hui l'acompte")).toEqual(['promise', 'acme', '50', "aujourd'hui", "l'acompte"]);
  });
  it('keeps Slack escapes whole, labels with spaces included', () => {
    expect(tokenize('assign acme <@U012ABC|jane> tomorrow')).toEqual(['assign', 'acme', '<@U012ABC|jane>', 'tomorrow']);
    expect(tokenize('assign acme <@U012ABC>')).toEqual(['assign', 'acme', '<@U012ABC>']);
    expect(tokenize('digest <#C012ABC|general> <!here>')).toEqual(['digest', '<#C012ABC|general>', '<!here>']);
    expect(tokenize('x <!subteam^S123|@ar team> y')).toEqual(['x', '<!subteam^S123|@ar team>', 'y']);
  });
  it('decodes the entities Slack escapes outside mentions', () => {
    expect(tokenize('overdue &gt;30')).toEqual(['overdue', '>30']);
    expect(tokenize('case "Smith &amp; Co"')).toEqual(['case', 'Smith & Co']);
  });
});

describe('mentions', () => {
  it('returns the user id and ignores the label', () => {
    expect(parseUserMention('<@U012ABC|jane>')).toBe('U012ABC');
    expect(parseUserMention('<@U012ABC>')).toBe('U012ABC');
    expect(parseUserMention('<@W012ABC|someone else entirely>')).toBe('W012ABC');
    expect(parseUserMention('@jane')).toBeNull();
    expect(parseUserMention('<#C012ABC|general>')).toBeNull();
    expect(parseUserMention('<!here>')).toBeNull();
  });
  it('returns the channel id', () => {
    expect(parseChannelMention('<#C012ABC|general>')).toBe('C012ABC');
    expect(parseChannelMention('<#C012ABC>')).toBe('C012ABC');
    expect(parseChannelMention('#general')).toBeNull();
    expect(parseChannelMention('<@U012ABC>')).toBeNull();
  });
});

describe('parseRole', () => {
  it.each([
    ['collector', 'collector'], ['Collectors', 'collector'], ['collecteur', 'collector'], ['recouvreur', 'collector'],
    ['manager', 'manager'], ['responsable', 'manager'], ['Responsables', 'manager'],
    ['admin', 'admin'], ['ADMIN', 'admin'], ['administrateur', 'admin'],
    ['boss', null], ['', null], ['constructor', null],
  ])('%j → %s', (input, expected) => {
    expect(parseRole(input)).toBe(expected);
  });
});

describe('parseOverdueArgs', () => {
  const SELF = 'USELF';
  const parse = (text: string) => parseOverdueArgs(tokenize(text), SELF);
  const value = (text: string) => {
    const r = parse(text);
    if (!r.ok) throw new Error(`${text}: ${r.error.code}`);
    return r.value;
  };

  it('defaults to the whole team, all overdue', () => {
    expect(value('')).toEqual({ scope: 'all', minDaysOverdue: 0 });
  });

  it('reads the scope', () => {
    expect(value('mine').scope).toBe('mine');
    expect(value('moi').scope).toBe('mine');
    expect(value('all').scope).toBe('all');
    expect(value('tous').scope).toBe('all');
    expect(value('<@U012ABC|jane>').scope).toEqual({ userId: 'U012ABC' });
    expect(value('<@USELF|me>').scope).toBe('mine');
  });

  it.each(['>30', '> 30', '&gt;30', '&gt; 30', '30+', '+30', '>=30', '30', '>30d', '≥30'])('reads the age filter %j', (text) => {
    expect(value(text).minDaysOverdue).toBe(30);
  });

  it('takes scope and filter in either order', () => {
    expect(value('mine >60')).toEqual({ scope: 'mine', minDaysOverdue: 60 });
    expect(value('>90 <@U012ABC>')).toEqual({ scope: { userId: 'U012ABC' }, minDaysOverdue: 90 });
    expect(value('> 60 all')).toEqual({ scope: 'all', minDaysOverdue: 60 });
    expect(value('mine mine >30 30+')).toEqual({ scope: 'mine', minDaysOverdue: 30 });
  });

  it('rejects what it does not understand, quoting it', () => {
    expect(parse('mine soon')).toEqual({ ok: false, error: { code: 'overdue.unknown_arg', input: 'soon' } });
    expect(parse('>45')).toEqual({ ok: false, error: { code: 'overdue.bad_threshold', input: '>45', params: { allowed: '>30, >60, >90' } } });
    expect(parse('> 45')).toEqual({ ok: false, error: { code: 'overdue.bad_threshold', input: '> 45', params: { allowed: '>30, >60, >90' } } });
    expect(parse('> soon')).toMatchObject({ error: { code: 'overdue.bad_threshold', input: '> soon' } });
    expect(parse('>')).toMatchObject({ error: { code: 'overdue.bad_threshold', input: '>' } });
    expect(parse('mine all')).toEqual({ ok: false, error: { code: 'overdue.two_scopes', input: 'all' } });
    expect(parse('<@U1> <@U2>')).toEqual({ ok: false, error: { code: 'overdue.two_scopes', input: '<@U2>' } });
    expect(parse('>30 >60')).toEqual({ ok: false, error: { code: 'overdue.two_thresholds', input: '>60' } });
    expect(parse('@jane')).toEqual({ ok: false, error: { code: 'args.unresolved_mention', input: '@jane' } });
  });
});
