// The Home refresh debouncer on its own: an injected clock and a scheduler the
// test fires by hand, so no time passes.
import { describe, expect, it } from 'vitest';
import { createDebouncer } from '../../src/slack/debouncer.ts';

function setup() {
  let now = 0;
  const pending: { run: () => void; delayMs: number }[] = [];
  const runs: string[] = [];
  const debouncer = createDebouncer({ windowMs: 10_000, now: () => now, schedule: (run, delayMs) => { pending.push({ run, delayMs }); } });
  return {
    touch: (key: string) => debouncer.touch(key, () => runs.push(`${key}@${now}`)),
    advance: (ms: number) => { now += ms; },
    fire: () => pending.splice(0).forEach((p) => p.run()),
    pending, runs,
  };
}

describe('the Home refresh debouncer', () => {
  it('runs at once, then once at the end of the window however many touches came in it', () => {
    const d = setup();
    d.touch('u1');
    d.advance(2_000);
    d.touch('u1');
    d.advance(1_000);
    d.touch('u1');
    expect(d.runs).toEqual(['u1@0']);
    expect(d.pending.map((p) => p.delayMs)).toEqual([8_000]);
    d.advance(7_000);
    d.fire();
    expect(d.runs).toEqual(['u1@0', 'u1@10000']);
  });

  it('runs at once again once the window has passed, and keeps each person apart', () => {
    const d = setup();
    d.touch('u1');
    d.touch('u2');
    expect(d.runs).toEqual(['u1@0', 'u2@0']);
    d.advance(10_000);
    d.touch('u1');
    expect(d.runs).toEqual(['u1@0', 'u2@0', 'u1@10000']);
    expect(d.pending).toEqual([]);
  });

  it('counts the window from the trailing run', () => {
    const d = setup();
    d.touch('u1');
    d.touch('u1');
    d.advance(10_000);
    d.fire();
    d.advance(5_000);
    d.touch('u1');
    expect(d.runs).toEqual(['u1@0', 'u1@10000']);
    expect(d.pending.map((p) => p.delayMs)).toEqual([5_000]);
  });
});
