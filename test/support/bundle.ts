// One way to measure what an import costs, for every test that looks at bundles: esbuild, bundled,
// minified and tree-shaken for a neutral platform, as the size budgets of issue 8 are defined.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The minified bundle of `contents` (TypeScript or JavaScript, paths relative to the repository root). */
export async function minifiedBundle(contents: string): Promise<string> {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    treeShaking: true,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}
