/**
 * The thirty-second holdout corpus: real responses from 17 vendor families in none of the public corpus and the first
 * thirty-one holdouts (stock media: Adobe Stock, ImageKit, Openverse, Shutterstock; e-invoicing and tax-ID lookups:
 * BrasilAPI, Facturapi, KSeF, Quaderno; tides and satellite tracking: CelesTrak, NOAA CO-OPS, Space-Track; URL
 * shorteners: Dub, Polr, Shlink, Short.io; Tailscale; TeamSnap), gathered blind while the thirty-first holdout was
 * being spent, labelled from their sources and the catalog before faultline ran on them (each unsure label carries a
 * `note`). A second reader checked two cases of every family against its source where the search tools still
 * answered: 30 matched and none differed. Eight more families were gathered (Flickr, Fleet, Jamf Pro, NAV Online
 * Számla, NetBird, Spond, ZATCA Fatoora, ZeroTier) but every source they cite is an issue thread the reader could no
 * longer open, so they are left out. A second labeller, labelling blind from the responses alone, agreed on the code
 * for 92.2% of its cases (100% of the 52 where both were sure).
 * Spent in session 21: its misses gave the rules test/vendors/generic-holdout32-shapes.test.ts pins.
 *
 * The floors hold the score measured, rounded down to 0.1%. A change that loses a right answer here
 * fails; a rise means the floor may be raised.
 */
import { HOLDOUT32_DIR, HOLDOUT_SETS } from './corpus/corpus.js';
import { holdoutSuite } from './corpus/holdout-suite.js';

/**
 * Measured on the thirty-second holdout (scripts/corpus-score.ts, sixty-fifth section), blind: code 74.7, retry 97.0,
 * vendorCode 94.1, requestId 98.0, retryAfterMs 99.0 on 02cc047, after the twenty-ninth's, thirtieth's and
 * thirty-first's rules (0c8e5c6), every answer the same. The status alone gets the code right for 54.4% and the retry
 * class for 93.2%.
 * After its own rules: code 80.6, retry 98.1, vendorCode 96.1, requestId 100, retryAfterMs 99.0 (generic layer:
 * vendorCode 91.3); the floors below.
 */
const FLOOR = { code: 0.805, retry: 0.98, vendorCode: 0.961, requestId: 1, retryAfterMs: 0.99 } as const;
const GENERIC_FLOOR = { code: 0.805, retry: 0.98, vendorCode: 0.912, requestId: 1, retryAfterMs: 0.99 } as const;

holdoutSuite({
  name: 'the thirty-second holdout corpus',
  dir: HOLDOUT32_DIR,
  earlier: HOLDOUT_SETS.slice(0, 31),
  minCases: 103,
  minFamilies: 17,
  floor: FLOOR,
  genericFloor: GENERIC_FLOOR,
});
