// At most one run per key and window, plus one trailing run so the last ask
// is never lost: App Home refreshes per person, case-thread kicks per workspace.

export type Schedule = (run: () => void, delayMs: number) => void;

const unrefTimeout: Schedule = (run, delayMs) => { setTimeout(run, delayMs).unref(); };

/**
 * Runs a key's job at once unless it ran less than `windowMs` ago (on the
 * injected clock); then once more when the window ends, however many times it
 * was asked meanwhile.
 */
export function createDebouncer(options: { windowMs: number; now: () => number; schedule?: Schedule }) {
  const { windowMs, now, schedule = unrefTimeout } = options;
  const state = new Map<string, { last: number; trailing: boolean }>();
  return {
    touch(key: string, run: () => void): void {
      const at = now();
      const seen = state.get(key);
      if (seen?.trailing) return;
      if (!seen || at - seen.last >= windowMs) {
        state.set(key, { last: at, trailing: false });
        run();
        return;
      }
      seen.trailing = true;
      schedule(() => {
        seen.trailing = false;
        seen.last = now();
        run();
      }, Math.max(0, windowMs - (at - seen.last)));
    },
  };
}
