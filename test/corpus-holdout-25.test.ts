/**
 * The twenty-fifth holdout corpus: real responses from 36 vendor families in none of the public corpus and the first
 * twenty-four holdouts (e-commerce: Allegro, Ecwid, Walmart Marketplace, Tiki, Shopee; device clouds: Home Connect,
 * Google Nest SDM, eWeLink, Meross, PurpleAir, SimpliSafe; media: Trakt, TheTVDB, OpenSubtitles, TIDAL, Plex;
 * security and IP data: Censys, urlscan.io, GreyNoise, NIST NVD, ipdata, IPQualityScore, ipapi.co; shipping: Sendcloud,
 * Australia Post, Canada Post, PostNL, Postmaster, Shiprocket, Aramex Connect; finance and open data: FRED,
 * api.data.gov, IEX Cloud, Nasdaq Data Link, World Bank, Eurostat), gathered blind while the twenty-fourth holdout was
 * being spent, labelled from their sources and the catalog before faultline ran on them (each unsure label carries a
 * `note`). A second reader checked two cases of every family against its source: 66 of 72 matched, the 6 it could not
 * find again were dropped, and a Mercado Libre family was left out as too close to Mercado Pago's. A second labeller,
 * labelling blind from the responses alone, agreed on the code for 94.6% of its cases (100% of the 96 where both
 * were sure). Spent in session 17: its misses gave the rules test/vendors/generic-holdout25-shapes.test.ts pins.
 *
 * The floors hold the score measured, rounded down to 0.1%. A change that loses a right answer here
 * fails; a rise means the floor may be raised.
 */
import { HOLDOUT25_DIR, HOLDOUT_SETS } from './corpus/corpus.js';
import { holdoutSuite } from './corpus/holdout-suite.js';

/**
 * Measured on the twenty-fifth holdout (scripts/corpus-score.ts, fifty-first section), blind: code 77.0 on 0bfb381
 * (the tree session 17 started from) and on 112efb7 (after the twenty-third's rules), 77.5 after the twenty-fourth's
 * (retry 97.1, vendorCode 78.9, requestId 100). The status alone gets the code right for 44.6% and the retry class
 * for 88.7%. After its own rules: the floors below.
 */
const FLOOR = { code: 0.803, retry: 0.98, vendorCode: 0.857, requestId: 1, retryAfterMs: 0.99 } as const;
const GENERIC_FLOOR = { code: 0.808, retry: 0.98, vendorCode: 0.857, requestId: 1, retryAfterMs: 0.995 } as const;

holdoutSuite({
  name: 'the twenty-fifth holdout corpus',
  dir: HOLDOUT25_DIR,
  earlier: HOLDOUT_SETS.slice(0, 24),
  minCases: 200,
  minFamilies: 36,
  floor: FLOOR,
  genericFloor: GENERIC_FLOOR,
});
