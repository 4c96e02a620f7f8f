/**
 * Prints how the default classify (and the held-apart slice) scores on the public corpus, field by
 * field, and the misses; then the same for every holdout (the test/fixtures/corpus-holdout folders, as HOLDOUT_SETS
 * lists them), each as the default classify and as the generic layer alone read it; then every profiled holdout
 * (PROFILED_SETS), as the default classify reads it.
 * `npx tsx scripts/corpus-score.ts [--misses] [family ...]`
 */
import { createClassifier } from '../src/core/classifier.js';
import { classify } from '../src/entry/default-classifier.js';
import { genericProfile } from '../src/vendors/generic/generic.js';
import { HOLDOUT_SETS, loadCorpus, PROFILED_SETS, ratio, score, SCORED_FIELDS } from '../test/corpus/corpus.js';

const args = process.argv.slice(2);
const showMisses = args.includes('--misses');
const only = args.filter((a) => !a.startsWith('--'));
const files = loadCorpus().filter((f) => only.length === 0 || only.includes(f.family));
const print = (title: string, s: ReturnType<typeof score>): void => {
  console.log(`${title}: ${s.cases} cases, ${s.families} families`);
  for (const f of SCORED_FIELDS) {
    const v = s.fields[f];
    console.log(`  ${f.padEnd(13)} ${(100 * ratio(v)).toFixed(1).padStart(5)}%  (${v.right}/${v.labelled})`);
  }
  if (showMisses) for (const m of s.misses) console.log(`  miss ${m.family}/${m.id} ${m.field}: want ${JSON.stringify(m.want)} got ${JSON.stringify(m.got)}`);
};
print('all', score(files, classify));
print('no profile (default classify)', score(files.filter((f) => f.profile === null), classify));
const generic = createClassifier({ profiles: [genericProfile] });
print('no profile (the generic layer alone)', score(files.filter((f) => f.profile === null), generic.classify));
// Each holdout, as the default classify and as the generic layer alone read it: the set's name, then how it was gathered.
HOLDOUT_SETS.forEach(({ name, dir, gathered }, i) => {
  const set = i === 0 ? 'held out' : `held out, ${name.replace(/ holdout$/, '')} set`;
  const held = loadCorpus(dir).filter((f) => only.length === 0 || only.includes(f.family));
  print(`${set} (${gathered})`, score(held, classify));
  print(`${set} (the generic layer alone)`, score(held, generic.classify));
});
// Each profiled holdout, as the default classify reads it (its vendors' profiles are meant to read it, not the generic layer).
for (const { name, dir, gathered } of PROFILED_SETS) print(`${name} (${gathered})`, score(loadCorpus(dir).filter((f) => only.length === 0 || only.includes(f.family)), classify));
