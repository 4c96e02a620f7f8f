// `npx tsx bench/classify.bench.ts`: the cost of `classify` on real error bodies. Three tasks over
// the same mixed set of string bodies from test/fixtures/vendors/*.json, in one run:
//   - JSON.parse of each body alone (the floor: classify must parse it too),
//   - classify of each string body (target: at most 1.5× JSON.parse),
//   - classify of each body pre-parsed (target: under 1 µs a call).
// Each task runs in several interleaved rounds (so a noisy neighbour hurts all of them alike) and
// reports two figures: tinybench's median wall time per call, and CPU time per call
// (process.cpuUsage), which a loaded machine distorts far less. BENCH_MS sets the time per round.
import { readdirSync, readFileSync } from 'node:fs';
import { interleaved, printTable } from './interleaved.js';
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
const m = await interleaved(tasks, n, ROUNDS, time);
printTable(m);
const ratio = (x: Readonly<Record<string, number>>): string => ((x['classify(string body)'] as number) / (x['JSON.parse(body)'] as number)).toFixed(2);
console.log(`${n} JSON bodies from ${responses.length} fixture responses, ${ROUNDS} interleaved rounds of ${time} ms`);
console.log(`classify(string) / JSON.parse: wall ${ratio(m.wall)}, CPU ${ratio(m.cpu)} (target <= 1.5)`);
console.log(`classify(pre-parsed): wall ${Math.round(m.wall['classify(pre-parsed body)'] as number)} ns, CPU ${Math.round(m.cpu['classify(pre-parsed body)'] as number)} ns per call (target < 1000)`);
console.log(`node ${process.version}${sink === 0.5 ? ' ' : ''}`);
