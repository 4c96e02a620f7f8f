/**
 * The sixty-third holdout corpus: real responses from 24 vendor families in none of the public corpus and the first
 * sixty-two holdouts (flights: phpVMS, smartCARS 3's phpVMS 5 API, AirTrail, Southwest's check-in; hospitality: apaleo,
 * Airbnb; open banking: Finicity, Basiq, finAPI, Flanks; podcasts: PinePods, OP3, Open Podcast, Podlove Radiator; scraping
 * and previews: Iframely, Scrapyd, Microlink, ScrapeGraphAI, Steel Browser; photos and assets: Stash, HomeGallery,
 * ResourceSpace, Pimcore Studio, PiGallery2), gathered blind while the sixty-second holdout was spent, labelled from their
 * sources and the catalog before faultline ran on them (each unsure label carries a `note`). Gatherers were told to skip
 * every vendor faultline has a profile for. A second reader checked two cases of every family against its source: 48 of
 * 48 matched. A second labeller, labelling blind from the responses alone under neutral ids, agreed on the code for 87.7%
 * of its cases (100% of the 91 where both were sure).
 *
 * The floors hold the score measured, rounded down to 0.1%, after the set was spent on its own misses. A change that
 * loses a right answer here fails; a rise means the floor may be raised.
 */
import { HOLDOUT63_DIR, HOLDOUT_SETS } from './corpus/corpus.js';
import { holdoutSuite } from './corpus/holdout-suite.js';

/**
 * Measured on the sixty-third holdout (scripts/corpus-score.ts, hundred-and-twenty-seventh section), blind: code 74.9,
 * retry 93.1, vendorCode 91.1, requestId 95.6, retryAfterMs 100 (generic layer: code 75.4, vendorCode 92.6, requestId 99.0)
 * after the sixty-second's rules (e03579a); before them (1003810) every answer the same. The status alone gets the code
 * right for 66.5% and the retry class for 93.1%. After its own rule (test/vendors/generic-holdout63-shapes.test.ts: finAPI's
 * errors are no longer the GraphQL profile's): vendorCode 94.0, requestId 99.0, but code 73.8, two below: the generic
 * layer, reading them now, calls finAPI's 403 `UNAUTHORIZED_ACCESS` "Access is denied" a credential refused and its
 * `BAD_REQUEST` "interface not supported" a missing feature. The generic layer's own scores are unchanged.
 */
const FLOOR = { code: 0.738, retry: 0.931, vendorCode: 0.94, requestId: 0.99, retryAfterMs: 1 } as const;
const GENERIC_FLOOR = { code: 0.753, retry: 0.931, vendorCode: 0.926, requestId: 0.99, retryAfterMs: 1 } as const;

holdoutSuite({
  name: 'the sixty-third holdout corpus',
  dir: HOLDOUT63_DIR,
  earlier: HOLDOUT_SETS.slice(0, 62),
  minCases: 203,
  minFamilies: 24,
  floor: FLOOR,
  genericFloor: GENERIC_FLOOR,
});
