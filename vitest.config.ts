import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'e2e/**/*.test.ts'],
    testTimeout: 30_000,
    // Generous: e2e suites start Parley, which migrates and seeds the demo (six weeks of
    // history) before it listens — slow when the machine is busy.
    hookTimeout: 180_000,
    // PGlite instances and browser tests are memory- and CPU-heavy on a 2-core machine.
    maxWorkers: 2,
    // A conversation's analysis runs after it has been quiet a while (30 s by default); in
    // tests it waits 10 minutes, so it never lands among events a test counts. Tests of the
    // analysis set their own wait.
    env: { PARLEY_ANALYSIS_DEBOUNCE_MS: '600000' },
  },
});
