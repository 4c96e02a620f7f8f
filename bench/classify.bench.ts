// `npx tsx bench/classify.bench.ts`: the cost of `classify` on real error bodies. Three tasks over
// the same mixed set of string bodies from test/fixtures/vendors/*.json, in one run:
//   - JSON.parse of each body alone (the floor: classify must parse it too),
//   - classify of each string body (target: at most 1.5× JSON.parse),
//   - classify of each body pre-parsed (target: under 1 µs a call).
// Each task runs in several interleaved rounds (so a noisy neighbour hurts all of them alike) and
// reports two figures: tinybench's median wall time per call, and CPU time per call
// (process.cpuUsage), which a loaded machine distorts far less. BENCH_MS sets the time per round.
import { readdirSync, readFileSync } from 'node:fs';
import { Bench } from 'tinybench';
import { classify } from '../src/entry/default-classifier.js';

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
// The JSON bodies (what the 1.5× target is about), with their headers as the server sent them.
const strings = responses.filter((r) => typeof r.body === 'string' && parses(r.body));
const parsed = strings.map((r) => ({ status: r.status, headers: r.headers, body: JSON.parse(r.body as string) as unknown }));
const bodies = strings.map((r) => r.body as string);
const n = strings.length;
const options = { now: Date.UTC(2026, 0, 1) };

let sink = 0;
const tasks: Record<string, () => void> = {
  'JSON.parse(body)': () => { for (let i = 0; i < n; i++) sink ^= JSON.parse(bodies[i] as string) === null ? 1 : 0; },
  'classify(string body)': () => { for (let i = 0; i < n; i++) sink ^= classify(strings[i], options).code.length; },
  'classify(pre-parsed body)': () => { for (let i = 0; i < n; i++) sink ^= classify(parsed[i], options).code.length; },
};

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const time = Number(process.env.BENCH_MS ?? 400);
const wall: Record<string, number[]> = {};
const cpu: Record<string, number[]> = {};
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, fn] of Object.entries(tasks)) {
    const bench = new Bench({ time, warmup: round === 0, warmupTime: 300 });
    bench.add(name, fn);
    const before = process.cpuUsage();
    await bench.run();
    const used = process.cpuUsage(before);
    const result = bench.getTask(name)?.result as { latency?: { p50?: number; samplesCount?: number }; totalTime?: number } | undefined;
    const samples = result?.latency?.samplesCount ?? 0;
    const p50 = result?.latency?.p50;
    if (p50 === undefined || samples === 0) throw new Error(`no result for ${name}`);
    (wall[name] ??= []).push((p50 * 1e6) / n);
    // Warm-up calls also burn CPU; only measured rounds without warm-up count.
    if (round > 0) (cpu[name] ??= []).push(((used.user + used.system) * 1000) / (samples * n));
  }
}

const best = (xs: number[] | undefined): number => Math.min(...(xs ?? [Number.NaN]));
const rows = Object.keys(tasks).map((task) => ({
  task,
  'wall ns/call (best median)': Math.round(best(wall[task])),
  'CPU ns/call (best round)': Math.round(best(cpu[task])),
}));
console.table(rows);
const ratio = (m: Record<string, number[]>): string => (best(m['classify(string body)']) / best(m['JSON.parse(body)'])).toFixed(2);
console.log(`${n} JSON bodies from ${responses.length} fixture responses, ${ROUNDS} interleaved rounds of ${time} ms`);
console.log(`classify(string) / JSON.parse: wall ${ratio(wall)}, CPU ${ratio(cpu)} (target <= 1.5)`);
console.log(`classify(pre-parsed): wall ${Math.round(best(wall['classify(pre-parsed body)']))} ns, CPU ${Math.round(best(cpu['classify(pre-parsed body)']))} ns per call (target < 1000)`);
console.log(`node ${process.version}${sink === 0.5 ? ' ' : ''}`);
