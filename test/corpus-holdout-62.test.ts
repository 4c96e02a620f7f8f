/**
 * The sixty-second holdout corpus: real responses from 32 vendor families in none of the public corpus and the first
 * sixty-one holdouts (games: Wise Old Man, EVE Online's ESI, Guild Wars 2, Path of Exile, warframestat; recipes: Bar
 * Assistant, CookCLI, a recipe-scraper service, RecipeSage; parking and traffic: ParkAPI v1 and v3, OpenTraffic,
 * Parkmobile, Waze; speech: whisper.cpp's server, MaryTTS, Leon, Kalliope, Mycroft's Selene, kaldi-gstreamer-server;
 * feeds: RSS-Bridge, Omnivore, CommaFeed, selfoss, Feedbin, Pocket; blockchains: Besu, Blockscout, Esplora, CometBFT,
 * Nethermind, reth), gathered blind while the sixty-first holdout was spent, labelled from their sources and the catalog
 * before faultline ran on them (each unsure label carries a `note`). Gatherers were told to skip every vendor faultline
 * has a profile for (wger, whose bodies are Django REST framework's own, was dropped before checking). A second reader
 * checked two cases of every family against its source: 64 of 64 matched. A second labeller, labelling blind from the
 * responses alone under neutral ids, agreed on the code for 90.1% of its cases (99.2% of the 119 where both were sure).
 *
 * The floors hold the score measured, rounded down to 0.1%, after the set was spent on its own misses. A change that
 * loses a right answer here fails; a rise means the floor may be raised.
 */
import { HOLDOUT62_DIR, HOLDOUT_SETS } from './corpus/corpus.js';
import { holdoutSuite } from './corpus/holdout-suite.js';

/**
 * Measured on the sixty-second holdout (scripts/corpus-score.ts, hundred-and-twenty-fifth section), blind: code 72.3,
 * retry 91.7, vendorCode 85.1, requestId 99.6, retryAfterMs 99.6 (generic layer: code 72.7, retry 92.6, vendorCode 85.5,
 * retryAfterMs 100) after the sixty-first's rules (5fcd932); before them (09acefd) every answer the same. The status alone
 * gets the code right for 59.9% and the retry class for 89.3%. After its own rules
 * (test/vendors/generic-holdout62-shapes.test.ts): code 75.6, retry 92.6, vendorCode 86.0 (generic layer: code 75.2,
 * vendorCode 86.4), the others the same.
 */
const FLOOR = { code: 0.756, retry: 0.925, vendorCode: 0.859, requestId: 0.995, retryAfterMs: 0.995 } as const;
const GENERIC_FLOOR = { code: 0.752, retry: 0.925, vendorCode: 0.863, requestId: 0.995, retryAfterMs: 1 } as const;

holdoutSuite({
  name: 'the sixty-second holdout corpus',
  dir: HOLDOUT62_DIR,
  earlier: HOLDOUT_SETS.slice(0, 61),
  minCases: 242,
  minFamilies: 32,
  floor: FLOOR,
  genericFloor: GENERIC_FLOOR,
});
