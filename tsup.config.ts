import { defineConfig } from 'tsup';

// Entry points are the package's public surface (the `exports` map blocks everything else).
const entries = {
  index: 'src/index.ts',
  mini: 'src/mini.ts',
  vendors: 'src/vendors/index.ts',
  store: 'src/store.ts',
  testing: 'src/testing/index.ts',
  arbitraries: 'src/testing/arbitraries-entry.ts',
  zod: 'src/adapters/zod.ts',
  cockatiel: 'src/adapters/cockatiel.ts',
  redis: 'src/adapters/redis.ts',
  otel: 'src/adapters/otel.ts',
};
const external = ['fast-check', 'zod', 'cockatiel', 'ioredis', 'redis', '@opentelemetry/api', /^node:/];
// The Redis scripts are .lua files, inlined as text wherever they are bundled.
const loader = { '.lua': 'text' } as const;
// The one module that imports them; the unbundled ESM build cannot inline an import, so it is built bundled
// on its own (it imports nothing else at run time).
const luaScripts = 'src/adapters/redis/scripts.ts';

export default defineConfig([
  // ESM is emitted one file per module, not bundled: with `sideEffects: false` a user's bundler then
  // drops every module they do not import (one vendor profile, or `retry` without any vendor code).
  {
    entry: ['src/**/*.ts', '!src/cli/**', '!src/**/*.d.ts', `!${luaScripts}`],
    outDir: 'dist',
    format: ['esm'],
    bundle: false,
    dts: false,
    clean: false,
    target: 'es2022',
    platform: 'neutral',
  },
  {
    entry: { 'adapters/redis/scripts': luaScripts },
    outDir: 'dist',
    format: ['esm'],
    dts: false,
    clean: false,
    target: 'es2022',
    platform: 'neutral',
    loader,
  },
  // CommonJS: one bundle per entry point (CJS users do not tree-shake), plus every entry's types.
  {
    entry: entries,
    outDir: 'dist',
    format: ['cjs'],
    dts: true,
    clean: false,
    target: 'es2022',
    platform: 'neutral',
    external,
    loader,
  },
  {
    entry: entries,
    outDir: 'dist',
    format: ['esm'],
    dts: { only: true },
    clean: false,
    external,
  },
  {
    // demo.js sits next to cli.js: main.ts loads it lazily (`faultline demo`) by a relative specifier.
    entry: { cli: 'src/cli/main.ts', demo: 'src/cli/demo.ts' },
    outDir: 'dist',
    format: ['esm'],
    dts: false,
    clean: false,
    target: 'es2022',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
    external,
  },
]);
