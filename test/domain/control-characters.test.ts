// One table of control characters: what the import refuses in a stored name,
// Slack input loses (but for the line breaks and tabs a note may hold), and a
// name shown in Slack loses — checked over every character of the BMP.
import { describe, expect, it } from 'vitest';
import { stripControls as typed } from '../../src/domain/typed-text.ts';
import { inert } from '../../src/i18n/format.ts';
import { textProblem } from '../../src/import/text-checks.ts';

const refusedByImport = (ch: string) => textProblem(`a${ch}b`, 100) !== null;
const KEPT_WHEN_TYPED = new Set(['\t', '\n']);
const LINE_BREAKS = new Set(['\r', '\u2028', '\u2029']);

const everyCharacter = (): string[] => {
  const all: string[] = [];
  for (let code = 0; code <= 0xffff; code++) if (code < 0xd800 || code > 0xdfff) all.push(String.fromCharCode(code));
  return all;
};

describe('the control-character table', () => {
  it('is the same for the import, typed Slack input and names shown in Slack', () => {
    const disagreements: string[] = [];
    for (const ch of everyCharacter()) {
      if (ch === '\uFFFD') continue; // refused by the import as a sign of a wrong encoding, not as a control
      const refused = refusedByImport(ch);
      const typedAs = typed(`a${ch}b`);
      const typedOk = refused
        ? typedAs === 'ab' || (KEPT_WHEN_TYPED.has(ch) && typedAs === `a${ch}b`) || (LINE_BREAKS.has(ch) && typedAs === 'a\nb')
        : typedAs === `a${ch}b`;
      const shown = inert(`a${ch}b`);
      // inert() also escapes & < > and turns * ~ ` _ into look-alikes: those are not controls.
      const shownOk = refused ? shown === 'ab' || shown === 'a b' : '&<>*~`_'.includes(ch) || shown === `a${ch}b`;
      if (!typedOk || !shownOk) disagreements.push(`U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
    }
    expect(disagreements).toEqual([]);
  });

  it('keeps what a note may hold, and the direction marks names in Arabic or Hebrew use', () => {
    expect(typed('Called\r\nleft a message\u2028again\tlater')).toBe('Called\nleft a message\nagain\tlater');
    expect(typed('\u202Eevil\u001b[31m\u0007\u0000')).toBe('evil[31m');
    expect(inert('שלום\u200F Co')).toBe('שלום\u200F Co');
  });

  it('shows a name on one line, words still apart', () => {
    expect(inert('Evil\u202Ecorp\u001b[31m')).toBe('Evilcorp[31m');
    expect(inert('Acme\tHolding\nSARL')).toBe('Acme Holding SARL');
  });
});
