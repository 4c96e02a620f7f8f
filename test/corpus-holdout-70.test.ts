/**
 * The seventieth holdout corpus: real responses from 27 vendor families in none of the public corpus and the first
 * sixty-nine holdouts (feature flags: Flagr, GO Feature Flag, Bucketeer, Wasabi, FeatureHub; smart plugs and lights:
 * Yeelight, TP-Link's Kasa, Tapo and cloud, VeSync; schedulers: Dkron, Cronicle, XXL-JOB, Quirrel; vulnerability
 * disclosure: HackerOne, CVE Services, CERT/CC's VINCE, Vulnerability-Lookup, ISDuBA; app stores: Huawei AppGallery
 * Connect, the Microsoft Store submission API, Apple's App Store Server API; home-lab monitoring: Dozzle, the Prometheus
 * Pushgateway, Telegraf, Scrutiny, NetAlertX), gathered blind while the sixty-ninth holdout was spent, labelled from their
 * sources and the catalog before faultline ran on them (each unsure label carries a `note`). Gatherers were told to skip
 * every vendor faultline has a profile for. A second reader checked two cases of every family against its source: 52 of
 * 54 matched. A Flagr body comes from a check a GET request never reaches, and was dropped; a Bucketeer case's
 * `content-type` is one the Go server never sends (it sets the header after the status), so that header was dropped from
 * the family's seven gateway cases. A second labeller, labelling blind from the responses alone under neutral ids, agreed
 * on the code for 86.4% of its cases (100% of the 96 where both were sure).
 *
 * The floors hold the score measured, rounded down to 0.1%, after the set was spent on its own misses. A change that
 * loses a right answer here fails; a rise means the floor may be raised.
 */
import { HOLDOUT70_DIR, HOLDOUT_SETS } from './corpus/corpus.js';
import { holdoutSuite } from './corpus/holdout-suite.js';

/**
 * Measured on the seventieth holdout (scripts/corpus-score.ts, hundred-and-forty-first section), blind: code 67.5, retry
 * 91.3, vendorCode 87.9, requestId 100, retryAfterMs 99.0 (generic layer: code 68.0) after the sixty-ninth's rules
 * (71ccd76); before them (0cbb7e0) every answer the same. The status alone gets the code right for 50.0% and the retry
 * class for 90.3%. After its own rules (test/vendors/generic-holdout70-shapes.test.ts): code 71.4, retry 91.7, vendorCode
 * 93.7, retryAfterMs 99.5 (generic layer: code 71.8, vendorCode 94.7).
 */
const FLOOR = { code: 0.713, retry: 0.917, vendorCode: 0.936, requestId: 1, retryAfterMs: 0.995 } as const;
const GENERIC_FLOOR = { code: 0.718, retry: 0.917, vendorCode: 0.946, requestId: 1, retryAfterMs: 0.995 } as const;

holdoutSuite({
  name: 'the seventieth holdout corpus',
  dir: HOLDOUT70_DIR,
  earlier: HOLDOUT_SETS.slice(0, 69),
  minCases: 206,
  minFamilies: 27,
  floor: FLOOR,
  genericFloor: GENERIC_FLOOR,
});
