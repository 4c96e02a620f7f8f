/**
 * The second holdout corpus: real responses from vendor families in neither the public corpus nor the
 * first holdout, gathered after the first holdout was spent on fixing the general causes it revealed.
 * No rule has been tuned on it, so its score is the honest estimate of how classify does on vendors
 * nobody here has seen. Same file format and label rules as the public corpus (./corpus/corpus.ts);
 * every family has `profile: null`.
 *
 * The floors hold the score measured when it was gathered, rounded down to 0.1%. A change that loses a
 * right answer here fails; a rise means the floor may be raised. Never tune a rule on these cases: once
 * a rule names what only a holdout case says, the holdout stops measuring anything.
 */
import { HOLDOUT2_DIR, HOLDOUT_SETS } from './corpus/corpus.js';
import { holdoutSuite } from './corpus/holdout-suite.js';

/**
 * Measured (scripts/corpus-score.ts, fifth section), rounded down to 0.1%. As gathered it scored code
 * 75.6% and vendorCode 72.4%; rules were then written against its misses, so it is spent: it now guards
 * those rules, and only the newest holdout (corpus-holdout-3) measures vendors the rules have not seen.
 * Code was 97.4% until session 10 read "could not be found" as not found (TMDB's "The resource you requested
 * could not be found", and many vendors'): Xero's ValidationException that lists "Account could not be found"
 * among its errors now reads not_found, one case, traded knowingly.
 */
const FLOOR = { code: 0.961, retry: 1, vendorCode: 1, requestId: 0.987, retryAfterMs: 0.972 } as const;
const GENERIC_FLOOR = { code: 0.961, retry: 1, vendorCode: 1, requestId: 0.987, retryAfterMs: 0.972 } as const;

holdoutSuite({ name: 'the second holdout corpus', dir: HOLDOUT2_DIR, earlier: HOLDOUT_SETS.slice(0, 1), minCases: 60, minFamilies: 20, floor: FLOOR, genericFloor: GENERIC_FLOOR });
