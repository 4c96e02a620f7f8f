// `npx tsx bench/classify.bench.ts`: the cost of `classify` on real error bodies. Three tasks over
// the same mixed set of string bodies from test/fixtures/vendors/*.json, in one run:
//   - JSON.parse of each body alone (the floor: classify must parse it too),
//   - classify of each string body (target: at most 1.5× JSON.parse),
//   - classify of each body pre-parsed (target: under 1 µs a call).
// Prints the median ns per call. BENCH_MS sets the time per task (default 2000).
import { readdirSync, readFileSync } from 'node:fs';
import { Bench } from 'tinybench';
import { classify } from '../src/core/classify.js';

interface Case { readonly response: { readonly status: number; readonly headers?: Record<string, string>; readonly body?: string } }

const dir = new URL('../test/fixtures/vendors/', import.meta.url);
const responses = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .flatMap((f) => (JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as { cases: Case[] }).cases.map((c) => c.response));

const parses = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};
// The JSON bodies (what the 1.5× target is about), with their headers as a server sends them.
const strings = responses.filter((r) => typeof r.body === 'string' && parses(r.body));
const parsed = strings.map((r) => ({ status: r.status, headers: r.headers, body: JSON.parse(r.body as string) as unknown }));
const bodies = strings.map((r) => r.body as string);
const n = strings.length;
const NOW = Date.UTC(2026, 0, 1);
const options = { now: NOW };

let sink = 0;
const tasks: Record<string, () => void> = {
  'JSON.parse(body)': () => { for (let i = 0; i < n; i++) sink ^= JSON.parse(bodies[i] as string) === null ? 1 : 0; },
  'classify(string body)': () => { for (let i = 0; i < n; i++) sink ^= classify(strings[i], options).code.length; },
  'classify(pre-parsed body)': () => { for (let i = 0; i < n; i++) sink ^= classify(parsed[i], options).code.length; },
};

const bench = new Bench({ time: Number(process.env.BENCH_MS ?? 2000), warmup: true, warmupTime: 500 });
for (const [name, fn] of Object.entries(tasks)) bench.add(name, fn);
await bench.run();

const perCall = (name: string): number => {
  const ms = (bench.getTask(name)?.result as { latency?: { p50?: number } } | undefined)?.latency?.p50;
  if (ms === undefined) throw new Error(`no result for ${name}`);
  return (ms * 1e6) / n;
};
const ns = Object.fromEntries(Object.keys(tasks).map((name) => [name, perCall(name)]));
console.table(Object.keys(tasks).map((task) => ({ task, 'median ns/call': Math.round(ns[task] as number) })));
const ratio = (ns['classify(string body)'] as number) / (ns['JSON.parse(body)'] as number);
console.log(`${n} JSON bodies from ${responses.length} fixture responses`);
console.log(`classify(string) / JSON.parse = ${ratio.toFixed(2)} (target <= 1.5)`);
console.log(`classify(pre-parsed) = ${Math.round(ns['classify(pre-parsed body)'] as number)} ns/call (target < 1000)`);
console.log(`node ${process.version}${sink === 42 ? ' ' : ''}`);
