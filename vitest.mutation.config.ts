import { defineConfig } from 'vitest/config';

// The tests Stryker runs against each mutant of src/core and src/policy: in-process unit, property,
// model and table tests (the options table, the secrets property and the leak mix included); no
// packaging, runtimes, child processes or servers beyond what a test starts on loopback.
export default defineConfig({
  test: {
    include: [
      'test/core/**/*.test.ts',
      'test/policy/**/*.test.ts',
      'test/seed-cases.test.ts',
      'test/vendors/fixtures.test.ts',
      'test/reliability/options.test.ts',
      'test/reliability/secrets.property.test.ts',
      'test/reliability/leaks.test.ts',
    ],
    exclude: ['test/**/*.bench.ts'],
    typecheck: { enabled: false },
    // Each surviving mutant runs every test that covers it; 25 generated cases per property (instead
    // of 100-300) keep a full run near an hour on 2 cores. CI runs the properties at full strength.
    env: { FC_RUNS: process.env.FC_RUNS ?? '25' },
    testTimeout: 60_000,
    pool: 'threads',
  },
});
