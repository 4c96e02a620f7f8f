/**
 * The sixty-seventh holdout corpus: real responses from 24 vendor families in none of the public corpus and the first
 * sixty-six holdouts (crypto payments: SHKeeper, SatSale, MoneroPay, NOWPayments, BitPay; SMS: Zenvia, SOLAPI, Fast2SMS,
 * Alibaba Cloud SMS; generation: midjourney-proxy, suno-api, Pollinations, Civitai; forms: Formspree, Staticman, Typebot,
 * OpenformStack; banking and lending: Apache Fineract, Mambu, ICE Encompass, Blnk; gift cards and top-ups: Setu's
 * prepaid recharge, Reloadly, Chimoney), gathered blind while the sixty-sixth holdout was spent, labelled from their
 * sources and the catalog before faultline ran on them (each unsure label carries a `note`). Gatherers were told to skip
 * every vendor faultline has a profile for. Five NOWPayments cases copied from a third party's copy of the vendor's Postman
 * collection were dropped before checking. A second reader checked two cases of every family against its source: 47 of 47
 * matched. A second labeller, labelling blind from the responses alone under neutral ids, agreed on the code for 89.3% of
 * its cases (98.6% of the 70 where both were sure).
 *
 * The floors hold the score measured, rounded down to 0.1%, after the set was spent on its own misses. A change that
 * loses a right answer here fails; a rise means the floor may be raised.
 */
import { HOLDOUT67_DIR, HOLDOUT_SETS } from './corpus/corpus.js';
import { holdoutSuite } from './corpus/holdout-suite.js';

/**
 * Measured on the sixty-seventh holdout (scripts/corpus-score.ts, hundred-and-thirty-fifth section), blind: code 61.8,
 * retry 90.4, vendorCode 82.0, requestId 94.9, retryAfterMs 100 (generic layer: retry 91.0, requestId 98.9) after the
 * sixty-sixth's rules (6e0513d); before them (27eee16) every answer the same. The status alone gets the code right for
 * 43.8% and the retry class for 87.6%. After its own rules (test/vendors/generic-holdout67-shapes.test.ts): code 64.0,
 * retry 91.6, vendorCode 83.1, requestId 98.9 (generic layer: retry 92.1).
 */
const FLOOR = { code: 0.64, retry: 0.915, vendorCode: 0.831, requestId: 0.988, retryAfterMs: 1 } as const;
const GENERIC_FLOOR = { code: 0.64, retry: 0.921, vendorCode: 0.831, requestId: 0.988, retryAfterMs: 1 } as const;

holdoutSuite({
  name: 'the sixty-seventh holdout corpus',
  dir: HOLDOUT67_DIR,
  earlier: HOLDOUT_SETS.slice(0, 66),
  minCases: 178,
  minFamilies: 24,
  floor: FLOOR,
  genericFloor: GENERIC_FLOOR,
});
