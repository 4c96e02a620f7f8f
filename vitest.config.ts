import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { luaText } from './test/support/lua-text.js';

const src = (path: string): string => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

export default defineConfig({
  plugins: [luaText()],
  // Examples and README snippets import 'faultline' as users do; tests resolve it to the source.
  resolve: {
    alias: [
      { find: /^faultline$/, replacement: src('index.ts') },
      { find: /^faultline\/mini$/, replacement: src('mini.ts') },
      { find: /^faultline\/vendors$/, replacement: src('vendors/index.ts') },
      { find: /^faultline\/store$/, replacement: src('store.ts') },
      { find: /^faultline\/testing$/, replacement: src('testing/index.ts') },
      { find: /^faultline\/arbitraries$/, replacement: src('testing/arbitraries-entry.ts') },
      { find: /^faultline\/(zod|cockatiel|redis|otel)$/, replacement: src('adapters/$1.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
