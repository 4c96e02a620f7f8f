/**
 * The thirteenth holdout corpus: real responses from 18 vendor families in none of the public corpus and
 * the first twelve holdouts (Matrix, VK, Tumblr, Discourse, Nylas, SoundCloud, Agora, PeerTube, Sendbird;
 * the US weather service, NCBI E-utilities, TrueLayer, openFDA, CryptoCompare, ORCID, SEC EDGAR, OpenAlex,
 * Companies House), gathered blind by two gatherers while the eleventh and twelfth holdouts were being
 * spent, labelled from their sources and the catalog before faultline ran on them (each unsure label
 * carries a `note`). Same file format and label rules as the public corpus (./corpus/corpus.ts); every
 * family has `profile: null`. It measured the tree blind (77.7% on three trees), then was spent: rules
 * were written from its misses (test/vendors/generic-holdout13-shapes.test.ts), so it no longer measures
 * unseen vendors; the fourteenth holdout does. A second labeller, labelling blind, agreed on the code for
 * 95.7% of its cases.
 *
 * The floors hold the score measured, rounded down to 0.1%. A change that loses a right answer here
 * fails; a rise means the floor may be raised.
 */
import { HOLDOUT13_DIR, HOLDOUT_SETS } from './corpus/corpus.js';
import { holdoutSuite } from './corpus/holdout-suite.js';

/**
 * Measured on the thirteenth holdout (scripts/corpus-score.ts, twenty-seventh section). Blind: code 77.7% on
 * three trees (6cb1600, after the eleventh's rules, after the twelfth's), no answer changed between them.
 * After the rules its own misses gave: 85.1%.
 */
const FLOOR = { code: 0.851, retry: 0.904, vendorCode: 0.84, requestId: 0.978, retryAfterMs: 0.989 } as const;
const GENERIC_FLOOR = { code: 0.872, retry: 0.914, vendorCode: 0.787, requestId: 0.978, retryAfterMs: 0.989 } as const;

holdoutSuite({
  name: 'the thirteenth holdout corpus',
  dir: HOLDOUT13_DIR,
  earlier: HOLDOUT_SETS.slice(0, 12),
  minCases: 90,
  minFamilies: 18,
  floor: FLOOR,
  genericFloor: GENERIC_FLOOR,
});
