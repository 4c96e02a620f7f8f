/**
 * The seventy-first holdout corpus: real responses from 10 vendor families in none of the public corpus and the first
 * seventy holdouts (3D-print farms: OctoFarm, Obico, AutoPrintFarm; restaurant reservations: the Five Star
 * Restaurant Reservations WordPress plugin; live streaming and webinars: OvenMediaEngine, SRS, Livepeer Studio,
 * datarhei Core, Apache OpenMeetings; print and mail: Pingen), gathered blind while the seventieth holdout was spent,
 * labelled from their sources and the catalog before faultline ran on them (each unsure label carries a `note`).
 * Gatherers were told to skip every vendor faultline has a profile for. The session's look-up budget ran out while they
 * worked, so three of the six categories yielded one family or none, and every body comes from a repository already
 * fetched (server source, official SDKs' tests, docs kept in the repository); two Pingen cases the gatherer filled into a
 * test's text template were dropped before checking, and FDM Monster, which a gatherer took though the fifty-first holdout
 * has it, was dropped after. A second reader checked two cases of every family against its source: 20 of 20 matched. A
 * second labeller, labelling blind from the responses alone under neutral ids, agreed on the code for 86.4% of its cases
 * (95.8% of the 48 where both were sure).
 *
 * The floors hold the score measured, rounded down to 0.1%, after the set was spent on its own misses. A change that
 * loses a right answer here fails; a rise means the floor may be raised.
 */
import { HOLDOUT71_DIR, HOLDOUT_SETS } from './corpus/corpus.js';
import { holdoutSuite } from './corpus/holdout-suite.js';

/**
 * Measured on the seventy-first holdout (scripts/corpus-score.ts, hundred-and-forty-third section), blind: code 62.5,
 * retry 90.9, vendorCode 83.0, requestId 100, retryAfterMs 100 (generic layer: code 64.8) after the seventieth's rules
 * (de8ebc5); before them (e1867e0) every answer the same. The status alone gets the code right for 55.7% and the retry
 * class for 86.4%. After its own rules (test/vendors/generic-holdout71-shapes.test.ts): code 67.0, retry 92.0, vendorCode
 * 97.7, the generic layer the same. Read again with the fifth profiled holdout's misses in session 38
 * (test/vendors/profiled-holdout5-shapes.test.ts): code 72.7, retry 94.3, the generic layer the same.
 */
const FLOOR = { code: 0.727, retry: 0.943, vendorCode: 0.977, requestId: 1, retryAfterMs: 1 } as const;
const GENERIC_FLOOR = { code: 0.727, retry: 0.943, vendorCode: 0.977, requestId: 1, retryAfterMs: 1 } as const;

holdoutSuite({
  name: 'the seventy-first holdout corpus',
  dir: HOLDOUT71_DIR,
  earlier: HOLDOUT_SETS.slice(0, 70),
  minCases: 88,
  minFamilies: 10,
  floor: FLOOR,
  genericFloor: GENERIC_FLOOR,
});
