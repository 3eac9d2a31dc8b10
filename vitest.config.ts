import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // Files run in parallel; each gets its own database and Redis prefix.
    pool: 'forks',
    maxWorkers: 2,
    // A worker keeps its loaded modules from one file to the next: loading the app's
    // modules again for each file was about 40 % of the suite's time. Test files share
    // no state through modules (each opens its own database, prefix and servers).
    isolate: false,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
