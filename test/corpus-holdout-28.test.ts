/**
 * The twenty-eighth holdout corpus: real responses from 30 vendor families in none of the public corpus and the first
 * twenty-seven holdouts (document processing and OCR: AWS Textract, Azure Document Intelligence, Google Document AI,
 * Gotenberg, Mathpix; crypto exchanges and wallets: Bitget, BitGo, BitMEX, HTX, MEXC, TON Center, TronGrid; healthcare
 * and FHIR servers: Azure API for FHIR, HAPI FHIR, Google Fit, Nightscout, Peloton, Tandem t:connect; earth observation
 * and environment: Copernicus CDS, Electricity Maps, Google Earth Engine, IQAir, Microsoft Planetary Computer, USDA NASS
 * Quick Stats; food and nutrition: DoorDash, FatSecret, Mealie; notifications and e-mail: Amazon SES, Firebase Cloud
 * Messaging, Pushover), gathered blind while the twenty-seventh holdout was being spent, labelled from their sources
 * and the catalog before faultline ran on them (each unsure label carries a `note`). A second reader checked two cases
 * of every family against its source: 58 of 60 matched, the one it could not find again was dropped, and the one
 * whose body had escaped quotes its source does not was mended. A second labeller, labelling blind from the responses alone, agreed
 * on the code for 96.0% of its cases (100% of the 96 where both were sure); where it named a FHIR issue type as the
 * vendor code and the first labels had none, the labels follow it and the twenty-first holdout's Cerner cases.
 * Spent in session 19: its misses gave the rules test/vendors/generic-holdout28-shapes.test.ts pins.
 *
 * The floors hold the score measured, rounded down to 0.1%. A change that loses a right answer here
 * fails; a rise means the floor may be raised.
 */
import { HOLDOUT28_DIR, HOLDOUT_SETS } from './corpus/corpus.js';
import { holdoutSuite } from './corpus/holdout-suite.js';

/**
 * Measured on the twenty-eighth holdout (scripts/corpus-score.ts, fifty-seventh section), blind: code 70.7, retry 90.8,
 * vendorCode 83.3, requestId 92.0 on 989aebb and after the twenty-seventh's rules (fca44ad), every answer the same.
 * The status alone gets the code right for 36.8% and the retry class for 82.2%.
 * After its own rules: code 85.1, retry 95.4, vendorCode 89.1, requestId 96.0, retryAfterMs 100; the floors below.
 */
const FLOOR = { code: 0.85, retry: 0.954, vendorCode: 0.89, requestId: 0.959, retryAfterMs: 1 } as const;
const GENERIC_FLOOR = { code: 0.833, retry: 0.948, vendorCode: 0.89, requestId: 0.959, retryAfterMs: 1 } as const;

holdoutSuite({
  name: 'the twenty-eighth holdout corpus',
  dir: HOLDOUT28_DIR,
  earlier: HOLDOUT_SETS.slice(0, 27),
  minCases: 174,
  minFamilies: 30,
  floor: FLOOR,
  genericFloor: GENERIC_FLOOR,
});
