/** Milliseconds since the epoch; injectable so tests can move time without sleeping. */
export type Clock = () => number;

export const realClock: Clock = () => Date.now();

export interface ManualClock {
  readonly now: Clock;
  advance(ms: number): void;
  set(ms: number): void;
}

export function createManualClock(startMs: number = Date.UTC(2026, 10, 23, 9, 0, 0)): ManualClock {
  let current = startMs;
  return {
    now: () => current,
    advance: (ms) => {
      current += ms;
    },
    set: (ms) => {
      current = ms;
    },
  };
}
