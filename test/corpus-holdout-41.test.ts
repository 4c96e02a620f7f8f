/**
 * The forty-first holdout corpus: real responses from 37 vendor families in none of the public corpus and the first
 * forty holdouts (observability and logs: Axiom, Better Stack, Loggly, Highlight, Uptrace; forms and surveys: Qualtrics,
 * LimeSurvey, KoboToolbox, Ona, OpnForm; recruiting: Workable, Breezy HR; events and booking: Meetup, Tito, pretix,
 * Indico, Acuity; geo: LocationIQ, Pelias, OSRM, Valhalla, Photon, Martin, TileServer GL; game-server panels and time
 * trackers: PufferPanel, Leantime, solidtime, TimeTagger; research and localization: iNaturalist, Pontoon, Mendeley, dblp;
 * forges and invoicing: OneDev, SourceHut, GitBucket, Kallithea, Crater), gathered blind while the fortieth holdout was
 * being spent, labelled from their sources and the catalog before faultline ran on them (each unsure label carries a
 * `note`). Cases a gatherer assembled from a docs page's parts (Acuity, SimplyBook), copied from unofficial clients' mock
 * fixtures (Workable) or filled with a wait of its own choosing (KoboToolbox), and one whose note quotes other words than
 * its body (Better Stack), were left out. A second reader checked two cases of every family against its source with
 * repository snapshots only (this session's look-ups were spent by then): 48 of 74 matched, none contradicted its
 * source, 26 could not be opened (issue threads, docs pages, repositories over the snapshot limit). A second labeller,
 * labelling blind from the responses alone under neutral ids, agreed on the code for 90.1% of its cases (100% of the
 * 131 where both were sure).
 *
 * The floors hold the score measured, rounded down to 0.1%, after the set was spent on its own misses. A change that
 * loses a right answer here fails; a rise means the floor may be raised.
 */
import { HOLDOUT41_DIR, HOLDOUT_SETS } from './corpus/corpus.js';
import { holdoutSuite } from './corpus/holdout-suite.js';

/**
 * Measured on the forty-first holdout (scripts/corpus-score.ts, eighty-third section), blind: code 73.8, retry 96.2,
 * vendorCode 96.2, requestId 95.8, retryAfterMs 100 (generic layer: code 75.7, retry 97.0, vendorCode 96.2) after the
 * fortieth's rules (da8e39b); before them (47ba595) every answer was the same. The status alone gets the code right for
 * 60.5% and the retry class for 94.3%. After its own rules (test/vendors/generic-holdout41-shapes.test.ts): code 79.1,
 * retry 97.0, vendorCode 97.3, requestId 96.2, retryAfterMs 100 (generic layer: code 79.8, retry 97.0, vendorCode 97.3).
 * Then requestId 99.6 (both layers) once a header a vendor named for its own id is read (`x-mendeley-trace-id`, c5efebc).
 */
const FLOOR = { code: 0.79, retry: 0.969, vendorCode: 0.973, requestId: 0.996, retryAfterMs: 1 } as const;
const GENERIC_FLOOR = { code: 0.798, retry: 0.969, vendorCode: 0.973, requestId: 0.996, retryAfterMs: 1 } as const;

holdoutSuite({
  name: 'the forty-first holdout corpus',
  dir: HOLDOUT41_DIR,
  earlier: HOLDOUT_SETS.slice(0, 40),
  minCases: 263,
  minFamilies: 37,
  floor: FLOOR,
  genericFloor: GENERIC_FLOOR,
});
