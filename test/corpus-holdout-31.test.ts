/**
 * The thirty-first holdout corpus: real responses from 25 vendor families in none of the public corpus and the first
 * thirty holdouts (job boards and gig platforms: Amazon Mechanical Turk, CareerBuilder, SEEK, Toloka, Uber, Upwork;
 * message brokers and streaming: Apache Pulsar, Azure Event Grid, EMQX, Google Cloud Pub/Sub, Solace PubSub+ SEMP;
 * feature flags and experiments: ConfigCat, Flipper Cloud, Flipt, GrowthBook, Split; patents: EPO Open Patent
 * Services, PatentsView, USPTO patent data; genealogy and archives: FamilySearch, HathiTrust; fuel prices: GasBuddy,
 * NSW FuelCheck, prix-carburants, Tankerkönig), gathered blind while the thirtieth holdout was being spent, labelled
 * from their sources and the catalog before faultline ran on them (each unsure label carries a `note`). A second reader
 * checked two cases of every family against its source: 52 of 53 matched and none differed; the one it could not find
 * again was dropped, and so was the Lens.org family, whose one printout a second labeller found to be the client's own
 * words (three cases left, under the four a family needs). A second labeller, labelling blind from the responses
 * alone, agreed on the code for 96.5% of its cases (100% of the 83 where both were sure).
 * Spent in session 20: its misses gave the rules test/vendors/generic-holdout31-shapes.test.ts pins.
 *
 * The floors hold the score measured, rounded down to 0.1%. A change that loses a right answer here
 * fails; a rise means the floor may be raised.
 */
import { HOLDOUT31_DIR, HOLDOUT_SETS } from './corpus/corpus.js';
import { holdoutSuite } from './corpus/holdout-suite.js';

/**
 * Measured on the thirty-first holdout (scripts/corpus-score.ts, sixty-third section), blind: code 77.5, retry 96.5,
 * vendorCode 87.3, requestId 97.9, retryAfterMs 100 on 02cc047 and after the twenty-ninth's rules, every answer the
 * same; after the thirtieth's rules (339d0da) one answer more, vendorCode 88.0. The status alone gets the code right
 * for 62.0% and the retry class for 95.1%.
 * After its own rules: code 78.9, retry 97.2, vendorCode 94.4, requestId 100, retryAfterMs 100; the floors below.
 */
const FLOOR = { code: 0.788, retry: 0.971, vendorCode: 0.943, requestId: 1, retryAfterMs: 1 } as const;
const GENERIC_FLOOR = { code: 0.781, retry: 0.964, vendorCode: 0.943, requestId: 1, retryAfterMs: 1 } as const;

holdoutSuite({
  name: 'the thirty-first holdout corpus',
  dir: HOLDOUT31_DIR,
  earlier: HOLDOUT_SETS.slice(0, 30),
  minCases: 142,
  minFamilies: 25,
  floor: FLOOR,
  genericFloor: GENERIC_FLOOR,
});
