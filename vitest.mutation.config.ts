import { defineConfig } from 'vitest/config';
import { luaText } from './test/support/lua-text.js';

// The tests Stryker runs against each mutant of src/core and src/policy: in-process unit, property,
// model and table tests (the options table, the secrets property and the leak mix included); no
// packaging, runtimes, child processes or servers beyond what a test starts on loopback.
// MUTATION_SCOPE=policy or =core narrows the set to the tests of that directory, for a run that
// mutates only it (`npm run mutation:policy`, `npm run mutation:core`).
const POLICY = ['test/policy/**/*.test.ts', 'test/reliability/options.test.ts', 'test/reliability/leaks.test.ts'];
const CORE = ['test/core/**/*.test.ts', 'test/seed-cases.test.ts', 'test/vendors/fixtures.test.ts', 'test/reliability/options.test.ts', 'test/reliability/secrets.property.test.ts'];
const scope = process.env.MUTATION_SCOPE;

export default defineConfig({
  plugins: [luaText()],
  test: {
    include: scope === 'policy' ? POLICY : scope === 'core' ? CORE : [...new Set([...POLICY, ...CORE])],
    exclude: ['test/**/*.bench.ts'],
    typecheck: { enabled: false },
    // Each surviving mutant runs every test that covers it; 25 generated cases per property (instead
    // of 100-300) keep a run affordable on 2 cores. CI runs the properties at full strength.
    env: { FC_RUNS: process.env.FC_RUNS ?? '25' },
    testTimeout: 60_000,
    pool: 'threads',
  },
});
