/**
 * The forty-ninth holdout corpus: real responses from 27 vendor families in none of the public corpus and the first
 * forty-eight holdouts (legislatures and civic data: TheyWorkForYou, OpenFEC, ProPublica's Congress API, Congress.gov, the
 * NY Senate's Open Legislation; fitness: FitTrackee, Terra, Liftosaur, workout-tracker; recipes and nutrition:
 * SparkyFitness, Norish, Nextcloud Cookbook, the Punk API; genealogy: Gramps Web, GeneWeb, ged2site, FreeUKGenealogy;
 * notes and knowledge bases: Obsidian's Local REST API, Standard Notes, AFFiNE, AppFlowy Cloud, Anytype; issue trackers:
 * MantisBT, Plane, Request Tracker, Roundup, Tuleap), gathered blind while the forty-eighth holdout was spent, labelled
 * from their sources and the catalog before faultline ran on them (each unsure label carries a `note`). Gatherers were
 * told to skip every vendor faultline has a profile for. A second reader checked two cases of every family against its
 * source: 53 of 54 matched (an issue the reader could not find: dropped; so was a printout whose label the reader showed
 * wrong from the server's source, a daily allowance labelled a throttle). A second labeller, labelling blind from the
 * responses alone under neutral ids, agreed on the code for 91.6% of its cases (100% of the 99 where both were sure).
 *
 * The floors hold the score measured, rounded down to 0.1%, after the set was spent on its own misses. A change that
 * loses a right answer here fails; a rise means the floor may be raised.
 */
import { HOLDOUT49_DIR, HOLDOUT_SETS } from './corpus/corpus.js';
import { holdoutSuite } from './corpus/holdout-suite.js';

/**
 * Measured on the forty-ninth holdout (scripts/corpus-score.ts, ninety-ninth section), blind: code 79.7, retry 94.6,
 * vendorCode 84.7, requestId 99.5, retryAfterMs 100 (generic layer: code 79.7, vendorCode 86.6) after the forty-eighth's
 * rules (dbe7c6c); before them (a46b4f2) one answer differed: code 80.2, retry 95.0 (Anytype's 500 `internal_server_error`
 * "failed to authenticate user", labelled by its words, read as the server failing since). The status alone gets the
 * code right for 64.9% and the retry class for 94.6%. After its own rules (test/vendors/generic-holdout49-shapes.test.ts):
 * code 83.7, retry 96.5, vendorCode 90.6, requestId 99.5, retryAfterMs 100 (generic layer: vendorCode 92.6).
 */
const FLOOR = { code: 0.836, retry: 0.965, vendorCode: 0.905, requestId: 0.995, retryAfterMs: 1 } as const;
const GENERIC_FLOOR = { code: 0.836, retry: 0.965, vendorCode: 0.925, requestId: 0.995, retryAfterMs: 1 } as const;

holdoutSuite({
  name: 'the forty-ninth holdout corpus',
  dir: HOLDOUT49_DIR,
  earlier: HOLDOUT_SETS.slice(0, 48),
  minCases: 202,
  minFamilies: 27,
  floor: FLOOR,
  genericFloor: GENERIC_FLOOR,
});
