/**
 * The ninth holdout corpus: real responses from 30 vendor families in none of the public corpus and
 * the first eight holdouts, gathered blind by three gatherers while the seventh and eighth holdouts were
 * being spent, labelled from their sources and the catalog before faultline ran on them. Same file format
 * and label rules as the public corpus (./corpus/corpus.ts); every family has `profile: null`.
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
 * asks for whole milliseconds, so they were rounded (8, 15314) before scoring.
 */
const FLOOR = { code: 0.746, retry: 0.91, vendorCode: 0.678, requestId: 0.89, retryAfterMs: 0.972 } as const;
const GENERIC_FLOOR = { code: 0.746, retry: 0.91, vendorCode: 0.684, requestId: 0.89, retryAfterMs: 0.972 } as const;

holdoutSuite({
  name: 'the ninth holdout corpus',
  dir: HOLDOUT9_DIR,
  earlier: HOLDOUT_SETS.slice(0, 8),
  minCases: 140,
  minFamilies: 28,
  floor: FLOOR,
  genericFloor: GENERIC_FLOOR,
});
