// The loop bench/instructions.sh counts: BENCH_K passes of the default classify of the tree at BENCH_ROOT
// over this tree's public corpus (BENCH_SET=parsed: the JSON bodies handed over parsed; corpus: every case).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CORPUS_NOW, loadCorpus } from '../test/corpus/corpus.js';

const root = path.resolve(process.env.BENCH_ROOT ?? '.');
const { classify } = (await import(pathToFileURL(path.join(root, 'src/entry/default-classifier.ts')).href)) as { classify: (input: unknown, options: { now: number }) => { code: string } };
const responses = loadCorpus().flatMap((f) => f.cases.map((c) => c.response));
const parsed = responses.flatMap((r) => {
  try {
    return [{ ...r, body: JSON.parse(r.body as string) as unknown }];
  } catch {
    return [];
  }
});
const set = process.env.BENCH_SET === 'corpus' ? responses : parsed;
const options = { now: CORPUS_NOW };
let sink = 0;
for (let k = 0; k < Number(process.env.BENCH_K ?? 100); k++) for (const r of set) sink ^= classify(r, options).code.length;
console.log(`calls per pass ${set.length} ${sink}`);
