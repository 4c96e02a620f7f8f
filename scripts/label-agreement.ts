/**
 * How often two labellers agree, field by field: a holdout's labels against a blind second labelling of the same
 * responses — the fourth holdout's (test/fixtures/corpus-holdout-4-relabel.json, every field), or the code and retry class
 * of the seventy-second holdout (`--holdout72`), the fifth or sixth profiled holdout (`--profiled5`, `--profiled6`), whose
 * labellers also said where they were sure (test/fixtures/<set>-relabel.json). It bounds what any classifier can be said
 * to get right on these sets: disagreement between people is not a miss.
 * `npx tsx scripts/label-agreement.ts [--holdout72 | --profiled5 | --profiled6] [--diff]`
 */
import { readFileSync } from 'node:fs';
import { HOLDOUT4_DIR, HOLDOUT72_DIR, loadCorpus, PROFILED5_DIR, PROFILED6_DIR, SCORED_FIELDS } from '../test/corpus/corpus.js';

const SETS: Readonly<Record<string, readonly [URL, string]>> = {
  '--holdout72': [HOLDOUT72_DIR, 'corpus-holdout-72-relabel.json'],
  '--profiled5': [PROFILED5_DIR, 'profiled-holdout-5-relabel.json'],
  '--profiled6': [PROFILED6_DIR, 'profiled-holdout-6-relabel.json'],
};
const flag = process.argv.find((arg) => Object.hasOwn(SETS, arg));
const [dir, file] = flag === undefined ? [HOLDOUT4_DIR, 'corpus-holdout-4-relabel.json'] : (SETS[flag] as readonly [URL, string]);
const second = (JSON.parse(readFileSync(new URL(`../test/fixtures/${file}`, import.meta.url), 'utf8')) as { labels: Record<string, Record<string, unknown>> }).labels;
const fields = SCORED_FIELDS.filter((field) => flag === undefined || field === 'code' || field === 'retry');
const norm = (v: unknown): string => (v === undefined || v === null ? 'null' : String(v));
const agree: Record<string, number> = {};
let n = 0;
let sure = 0;
let sureSame = 0;
for (const file of loadCorpus(dir)) {
  for (const c of file.cases) {
    const key = `${file.family}/${c.id}`;
    const other = second[key];
    if (other === undefined) continue;
    n++;
    if (other.sure === true) {
      sure++;
      if (norm(c.expect.code) === norm(other.code)) sureSame++;
    }
    for (const field of fields) {
      const same = norm(c.expect[field]) === norm(other[field]);
      agree[field] = (agree[field] ?? 0) + (same ? 1 : 0);
      if (!same && process.argv.includes('--diff')) console.log(`${key} ${field}: ${norm(c.expect[field])} | ${norm(other[field])}`);
    }
  }
}
console.log(`${n} responses labelled twice`);
for (const field of fields) console.log(`  ${field.padEnd(14)} ${((100 * (agree[field] ?? 0)) / n).toFixed(1)}%  (${agree[field] ?? 0}/${n})`);
if (sure > 0) console.log(`  code where the second labeller was sure: ${((100 * sureSame) / sure).toFixed(1)}%  (${sureSame}/${sure})`);
