import { defineConfig } from 'tsup';

// Entry points are the package's public surface; everything else is private.
export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      testing: 'src/testing/index.ts',
      zod: 'src/adapters/zod.ts',
      cockatiel: 'src/adapters/cockatiel.ts',
      redis: 'src/adapters/redis.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: false,
    clean: true,
    treeshake: true,
    splitting: true,
    target: 'es2022',
    platform: 'neutral',
    external: ['node:http', 'node:net', 'node:crypto', 'node:child_process', 'fast-check', 'zod', 'cockatiel', 'ioredis', 'redis'],
  },
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    target: 'es2022',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
  },
]);
