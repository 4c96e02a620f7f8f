/**
 * The twenty-seventh holdout corpus: real responses from 35 vendor families in none of the public corpus and the first
 * twenty-six holdouts (sports data and betting: ESPN, MLB Stats API, NBA Stats, Yahoo Fantasy, Pinnacle, OddsPapi;
 * government and open data: HMRC, EU VIES, NOAA Climate Data Online, Open States, BLS, Deutsche Bahn; HR and payroll:
 * ADP, Bullhorn, Harvest, Kimai, Tempo, WakaTime; captcha and fraud detection: Google reCAPTCHA, Friendly Captcha,
 * Anti-Captcha, CapMonster Cloud, NopeCHA, Fingerprint; smart home and energy: tado°, Tibber, Solcast, SolisCloud,
 * Sungrow iSolarCloud, Azure IoT Hub; news and media: Feedly, Medium, The New York Times, NewsCatcher, Subsonic),
 * gathered blind while the twenty-sixth holdout was being spent, labelled from their sources and the catalog before
 * faultline ran on them (each unsure label carries a `note`). A second reader checked two cases of every family
 * against its source: 68 of 70 matched, the one it could not find again was dropped, and the note of the one whose
 * source quotes it with Markdown markers says so. A second labeller, labelling blind from the responses alone, agreed
 * on the code for 96.4% of its cases (100% of the 111 where both were sure). Spent in session 18: its misses gave
 * the rules test/vendors/generic-holdout27-shapes.test.ts pins.
 *
 * The floors hold the score measured, rounded down to 0.1%. A change that loses a right answer here
 * fails; a rise means the floor may be raised.
 */
import { HOLDOUT27_DIR, HOLDOUT_SETS } from './corpus/corpus.js';
import { holdoutSuite } from './corpus/holdout-suite.js';

/**
 * Measured on the twenty-seventh holdout (scripts/corpus-score.ts, fifty-fifth section), blind: code 68.0, retry 88.8,
 * vendorCode 77.1, requestId 94.9 on 4e9ff23 (the tree session 18 started from) and after the twenty-sixth's rules
 * (12581d7), every answer the same. The status alone gets the code right for 45.2% and the retry class for 81.7%.
 * After its own rules: code 78.6, retry 93.4, vendorCode 85.2, requestId 94.9; the floors below.
 */
const FLOOR = { code: 0.786, retry: 0.934, vendorCode: 0.852, requestId: 0.949, retryAfterMs: 1 } as const;
const GENERIC_FLOOR = { code: 0.786, retry: 0.939, vendorCode: 0.852, requestId: 0.949, retryAfterMs: 1 } as const;

holdoutSuite({
  name: 'the twenty-seventh holdout corpus',
  dir: HOLDOUT27_DIR,
  earlier: HOLDOUT_SETS.slice(0, 26),
  minCases: 195,
  minFamilies: 35,
  floor: FLOOR,
  genericFloor: GENERIC_FLOOR,
});
