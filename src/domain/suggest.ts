// "Did you mean …?" for a mistyped subcommand: the names and aliases close to
// what was typed, so `/collect overdeu` answers `overdue` instead of a dead end.

/** Something with a name and, possibly, other spellings (a subcommand and its aliases). */
export interface Spelled {
  name: string;
  aliases?: readonly string[];
}

/** At most this many suggestions: more would be the list `help` already gives. */
export const MAX_SUGGESTIONS = 2;

/** A prefix shorter than this says too little ("o" would match half the commands). */
const MIN_PREFIX_CHARS = 2;

/** Compared without case or accents: "Echelle", "échelle" and "ECHELLE" are the same word here. */
export const fold = (word: string): string => word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * Edits (insert, delete, substitute, swap two neighbours) between two words —
 * the optimal string alignment distance, so a swapped pair ("overdeu") counts one.
 */
export function editDistance(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  // rows[i][j]: distance between the first i characters of x and the first j of y.
  const rows: number[][] = Array.from({ length: x.length + 1 }, (_, i) => Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[x.length]![y.length]!;
}

/**
 * How many edits still read as a typo: none for one or two letters (any word
 * is two edits from "ab"), one up to five letters, two from six.
 */
export const allowedEdits = (typed: string): number => Math.min(2, Math.floor(Array.from(typed).length / 3));

interface Candidate {
  spelling: string;
  /** 0 for a prefix of the spelling, else the edit distance. */
  distance: number;
  /** Edits with accents kept: between "reglages" and "réglages", the one written as typed wins. */
  asTyped: number;
  order: number;
}

/**
 * The spellings (names or aliases, as written) closest to `typed`, at most
 * MAX_SUGGESTIONS, one per entry, closest first, then in the entries' order.
 * A spelling is close when `typed` starts it (at least two letters) or is
 * within allowedEdits of it. Empty when nothing is close: a guess then
 * would mislead, and the caller points to the list (`help`) instead.
 */
export function suggestSpellings(typed: string, entries: readonly Spelled[]): string[] {
  const lower = typed.trim().toLowerCase();
  const word = fold(lower);
  if (word === '') return [];
  const limit = allowedEdits(word);
  const found: Candidate[] = [];
  entries.forEach((entry, order) => {
    let best: Candidate | undefined;
    for (const spelling of [entry.name, ...(entry.aliases ?? [])]) {
      const folded = fold(spelling);
      // An exact match after folding is a prefix too: "Échelle" typed where only "echelle" is known.
      const isPrefix = Array.from(word).length >= MIN_PREFIX_CHARS && folded.startsWith(word);
      // Lengths further apart than the edits allowed cannot be close: no table to fill for a pasted paragraph.
      if (!isPrefix && Math.abs(Array.from(folded).length - Array.from(word).length) > limit) continue;
      const distance = isPrefix ? 0 : editDistance(word, folded);
      if (distance > limit && !isPrefix) continue;
      // A prefix: the entry's name first, unless only another spelling starts with the accents typed.
      const asTyped = isPrefix ? Number(!spelling.toLowerCase().startsWith(lower)) : editDistance(lower, spelling.toLowerCase());
      if (best === undefined || distance < best.distance || (distance === best.distance && asTyped < best.asTyped)) {
        best = { spelling, distance, asTyped, order };
      }
    }
    if (best !== undefined) found.push(best);
  });
  return found
    .sort((a, b) => a.distance - b.distance || a.order - b.order)
    .slice(0, MAX_SUGGESTIONS)
    .map((c) => c.spelling);
}
