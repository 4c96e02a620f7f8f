/**
 * How often two labellers agree, field by field: the fourth holdout's labels against a blind second
 * labelling of the same responses (test/fixtures/corpus-holdout-4-relabel.json). It bounds what any
 * classifier can be said to get right on these sets: disagreement between people is not a miss.
 * `npx tsx scripts/label-agreement.ts [--diff]`
 */
import { readFileSync } from 'node:fs';
import { HOLDOUT4_DIR, loadCorpus, SCORED_FIELDS } from '../test/corpus/corpus.js';

const second = (JSON.parse(readFileSync(new URL('../test/fixtures/corpus-holdout-4-relabel.json', import.meta.url), 'utf8')) as { labels: Record<string, Record<string, unknown>> }).labels;
const norm = (v: unknown): string => (v === undefined || v === null ? 'null' : String(v));
const agree: Record<string, number> = {};
let n = 0;
for (const file of loadCorpus(HOLDOUT4_DIR)) {
  for (const c of file.cases) {
    const key = `${file.family}/${c.id}`;
    const other = second[key];
    if (other === undefined) continue;
    n++;
    for (const field of SCORED_FIELDS) {
      const same = norm(c.expect[field]) === norm(other[field]);
      agree[field] = (agree[field] ?? 0) + (same ? 1 : 0);
      if (!same && process.argv.includes('--diff')) console.log(`${key} ${field}: ${norm(c.expect[field])} | ${norm(other[field])}`);
    }
  }
}
console.log(`${n} responses labelled twice`);
for (const field of SCORED_FIELDS) console.log(`  ${field.padEnd(14)} ${((100 * (agree[field] ?? 0)) / n).toFixed(1)}%  (${agree[field] ?? 0}/${n})`);
