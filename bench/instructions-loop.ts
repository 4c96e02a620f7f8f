// The loop bench/instructions.sh counts: BENCH_K passes of the default classify of the tree at BENCH_ROOT
// over this tree's public corpus (BENCH_SET=parsed: the JSON bodies handed over parsed; corpus: every case).
import { classifyOf, corpusResponses as responses, parsedResponses as parsed } from './corpus-sets.js';
import { CORPUS_NOW } from '../test/corpus/corpus.js';

const classify = await classifyOf(process.env.BENCH_ROOT ?? '.');
const set = process.env.BENCH_SET === 'corpus' ? responses : parsed;
const options = { now: CORPUS_NOW };
let sink = 0;
for (let k = 0; k < Number(process.env.BENCH_K ?? 100); k++) for (const r of set) sink ^= classify(r, options).code.length;
console.log(`calls per pass ${set.length} ${sink}`);
