// The loop bench/instructions.sh counts under callgrind: N passes of the default classify (from a built dist/) over the
// public corpus's JSON bodies, pre-parsed. Prints the number of bodies.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const { classify } = await import(pathToFileURL(process.env.DIST ?? 'dist/index.js').href);
const parsed = JSON.parse(readFileSync(process.env.CORPUS, 'utf8'));
const passes = Number(process.env.N ?? 100);
let sink = 0;
for (let i = 0; i < passes; i++) for (const r of parsed) sink ^= classify(r, { now: 0 }).code.length;
console.log(`${parsed.length}${sink === 0.5 ? ' ' : ''}`);
