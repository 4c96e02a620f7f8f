import { defineConfig } from 'vitest/config';

// The tests Stryker runs against each mutant of src/core and src/policy: fast, in-process unit and
// property tests only (no packaging, runtimes, sockets or child processes).
export default defineConfig({
  test: {
    include: ['test/core/**/*.test.ts', 'test/policy/**/*.test.ts', 'test/seed-cases.test.ts', 'test/vendors/fixtures.test.ts'],
    exclude: ['test/**/*.bench.ts'],
    typecheck: { enabled: false },
    testTimeout: 60_000,
    pool: 'threads',
  },
});
