/**
 * The nineteenth holdout corpus: real responses from 28 vendor families in none of the public corpus and the
 * first eighteen holdouts (Crowdin, Lokalise, Phrase, Transifex, Weblate, Smartling, POEditor, Tolgee, Traduora,
 * Locize; Blockfrost, BlockCypher, Pinata, OpenSea, QuickNode, Solana RPC, The Graph, Ankr, Moralis; api.video,
 * CloudConvert, ConvertAPI, Kaltura, Zencoder, Brightcove, JW Player, Dailymotion, Zamzar), gathered blind by three
 * gatherers while the eighteenth holdout was being spent, labelled from their sources and the catalog before
 * faultline ran on them (each unsure label carries a `note`). Same file format and label rules as the public
 * corpus (./corpus/corpus.ts); every family has `profile: null`. A second labeller, labelling blind, agreed on
 * the code for 98.5% of its cases (100% where both were sure). It measured two trees blind; rules have since
 * been written from its misses (./vendors/generic-holdout19-shapes.test.ts), so it no longer measures unseen
 * vendors: the twentieth holdout does.
 *
 * The floors hold the score measured, rounded down to 0.1%. A change that loses a right answer here
 * fails; a rise means the floor may be raised.
 */
import { HOLDOUT19_DIR, HOLDOUT_SETS } from './corpus/corpus.js';
import { holdoutSuite } from './corpus/holdout-suite.js';

/**
 * Measured on the nineteenth holdout (scripts/corpus-score.ts, thirty-ninth section). Scored blind on two
 * trees, the starting tree of session 14 (bb44b83) and after the eighteenth's rules: code 69.1% on both (the
 * eighteenth's rules changed none of its answers). The status alone gets the code right for 12.5% (24 of
 * its 136 cases carry one). After its own rules: code 80.9%, retry 95.6%, vendorCode 90.4%.
 */
const FLOOR = { code: 0.808, retry: 0.955, vendorCode: 0.904, requestId: 0.970, retryAfterMs: 1 } as const;
const GENERIC_FLOOR = { code: 0.794, retry: 0.948, vendorCode: 0.838, requestId: 0.977, retryAfterMs: 1 } as const;

holdoutSuite({
  name: 'the nineteenth holdout corpus',
  dir: HOLDOUT19_DIR,
  earlier: HOLDOUT_SETS.slice(0, 18),
  minCases: 130,
  minFamilies: 28,
  floor: FLOOR,
  genericFloor: GENERIC_FLOOR,
});
