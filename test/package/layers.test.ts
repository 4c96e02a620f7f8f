/**
 * Imports only go down: core at the bottom; vendors and policy on core alone; fetch on those; the
 * entries compose them (the default classifier lives there); testing, adapters and cli on top.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../../src', import.meta.url));

const MAY_IMPORT: Readonly<Record<string, readonly string[]>> = {
  core: ['core'],
  vendors: ['core', 'vendors'],
  policy: ['core', 'policy'],
  fetch: ['core', 'policy', 'fetch'],
  entry: ['core', 'vendors', 'policy', 'fetch', 'entry'],
  root: ['core', 'vendors', 'policy', 'fetch', 'entry'],
  testing: ['core', 'vendors', 'policy', 'fetch', 'entry', 'root', 'testing'],
  adapters: ['core', 'vendors', 'policy', 'fetch', 'entry', 'root', 'adapters'],
  cli: ['core', 'vendors', 'policy', 'fetch', 'entry', 'root', 'testing', 'cli'],
};

function layerOf(file: string): string {
  const rel = relative(src, file);
  return rel.includes('/') ? (rel.split('/')[0] as string) : 'root';
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Every relative specifier a file imports or re-exports, resolved to a path under src. */
export function importsOf(file: string, text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+['"](\.[^'"]+)['"]/g)) found.push(join(dirname(file), m[1] as string));
  for (const m of text.matchAll(/import\(\s*['"](\.[^'"]+)['"]\s*\)/g)) found.push(join(dirname(file), m[1] as string));
  return found;
}

describe('layers', () => {
  const files = filesUnder(src);

  it.each(files.map((f) => [relative(src, f), f] as const))('%s imports only from the layers below it', (_name, file) => {
    const layer = layerOf(file);
    const allowed = MAY_IMPORT[layer];
    expect(allowed, `no rule for layer ${layer}`).toBeDefined();
    const wrong = importsOf(file, readFileSync(file, 'utf8')).filter((target) => !allowed?.includes(layerOf(target)));
    expect(wrong.map((w) => relative(src, w))).toEqual([]);
  });

  // faultline/otel reaches into the policies through their events and createFetch's `observe`
  // hooks; nothing below the adapters may need @opentelemetry/api (an optional peer dependency).
  it.each(files.filter((f) => !['adapters', 'testing', 'cli'].includes(layerOf(f))).map((f) => [relative(src, f), f] as const))(
    '%s does not import @opentelemetry/api',
    (_name, file) => {
      expect(readFileSync(file, 'utf8')).not.toMatch(/from\s+['"]@opentelemetry\/|import\(\s*['"]@opentelemetry\//);
    },
  );

  it('sees an upward import when there is one', () => {
    const file = join(src, 'core/example.ts');
    const targets = importsOf(file, "import { x } from '../vendors/registry.js';\nexport { y } from './fault.js';");
    expect(targets.map(layerOf)).toEqual(['vendors', 'core']);
    expect(MAY_IMPORT.core).not.toContain('vendors');
  });
});
