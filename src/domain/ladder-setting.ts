// The `ladder` setting: what `/collect settings set ladder …` accepts, and the
// rules every ladder keeps, typed or stored.
//
//   reminder_2 +12              moves one step
//   reminder_2 +20 call +25     moves several at once (in any order)
//   reminder_2 off              drops a step; giving it a day again puts it back
//   formal_notice +40 manager   the approval may be named, but not changed
//
// Days are calendar days from the oldest unpaid due date: `pre_due` before it
// (−60 to −1), every other step after it (+1 to +730), strictly increasing in
// ladder order. A formal notice and the agency/legal hand-off always need a
// manager's approval; the other steps never do.
import { fail } from './errors.ts';
import { DEFAULT_LADDER, STEP_APPROVAL, STEP_ORDER, type Approval, type LadderStep, type LadderStepKey } from './ladder.ts';
import { ok, type Result } from './result.ts';

export const LADDER_DAY_BOUNDS: Readonly<Record<'pre_due' | 'after', { min: number; max: number }>> = {
  pre_due: { min: -60, max: -1 },
  after: { min: 1, max: 730 },
};

const boundsOf = (stage: LadderStepKey) => (stage === 'pre_due' ? LADDER_DAY_BOUNDS.pre_due : LADDER_DAY_BOUNDS.after);

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim().replace(/[-\s]+/g, '_');

const ALIASES: Readonly<Record<string, LadderStepKey>> = {
  pre_due: 'pre_due', predue: 'pre_due', courtesy: 'pre_due', courtoisie: 'pre_due',
  reminder_1: 'reminder_1', reminder1: 'reminder_1', r1: 'reminder_1', relance_1: 'reminder_1', relance1: 'reminder_1',
  reminder_2: 'reminder_2', reminder2: 'reminder_2', r2: 'reminder_2', relance_2: 'reminder_2', relance2: 'reminder_2',
  call: 'call', appel: 'call',
  reminder_3: 'reminder_3', reminder3: 'reminder_3', r3: 'reminder_3', relance_3: 'reminder_3', relance3: 'reminder_3',
  formal_notice: 'formal_notice', notice: 'formal_notice', mise_en_demeure: 'formal_notice', med: 'formal_notice',
  agency_or_legal: 'agency_or_legal', agency: 'agency_or_legal', legal: 'agency_or_legal', handoff: 'agency_or_legal',
  agence: 'agency_or_legal', contentieux: 'agency_or_legal', agence_ou_contentieux: 'agency_or_legal',
};

const OFF_WORDS = new Set(['off', 'skip', 'desactive', 'desactiver', 'sans']);
const APPROVAL_WORDS: Readonly<Record<string, Approval>> = { manager: 'manager', managers: 'manager', none: 'none', aucune: 'none', aucun: 'none' };
const DAY_UNITS = new Set(['d', 'day', 'days', 'j', 'jour', 'jours']);
// "+12", "12", "-7", "−7", "12d", "J+12", "D-7", "12 jours" (the unit may be its own word).
const DAY = /^(?:[jd](?=[+\-−]))?([+\-−]?\d{1,4})(?:d|days?|j|jours?)?$/i;

export const stageOf = (token: string): LadderStepKey | undefined => ALIASES[fold(token)];

const STAGE_LIST = STEP_ORDER.join(', ');

interface Edit {
  stage: LadderStepKey;
  /** The words that made it, quoted back when they are refused. */
  text: string;
  day?: number;
  off?: boolean;
  approval?: Approval;
}

function readEdits(input: string): Result<Edit[]> {
  const tokens = input.trim().split(/[\s,;]+/).filter(Boolean);
  const edits: Edit[] = [];
  let current: Edit | null = null;
  const close = (): Result<null> => {
    if (current && current.day === undefined && !current.off && current.approval === undefined) {
      return fail('settings.ladder_missing_day', current.text, { stage: current.stage });
    }
    return ok(null);
  };
  for (const token of tokens) {
    const folded = fold(token);
    const stage = stageOf(token);
    if (stage) {
      const closed = close();
      if (!closed.ok) return closed;
      if (edits.some((e) => e.stage === stage)) return fail('settings.ladder_repeated', token, { stage });
      current = { stage, text: token };
      edits.push(current);
      continue;
    }
    if (!current) return fail('settings.ladder_unknown_stage', token, { stages: STAGE_LIST });
    current.text = `${current.text} ${token}`;
    if (DAY_UNITS.has(folded) && current.day !== undefined) continue;
    const day = DAY.exec(token.trim());
    if (day) {
      current.day = Number(day[1]!.replace('−', '-'));
      continue;
    }
    if (OFF_WORDS.has(folded)) {
      current.off = true;
      continue;
    }
    const approval = APPROVAL_WORDS[folded];
    if (approval) {
      current.approval = approval;
      continue;
    }
    // A word after a step: a misspelt step if it comes where a step could, else a bad day.
    if (current.day !== undefined || current.off) return fail('settings.ladder_unknown_stage', token, { stages: STAGE_LIST });
    return fail('settings.ladder_bad_day', current.text, { stage: current.stage });
  }
  if (edits.length === 0) return fail('settings.ladder_unknown_stage', input, { stages: STAGE_LIST });
  const closed = close();
  if (!closed.ok) return closed;
  return ok(edits);
}

/** The ladder in step order, each step checked, each day after the one before; `quote` names what to quote for a step. */
export function checkLadder(steps: readonly LadderStep[], quote: (stage: LadderStepKey) => string = (s) => s): Result<LadderStep[]> {
  const sorted = [...steps].sort((a, b) => STEP_ORDER.indexOf(a.stage) - STEP_ORDER.indexOf(b.stage));
  for (const step of sorted) {
    if (step.approval !== STEP_APPROVAL[step.stage]) {
      return fail('settings.ladder_approval_fixed', quote(step.stage), { stage: step.stage, approval: STEP_APPROVAL[step.stage] });
    }
    const bounds = boundsOf(step.stage);
    if (!Number.isInteger(step.day) || step.day < bounds.min || step.day > bounds.max) {
      return fail('settings.ladder_day_range', quote(step.stage), { stage: step.stage, min: bounds.min, max: bounds.max });
    }
  }
  for (let i = 1; i < sorted.length; i++) {
    const before = sorted[i - 1]!;
    const step = sorted[i]!;
    if (step.day <= before.day) {
      return fail('settings.ladder_order', quote(step.stage), { stage: step.stage, day: step.day, other: before.stage, otherDay: before.day });
    }
  }
  return ok(sorted);
}

/** `current` with the typed edits applied, checked as a whole. */
export function parseLadderEdit(input: string, current: readonly LadderStep[] = DEFAULT_LADDER): Result<LadderStep[]> {
  const edits = readEdits(input);
  if (!edits.ok) return edits;
  const byStage = new Map(current.map((s) => [s.stage, { ...s }]));
  for (const edit of edits.value) {
    if (edit.approval !== undefined && edit.approval !== STEP_APPROVAL[edit.stage]) {
      return fail('settings.ladder_approval_fixed', edit.text, { stage: edit.stage, approval: STEP_APPROVAL[edit.stage] });
    }
    if (edit.off) {
      byStage.delete(edit.stage);
      continue;
    }
    const was = byStage.get(edit.stage) ?? DEFAULT_LADDER.find((s) => s.stage === edit.stage);
    const day = edit.day ?? was?.day;
    // Naming only the approval of a step that is off: it stays off.
    if (day === undefined || (edit.day === undefined && !byStage.has(edit.stage))) continue;
    byStage.set(edit.stage, { stage: edit.stage, day, approval: STEP_APPROVAL[edit.stage] });
  }
  // A step that breaks the order is quoted as typed when it was edited; otherwise the edit that moved its neighbour is.
  const typed = new Map(edits.value.map((e) => [e.stage, e.text]));
  return checkLadder([...byStage.values()], (stage) => typed.get(stage) ?? [...typed.values()].at(-1) ?? stage);
}

/** A stored ladder that still keeps every rule; undefined otherwise (the default applies). */
export function decodeLadder(stored: unknown): LadderStep[] | undefined {
  if (!Array.isArray(stored)) return undefined;
  const steps: LadderStep[] = [];
  for (const item of stored as unknown[]) {
    const s = item as Partial<LadderStep> | null;
    if (!s || typeof s !== 'object' || typeof s.stage !== 'string' || !(STEP_ORDER as readonly string[]).includes(s.stage)) return undefined;
    if (typeof s.day !== 'number' || (s.approval !== 'none' && s.approval !== 'manager')) return undefined;
    if (steps.some((x) => x.stage === s.stage)) return undefined;
    steps.push({ stage: s.stage as LadderStepKey, day: s.day, approval: s.approval });
  }
  const checked = checkLadder(steps);
  return checked.ok ? checked.value : undefined;
}

// ---------------------------------------------------------------------------
// ladder_catch_up_days and payment_details, the ladder's other settings.

export const CATCH_UP_BOUNDS = { min: 0, max: 90 };

// "7", "7d", "7 days", "7 jours": calendar days.
const CALENDAR_UNIT = /\s*(?:calendar\s+days?|days?|d|jours?(?:\s+calendaires)?|j)\.?$/i;

export function parseCalendarDays(input: string, bounds: { min: number; max: number }): Result<number> {
  const text = input.trim().replace(CALENDAR_UNIT, '');
  if (!/^\d+$/.test(text)) return fail('settings.not_calendar_days', input);
  const days = Number(text);
  if (days < bounds.min || days > bounds.max) return fail('settings.calendar_days_out_of_range', input, { min: bounds.min, max: bounds.max });
  return ok(days);
}

export const MAX_PAYMENT_DETAILS = 500;

/** Free text for the drafts (IBAN, BIC, a payment link…), on one line as Slack sends it. */
export function parsePaymentDetails(input: string): Result<string> {
  const text = input.trim();
  if (text.length > MAX_PAYMENT_DETAILS) return fail('settings.text_too_long', `${text.slice(0, 40)}…`, { max: MAX_PAYMENT_DETAILS, length: text.length });
  return ok(text);
}
