/**
 * The fifty-fourth holdout corpus: real responses from 30 vendor families in none of the public corpus and the first
 * fifty-three holdouts (file drops and pastebins: PrivateBin, Gokapi, haste-server, linx-server, Zipline; shorteners:
 * YOURLS, Chhoto URL, Lstu, Snapp, spoo.me; weather: AEMET OpenData, FMI's WFS, the ECMWF Web API, MET Norway; brokers
 * and queues: NSQ, Jolokia, Hatchet, River UI, Celery Flower; scripture and calendars: Hebcal, Sefaria, SuttaCentral,
 * Sunnah.com, the Liturgical Calendar API, the Church Calendar API; shops: EverShop, OpenCart, Tiendanube, Vue
 * Storefront's API, Spurtcommerce), gathered blind while the fifty-third holdout was spent, labelled from their sources
 * and the catalog before faultline ran on them (each unsure label carries a `note`). Gatherers were told to skip every
 * vendor faultline has a profile for. A second reader checked two cases of every family against its source: 57 of 60
 * matched (two whose server's own JSON writer adds no trailing newline, and an unofficial client's fixture edited by hand:
 * dropped). A second labeller, labelling blind from the responses alone under neutral ids, agreed on the code for 88.9% of
 * its cases (100% of the 113 where both were sure).
 *
 * The floors hold the score measured, rounded down to 0.1%, after the set was spent on its own misses. A change that
 * loses a right answer here fails; a rise means the floor may be raised.
 */
import { HOLDOUT54_DIR, HOLDOUT_SETS } from './corpus/corpus.js';
import { holdoutSuite } from './corpus/holdout-suite.js';

/**
 * Measured on the fifty-fourth holdout (scripts/corpus-score.ts, hundred-and-ninth section), blind: code 69.3, retry 93.0,
 * vendorCode 94.7, requestId 100, retryAfterMs 98.8 (generic layer: vendorCode 97.5) after the fifty-third's rules
 * (5648dc6); before them (8e9849d) every answer the same. The status alone gets the code right for 52.0% and the retry
 * class for 92.6%. After its own rules (test/vendors/generic-holdout54-shapes.test.ts): code 73.0, retry 95.5, vendorCode
 * 95.1, requestId 100, retryAfterMs 99.2 (generic layer: vendorCode 98.0).
 */
const FLOOR = { code: 0.729, retry: 0.954, vendorCode: 0.95, requestId: 1, retryAfterMs: 0.991 } as const;
const GENERIC_FLOOR = { code: 0.729, retry: 0.954, vendorCode: 0.979, requestId: 1, retryAfterMs: 0.991 } as const;

holdoutSuite({
  name: 'the fifty-fourth holdout corpus',
  dir: HOLDOUT54_DIR,
  earlier: HOLDOUT_SETS.slice(0, 53),
  minCases: 244,
  minFamilies: 30,
  floor: FLOOR,
  genericFloor: GENERIC_FLOOR,
});
