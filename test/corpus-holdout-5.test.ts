/**
 * The fifth holdout corpus: real responses from 31 vendor families in none of the public corpus and
 * the first four holdouts, gathered blind by three gatherers while the fourth holdout was being spent,
 * labelled from their sources and the catalog before faultline ran on them. Same file format and label
 * rules as the public corpus (./corpus/corpus.ts); every family has `profile: null`.
 *
 * The floors hold the score measured when it was gathered, rounded down to 0.1%. A change that loses a
 * right answer here fails; a rise means the floor may be raised.
 */
import { HOLDOUT5_DIR, HOLDOUT_SETS } from './corpus/corpus.js';
import { holdoutSuite } from './corpus/holdout-suite.js';

/**
 * Measured on the fifth holdout (scripts/corpus-score.ts, eleventh section), rounded down to 0.1%. As gathered: code .688;
 * its misses were then read to sort them by kind, and one wording rule that the fourth holdout's misses shared
 * ("not authorized to use / forbidden to perform" beside a key is permission_denied) moved it to .708.
 * Session 8 spent it (test/vendors/generic-holdout5-shapes.test.ts: `errors: ["…"]`, `status_msg`, openai-node's
 * `405 status code`, Chinese words, printouts quoting JSON): code .798, so it no longer measures unseen vendors.
 */
const FLOOR = { code: 0.805, retry: 0.93, vendorCode: 0.763, requestId: 0.93, retryAfterMs: 0.979 } as const;
const GENERIC_FLOOR = { code: 0.805, retry: 0.93, vendorCode: 0.763, requestId: 0.93, retryAfterMs: 0.979 } as const;

holdoutSuite({
  name: 'the fifth holdout corpus',
  dir: HOLDOUT5_DIR,
  earlier: HOLDOUT_SETS.slice(0, 4),
  minCases: 130,
  minFamilies: 28,
  floor: FLOOR,
  genericFloor: GENERIC_FLOOR,
});
