/**
 * The seventy-second holdout corpus: 194 real responses from 33 vendor families in none of the public corpus and the
 * first seventy-one holdouts (fintech and open banking outside the US: Upvest, ICICI Breeze, Mojaloop, bunq, PhonePe;
 * insurance and claims: the VA's Lighthouse Benefits Claims API, PlanSource, Candid Health, Claim.MD, Stedi; e-signature
 * and documents: Alfresco, Stirling-PDF, LibreSign; self-hosted media: Invidious, slskd, Tube Archivist, Tdarr; IoT and
 * industrial gateways: eKuiper, EdgeX Foundry, FoxESS Cloud; game platforms: itch.io, Supercell's developer API,
 * UbiServices; translation, speech and OCR: Baidu Translate, IBM Watson, DeepLX; geocoding, maps and weather: the
 * Overpass API, GeoNames, AMap; HR and recruiting: the Bundesagentur für Arbeit's job APIs, Workday's career sites,
 * Teamtailor, Merge), gathered blind in session 38 while the fifth profiled holdout was spent, labelled from their
 * sources and the catalog before faultline ran on them (each unsure label carries a `note`). Gatherers were told to skip
 * every vendor faultline has a profile for and every family an earlier set holds. Of 203 gathered, 9 whose whole body a
 * fixture or test here already held (empty bodies under a status, `Too Many Requests`, a gateway's 504 page) were dropped
 * before scoring. A second reader checked one case of each of 22 families, drawn at random, against its source: 22 of 22
 * matched. A second labeller, labelling blind from the responses alone under neutral ids, agreed on the code for 93.3%
 * of its cases (99.3% of the 136 it was sure of; test/fixtures/corpus-holdout-72-relabel.json, `npx tsx
 * scripts/label-agreement.ts --holdout72`).
 *
 * Unspent: no rule was drawn from its misses. The floors hold what it measures, rounded down to 0.1%.
 */
import { HOLDOUT72_DIR, HOLDOUT_SETS } from './corpus/corpus.js';
import { holdoutSuite } from './corpus/holdout-suite.js';

/**
 * Measured blind (scripts/corpus-score.ts, the seventy-second set), code / retry / vendorCode / requestId / retryAfterMs:
 * 62.9 / 83.5 / 71.6 / 96.4 / 99.5 (generic layer: code 63.4, vendorCode 68.0), on 27de73b and after the fifth profiled
 * holdout's rules (session 38) alike, every answer the same. The status alone gets the code right for 36.1% and the retry
 * class for 80.9%.
 */
const FLOOR = { code: 0.628, retry: 0.835, vendorCode: 0.716, requestId: 0.963, retryAfterMs: 0.994 } as const;
const GENERIC_FLOOR = { code: 0.634, retry: 0.835, vendorCode: 0.68, requestId: 0.963, retryAfterMs: 0.994 } as const;

holdoutSuite({
  name: 'the seventy-second holdout corpus',
  dir: HOLDOUT72_DIR,
  earlier: HOLDOUT_SETS.slice(0, 71),
  minCases: 194,
  minFamilies: 33,
  floor: FLOOR,
  genericFloor: GENERIC_FLOOR,
});
