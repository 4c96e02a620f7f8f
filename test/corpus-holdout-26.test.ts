/**
 * The twenty-sixth holdout corpus: real responses from 32 vendor families in none of the public corpus and the first
 * twenty-five holdouts (travel: Hotelbeds, Travelport, Skyscanner, Sabre, aviationstack; learning: Clever, D2L
 * Brightspace, Schoology, Duolingo, O'Reilly Learning, Exercism; games: osu!, PlayStation Network, Xbox Live,
 * RoyaleAPI, Chess.com, Wargaming; translation and search: Azure Translator, Google Cloud Translation, Bing Search,
 * Yandex Translate, Media Cloud; vehicles and property: BMW ConnectedDrive, Hyundai/Kia Connect, Renault, Volvo Cars,
 * GM OnStar, RETS; meetings: Webex, BigBlueButton, Daily, Amazon Chime SDK), gathered blind while the twenty-fifth
 * holdout was being spent, labelled from their sources and the catalog before faultline ran on them (each unsure label
 * carries a `note`). A Twilio family was left out: Twilio has a profile. A second reader checked two cases of every
 * family against its source: all 66 checked matched. A second labeller, labelling blind from the responses alone,
 * agreed on the code for 94.7% of its cases (100% of the 83 where both were sure). Spent in session 18: its misses
 * gave the rules test/vendors/generic-holdout26-shapes.test.ts pins.
 *
 * The floors hold the score measured, rounded down to 0.1%. A change that loses a right answer here
 * fails; a rise means the floor may be raised.
 */
import { HOLDOUT26_DIR, HOLDOUT_SETS } from './corpus/corpus.js';
import { holdoutSuite } from './corpus/holdout-suite.js';

/**
 * Measured on the twenty-sixth holdout (scripts/corpus-score.ts, fifty-third section), blind: code 67.2, retry 86.2,
 * vendorCode 70.9 on 0bfb381 (the tree session 17 started from), after the twenty-third's rules (112efb7) and after
 * the twenty-fourth's and twenty-fifth's: the code the same on all four; requestId 91.0 → 92.6. The status alone gets
 * the code right for 45.0% and the retry class for 83.6%. After its own rules (session 18): code 80.4, retry 90.5,
 * vendorCode 78.8, requestId 94.2; the floors below.
 */
const FLOOR = { code: 0.804, retry: 0.904, vendorCode: 0.788, requestId: 0.941, retryAfterMs: 0.978 } as const;
const GENERIC_FLOOR = { code: 0.804, retry: 0.904, vendorCode: 0.804, requestId: 0.941, retryAfterMs: 0.978 } as const;

holdoutSuite({
  name: 'the twenty-sixth holdout corpus',
  dir: HOLDOUT26_DIR,
  earlier: HOLDOUT_SETS.slice(0, 25),
  minCases: 185,
  minFamilies: 32,
  floor: FLOOR,
  genericFloor: GENERIC_FLOOR,
});
