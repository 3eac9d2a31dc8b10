/**
 * Runs `fn` with a recorder in place of the test runner's uncaught-exception
 * listeners (as relance's `start()` keeps serving through them), and gives each
 * error to `into`. For driver bugs that throw from a timer, which no caller can catch.
 */
export async function withUncaughtErrorsRecorded<T>(into: Error[], fn: () => Promise<T>): Promise<T> {
  const runners = process.listeners('uncaughtException');
  const record = (error: Error) => { into.push(error); };
  process.removeAllListeners('uncaughtException');
  process.on('uncaughtException', record);
  try {
    const result = await fn();
    await new Promise((r) => setTimeout(r, 50)); // a driver's deferred write runs on a later turn
    return result;
  } finally {
    process.off('uncaughtException', record);
    for (const listener of runners) process.on('uncaughtException', listener);
  }
}

/** postgres.js 3.4.9 writing to a socket it already dropped (porsager/postgres#1154, #1208). */
export const DRIVER_NULL_SOCKET = /reading 'write'.*postgres\/src\/connection\.js/s;
