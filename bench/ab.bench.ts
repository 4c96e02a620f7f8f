// `BASE=<another checkout> npx tsx bench/ab.bench.ts`: the default classify of this tree against the one in
// BASE (e.g. `git worktree add /tmp/base <rev>`, with its node_modules linked), in one process and in
// interleaved rounds over this tree's public corpus. Separate runs of bench/corpus.bench.ts on this
// machine have differed by half from one minute to the next; two trees measured side by side, call
// for call, are compared under the same load.
import { interleaved, printTable } from './interleaved.js';
import { classifyOf, corpusResponses as responses, parsedResponses as parsed } from './corpus-sets.js';
import { classify as here } from '../src/entry/default-classifier.js';
import { CORPUS_NOW } from '../test/corpus/corpus.js';

const base = process.env.BASE;
if (base === undefined || base === '') throw new Error('set BASE to the checkout to compare with (a directory holding src/)');
const there = await classifyOf(base);

const options = { now: CORPUS_NOW };
let sink = 0;
const corpus = await interleaved({
  'BASE: classify(corpus)': () => { for (const r of responses) sink ^= there(r, options).code.length; },
  'this tree: classify(corpus)': () => { for (const r of responses) sink ^= here(r, options).code.length; },
}, responses.length, Number(process.env.BENCH_ROUNDS ?? 5), Number(process.env.BENCH_MS ?? 300));
const pre = await interleaved({
  'BASE: classify(pre-parsed)': () => { for (const r of parsed) sink ^= there(r, options).code.length; },
  'this tree: classify(pre-parsed)': () => { for (const r of parsed) sink ^= here(r, options).code.length; },
}, parsed.length, Number(process.env.BENCH_ROUNDS ?? 5), Number(process.env.BENCH_MS ?? 300));
printTable({ wall: { ...corpus.wall, ...pre.wall }, cpu: { ...corpus.cpu, ...pre.cpu } });
console.log(`BASE = ${base}; ${responses.length} corpus responses, ${parsed.length} JSON bodies${sink === 0.5 ? ' ' : ''}`);
