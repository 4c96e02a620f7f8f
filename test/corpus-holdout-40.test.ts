/**
 * The fortieth holdout corpus: real responses from 58 vendor families in none of the public corpus and the first
 * thirty-nine holdouts (headless commerce and CMS: Vendure, Drupal, Payload, Keystone, Sylius, Spree, Bagisto, Craft,
 * Umbraco, Wagtail, Kirby; search, brokers and real-time: Manticore, Quickwit, ZincSearch, Redpanda, Kafka Connect,
 * EventStoreDB, Centrifugo, Mercure, Soketi; network and infrastructure: FortiGate, PAN-OS, VyOS, OpenWrt, Gatus; CI/CD:
 * TeamCity, GoCD, Spinnaker, Rundeck, Semaphore, Buildbot; low-code, help desks and documents: Grist, Teable, Huginn,
 * NocoBase, SeaTable, UVdesk, FreeScout, Docspell, Mayan EDMS; payments and banking: PagSeguro, PayMongo, Affirm,
 * Afterpay, Worldpay, BlueSnap, EBANX, Revolut, Yapily; home and energy: ESPHome, Tasmota, Homebridge, Homey, Sonos,
 * Fronius, Growatt; fediverse and comments: Akkoma/Pleroma, remark42), gathered blind after the thirty-ninth holdout
 * was spent, labelled from their sources and the catalog before faultline ran on them (each unsure label carries a
 * `note`). A second reader checked two cases of every family against its source: 113 of 116 matched, one did not (a
 * Mayan EDMS 403 its server answers with an empty 200; dropped) and two could not be found (a PAN-OS pull request; a
 * SeaTable docs page whose body first appears one commit later than cited, now cited there). A second labeller,
 * labelling blind from the responses alone, agreed on the code for 91.3% of its cases (100% of the 204 where both were
 * sure).
 *
 * The floors hold the score measured, rounded down to 0.1%, after the set was spent on its own misses. A change that
 * loses a right answer here fails; a rise means the floor may be raised.
 */
import { HOLDOUT40_DIR, HOLDOUT_SETS } from './corpus/corpus.js';
import { holdoutSuite } from './corpus/holdout-suite.js';

/**
 * Measured on the fortieth holdout (scripts/corpus-score.ts, eighty-first section), blind: code 72.0, retry 96.5,
 * vendorCode 82.9, requestId 93.8, retryAfterMs 100 (generic layer: code 72.8, retry 96.7, vendorCode 83.4) after the
 * thirty-ninth's rules (557a921); before them (e9018e1) every answer was the same. The status alone gets the code right
 * for 54.1% and the retry class for 95.1%. After its own rules (test/vendors/generic-holdout40-shapes.test.ts): code 76.9,
 * retry 97.0, vendorCode 90.5, requestId 98.1, retryAfterMs 100 (generic layer: code 77.4, vendorCode 89.9); the forty-first's JSON-RPC rule
 * then read OpenWrt's -32002 "Access denied" by its words (retry 97.3).
 */
const FLOOR = { code: 0.769, retry: 0.972, vendorCode: 0.904, requestId: 0.98, retryAfterMs: 1 } as const;
const GENERIC_FLOOR = { code: 0.774, retry: 0.97, vendorCode: 0.899, requestId: 0.98, retryAfterMs: 1 } as const;

holdoutSuite({
  name: 'the fortieth holdout corpus',
  dir: HOLDOUT40_DIR,
  earlier: HOLDOUT_SETS.slice(0, 39),
  minCases: 368,
  minFamilies: 58,
  floor: FLOOR,
  genericFloor: GENERIC_FLOOR,
});
