/**
 * The forty-seventh holdout corpus: real responses from 28 vendor families in none of the public corpus and the first
 * forty-six holdouts (household and inventory servers: Monica, Homebox, KitchenOwl, Shelf's SCIM, Wallos, Donetick;
 * environmental sensors and SensorThings: openSenseMap, Smart Citizen, FROST-Server, GOST; IoT platforms: FIWARE Orion,
 * Eclipse Ditto, Eclipse hawkBit, Adafruit IO, Mainflux; SEO and SERP tools: SerpBear, SEO Panel, OpenSERP, Semrush;
 * DNS and registration: NS1, RDAP servers, INWX, netcup, TransIP; printing: NIIMBOT's niimblue-node, ipp-usb, CUPS and
 * IPP printers), gathered blind after the forty-sixth holdout was spent, labelled from their sources and the catalog
 * before faultline ran on them (each unsure label carries a `note`). Gatherers were told to skip every vendor faultline
 * has a profile for. A second reader checked two cases of every family against its source: 53 of 56 matched (the two
 * whose server adds what the case left out, and the one whose docs page could not be opened, were dropped). A second
 * labeller, labelling blind from the responses alone under neutral ids, agreed on the code for 86.5% of its cases
 * (97.5% of the 118 where both were sure).
 *
 * The floors hold the score measured, rounded down to 0.1%, after the set was spent on its own misses. A change that
 * loses a right answer here fails; a rise means the floor may be raised.
 */
import { HOLDOUT47_DIR, HOLDOUT_SETS } from './corpus/corpus.js';
import { holdoutSuite } from './corpus/holdout-suite.js';

/**
 * Measured on the forty-seventh holdout (scripts/corpus-score.ts, ninety-fifth section), blind: code 70.3, retry 94.3,
 * vendorCode 75.1, requestId 98.3, retryAfterMs 99.6 (generic layer: code 69.9, vendorCode 77.7) after the forty-sixth's
 * rules (bbfaa40); before them (90c17f2) one answer differed: code 69.9, retry 93.9 (a device limit under a 409, read as a
 * throttle before). The status alone gets the code right for 50.2% and the retry class for 92.6%. After its own rules
 * (test/vendors/generic-holdout47-shapes.test.ts): code 73.8, retry 94.8, vendorCode 83.0, requestId 98.3, retryAfterMs
 * 99.6 (generic layer: retry 95.2, vendorCode 85.6).
 */
const FLOOR = { code: 0.737, retry: 0.947, vendorCode: 0.829, requestId: 0.982, retryAfterMs: 0.995 } as const;
const GENERIC_FLOOR = { code: 0.737, retry: 0.951, vendorCode: 0.855, requestId: 0.982, retryAfterMs: 0.995 } as const;

holdoutSuite({
  name: 'the forty-seventh holdout corpus',
  dir: HOLDOUT47_DIR,
  earlier: HOLDOUT_SETS.slice(0, 46),
  minCases: 229,
  minFamilies: 28,
  floor: FLOOR,
  genericFloor: GENERIC_FLOOR,
});
