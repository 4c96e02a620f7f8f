/**
 * The sixty-fourth holdout corpus: real responses from 23 vendor families in none of the public corpus and the first
 * sixty-three holdouts (tours and activities: the OCTO standard, Tiqets; jobs: JobTech JobSearch, NAV's vacancy feed,
 * Jobo, La Bonne Boîte; e-invoicing and tax: Focus NFe, ZATCA Fatoora, India Compliance API, LibreDTE; images: imaginary,
 * weserv, imgproxy, Tinify, remove.bg; sports and betting: Betfair Exchange, Sportradar's Unified Odds, ncaa-api,
 * nhl-score-api; anime and media: Bangumi, Kitsu, Shikimori, AniDB), gathered blind while the sixty-third holdout was
 * spent, labelled from their sources and the catalog before faultline ran on them (each unsure label carries a `note`).
 * Gatherers were told to skip every vendor faultline has a profile for. A second reader checked two cases of every family
 * against its source: 45 of 46 matched, and the one it could not open (an AniDB ban in a Hama log) was dropped, with
 * AniDB's other ban cases, whose label (a throttle, retried) the sources' day-long bans contradict; two Shikimori cases
 * the gatherer had re-serialised from recorded examples were dropped before checking. A second labeller, labelling blind
 * from the responses alone under neutral ids, agreed on the code for 90.1% of its cases (100% of the 71 where both were
 * sure).
 *
 * The floors hold the score measured, rounded down to 0.1%, after the set was spent on its own misses. A change that
 * loses a right answer here fails; a rise means the floor may be raised.
 */
import { HOLDOUT64_DIR, HOLDOUT_SETS } from './corpus/corpus.js';
import { holdoutSuite } from './corpus/holdout-suite.js';

/**
 * Measured on the sixty-fourth holdout (scripts/corpus-score.ts, hundred-and-twenty-ninth section), blind: code 71.3,
 * retry 94.1, vendorCode 80.7, requestId 98.2, retryAfterMs 98.8 (generic layer: code 71.9, retryAfterMs 100) after the
 * sixty-third's rules (a95a211); before them (e10a937) every answer the same. The status alone gets the code right for
 * 54.4% and the retry class for 91.2%. After its own rules (test/vendors/generic-holdout64-shapes.test.ts): code 75.4,
 * vendorCode 88.9, requestId 99.4, retryAfterMs 100, the generic layer the same.
 */
const FLOOR = { code: 0.754, retry: 0.941, vendorCode: 0.888, requestId: 0.994, retryAfterMs: 1 } as const;
const GENERIC_FLOOR = { code: 0.754, retry: 0.941, vendorCode: 0.888, requestId: 0.994, retryAfterMs: 1 } as const;

holdoutSuite({
  name: 'the sixty-fourth holdout corpus',
  dir: HOLDOUT64_DIR,
  earlier: HOLDOUT_SETS.slice(0, 63),
  minCases: 171,
  minFamilies: 23,
  floor: FLOOR,
  genericFloor: GENERIC_FLOOR,
});
