/**
 * The fifty-third holdout corpus: real responses from 30 vendor families in none of the public corpus and the first
 * fifty-two holdouts (language learning: AnkiConnect, Anki's sync server, Jotoba, Tatoeba; CMSs: Plone's REST API,
 * ApostropheCMS, Cockpit, Decap's Git Gateway, Joomla's web services; local generation: AI Horde, KoboldCpp, SwarmUI,
 * stable-diffusion.cpp's server, Fooocus-API; downloads: Flood, Porla, qui, pyLoad, cross-seed, rTorrent; business:
 * ActivityWatch, Bigcapital, Titra, Cattr, Wakapi; observatories: N.I.N.A.'s Advanced API, indi-allsky, Stellarium's
 * remote control, ASCOM Alpaca, the ZWO Seestar), gathered blind while the fifty-second holdout was spent, labelled from
 * their sources and the catalog before faultline ran on them (each unsure label carries a `note`). Gatherers were told to
 * skip every vendor faultline has a profile for. A second reader checked two cases of every family against its source: 59
 * of 60 matched (a body put together from two commits, which the server writes with one more member: dropped). A second
 * labeller, labelling blind from the responses alone under neutral ids, agreed on the code for 88.4% of its cases (99.2% of
 * the 124 where both were sure).
 *
 * The floors hold the score measured, rounded down to 0.1%, after the set was spent on its own misses. A change that
 * loses a right answer here fails; a rise means the floor may be raised.
 */
import { HOLDOUT53_DIR, HOLDOUT_SETS } from './corpus/corpus.js';
import { holdoutSuite } from './corpus/holdout-suite.js';

/**
 * Measured on the fifty-third holdout (scripts/corpus-score.ts, hundred-and-seventh section), blind: code 66.1, retry
 * 90.4, vendorCode 82.9, requestId 97.6, retryAfterMs 99.6 (generic layer: retry 90.8) after the fifty-second's rules
 * (3412659); before them (bd3f699) every answer the same. The status alone gets the code right for 51.0% and the retry
 * class for 86.1%. After its own rules (test/vendors/generic-holdout53-shapes.test.ts): code 71.7, retry 91.6, vendorCode
 * 90.8, requestId 99.6, retryAfterMs 99.6 (generic layer: retry 92.0).
 */
const FLOOR = { code: 0.717, retry: 0.916, vendorCode: 0.908, requestId: 0.996, retryAfterMs: 0.996 } as const;
const GENERIC_FLOOR = { code: 0.717, retry: 0.92, vendorCode: 0.908, requestId: 0.996, retryAfterMs: 0.996 } as const;

holdoutSuite({
  name: 'the fifty-third holdout corpus',
  dir: HOLDOUT53_DIR,
  earlier: HOLDOUT_SETS.slice(0, 52),
  minCases: 251,
  minFamilies: 30,
  floor: FLOOR,
  genericFloor: GENERIC_FLOOR,
});
