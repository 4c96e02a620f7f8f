/**
 * The thirteenth holdout corpus: real responses from 18 vendor families in none of the public corpus and
 * the first twelve holdouts (Matrix, VK, Tumblr, Discourse, Nylas, SoundCloud, Agora, PeerTube, Sendbird;
 * the US weather service, NCBI E-utilities, TrueLayer, openFDA, CryptoCompare, ORCID, SEC EDGAR, OpenAlex,
 * Companies House), gathered blind by two gatherers while the eleventh and twelfth holdouts were being
 * spent, labelled from their sources and the catalog before faultline ran on them (each unsure label
 * carries a `note`). Same file format and label rules as the public corpus (./corpus/corpus.ts); every
 * family has `profile: null`. No rule has been written from its misses: it measures vendors nobody here
 * has looked at. A second labeller, labelling blind, agreed on the code for 95.7% of its cases.
 *
 * The floors hold the score measured, rounded down to 0.1%. A change that loses a right answer here
 * fails; a rise means the floor may be raised.
 */
import { HOLDOUT13_DIR, HOLDOUT_SETS } from './corpus/corpus.js';
import { holdoutSuite } from './corpus/holdout-suite.js';

/**
 * Measured on the thirteenth holdout (scripts/corpus-score.ts, twenty-seventh section). Scored blind on
 * three trees: the session's starting tree (6cb1600), after the eleventh's rules and after the twelfth's:
 * code 77.7% on all three, no answer gained or lost in any field.
 */
const FLOOR = { code: 0.776, retry: 0.882, vendorCode: 0.819, requestId: 0.914, retryAfterMs: 0.978 } as const;
const GENERIC_FLOOR = { code: 0.786, retry: 0.893, vendorCode: 0.765, requestId: 0.967, retryAfterMs: 0.978 } as const;

holdoutSuite({
  name: 'the thirteenth holdout corpus',
  dir: HOLDOUT13_DIR,
  earlier: HOLDOUT_SETS.slice(0, 12),
  minCases: 90,
  minFamilies: 18,
  floor: FLOOR,
  genericFloor: GENERIC_FLOOR,
});
