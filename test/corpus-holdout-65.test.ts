/**
 * The sixty-fifth holdout corpus: real responses from 27 vendor families in none of the public corpus and the first
 * sixty-four holdouts (social media and link-in-bio: Postiz, Zernio, Socioboard, BioDrop; crypto: 0x API, Uniswap's routing
 * API, Dune API, LiveCoinWatch; markets and currencies: Frankfurter, Databento, Shoonya, Yahoo Finance; BMCs and KVM:
 * PiKVM, NanoKVM, TinyPilot, HPE iLO, Dell iDRAC; company registries: API Entreprise, the Annuaire des Entreprises search
 * API, Minha Receita, sirene_as_api, SocialGouv's recherche-entreprises; newsletters: Keila, Mautic, Dittofeed, phpList,
 * Sendy), gathered blind while the sixty-fourth holdout was spent, labelled from their sources and the catalog before
 * faultline ran on them (each unsure label carries a `note`). Gatherers were told to skip every vendor faultline has a
 * profile for. A second reader checked two cases of every family against its source: 49 of 54 matched, and the other five
 * differed only in a `content-type` the gatherer had written from the code without the charset the framework adds, so
 * that header was dropped from every case of those three families (Keila, Postiz, PiKVM); a Databento fixture whose body
 * the SDK's authors made up was dropped before checking. A second labeller, labelling blind from the responses alone under
 * neutral ids, agreed on the code for 93.1% of its cases (100% of the 103 where both were sure).
 *
 * The floors hold the score measured, rounded down to 0.1%, after the set was spent on its own misses. A change that
 * loses a right answer here fails; a rise means the floor may be raised.
 */
import { HOLDOUT65_DIR, HOLDOUT_SETS } from './corpus/corpus.js';
import { holdoutSuite } from './corpus/holdout-suite.js';

/**
 * Measured on the sixty-fifth holdout (scripts/corpus-score.ts, hundred-and-thirty-first section), blind: code 67.0,
 * retry 94.5, vendorCode 82.6, requestId 99.1, retryAfterMs 99.5 (generic layer: code 67.4, vendorCode 85.3) after the
 * sixty-fourth's rules (497a7cb); before them (7f1e84b) every answer the same. The status alone gets the code right for
 * 53.2% and the retry class for 92.7%. After its own rules (test/vendors/generic-holdout65-shapes.test.ts): code 73.4,
 * retry 95.4, vendorCode 94.5, requestId 99.1, retryAfterMs 100, the generic layer the same.
 */
const FLOOR = { code: 0.733, retry: 0.954, vendorCode: 0.944, requestId: 0.99, retryAfterMs: 1 } as const;
const GENERIC_FLOOR = { code: 0.733, retry: 0.954, vendorCode: 0.944, requestId: 0.99, retryAfterMs: 1 } as const;

holdoutSuite({
  name: 'the sixty-fifth holdout corpus',
  dir: HOLDOUT65_DIR,
  earlier: HOLDOUT_SETS.slice(0, 64),
  minCases: 218,
  minFamilies: 27,
  floor: FLOOR,
  genericFloor: GENERIC_FLOOR,
});
