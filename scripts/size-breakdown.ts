/**
 * Where a bundle's bytes go, file by file (issue 17): bundles an entry the way the size guards in
 * test/package/packaging.test.ts do (esbuild, minified, tree-shaken, from dist/, so `npm run build` first),
 * maps every byte of the minified output back to its file through the source map, and prints per file the
 * minified bytes and the marginal gzip bytes (the whole bundle's gzip size minus the gzip size of the
 * bundle with that file's bytes cut out: what the file costs given everything else is there).
 * With the default entry (the default classify) it also measures its three parts each on its own: the
 * classify engine with no profile, the engine with the generic layer, the engine with the vendor readers.
 * `npx tsx scripts/size-breakdown.ts [entry source]`
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { bundleOptions, minifiedBundle } from '../test/support/bundle.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const entry = process.argv[2] ?? `export { classify } from './dist/index.js';`;

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes one source map `mappings` string into [generated line, generated column, source index]. */
function segments(mappings: string): [number, number, number][] {
  const out: [number, number, number][] = [];
  let source = 0;
  let line = 0;
  for (const row of mappings.split(';')) {
    let column = 0;
    for (const seg of row.split(',')) {
      if (seg === '') continue;
      const fields: number[] = [];
      let value = 0;
      let shift = 0;
      for (const ch of seg) {
        const digit = B64.indexOf(ch);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += fields[0] ?? 0;
      if (fields.length > 1) source += fields[1] ?? 0;
      out.push([line, column, fields.length > 1 ? source : -1]);
    }
    line += 1;
  }
  return out;
}

async function gzipOf(contents: string): Promise<number> {
  return gzipSync(await minifiedBundle(contents)).length;
}

const result = await build({ ...bundleOptions(entry), sourcemap: 'external', outfile: 'out.js' });
const js = result.outputFiles.find((f) => f.path.endsWith('.js'))?.text ?? '';
const map = JSON.parse(result.outputFiles.find((f) => f.path.endsWith('.map'))?.text ?? '{}') as { sources: string[]; mappings: string };

// Every output byte belongs to the file of the last mapping at or before it (minified output is one
// line per statement group; a line's bytes before its first mapping belong to the line's first one).
const lineStarts = [0];
for (let i = 0; i < js.length; i++) if (js[i] === '\n') lineStarts.push(i + 1);
const owner = new Int32Array(js.length).fill(-1);
const segs = segments(map.mappings);
for (let i = 0; i < segs.length; i++) {
  const [line, column, source] = segs[i] ?? [0, 0, -1];
  const next = segs[i + 1];
  const start = (lineStarts[line] ?? 0) + column;
  const end = next === undefined ? js.length : next[0] === line ? (lineStarts[line] ?? 0) + next[1] : (lineStarts[next[0]] ?? js.length);
  owner.fill(source, start, end);
}
const total = gzipSync(js).length;
const rows = map.sources.map((name, index) => {
  let raw = 0;
  let rest = '';
  for (let i = 0; i < js.length; i++) {
    if (owner[i] === index) raw += 1;
    else rest += js[i];
  }
  return { file: name.replace(/^(\.\.\/)*/, '').replace(/^(?:dist|src)\//, ''), raw, gzip: total - gzipSync(rest).length };
});
rows.sort((a, b) => b.gzip - a.gzip);
const unmapped = [...owner].filter((o) => o < 0).length;
console.log(`entry: ${entry}`);
console.log(`minified ${js.length} B, gzip ${total} B (${unmapped} B of glue belong to no file)\n`);
console.log('| file | minified B | marginal gzip B |\n|---|---:|---:|');
for (const r of rows) console.log(`| ${r.file} | ${r.raw} | ${r.gzip} |`);
const sum = (pick: (r: (typeof rows)[number]) => boolean): string => {
  const chosen = rows.filter(pick);
  return `${chosen.reduce((s, r) => s + r.raw, 0)} B minified, ${chosen.reduce((s, r) => s + r.gzip, 0)} B marginal gzip`;
};
console.log(`\nvendors/ profiles and helpers: ${sum((r) => r.file.startsWith('vendors/') && !r.file.startsWith('vendors/generic/'))}`);
console.log(`vendors/generic/: ${sum((r) => r.file.startsWith('vendors/generic/'))}`);
console.log(`core/ and entry/: ${sum((r) => r.file.startsWith('core/') || r.file.startsWith('entry/'))}`);

if (process.argv[2] === undefined) {
  // The vendor readers by name (their import lines in the registry), so the generic layer stays out.
  const registry = readFileSync(`${root}/src/vendors/registry.ts`, 'utf8');
  const readers = [...registry.matchAll(/import \{ \w+Profile, (\w+Reader) \} from '\.\/([\w-]+)\.js';/g)];
  const engine = `import { classifyEngine } from './dist/core/classify-engine.js';\n`;
  const parts: [string, string][] = [
    ['the classify engine, no profile', `${engine}export const classify = classifyEngine([], 65536).classify;`],
    ['the engine + the generic layer', `${engine}import { genericProfile } from './dist/vendors/generic/generic.js';\nexport const classify = classifyEngine([genericProfile], 65536).classify;`],
    [
      `the engine + the ${readers.length} vendor readers`,
      `${engine}${readers.map((m) => `import { ${m[1]} } from './dist/vendors/${m[2]}.js';`).join('\n')}\nexport const classify = classifyEngine([${readers.map((m) => m[1]).join(', ')}], 65536).classify;`,
    ],
  ];
  console.log('\n| bundle on its own | gzip B |\n|---|---:|');
  for (const [name, contents] of parts) console.log(`| ${name} | ${await gzipOf(contents)} |`);
  console.log(`| the default classify (all three) | ${total} |`);
}

