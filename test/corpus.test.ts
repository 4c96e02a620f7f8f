/**
 * The public corpus (issue 17): real responses from many vendor families, in the state users find
 * them, each labelled per the catalog. Every file must be well formed; the default classify must
 * score at least 97% on every field over the whole corpus, and the generic layer alone at least 90%
 * on code and vendorCode over the held-apart slice (families with `profile: null`).
 *
 * The corpus files arrive from the gatherers' branches: when test/fixtures/corpus/ holds no case
 * at all, the score thresholds are skipped (there is nothing to score), and the test is live as
 * soon as any file is merged.
 */
import { describe, expect, it } from 'vitest';
import { createClassifier } from '../src/core/classifier.js';
import { classify } from '../src/entry/default-classifier.js';
import { genericProfile } from '../src/vendors/generic/generic.js';
import { BUILTIN_PROFILES } from '../src/vendors/registry.js';
import { type CorpusFile, SCORED_FIELDS, loadCorpus, ratio, score } from './corpus/corpus.js';
import { expectWellFormed } from './corpus/corpus-format.js';

const files: readonly CorpusFile[] = loadCorpus();
const cases = files.reduce((n, f) => n + f.cases.length, 0);
const profileIds = new Set(BUILTIN_PROFILES.map((p) => p.id));

describe('the public corpus is well formed', () => {
  it.each(files.map((f) => [f.family, f] as const))('%s', (_family, file) => {
    expectWellFormed(file, profileIds);
  });

  it('names each family once', () => {
    expect(new Set(files.map((f) => f.family)).size).toBe(files.length);
  });
});

/**
 * Issue 17 asks for 97% on every field, and 90% on code and vendorCode from the generic layer alone
 * on the vendors with no profile: both reached in session 7 (scripts/corpus-score.ts prints the
 * misses). The test holds the target and, above it, the measured score as a floor that may only rise:
 * a change that loses a right answer fails here. Raise a floor when the score rises; never lower one
 * without a label fix. The public corpus was used to write the rules: the fourth holdout
 * (./corpus-holdout-4.test.ts) is the estimate for vendors nobody here has seen.
 */
const TARGET = { all: 0.97, heldApart: 0.9 } as const;
const FLOOR = { code: 0.97, retry: 0.998, vendorCode: 0.97, requestId: 0.993, retryAfterMs: 0.993 } as const;
const HELD_APART_FLOOR = { code: 0.965, vendorCode: 0.962 } as const;

describe('the public corpus scores', () => {
  // Skipped only while the corpus is empty: see the header.
  it.skipIf(cases === 0)(`every field at or above its floor with the default classify (target ${TARGET.all})`, () => {
    const s = score(files, classify);
    for (const field of SCORED_FIELDS) expect(ratio(s.fields[field]), `${field}: ${JSON.stringify(s.fields[field])}`).toBeGreaterThanOrEqual(Math.max(TARGET.all, FLOOR[field]));
  });

  const heldApart = files.filter((f) => f.profile === null);
  it.skipIf(heldApart.length === 0)(`code and vendorCode at or above their floors for vendors with no profile, with the generic layer alone (target ${TARGET.heldApart})`, () => {
    const generic = createClassifier({ profiles: [genericProfile] });
    const s = score(heldApart, generic.classify);
    expect(ratio(s.fields.code), JSON.stringify(s.fields.code)).toBeGreaterThanOrEqual(Math.max(TARGET.heldApart, HELD_APART_FLOOR.code));
    expect(ratio(s.fields.vendorCode), JSON.stringify(s.fields.vendorCode)).toBeGreaterThanOrEqual(Math.max(TARGET.heldApart, HELD_APART_FLOOR.vendorCode));
  });
});
