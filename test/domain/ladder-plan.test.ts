import { describe, expect, it } from 'vitest';
import { DEFAULT_LADDER, STEP_ORDER, stageRank, type LadderStep } from '../../src/domain/ladder.ts';
import { planCaseMove, preDueRange } from '../../src/domain/ladder-plan.ts';

const plan = (stage: Parameters<typeof planCaseMove>[0]['stage'], daysOverdue: number, status = 'open', ladder: readonly LadderStep[] = DEFAULT_LADDER, catchUp = 7) =>
  planCaseMove({ stage, status, daysOverdue }, ladder, catchUp);

describe('the default ladder', () => {
  it('is the SPEC table, the last step offering agency or legal, both manager steps approved by a manager', () => {
    expect(DEFAULT_LADDER.map((s) => [s.stage, s.day, s.approval])).toEqual([
      ['pre_due', -7, 'none'], ['reminder_1', 1, 'none'], ['reminder_2', 10, 'none'], ['call', 15, 'none'],
      ['reminder_3', 30, 'none'], ['formal_notice', 45, 'manager'], ['agency_or_legal', 60, 'manager'],
    ]);
  });

  it('ranks agency and legal with the last step', () => {
    expect(stageRank('agency')).toBe(stageRank('agency_or_legal'));
    expect(stageRank('legal')).toBe(STEP_ORDER.length - 1);
    expect(stageRank(null)).toBe(-1);
  });
});

describe('planCaseMove', () => {
  it('moves a case one step on the day it comes, and that step acts', () => {
    expect(plan(null, 0)).toBeNull();
    expect(plan(null, 1)).toMatchObject({ to: 'reminder_1', steps: 1, catchUp: false, acts: true, action: 'draft', proposes: null });
    expect(plan('reminder_1', 9)).toBeNull();
    expect(plan('reminder_1', 10)).toMatchObject({ to: 'reminder_2', action: 'draft', acts: true });
    expect(plan('reminder_2', 15)).toMatchObject({ to: 'call', action: 'call', acts: true });
    expect(plan('call', 30)).toMatchObject({ to: 'reminder_3', action: 'draft' });
    expect(plan('reminder_3', 45)).toMatchObject({ to: 'formal_notice', action: 'escalation', proposes: 'notice' });
    expect(plan('formal_notice', 60)).toMatchObject({ to: 'agency_or_legal', action: 'escalation', proposes: 'agency' });
    expect(plan('agency_or_legal', 400)).toBeNull();
    expect(plan('legal', 400)).toBeNull();
  });

  it('one step late still acts: a reminder the workers missed is still owed', () => {
    expect(plan('reminder_1', 14)).toMatchObject({ to: 'reminder_2', steps: 1, catchUp: false, acts: true });
  });

  it('moves only open cases', () => {
    for (const status of ['promised', 'paused', 'notice', 'agency', 'legal', 'resolved', 'written_off']) expect(plan('reminder_1', 50, status)).toBeNull();
  });

  it('lands a case several steps on, acting only when the landing day is at most the window ago', () => {
    expect(plan(null, 12)).toMatchObject({ to: 'reminder_2', steps: 2, catchUp: false, acts: true });
    // reminder_3 came on day 30: 7 days ago still acts, 8 days ago lands silently.
    expect(plan(null, 37)).toMatchObject({ to: 'reminder_3', steps: 4, catchUp: false, acts: true });
    expect(plan(null, 38)).toMatchObject({ to: 'reminder_3', steps: 4, catchUp: true, acts: false });
    expect(plan('reminder_1', 40, 'open', DEFAULT_LADDER, 0)).toMatchObject({ to: 'reminder_3', catchUp: true, acts: false });
  });

  it('files a manager step\'s proposal even on a silent landing', () => {
    expect(plan(null, 200)).toMatchObject({ to: 'agency_or_legal', catchUp: true, acts: false, proposes: 'agency' });
  });

  it('follows an edited ladder, skipping steps that are off', () => {
    const noCall = DEFAULT_LADDER.filter((s) => s.stage !== 'call');
    expect(plan('reminder_2', 20, 'open', noCall)).toBeNull();
    expect(plan('reminder_2', 40, 'open', noCall)).toMatchObject({ to: 'reminder_3', steps: 1, acts: true });
  });
});

describe('preDueRange', () => {
  it('is the invoices due in 1 to 7 days with the default ladder and window', () => {
    expect(preDueRange(DEFAULT_LADDER, 7, '2026-11-23')).toEqual({ from: '2026-11-24', to: '2026-11-30' });
  });

  it('is only the 7th day ahead without a catch-up window', () => {
    expect(preDueRange(DEFAULT_LADDER, 0, '2026-11-23')).toEqual({ from: '2026-11-30', to: '2026-11-30' });
  });

  it('is nothing when the ladder has no pre_due step', () => {
    expect(preDueRange(DEFAULT_LADDER.slice(1), 7, '2026-11-23')).toBeNull();
  });
});
