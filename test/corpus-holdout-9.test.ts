/**
 * The ninth holdout corpus: real responses from 30 vendor families in none of the public corpus and
 * the first eight holdouts, gathered blind by three gatherers while the seventh and eighth holdouts were
 * being spent, labelled from their sources and the catalog before faultline ran on them. Same file format
 * and label rules as the public corpus (./corpus/corpus.ts); every family has `profile: null`. Spent: rules
 * were written from its misses, so it guards them.
 *
 * The floors hold the score measured, rounded down to 0.1%. A change that loses a right answer here
 * fails; a rise means the floor may be raised.
 */
import { HOLDOUT9_DIR, HOLDOUT_SETS } from './corpus/corpus.js';
import { holdoutSuite } from './corpus/holdout-suite.js';

/**
 * Measured on the ninth holdout (scripts/corpus-score.ts, nineteenth section). Scored blind on three trees:
 * the session's starting tree (2596bcb), after the seventh holdout's rules (088472d) and after the eighth's:
 * code 74.7%, 74.0% and 74.0%. The one answer lost was an OpenAI-compatible server's 400 `model_not_found`,
 * which the new "not found under a 400" rule had turned into invalid_request; that rule now leaves a vendor
 * code that says not found alone, and code is 74.7% again. No other rule was written from this set. Two Zulip
 * waits were labelled in fractional milliseconds (8.37…, 15314.24) as the server sent them; the corpus format
 * asks for whole milliseconds, so they were rounded (8, 15314) before scoring. Three crypto families (Bitfinex,
 * Deribit, KuCoin) had every label's vendorCode shifted into requestId and the retry class into vendorCode
 * (`"vendorCode": "never", "requestId": "13004"`); a second labeller's blind labels confirmed the shift, which
 * was undone (vendorCode 76.0% and requestId 98.6% on 2596bcb once mended). Then spent in session 10 (its own
 * rules, test/vendors/generic-holdout9-shapes.test.ts): code 82.2%, and the tenth holdout measured them blind.
 * The tenth's "No … found" rule (session 11) reads clerk-js' "No session was found": 82.9%.
 */
const FLOOR = { code: 0.828, retry: 0.945, vendorCode: 0.801, requestId: 0.986, retryAfterMs: 0.993 } as const;
const GENERIC_FLOOR = { code: 0.828, retry: 0.945, vendorCode: 0.808, requestId: 0.986, retryAfterMs: 0.993 } as const;

holdoutSuite({
  name: 'the ninth holdout corpus',
  dir: HOLDOUT9_DIR,
  earlier: HOLDOUT_SETS.slice(0, 8),
  minCases: 140,
  minFamilies: 28,
  floor: FLOOR,
  genericFloor: GENERIC_FLOOR,
});
