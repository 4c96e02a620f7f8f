/**
 * The thirty-fourth holdout corpus: real responses from 34 vendor families in none of the public corpus and the first
 * thirty-three holdouts (game mods and game data: CurseForge, IGDB, mod.io, Modrinth, Nexus Mods, OpenDota,
 * speedrun.com; energy, grid and weather data: ENTSO-E, Forecast.Solar, Pirate Weather, WattTime; flight data: adsb.lol,
 * adsbdb, AVWX, Flightradar24; home automation: deCONZ, Domoticz, Frigate, ioBroker, Node-RED, WLED; secrets and
 * certificate authorities: CFSSL, CyberArk Conjur, Hyperledger Fabric CA, Infisical, step-ca, Venafi, ZeroSSL;
 * research data: CKAN, Dataverse, Dryad, Figshare, OSF, Unpaywall), gathered blind while the thirty-third holdout was
 * being spent, labelled from their sources and the catalog before faultline ran on them (each unsure label carries a
 * `note`). A second reader checked two cases of every family against its source: 67 matched, none differed, and the
 * one whose source could not be found (a WattTime exporter's issue) is left out. A second labeller, labelling blind
 * from the responses alone, agreed on the code for 96.2% of its cases (100% of the 129 where both were sure).
 * Spent in session 21: its misses gave the rules test/vendors/generic-holdout34-shapes.test.ts pins.
 *
 * The floors hold the score measured, rounded down to 0.1%. A change that loses a right answer here
 * fails; a rise means the floor may be raised.
 */
import { HOLDOUT34_DIR, HOLDOUT_SETS } from './corpus/corpus.js';
import { holdoutSuite } from './corpus/holdout-suite.js';

/**
 * Measured on the thirty-fourth holdout (scripts/corpus-score.ts, sixty-ninth section), blind: code 83.4, retry 96.7,
 * vendorCode 88.2, requestId 98.6, retryAfterMs 99.1 on 93017db, after the thirty-second's rules (b81ec87) and after
 * the thirty-third's (d4d3860), every answer the same. The status alone gets the code right for 66.8% and the retry
 * class for 94.8%.
 * After its own rules: code 85.8, retry 96.7, vendorCode 95.7, requestId 99.5, retryAfterMs 100 (generic layer:
 * vendorCode 96.2). After the backlog's words (test/vendors/generic-backlog-words.test.ts): code 86.3; the floors below.
 */
const FLOOR = { code: 0.862, retry: 0.966, vendorCode: 0.957, requestId: 0.995, retryAfterMs: 1 } as const;
const GENERIC_FLOOR = { code: 0.862, retry: 0.966, vendorCode: 0.962, requestId: 0.995, retryAfterMs: 1 } as const;

holdoutSuite({
  name: 'the thirty-fourth holdout corpus',
  dir: HOLDOUT34_DIR,
  earlier: HOLDOUT_SETS.slice(0, 33),
  minCases: 211,
  minFamilies: 34,
  floor: FLOOR,
  genericFloor: GENERIC_FLOOR,
});
