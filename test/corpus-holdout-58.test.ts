/**
 * The fifty-eighth holdout corpus: real responses from 28 vendor families in none of the public corpus and the first
 * fifty-seven holdouts (weather and air: Weather Underground's and Windy's station uploads, the Met Office's WOW, Awair,
 * AirGradient; churches and members: ChurchTools, ChurchCRM, Jethro, Admidio; wikis and notes: SilverBullet, Foswiki,
 * Blinko, Logseq's sync server, ReadMe; secrets and certificates: Passky, TeamPass, Cosmian KMS, Dogtag PKI, Lemur;
 * mail: WildDuck, Mail-in-a-Box, Mox, Mailtrain; bookkeeping: ezBookkeeping, Paisa, Cashbook, Kresus, LedgerSMB),
 * gathered blind while the fifty-seventh holdout was spent, labelled from their sources and the catalog before faultline
 * ran on them (each unsure label carries a `note`). Gatherers were told to skip every vendor faultline has a profile
 * for. A second reader checked two cases of every family against its source: 56 of 58 matched; SimpleLogin's two did
 * not (its tests compare parsed JSON, and the gatherer wrote Python's spacing where Flask's `jsonify` writes none), so
 * that family was dropped, and so was a TeamPass case whose label its source shows wrong. A second labeller, labelling
 * blind from the responses alone under neutral ids, agreed on the code for 88.1% of its cases (100% of the 124 where both
 * were sure).
 *
 * The floors hold the score measured, rounded down to 0.1%, after the set was spent on its own misses. A change that
 * loses a right answer here fails; a rise means the floor may be raised.
 */
import { HOLDOUT58_DIR, HOLDOUT_SETS } from './corpus/corpus.js';
import { holdoutSuite } from './corpus/holdout-suite.js';

/**
 * Measured on the fifty-eighth holdout (scripts/corpus-score.ts, hundred-and-seventeenth section), blind: code 65.7,
 * retry 93.6, vendorCode 89.0, requestId 100, retryAfterMs 99.6 (generic layer: code 66.5, retry 94.1) after the
 * fifty-seventh's rules (c3effc6); before them (7f1be74) code 65.3, the one answer they gained the only one that differs.
 * The status alone gets the code right for 44.9% and the retry class for 89.0%. After its own rules
 * (test/vendors/generic-holdout58-shapes.test.ts): code 72.5, retry 94.9, vendorCode 89.4 (generic layer: code 73.3,
 * retry 95.3), the others the same.
 */
const FLOOR = { code: 0.724, retry: 0.949, vendorCode: 0.894, requestId: 1, retryAfterMs: 0.995 } as const;
const GENERIC_FLOOR = { code: 0.733, retry: 0.953, vendorCode: 0.894, requestId: 1, retryAfterMs: 0.995 } as const;

holdoutSuite({
  name: 'the fifty-eighth holdout corpus',
  dir: HOLDOUT58_DIR,
  earlier: HOLDOUT_SETS.slice(0, 57),
  minCases: 236,
  minFamilies: 28,
  floor: FLOOR,
  genericFloor: GENERIC_FLOOR,
});
