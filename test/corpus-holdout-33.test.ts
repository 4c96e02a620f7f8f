/**
 * The thirty-third holdout corpus: real responses from 34 vendor families in none of the public corpus and the first
 * thirty-two holdouts (home-lab and network appliances: AdGuard Home, MikroTik RouterOS, OPNsense, pfSense's REST API,
 * Pi-hole, Synology DSM, TrueNAS; self-hosted media and document servers: Audiobookshelf, Overseerr, Paperless-ngx,
 * Radarr, Tautulli; surveys and office documents: CERN's WOPI server, Etherpad, Formbricks, ODK Central, ONLYOFFICE;
 * code forges and issue trackers: Bugzilla, OpenProject, Pagure, Phabricator, Pivotal Tracker, Taiga; legal,
 * agriculture and pets: docassemble, FarmBot, Harvey, Petfinder, TheCatAPI; marketplaces: Lazada, Mercari, Ozon,
 * Rakuten, Trendyol, Yandex Market), gathered blind while the thirty-second holdout was being spent, labelled from
 * their sources and the catalog before faultline ran on them (each unsure label carries a `note`). A second reader
 * checked two cases of every family against its source: 67 matched, none differed, and the one whose source could
 * not be opened (a TheDogAPI docs page) is left out. A second labeller, labelling blind from the responses alone,
 * agreed on the code for 92.8% of its cases (100% of the 108 where both were sure).
 * Spent in session 21: its misses gave the rules test/vendors/generic-holdout33-shapes.test.ts pins.
 *
 * The floors hold the score measured, rounded down to 0.1%. A change that loses a right answer here
 * fails; a rise means the floor may be raised.
 */
import { HOLDOUT33_DIR, HOLDOUT_SETS } from './corpus/corpus.js';
import { holdoutSuite } from './corpus/holdout-suite.js';

/**
 * Measured on the thirty-third holdout (scripts/corpus-score.ts, sixty-seventh section), blind: code 67.6, retry 92.3,
 * vendorCode 82.6, requestId 100, retryAfterMs 100 on 93017db and after the thirty-second's rules, every answer the
 * same. The status alone gets the code right for 53.1% and the retry class for 92.8%.
 * After its own rules: code 76.8, retry 94.7, vendorCode 94.2, requestId 100, retryAfterMs 100 (generic layer: code
 * 76.3, vendorCode 92.8); the floors below.
 */
const FLOOR = { code: 0.768, retry: 0.946, vendorCode: 0.942, requestId: 1, retryAfterMs: 1 } as const;
const GENERIC_FLOOR = { code: 0.763, retry: 0.946, vendorCode: 0.927, requestId: 1, retryAfterMs: 1 } as const;

holdoutSuite({
  name: 'the thirty-third holdout corpus',
  dir: HOLDOUT33_DIR,
  earlier: HOLDOUT_SETS.slice(0, 32),
  minCases: 207,
  minFamilies: 34,
  floor: FLOOR,
  genericFloor: GENERIC_FLOOR,
});
