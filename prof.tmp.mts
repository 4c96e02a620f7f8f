const { classify } = await import('./src/entry/default-classifier.ts');
const { parsedResponses, corpusResponses } = await import('./bench/corpus-sets.ts');
const set = process.env.SET === 'corpus' ? corpusResponses : parsedResponses;
let sink = 0; const t = Date.now();
for (let i = 0; i < 3000; i++) for (const r of set) sink ^= classify(r, { now: 0 }).code.length;
console.log(Date.now() - t, sink);
