// French dates as a collector types them in a call note (no accents,
// abbreviations, shorthand), read on Wednesday 18 November 2026. Each phrase
// is written here, not taken from the labelled set. A phrase is checked twice:
// in a promise ("promet 500 …", the date read forward, quoted whole as the
// evidence) and among the dates datesInNote lists for the AI step.
import { describe, expect, it } from 'vitest';
import { datesInNote, readCallNote, type NoteContext } from '../../src/domain/note-reader.ts';

const TODAY = '2026-11-18'; // a Wednesday
const fr: NoteContext = { today: TODAY, locale: 'fr', balance: { cents: 200000, currency: 'EUR' } };

const cases: [string, string][] = [
  ["d'ici vendredi", '2026-11-20'],
  ['ce vendredi', '2026-11-20'],
  ['avant le 10', '2026-12-10'],
  ['le 1er', '2026-12-01'],
  ['le 5 dec', '2026-12-05'],
  ['5 dec', '2026-12-05'],
  ['5 decembre', '2026-12-05'],
  ['3/12', '2026-12-03'],
  ['jeudi 3', '2026-12-03'],
  ['semaine pro', '2026-11-23'],
  ['semaine prochaine', '2026-11-23'],
  ['la semaine pro', '2026-11-23'],
  ['debut decembre', '2026-12-01'],
  ['debut dec', '2026-12-01'],
  ['debut du mois prochain', '2026-12-01'],
  ['debut du mois', '2026-12-01'],
  ['debut de semaine pro', '2026-11-23'],
  ['mois pro', '2026-12-01'],
  ['mi-decembre', '2026-12-15'],
  ['mi dec', '2026-12-15'],
  ['mi-dec', '2026-12-15'],
  ['fin novembre', '2026-11-30'],
  ['fin nov', '2026-11-30'],
  ['fin decembre', '2026-12-31'],
  ['apres-demain', '2026-11-20'],
  ['apres demain', '2026-11-20'],
  ['dans 15 jours', '2026-12-03'],
  ['ds 15j', '2026-12-03'],
  ['ds 15 jours', '2026-12-03'],
  // "sous quinzaine" / "sous huitaine": 15 and 8 days, as business letters count them.
  ['sous quinzaine', '2026-12-03'],
  ['sous huitaine', '2026-11-26'],
  ['lundi qui vient', '2026-11-23'],
  // "mardi en huit": not the coming Tuesday (24 Nov) but the one a week after it.
  ['mardi en huit', '2026-12-01'],
  // Said on a Wednesday, "mercredi en huit" is a week from today.
  ['mercredi en huit', '2026-11-25'],
  ['lundi en quinze', '2026-12-07'],
  ["d'ici lundi", '2026-11-23'],
  ["d'ici le 30", '2026-11-30'],
  ["d'ici la fin du mois", '2026-11-30'],
  ['avant la fin du mois', '2026-11-30'],
  ['en fin de semaine', '2026-11-20'],
  ['demain matin', '2026-11-19'],
];

describe('French dates in a promise, from 2026-11-18', () => {
  for (const [phrase, date] of cases) {
    it(`"${phrase}" → ${date}`, () => {
      const r = readCallNote(`promet 500 ${phrase}`, fr);
      expect(r.outcome).toBe('promised');
      expect(r.date).toBe(date);
      expect(r.evidence.date).toBe(phrase);
    });
  }
});

describe('French dates listed for the AI step', () => {
  for (const [phrase, date] of cases) {
    it(`"${phrase}" lists ${date}`, () => {
      expect(datesInNote(`ok ${phrase}, rappeler si rien`, fr)).toContainEqual({ date, text: phrase });
    });
  }
});

describe('what the French shorthands leave alone', () => {
  it('still reads "avant hier" as a day past, not "hier"', () => {
    expect(readCallNote('dit avoir vire 300 avant hier', fr).date).toBe('2026-11-16');
  });

  it('reads no day in "avant", "d\'ici", "debut" or "la semaine" alone', () => {
    expect(datesInNote("avant de payer, d'ici la, debut de l'appel, la semaine", fr)).toEqual([]);
  });
});
