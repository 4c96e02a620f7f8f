// `npx tsx bench/engine-floor.bench.ts`: what the classify engine costs apart from the profiles, against
// JSON.parse of the same corpus bodies (issue 17 item 5). Same interleaved rounds as bench/corpus.bench.ts.
//   - JSON.parse(body): the floor the targets are stated in,
//   - default classify(pre-parsed): every built-in profile,
//   - engine only (no profiles): createClassifier({ profiles: [] }) on the same pre-parsed bodies:
//     headers, body view, dispatch, resolve, createFault, redaction; no profile reads the body,
//   - createFault(typical): the Fault object alone, from an init as resolve builds it,
//   - frozen 6-field literal: the least any Fault can cost (one object, frozen).
import { interleaved, printTable } from './interleaved.js';
import { classify } from '../src/entry/default-classifier.js';
import { createClassifier } from '../src/core/classifier.js';
import { createFault } from '../src/core/fault.js';
import { CORPUS_NOW, loadCorpus } from '../test/corpus/corpus.js';

const responses = loadCorpus().flatMap((f) => f.cases.map((c) => c.response));
const json = responses.filter((r) => { try { JSON.parse(r.body as string); return true; } catch { return false; } });
const bodies = json.map((r) => r.body as string);
const parsed = json.map((r) => ({ ...r, body: JSON.parse(r.body as string) as unknown }));
const options = { now: CORPUS_NOW };
const bare = createClassifier({ profiles: [] });
const faults = parsed.map((r) => classify(r, options));
const inits = faults.map((f) => ({ ...f, stream: undefined, rateLimit: f.rateLimit, fields: f.fields }));
let sink = 0;
const tasks: Record<string, () => void> = {
  'JSON.parse(body)': () => { for (const b of bodies) sink ^= JSON.parse(b) === null ? 1 : 0; },
  'default classify(pre-parsed)': () => { for (const r of parsed) sink ^= classify(r, options).code.length; },
  'engine only (no profiles)': () => { for (const r of parsed) sink ^= bare.classify(r, options).code.length; },
  'createFault(typical)': () => { for (const i of inits) sink ^= createFault(i).code.length; },
  'frozen 6-field literal': () => { for (const f of faults) sink ^= Object.freeze({ code: f.code, retry: f.retry, remedy: f.remedy, message: f.message, source: f.source, status: f.status }).code.length; },
};
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const m = await interleaved(tasks, json.length, ROUNDS, Number(process.env.BENCH_MS ?? 400));
printTable(m);
const base = m.wall['JSON.parse(body)'] as number;
for (const t of Object.keys(tasks)) console.log(`${t}: ${((m.wall[t] as number) / base).toFixed(2)}× JSON.parse (wall)`);
console.log(`node ${process.version}${sink === 0.5 ? ' ' : ''}`);
