/**
 * Every answer the classifier gives on the public corpus and every holdout (profiled ones too), one line per case, layer and scored field,
 * tab-separated: set, `family/id`, layer (`D` the default classify, `G` the generic layer alone), field, `OK` or `MISS`,
 * the answer (JSON), `want=` the label (JSON). Two trees' answers, compared by scripts/corpus-compare.ts, show what a
 * rule changed, case by case, before it lands: a rule that costs a right answer anywhere is changed or dropped.
 * `npx tsx scripts/corpus-answers.ts [extra-corpus-dir ...] > answers.txt`
 * (an extra directory, such as a holdout not yet added, is read as one more set under its path.)
 */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { createClassifier } from '../src/core/classifier.js';
import { classify } from '../src/entry/default-classifier.js';
import { genericProfile } from '../src/vendors/generic/generic.js';
import { CORPUS_DIR, CORPUS_NOW, HOLDOUT_SETS, loadCorpus, PROFILED_SETS, SCORED_FIELDS } from '../test/corpus/corpus.js';

const generic = createClassifier({ profiles: [genericProfile] });
const extra = process.argv.slice(2).map((dir) => ({ name: dir, dir: pathToFileURL(`${resolve(dir)}/`) }));
const sets = [{ name: 'public', dir: CORPUS_DIR }, ...HOLDOUT_SETS, ...PROFILED_SETS, ...extra];
const out: string[] = [];
for (const set of sets) {
  const name = set.name.replaceAll(' ', '_');
  for (const file of loadCorpus(set.dir)) {
    for (const c of file.cases) {
      const options = c.url === undefined ? { now: c.now ?? CORPUS_NOW } : { url: c.url, now: c.now ?? CORPUS_NOW };
      for (const [layer, run] of [['D', classify], ['G', generic.classify]] as const) {
        const fault = run(c.response, options) as unknown as Record<string, unknown>;
        for (const field of SCORED_FIELDS) {
          if (!(field in c.expect)) continue;
          const want = (c.expect as Record<string, unknown>)[field] ?? undefined;
          const got = fault[field];
          out.push(`${name}\t${file.family}/${c.id}\t${layer}\t${field}\t${got === want ? 'OK' : 'MISS'}\t${JSON.stringify(got)}\twant=${JSON.stringify(want)}`);
        }
      }
    }
  }
}
console.log(out.join('\n'));
