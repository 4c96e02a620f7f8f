// `npx tsx bench/corpus.bench.ts`: the cost of the default `classify` over the public corpus
// (test/fixtures/corpus/*.json: real responses from many vendors, in the state users find them),
// against JSON.parse of the same bodies, and on pre-parsed bodies. Targets (issue 17): classify
// over the corpus at most 3× JSON.parse of its bodies; a pre-parsed body under 2 µs.
//   - JSON.parse(body): every body that parses, parsed (the floor: classify must parse it too),
//   - classify(corpus): every case as the corpus holds it (JSON, text, printouts, no status),
//   - classify(JSON bodies): only the cases whose body parses, the like-for-like ratio,
//   - classify(pre-parsed body): those bodies handed over already parsed.
// Measured in interleaved rounds (bench/interleaved.ts): median wall time and CPU time per call.
import { interleaved, printTable } from './interleaved.js';
import { classify } from '../src/entry/default-classifier.js';
import { CORPUS_NOW, loadCorpus } from '../test/corpus/corpus.js';

const responses = loadCorpus().flatMap((f) => f.cases.map((c) => ({ response: c.response, url: c.url })));
if (responses.length === 0) throw new Error('test/fixtures/corpus/ holds no cases');
const parses = (text: string | undefined): boolean => {
  if (text === undefined) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};
const json = responses.filter((r) => parses(r.response.body));
const bodies = json.map((r) => r.response.body as string);
const parsed = json.map((r) => ({ ...r.response, body: JSON.parse(r.response.body as string) as unknown }));
const options = { now: CORPUS_NOW };

let sink = 0;
const tasks: Record<string, () => void> = {
  'JSON.parse(body)': () => { for (const b of bodies) sink ^= JSON.parse(b) === null ? 1 : 0; },
  'classify(JSON bodies)': () => { for (const r of json) sink ^= classify(r.response, options).code.length; },
  'classify(pre-parsed body)': () => { for (const r of parsed) sink ^= classify(r, options).code.length; },
};
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const time = Number(process.env.BENCH_MS ?? 400);
const m = await interleaved(tasks, json.length, ROUNDS, time);
// The whole corpus (text and printouts too) per call, against the same JSON.parse floor per JSON body.
const whole = await interleaved({ 'classify(corpus)': () => { for (const r of responses) sink ^= classify(r.response, options).code.length; } }, responses.length, ROUNDS, time);
printTable({ wall: { ...m.wall, ...whole.wall }, cpu: { ...m.cpu, ...whole.cpu } });
const ratio = (x: Readonly<Record<string, number>>, task: string, base: Readonly<Record<string, number>>): string => ((x[task] as number) / (base['JSON.parse(body)'] as number)).toFixed(2);
console.log(`${responses.length} corpus responses (${json.length} JSON bodies), ${ROUNDS} interleaved rounds of ${time} ms`);
console.log(`classify(JSON bodies) / JSON.parse: wall ${ratio(m.wall, 'classify(JSON bodies)', m.wall)}, CPU ${ratio(m.cpu, 'classify(JSON bodies)', m.cpu)} (target <= 3)`);
console.log(`classify(corpus) per response / JSON.parse per JSON body: wall ${ratio(whole.wall, 'classify(corpus)', m.wall)}, CPU ${ratio(whole.cpu, 'classify(corpus)', m.cpu)}`);
console.log(`classify(pre-parsed): wall ${Math.round(m.wall['classify(pre-parsed body)'] as number)} ns, CPU ${Math.round(m.cpu['classify(pre-parsed body)'] as number)} ns per call (target < 2000)`);
console.log(`node ${process.version}${sink === 0.5 ? ' ' : ''}`);
