/**
 * The fifty-ninth holdout corpus: real responses from 29 vendor families in none of the public corpus and the first
 * fifty-eight holdouts (signage: Xibo, Anthias, piSignage, signageOS, MagicMirror's remote control; point of sale and
 * food ordering: TastyIgniter, Open Source POS, NexoPOS, Foodsoft, Open Food Network; HR: OrangeHRM, IceHrm, Sentrifugo,
 * OpenCATS, Deel; sports and workouts: workout.cool, Ergast, GoldenCheetah, intervals.icu; research computing: slurmrestd,
 * Rucio, FirecREST, REANA, Galaxy; device management: Mender, Fleet, MicroMDM, Headwind MDM, Tactical RMM), gathered
 * blind while the fifty-eighth holdout was spent, labelled from their sources and the catalog before faultline ran on
 * them (each unsure label carries a `note`). Gatherers were told to skip every vendor faultline has a profile for. A
 * second reader checked two cases of every family against its source: 58 of 58 matched (two whose quotes a gatherer had
 * straightened from a forum's rendering were dropped before). A second labeller, labelling blind from the responses alone
 * under neutral ids, agreed on the code for 86.7% of its cases (100% of the 113 where both were sure).
 *
 * The floors hold the score measured, rounded down to 0.1%, after the set was spent on its own misses. A change that
 * loses a right answer here fails; a rise means the floor may be raised.
 */
import { HOLDOUT59_DIR, HOLDOUT_SETS } from './corpus/corpus.js';
import { holdoutSuite } from './corpus/holdout-suite.js';

/**
 * Measured on the fifty-ninth holdout (scripts/corpus-score.ts, hundred-and-nineteenth section), blind: code 61.4, retry
 * 91.8, vendorCode 83.3, requestId 99.6, retryAfterMs 100 (generic layer: retry 92.3) after the fifty-eighth's rules
 * (78ea7ef); before them (e1171bc) every answer the same. The status alone gets the code right for 53.2% and the retry
 * class for 91.8%. After its own rules (test/vendors/generic-holdout59-shapes.test.ts): code 70.0, retry 92.7, vendorCode
 * 91.8 (generic layer: retry 93.1), the others the same.
 */
const FLOOR = { code: 0.699, retry: 0.927, vendorCode: 0.918, requestId: 0.995, retryAfterMs: 1 } as const;
const GENERIC_FLOOR = { code: 0.699, retry: 0.931, vendorCode: 0.918, requestId: 0.995, retryAfterMs: 1 } as const;

holdoutSuite({
  name: 'the fifty-ninth holdout corpus',
  dir: HOLDOUT59_DIR,
  earlier: HOLDOUT_SETS.slice(0, 58),
  minCases: 233,
  minFamilies: 29,
  floor: FLOOR,
  genericFloor: GENERIC_FLOOR,
});
