/**
 * Prints how the default classify (and the held-apart slice) scores on the public corpus, field by
 * field, and the misses; then the same for the holdout corpus (test/fixtures/corpus-holdout/) and the
 * second to fifth holdouts (test/fixtures/corpus-holdout-2/ … -5/); no rule was tuned on the fifth.
 * `npx tsx scripts/corpus-score.ts [--misses] [family ...]`
 */
import { createClassifier } from '../src/core/classifier.js';
import { classify } from '../src/entry/default-classifier.js';
import { genericProfile } from '../src/vendors/generic/generic.js';
import { HOLDOUT2_DIR, HOLDOUT3_DIR, HOLDOUT4_DIR, HOLDOUT5_DIR, HOLDOUT6_DIR, HOLDOUT7_DIR, HOLDOUT8_DIR, HOLDOUT9_DIR, HOLDOUT10_DIR, HOLDOUT_DIR, loadCorpus, ratio, score, SCORED_FIELDS } from '../test/corpus/corpus.js';

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
const HOLDOUTS: readonly (readonly [dir: URL, set: string, gathered: string])[] = [
  [HOLDOUT_DIR, 'held out', 'gathered after the rules were written'],
  [HOLDOUT2_DIR, 'held out, second set', 'gathered after the first was spent'],
  [HOLDOUT3_DIR, 'held out, third set', 'gathered after the second was spent'],
  [HOLDOUT4_DIR, 'held out, fourth set', 'gathered blind while the third was spent, then spent'],
  [HOLDOUT5_DIR, 'held out, fifth set', 'gathered blind while the fourth was spent, then spent'],
  [HOLDOUT6_DIR, 'held out, sixth set', 'gathered blind while the fifth was spent, then spent'],
  [HOLDOUT7_DIR, 'held out, seventh set', 'gathered blind while the sixth was spent, then spent'],
  [HOLDOUT8_DIR, 'held out, eighth set', 'gathered blind while the seventh was spent, then spent'],
  [HOLDOUT9_DIR, 'held out, ninth set', 'gathered blind while the seventh and eighth were spent, then spent'],
  [HOLDOUT10_DIR, 'held out, tenth set', 'gathered blind while the ninth was spent'],
];
for (const [dir, set, gathered] of HOLDOUTS) {
  const held = loadCorpus(dir).filter((f) => only.length === 0 || only.includes(f.family));
  print(`${set} (${gathered})`, score(held, classify));
  print(`${set} (the generic layer alone)`, score(held, generic.classify));
}
