import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { allowedEdits, editDistance, fold, suggestSpellings, type Spelled } from '../../src/domain/suggest.ts';

describe('editDistance', () => {
  it('counts inserts, deletes, substitutions, and a swap of neighbours as one', () => {
    expect(editDistance('overdue', 'overdue')).toBe(0);
    expect(editDistance('overdeu', 'overdue')).toBe(1);
    expect(editDistance('ovrdue', 'overdue')).toBe(1);
    expect(editDistance('overdues', 'overdue')).toBe(1);
    expect(editDistance('oxerdue', 'overdue')).toBe(1);
    expect(editDistance('', 'log')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
  it('counts a character outside the BMP as one', () => {
    expect(editDistance('a😀b', 'ab')).toBe(1);
  });
});

describe('fold', () => {
  it('drops case and accents', () => {
    expect(fold('Échéancier')).toBe('echeancier');
    expect(fold('RÉGLAGES')).toBe('reglages');
  });
});

describe('allowedEdits', () => {
  it('allows none for one or two letters, one up to five, two from six', () => {
    expect([1, 2, 3, 5, 6, 12].map((n) => allowedEdits('x'.repeat(n)))).toEqual([0, 0, 1, 1, 2, 2]);
  });
});

describe('suggestSpellings', () => {
  const entries: Spelled[] = [
    { name: 'help', aliases: ['aide', '?'] },
    { name: 'overdue', aliases: ['retard', 'retards', 'worklist'] },
    { name: 'escalate', aliases: ['escalader'] },
    { name: 'escalations', aliases: ['escalades'] },
    { name: 'settings', aliases: ['reglages', 'réglages'] },
  ];

  it('suggests the name a typo is close to', () => {
    expect(suggestSpellings('overdeu', entries)).toEqual(['overdue']);
    expect(suggestSpellings('OVERDUE!', entries)).toEqual(['overdue']);
    expect(suggestSpellings('setings', entries)).toEqual(['settings']);
  });

  it('suggests a French alias as it is written, accents included', () => {
    expect(suggestSpellings('retrad', entries)).toEqual(['retard']);
    expect(suggestSpellings('réglage', entries)).toEqual(['réglages']);
    expect(suggestSpellings('reglage', entries)).toEqual(['reglages']);
  });

  it('suggests what a prefix starts, one spelling per entry, at most two', () => {
    expect(suggestSpellings('ov', entries)).toEqual(['overdue']);
    expect(suggestSpellings('esc', entries)).toEqual(['escalate', 'escalations']);
    expect(suggestSpellings('escalade', entries)).toEqual(['escalader', 'escalades']);
  });

  it('suggests nothing when nothing is close', () => {
    expect(suggestSpellings('relances', entries)).toEqual([]);
    expect(suggestSpellings('zzzzzz', entries)).toEqual([]);
    expect(suggestSpellings('o', entries)).toEqual([]);
    expect(suggestSpellings('xy', entries)).toEqual([]);
    expect(suggestSpellings('  ', entries)).toEqual([]);
  });

  it('knows every real subcommand and its aliases', () => {
    expect(suggestSpellings('overdeu', commands)).toEqual(['overdue']);
    expect(suggestSpellings('promesses', commands)).toEqual(['promesse']);
    expect(suggestSpellings('exprot', commands)).toEqual(['export']);
    expect(suggestSpellings('escalatoins', commands)).toEqual(['escalations']);
    expect(suggestSpellings('statistique', commands)).toEqual(['statistiques']);
  });
});
