// Reading a free-text call note for the log-call confirmation: the model when
// there is a key, the rule-based reader (src/domain/note-reader.ts) when there
// is none, or the model times out, fails or answers out of schema.
//
// Merge rule: none. A valid model answer is used as checked against the note
// (src/ai/call-note.ts): a figure it gave that the note does not hold is left
// empty for the person, not filled from the rules, so what the confirmation
// shows as "read by AI" is the model's reading and nothing else. Without a
// valid answer, the rules' reading is used whole. Either way the person
// confirms or edits it before anything is written.
import type { AiClient, AiFailure } from '../ai/client.ts';
import { askCallNote, type CallNoteReading } from '../ai/call-note.ts';
import { disputeAt, type DisputeReason } from '../domain/call-outcomes.ts';
import { foldNote, readCallNote, type NoteContext } from '../domain/note-reader.ts';

export type ReadingSource = 'ai' | 'rules';

export interface ReadCallNoteResult {
  reading: CallNoteReading;
  source: ReadingSource;
  /** Why the model was not used: no key, or how it failed. Null when it was. */
  aiSkipped: AiFailure | null;
}

/** The first dispute reason a note names ("qualite", "not delivered", "prix"), for a dispute read by the rules. */
export function disputeInNote(note: string): DisputeReason | null {
  const words = foldNote(note).split(/[^a-z0-9']+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const found = disputeAt(words, i);
    // "paid" / "paye" alone are too common in a note to mean "already paid".
    if (found && !(found.dispute === 'already_paid' && found.used === 1)) return found.dispute;
  }
  return null;
}

/** The rule-based reading, in the confirmation's shape. */
export function readByRules(note: string, ctx: NoteContext): CallNoteReading {
  const r = readCallNote(note, ctx);
  return {
    outcome: r.outcome,
    amount: r.amount,
    date: r.date,
    plan: r.plan,
    nextStep: r.nextStep,
    dispute: r.outcome === 'disputed' ? disputeInNote(note) : null,
    summary: null,
    dropped: [],
  };
}

export async function readNote(ai: AiClient | null, note: string, ctx: NoteContext, opts: { signal?: AbortSignal } = {}): Promise<ReadCallNoteResult> {
  if (!ai) return { reading: readByRules(note, ctx), source: 'rules', aiSkipped: 'no_key' };
  const asked = await askCallNote(ai, note, ctx, opts);
  if (asked.ok) return { reading: asked.value, source: 'ai', aiSkipped: null };
  return { reading: readByRules(note, ctx), source: 'rules', aiSkipped: asked.error };
}
