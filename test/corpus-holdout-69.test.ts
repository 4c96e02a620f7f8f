/**
 * The sixty-ninth holdout corpus: real responses from 25 vendor families in none of the public corpus and the first
 * sixty-eight holdouts (veterinary and pet devices: Vetigen, PetKit, Whisker's Litter-Robot, Sure Petcare; real estate: the
 * RESO Web API, realtor.ca; room and desk booking: Humly, Ultimo, LibreBooking, Bookit; incident response: GoAlert,
 * LinkedIn's Iris, OneUptime, Rootly, incident.io, Alerta; product information: Akeneo, AtroCore, UnoPim, Ergonode;
 * customer data: Jitsu, Multiwoven, Snowplow's Iglu Server, Countly, Apache Unomi), gathered blind while the sixty-eighth
 * holdout was spent, labelled from their sources and the catalog before faultline ran on them (each unsure label carries a
 * `note`). Gatherers were told to skip every vendor faultline has a profile for; an IDX Broker family whose texts are its
 * plugin's own, not the API's, was dropped before checking. A second reader checked two cases of every family against its
 * source: 47 of 50 matched. Of the other three, a GoAlert case's status is one the server never sends for it, and a
 * Vetigen and a Rootly case could not be opened; all three were dropped. A second labeller, labelling blind from the
 * responses alone under neutral ids, agreed on the code for 91.1% of its cases (100% of the 108 where both were sure).
 *
 * The floors hold the score measured, rounded down to 0.1%, after the set was spent on its own misses. A change that
 * loses a right answer here fails; a rise means the floor may be raised.
 */
import { HOLDOUT69_DIR, HOLDOUT_SETS } from './corpus/corpus.js';
import { holdoutSuite } from './corpus/holdout-suite.js';

/**
 * Measured on the sixty-ninth holdout (scripts/corpus-score.ts, hundred-and-thirty-ninth section), blind: code 71.9,
 * retry 97.5, vendorCode 95.6, requestId 99.5, retryAfterMs 100 (generic layer: code 72.4) after the sixty-eighth's rules
 * (ed12660); before them (2519546) every answer the same. The status alone gets the code right for 63.1% and the retry
 * class for 96.1%. After its own rules (test/vendors/generic-holdout69-shapes.test.ts): code 73.4, requestId 100
 * (generic layer: code 73.9).
 */
const FLOOR = { code: 0.733, retry: 0.975, vendorCode: 0.955, requestId: 1, retryAfterMs: 1 } as const;
const GENERIC_FLOOR = { code: 0.738, retry: 0.975, vendorCode: 0.955, requestId: 1, retryAfterMs: 1 } as const;

holdoutSuite({
  name: 'the sixty-ninth holdout corpus',
  dir: HOLDOUT69_DIR,
  earlier: HOLDOUT_SETS.slice(0, 68),
  minCases: 203,
  minFamilies: 25,
  floor: FLOOR,
  genericFloor: GENERIC_FLOOR,
});
