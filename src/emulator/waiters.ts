import type { EmulatorState } from './state.ts';

/**
 * Resolves with the first non-undefined value of `probe`, re-checked after every
 * state change, so tests wait for an outcome instead of sleeping.
 */
export function waitFor<T>(state: EmulatorState, probe: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
  const first = probe();
  if (first !== undefined) return Promise.resolve(first);
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`emulator: timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const unsubscribe = state.subscribe(() => {
      const value = probe();
      if (value === undefined) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(value);
    });
  });
}
