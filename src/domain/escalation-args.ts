// What `/collect escalate <case> notice|agency|legal [reason…]` names: the
// kind of escalation, in English or French, found among the words after the
// case. The case itself is looked up by the command (it needs the database).

export type EscalationKind = 'notice' | 'agency' | 'legal' | 'writeoff';
/** What `escalate` asks for; a write-off has its own command. */
export type EscalateKind = Exclude<EscalationKind, 'writeoff'>;

export const ESCALATE_KINDS: readonly EscalateKind[] = ['notice', 'agency', 'legal'];

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[-_]/g, ' ').trim();

const WORDS: Record<string, EscalateKind> = {
  notice: 'notice', 'formal notice': 'notice', 'mise en demeure': 'notice', demeure: 'notice', med: 'notice',
  agency: 'agency', agence: 'agency', recouvrement: 'agency', collection: 'agency',
  legal: 'legal', judiciaire: 'legal', justice: 'legal', court: 'legal', tribunal: 'legal', injonction: 'legal',
};

export interface KindAt {
  kind: EscalateKind;
  /** Where the kind starts among the words, and how many words it takes ("mise en demeure": 3). */
  index: number;
  length: number;
}

/** The kind a run of words starting at `index` names, if any. */
export function kindAt(words: readonly string[], index: number): KindAt | null {
  for (const length of [3, 2, 1]) {
    if (index + length > words.length) continue;
    const kind = WORDS[fold(words.slice(index, index + length).join(' '))];
    if (kind) return { kind, index, length };
  }
  return null;
}

/** A reason as stored: the words joined, null when there are none. */
export const reasonOf = (words: readonly string[]): string | null => {
  const text = words.join(' ').trim();
  return text === '' ? null : text;
};

/** Longest reason kept: a paragraph, not a document. */
export const REASON_MAX_CHARS = 1000;
