#!/usr/bin/env node
// `npm run test:runtimes`: runs the smoke test (smoke-core.mjs) on Node 20 (ESM and CJS), Node 24, Bun,
// Deno, headless Chromium and workerd, all against one local server on 127.0.0.1. Any failure fails.
// Usage: node test/runtimes/run.mjs [--json FILE] [--only name,name]
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const bin = (name) => join(here, 'node_modules/.bin', name);
const args = process.argv.slice(2);
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;
const only = args.includes('--only') ? new Set(args[args.indexOf('--only') + 1].split(',')) : undefined;

const hits = new Map();
const types = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.html': 'text/html' };
const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  const cors = { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'x-attempts, retry-after' };
  if (url.pathname.startsWith('/flaky/')) {
    const n = (hits.get(url.pathname) ?? 0) + 1;
    hits.set(url.pathname, n);
    if (n === 1) {
      res.writeHead(503, { ...cors, 'content-type': 'application/json', 'retry-after': '0' });
      res.end('{"detail": "Deployment \'m\' is not active (status: BUILDING)"}');
    } else {
      res.writeHead(200, { ...cors, 'content-type': 'application/json', 'x-attempts': String(n) });
      res.end('{"ok": true}');
    }
    return;
  }
  if (url.pathname === '/page.html') {
    res.writeHead(200, { ...cors, 'content-type': 'text/html' });
    res.end(`<!doctype html><script type="module">
      import * as faultline from '/dist/index.js';
      import { smoke } from '/test/runtimes/smoke-core.mjs';
      smoke(faultline, location.origin, 'chromium').then(
        (r) => { window.__result = { runtime: 'chromium', ok: true, ...r }; },
        (e) => { window.__result = { runtime: 'chromium', ok: false, error: String(e && e.stack || e) }; });
    </script>`);
    return;
  }
  const file = resolve(root, `.${url.pathname}`);
  if ((file.startsWith(join(root, 'dist')) || file.startsWith(here)) && existsSync(file)) {
    res.writeHead(200, { ...cors, 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
    return;
  }
  res.writeHead(404, cors);
  res.end();
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

function run(command, argv, options = {}) {
  return new Promise((resolvePromise) => {
    const child = spawn(command, argv, { cwd: here, env: { ...process.env, NO_COLOR: '1' }, ...options });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      const line = out.trim().split('\n').filter((l) => l.startsWith('{')).pop();
      let result;
      try { result = JSON.parse(line); } catch { result = { ok: false, error: `exit ${code}: ${(err || out).slice(-2000)}` }; }
      resolvePromise({ ...result, ok: result.ok === true && code === 0 });
    });
  });
}

async function chromium() {
  const { chromium: launcher } = await import('playwright-core');
  const executablePath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);
  if (!executablePath) return { ok: false, error: 'chromium is not installed (apt-get install -y chromium)' };
  const browser = await launcher.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`${base}/page.html`);
    await page.waitForFunction(() => window.__result !== undefined, undefined, { timeout: 30_000 });
    return await page.evaluate(() => window.__result);
  } catch (error) {
    return { ok: false, error: String(error) };
  } finally {
    await browser.close();
  }
}

async function workerd() {
  const { build } = await import('esbuild');
  const dir = mkdtempSync(join(tmpdir(), 'faultline-workerd-'));
  try {
    const outfile = join(dir, 'worker.js');
    await build({ entryPoints: [join(here, 'worker.mjs')], bundle: true, format: 'esm', platform: 'neutral', outfile, logLevel: 'error' });
    return await run(bin('node'), [join(here, 'miniflare-run.mjs'), outfile, base]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const dist = '../../dist/index.js';
const runtimes = {
  'node20-esm': () => run(process.execPath, ['smoke.mjs', base, 'node20-esm', dist]),
  'node20-cjs': () => run(process.execPath, ['smoke.cjs', base, 'node20-cjs', '../../dist/index.cjs']),
  node24: () => run(bin('node'), ['smoke.mjs', base, 'node24', dist]),
  bun: () => run(bin('bun'), ['smoke.mjs', base, 'bun', dist]),
  deno: () => run(bin('deno'), ['run', '--allow-net=127.0.0.1', '--allow-read', '--no-prompt', 'smoke.mjs', base, 'deno', dist]),
  chromium,
  workerd,
};

const results = [];
for (const [name, start] of Object.entries(runtimes)) {
  if (only && !only.has(name)) continue;
  const result = { runtime: name, ...(await start()) };
  results.push(result);
  console.log(`${result.ok ? 'ok  ' : 'FAIL'} ${name}${result.ok ? ` (classify ${result.classify}, ${result.attempts} attempts)` : `: ${result.error}`}`);
}
server.close();
const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
if (jsonOut) writeFileSync(resolve(process.cwd(), jsonOut), JSON.stringify({ passed, failed, results }, null, 2));
console.log(`runtimes: ${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
