/**
 * The forty-eighth holdout corpus: real responses from 28 vendor families in none of the public corpus and the first
 * forty-seven holdouts (amateur radio and balloon tracking: Cloudlog, DAPNET, SondeHub, aprsc, OpenHamClock; astronomy
 * and spaceflight: Astrometry.net, Fink, Open Notify, the SpaceX API, Yamcs; farm management: LiteFarm, Tania, OpenFarm,
 * Ekylibre, Mycodo; IIIF image servers: Loris, IIPImage, Cantaloupe, the IIIF reference server, serverless-iiif;
 * bioinformatics: GA4GH htsget, BioThings, BioPortal, ChEMBL; transit: OpenTripPlanner, Transitland, NextBus, MOTIS),
 * gathered blind after the forty-seventh holdout was spent, labelled from their sources and the catalog before
 * faultline ran on them (each unsure label carries a `note`). Gatherers were told to skip every vendor faultline has a
 * profile for. A second reader checked two cases of every family against its source: 54 of 56 matched (a client's test
 * fixture whose origin the repository does not show, and a body copied from a docstring that the server writes with
 * one more member: both dropped). A second labeller, labelling blind from the responses alone under neutral ids, agreed
 * on the code for 90.5% of its cases (100% of the 113 where both were sure).
 *
 * The floors hold the score measured, rounded down to 0.1%, after the set was spent on its own misses. A change that
 * loses a right answer here fails; a rise means the floor may be raised.
 */
import { HOLDOUT48_DIR, HOLDOUT_SETS } from './corpus/corpus.js';
import { holdoutSuite } from './corpus/holdout-suite.js';

/**
 * Measured on the forty-eighth holdout (scripts/corpus-score.ts, ninety-seventh section), blind: code 76.3, retry 95.7,
 * vendorCode 94.4, requestId 100, retryAfterMs 100 (generic layer: code 75.9, retry 95.3, vendorCode 93.1) after the
 * forty-seventh's rules (b141687); before them (b6f07ee) every answer the same. The status alone gets the code right for
 * 69.8% and the retry class for 96.6%. After its own rules (test/vendors/generic-holdout48-shapes.test.ts): code 81.5,
 * retry 97.0, vendorCode 97.0, requestId 100, retryAfterMs 100 (generic layer: code 80.2, retry 96.6, vendorCode 95.7).
 */
const FLOOR = { code: 0.814, retry: 0.969, vendorCode: 0.969, requestId: 1, retryAfterMs: 1 } as const;
const GENERIC_FLOOR = { code: 0.801, retry: 0.965, vendorCode: 0.956, requestId: 1, retryAfterMs: 1 } as const;

holdoutSuite({
  name: 'the forty-eighth holdout corpus',
  dir: HOLDOUT48_DIR,
  earlier: HOLDOUT_SETS.slice(0, 47),
  minCases: 232,
  minFamilies: 28,
  floor: FLOOR,
  genericFloor: GENERIC_FLOOR,
});
