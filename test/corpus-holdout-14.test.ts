/**
 * The fourteenth holdout corpus: real responses from 20 vendor families in none of the public corpus and
 * the first thirteen holdouts (Tuya, Tesla, Smartcar, SmartThings, Philips Hue, SwitchBot, ecobee, Netatmo,
 * UniFi, OctoPrint; Moodle, Canvas LMS, Evernote, Toggl, Clockify, Withings, Greenhouse, Zammad, Odoo,
 * Zillow), gathered blind by two gatherers while the thirteenth holdout was being spent, labelled from their
 * sources and the catalog before faultline ran on them (each unsure label carries a `note`). Same file
 * format and label rules as the public corpus (./corpus/corpus.ts); every family has `profile: null`. It
 * measured the tree blind (55.3% on four trees), then was spent: rules were written from its misses
 * (test/vendors/generic-holdout14-shapes.test.ts), so it no longer measures unseen vendors; the fifteenth
 * holdout does.
 * A second labeller, labelling blind, agreed on the code for 95.1% of its cases.
 *
 * The floors hold the score measured, rounded down to 0.1%. A change that loses a right answer here
 * fails; a rise means the floor may be raised.
 */
import { HOLDOUT14_DIR, HOLDOUT_SETS } from './corpus/corpus.js';
import { holdoutSuite } from './corpus/holdout-suite.js';

/**
 * Measured on the fourteenth holdout (scripts/corpus-score.ts, twenty-ninth section). Scored blind on four
 * trees: the session's starting tree (6cb1600), after the eleventh's and twelfth's rules, after the
 * thirteenth's, and after the narrowed phrase: code 55.3% on all four. The second and third lost one retry
 * answer (88.3% → 87.4%), which the narrowed phrase gave back: the last tree answers every case as the first.
 * After the rules its own misses gave: 64.1%; after the fifteenth's (a traceback read without its frames): 65.0%; after the sixteenth's (a member printed empty says nothing): 66.0%.
 */
const FLOOR = { code: 0.66, retry: 0.912, vendorCode: 0.728, requestId: 0.961, retryAfterMs: 0.97 } as const;
const GENERIC_FLOOR = { code: 0.66, retry: 0.912, vendorCode: 0.728, requestId: 0.961, retryAfterMs: 0.97 } as const;

holdoutSuite({
  name: 'the fourteenth holdout corpus',
  dir: HOLDOUT14_DIR,
  earlier: HOLDOUT_SETS.slice(0, 13),
  minCases: 100,
  minFamilies: 20,
  floor: FLOOR,
  genericFloor: GENERIC_FLOOR,
});
