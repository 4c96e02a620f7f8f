/**
 * The twenty-fourth holdout corpus: real responses from 36 vendor families in none of the public corpus and the
 * first twenty-three holdouts (advertising APIs: Google Ads and the AdWords API, Microsoft Advertising, Amazon Ads,
 * Apple Search Ads; HR and CRM: Huntflow, hh.ru, Personio, Lever, SuiteCRM, Keap, Apollo, Hunter, EspoCRM; science
 * data: PubChem, Ensembl, Zenodo, GBIF, UniProt, Materials Project; DNS and hosting: PowerDNS, deSEC, Gandi, ClouDNS,
 * Healthchecks.io, Coolify; mobility: TfL, Open Charge Map, Mapillary, ChargePoint, Easee, transport.rest; image,
 * video and language models: Aleph Alpha, Black Forest Labs, Venice, D-ID), gathered blind while the twenty-third
 * holdout was being spent, labelled from their sources and the catalog before faultline ran on them (each unsure
 * label carries a `note`). Three cases whose sources a second reader could not find again were dropped. Same file
 * format and label rules as the public corpus (./corpus/corpus.ts); every family has `profile: null`. A second
 * labeller, labelling blind from the responses alone, agreed on the code for 97.2% of its cases (100% of the 79
 * where both were sure). Spent in session 17: its misses gave the rules test/vendors/generic-holdout24-shapes.test.ts pins.
 *
 * The floors hold the score measured, rounded down to 0.1%. A change that loses a right answer here
 * fails; a rise means the floor may be raised.
 */
import { HOLDOUT24_DIR, HOLDOUT_SETS } from './corpus/corpus.js';
import { holdoutSuite } from './corpus/holdout-suite.js';

/**
 * Measured on the twenty-fourth holdout (scripts/corpus-score.ts, forty-ninth section). Scored blind on 0bfb381 (the
 * tree session 17 started from) and on 112efb7 (after the twenty-third's rules): code 71.5, retry 91.6, vendorCode
 * 73.2, requestId 96.6 on both, every answer identical. The status alone gets the code right for 40.2% and the retry
 * class for 83.2%. After its own rules: the floors below.
 */
const FLOOR = { code: 0.821, retry: 0.944, vendorCode: 0.905, requestId: 0.977, retryAfterMs: 0.983 } as const;
const GENERIC_FLOOR = { code: 0.837, retry: 0.955, vendorCode: 0.905, requestId: 0.983, retryAfterMs: 0.988 } as const;

holdoutSuite({
  name: 'the twenty-fourth holdout corpus',
  dir: HOLDOUT24_DIR,
  earlier: HOLDOUT_SETS.slice(0, 23),
  minCases: 175,
  minFamilies: 36,
  floor: FLOOR,
  genericFloor: GENERIC_FLOOR,
});
