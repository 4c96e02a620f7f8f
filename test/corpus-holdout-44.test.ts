/**
 * The forty-fourth holdout corpus: real responses from 39 vendor families in none of the public corpus and the first
 * forty-three holdouts (security operations: Wazuh, TheHive and Cortex, MISP, OWASP Dependency-Track, Shuffle; Bitcoin
 * and Lightning: Bitcoin Core, BTCPay Server, Core Lightning's clnrest, Esplora, Alby Hub; video surveillance: ZoneMinder,
 * motionEye, go2rtc, Hikvision ISAPI, Reolink; model servers: TorchServe, NVIDIA Triton, TensorFlow Serving, KServe,
 * BentoML; telephony: Asterisk ARI, FreeSWITCH, Kazoo, jambonz; geospatial: GeoServer, MapServer, pygeoapi,
 * pg_featureserv, Tegola; hospitality and fleets: Cloudbeds, Channex, BookingSync, Mews' channel manager, Oracle
 * Hospitality, Navixy; open banking: adorsys XS2A, Open Bank Project, Salt Edge's SCA service and Spectre), gathered
 * blind after the forty-third holdout was spent, labelled from their sources and the catalog before faultline ran on
 * them (each unsure label carries a `note`). Gatherers were told to skip every vendor faultline has a profile for. A
 * second reader checked two cases of every family against its source: 78 of 78 matched. A second labeller, labelling
 * blind from the responses alone under neutral ids, agreed on the code for 92.3% of its cases (100% of the 165 where both
 * were sure).
 *
 * The floors hold the score measured, rounded down to 0.1%, after the set was spent on its own misses. A change that
 * loses a right answer here fails; a rise means the floor may be raised.
 */
import { HOLDOUT44_DIR, HOLDOUT_SETS } from './corpus/corpus.js';
import { holdoutSuite } from './corpus/holdout-suite.js';

/**
 * Measured on the forty-fourth holdout (scripts/corpus-score.ts, eighty-ninth section), blind: code 69.0, retry 95.2,
 * vendorCode 84.5, requestId 98.7, retryAfterMs 100 (generic layer: code 69.0, retry 95.2, vendorCode 85.5, requestId
 * 100) after the forty-third's rules (3acaa13, and 0e2ec8c, which reads discord.js' errors); before them (f2faa51) every
 * answer was the same. The status alone gets the code right for 54.8% and the retry class for 92.6%. After its own rules
 * (test/vendors/generic-holdout44-shapes.test.ts): code 76.1, retry 96.8, vendorCode 93.9, requestId 100, retryAfterMs 100
 * (generic layer the same).
 */
const FLOOR = { code: 0.761, retry: 0.967, vendorCode: 0.938, requestId: 1, retryAfterMs: 1 } as const;
const GENERIC_FLOOR = { code: 0.761, retry: 0.967, vendorCode: 0.938, requestId: 1, retryAfterMs: 1 } as const;

holdoutSuite({
  name: 'the forty-fourth holdout corpus',
  dir: HOLDOUT44_DIR,
  earlier: HOLDOUT_SETS.slice(0, 43),
  minCases: 310,
  minFamilies: 39,
  floor: FLOOR,
  genericFloor: GENERIC_FLOOR,
});
