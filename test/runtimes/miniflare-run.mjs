// Run by Node 24 (miniflare needs Node >= 22): node miniflare-run.mjs <bundle.js> <baseUrl>
import { readFileSync } from 'node:fs';
import { Miniflare } from 'miniflare';

const [bundle, baseUrl] = process.argv.slice(2);
const mf = new Miniflare({ modules: true, script: readFileSync(bundle, 'utf8'), compatibilityDate: '2025-01-01' });
try {
  const response = await mf.dispatchFetch(`http://localhost/?base=${encodeURIComponent(baseUrl)}`);
  const result = await response.json();
  console.log(JSON.stringify(result));
  process.exitCode = result.ok ? 0 : 1;
} finally {
  await mf.dispose();
}
