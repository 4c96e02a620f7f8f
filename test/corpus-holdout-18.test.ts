/**
 * The eighteenth holdout corpus: real responses from 28 vendor families in none of the public corpus and the
 * first seventeen holdouts (FreshBooks, NetSuite, Gusto, Exact Online, Moneybird, Sage Intacct, Fortnox, BambooHR,
 * lexoffice, MYOB; RingCentral, Sinch, SMSAPI, SignalWire, Textbelt, DIDWW, Clickatell, VoIP.ms; App Store
 * Connect, Bitrise, App Center, Bugsnag, Honeybadger, Cloudsmith, packagecloud, pub.dev, Hex, Codacy), gathered
 * blind by three gatherers while the seventeenth holdout was being spent, labelled from their sources and the
 * catalog before faultline ran on them (each unsure label carries a `note`). Same file format and label rules
 * as the public corpus (./corpus/corpus.ts); every family has `profile: null`. No rule has been written from
 * its misses: it is the set that measures unseen vendors. A second labeller, labelling blind, agreed on the
 * code for 91.0% of its cases (96.6% where both were sure; the rest split invalid_request from validation_failed).
 *
 * The floors hold the score measured, rounded down to 0.1%. A change that loses a right answer here
 * fails; a rise means the floor may be raised.
 */
import { HOLDOUT18_DIR, HOLDOUT_SETS } from './corpus/corpus.js';
import { holdoutSuite } from './corpus/holdout-suite.js';

/**
 * Measured on the eighteenth holdout (scripts/corpus-score.ts, thirty-seventh section). Scored blind on five
 * trees: the session's starting tree (b3a41fe), after the fourteenth's, fifteenth's, sixteenth's and
 * seventeenth's rules (4de67a8, 2bd303e, 619cb53, 276dd79): code 67.6%, 67.6%, 67.6%, 68.3%, 68.3%. The
 * generic layer alone scores it higher than the default classify (69.7%): a profile answers two of its
 * cases worse than the generic layer would.
 */
const FLOOR = { code: 0.682, retry: 0.937, vendorCode: 0.793, requestId: 0.993, retryAfterMs: 1 } as const;
const GENERIC_FLOOR = { code: 0.696, retry: 0.931, vendorCode: 0.806, requestId: 0.993, retryAfterMs: 1 } as const;

holdoutSuite({
  name: 'the eighteenth holdout corpus',
  dir: HOLDOUT18_DIR,
  earlier: HOLDOUT_SETS.slice(0, 17),
  minCases: 140,
  minFamilies: 28,
  floor: FLOOR,
  genericFloor: GENERIC_FLOOR,
});
