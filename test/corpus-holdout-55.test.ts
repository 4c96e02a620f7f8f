/**
 * The fifty-fifth holdout corpus: real responses from 27 vendor families in none of the public corpus and the first
 * fifty-four holdouts (SMS: Jasmin, Kannel, SMSGate's android-sms-gateway, textbee, RapidPro's Courier; IoT connectivity:
 * ChirpStack, the Helium Console, Eclipse Hono, FIWARE's IoT Agent; reading: KOReader's sync server, kiwix-serve, Librum,
 * Readest, calibre's content server; schools: Ed-Fi, Ilios, WebUntis, EcoleDirecte; health: the Community Health Toolkit,
 * OpenHIM, EHRbase, Tamanu; radio: Rivendell, LibreTime, Liquidsoap, MediaMTX, OpenBroadcaster), gathered blind while the
 * fifty-fourth holdout was spent, labelled from their sources and the catalog before faultline ran on them (each unsure
 * label carries a `note`). Gatherers were told to skip every vendor faultline has a profile for. A second reader checked
 * two cases of every family against its source: 54 of 54 matched. A second labeller, labelling blind from the responses
 * alone under neutral ids, agreed on the code for 90.2% of its cases (100% of the 112 where both were sure).
 *
 * The floors hold the score measured, rounded down to 0.1%, after the set was spent on its own misses. A change that
 * loses a right answer here fails; a rise means the floor may be raised.
 */
import { HOLDOUT55_DIR, HOLDOUT_SETS } from './corpus/corpus.js';
import { holdoutSuite } from './corpus/holdout-suite.js';

/**
 * Measured on the fifty-fifth holdout (scripts/corpus-score.ts, hundred-and-eleventh section), blind: code 68.8, retry
 * 93.2, vendorCode 91.9, requestId 99.6, retryAfterMs 100 (generic layer: code 69.7, retry 92.7, vendorCode 94.0) after the
 * fifty-fourth's rules (f8bdc60); before them (71d93b4) every answer the same. The status alone gets the code right for
 * 58.1% and the retry class for 93.6%. After its own rules (test/vendors/generic-holdout55-shapes.test.ts): code 70.1
 * (generic layer 70.9), the other fields the same.
 */
const FLOOR = { code: 0.7, retry: 0.931, vendorCode: 0.918, requestId: 0.995, retryAfterMs: 1 } as const;
const GENERIC_FLOOR = { code: 0.709, retry: 0.927, vendorCode: 0.94, requestId: 0.995, retryAfterMs: 1 } as const;

holdoutSuite({
  name: 'the fifty-fifth holdout corpus',
  dir: HOLDOUT55_DIR,
  earlier: HOLDOUT_SETS.slice(0, 54),
  minCases: 234,
  minFamilies: 27,
  floor: FLOOR,
  genericFloor: GENERIC_FLOOR,
});
