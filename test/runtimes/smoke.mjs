// ESM entry for Node, Bun and Deno: node smoke.mjs <baseUrl> <name> <path-to-dist/index.js>
import { smoke } from './smoke-core.mjs';

const [baseUrl, name, entry] = globalThis.Deno ? Deno.args : process.argv.slice(2);
const faultline = await import(new URL(entry, import.meta.url).href);
try {
  const result = await smoke(faultline, baseUrl, name);
  console.log(JSON.stringify({ runtime: name, ok: true, ...result }));
} catch (error) {
  console.log(JSON.stringify({ runtime: name, ok: false, error: String(error?.stack ?? error) }));
  if (globalThis.Deno) Deno.exit(1); else process.exit(1);
}
