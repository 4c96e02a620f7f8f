// One way to measure what an import costs, for every test that looks at bundles: esbuild, bundled,
// minified and tree-shaken for a neutral platform, as the size budgets of issue 8 are defined.
import { fileURLToPath } from 'node:url';
import { type BuildOptions, build } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The esbuild options every size measurement uses for `contents`: bundled, minified, tree-shaken ESM
 * for a neutral platform, kept in memory. scripts/size-breakdown.ts adds a source map to the same.
 */
export function bundleOptions(contents: string): BuildOptions & { write: false } {
  return {
    stdin: { contents, resolveDir: root, loader: 'ts', sourcefile: 'entry.ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    treeShaking: true,
    logLevel: 'silent',
  };
}

/** The minified bundle of `contents` (TypeScript or JavaScript, paths relative to the repository root). */
export async function minifiedBundle(contents: string): Promise<string> {
  const result = await build(bundleOptions(contents));
  return result.outputFiles[0]?.text ?? '';
}
