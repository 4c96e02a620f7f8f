// Node module hooks for running TypeScript sources under tsx: `import source from './x.lua'` gives the
// file's text, as tsup (loader) and the tests (test/support/lua-text.ts) inline it.
import { readFile } from 'node:fs/promises';

export async function load(url, context, nextLoad) {
  if (!url.endsWith('.lua')) return nextLoad(url, context);
  const text = await readFile(new URL(url), 'utf8');
  return { format: 'module', shortCircuit: true, source: `export default ${JSON.stringify(text)};` };
}
