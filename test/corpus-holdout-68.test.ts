/**
 * The sixty-eighth holdout corpus: real responses from 28 vendor families in none of the public corpus and the first
 * sixty-seven holdouts (postal operators: Russian Post, Correios, Omniva, Nova Poshta; trading cards: NetrunnerDB,
 * ArkhamDB, TCGdex, DeckBrew; LLM observability: Lunary, Langtrace, Laminar, LangWatch, Arize Phoenix; MLOps: ClearML,
 * Determined, Metaflow's metadata service, Optuna Dashboard; data integration: Airbyte, Dagster, Mage, RudderStack,
 * Stitch's Import and Connect APIs; IP geolocation: Ipregistry, IPLocate, IPGeolocation.io, IP2Location.io, IP Location
 * API), gathered blind while the sixty-seventh holdout was spent, labelled from their sources and the catalog before
 * faultline ran on them (each unsure label carries a `note`). Gatherers were told to skip every vendor faultline has a
 * profile for. A second reader checked two cases of every family against its source: 53 of 56 matched. Of the other three,
 * a NetrunnerDB body comes from a branch that never runs and a DeckBrew one from a handler nothing registers, and an
 * IP2Location.io case is a test double's stub from a commit the reader could not tie to the vendor's repository; all three
 * were dropped, with the three other cases from that commit. A second labeller, labelling blind from the responses alone
 * under neutral ids, agreed on the code for 91.5% of its cases (100% of the 103 where both were sure).
 *
 * The floors hold the score measured, rounded down to 0.1%, after the set was spent on its own misses. A change that
 * loses a right answer here fails; a rise means the floor may be raised.
 */
import { HOLDOUT68_DIR, HOLDOUT_SETS } from './corpus/corpus.js';
import { holdoutSuite } from './corpus/holdout-suite.js';

/**
 * Measured on the sixty-eighth holdout (scripts/corpus-score.ts, hundred-and-thirty-seventh section), blind: code 74.5,
 * retry 95.3, vendorCode 91.0, requestId 100, retryAfterMs 100 (generic layer: code 73.6, retry 94.8) after the
 * sixty-seventh's rules (a704a2a); before them (f3a40e8) every answer the same. The status alone gets the code right for
 * 59.9% and the retry class for 92.5%. After its own rules (test/vendors/generic-holdout68-shapes.test.ts): code 76.4,
 * vendorCode 91.5 (generic layer: code 75.5).
 */
const FLOOR = { code: 0.764, retry: 0.952, vendorCode: 0.915, requestId: 1, retryAfterMs: 1 } as const;
const GENERIC_FLOOR = { code: 0.754, retry: 0.948, vendorCode: 0.915, requestId: 1, retryAfterMs: 1 } as const;

holdoutSuite({
  name: 'the sixty-eighth holdout corpus',
  dir: HOLDOUT68_DIR,
  earlier: HOLDOUT_SETS.slice(0, 67),
  minCases: 212,
  minFamilies: 28,
  floor: FLOOR,
  genericFloor: GENERIC_FLOOR,
});
