/**
 * The sixty-first holdout corpus: real responses from 29 vendor families in none of the public corpus and the first
 * sixty holdouts (collections: Europeana, DigitalNZ's Supplejack, the Biodiversity Heritage Library, Ex Libris Alma,
 * Cooper Hewitt; law: Judilibre, the Federal Register, Regulations.gov v3 and v4, GovInfo, the Câmara dos Deputados;
 * earth science: openEO, ERDDAP, stac-server, ASF's SearchAPI, FDSN web services; telephony: FreePBX's GraphQL, OpenSIPS'
 * MI, Kamailio's RPC, wazo-confd, HOMER; polls and Q&A: Polis, Form.io, Scoold, REDCap; print and scan: scanservjs,
 * scan2drive, brother_ql_web, local_print_server), gathered blind while the sixtieth holdout was spent, labelled from
 * their sources and the catalog before faultline ran on them (each unsure label carries a `note`). Gatherers were told to
 * skip every vendor faultline has a profile for. A second reader checked two cases of every family against its source:
 * 57 of 58 matched; a brother_ql_web case whose message no source shows was dropped, and so was a HOMER case whose label
 * the response does not bear out. A second labeller, labelling blind from the responses alone under neutral ids, agreed
 * on the code for 90.9% of its cases (100% of the 79 where both were sure).
 *
 * The floors hold the score measured, rounded down to 0.1%, after the set was spent on its own misses. A change that
 * loses a right answer here fails; a rise means the floor may be raised.
 */
import { HOLDOUT61_DIR, HOLDOUT_SETS } from './corpus/corpus.js';
import { holdoutSuite } from './corpus/holdout-suite.js';

/**
 * Measured on the sixty-first holdout (scripts/corpus-score.ts, hundred-and-twenty-third section), blind: code 68.0,
 * retry 89.3, vendorCode 85.8, requestId 95.9, retryAfterMs 100 (generic layer: code 68.5, retry 89.8, vendorCode 86.3)
 * after the sixtieth's rules (f78c637); before them (5764f6b) every answer the same. The status alone gets the code right
 * for 51.3% and the retry class for 89.8%. After its own rules (test/vendors/generic-holdout61-shapes.test.ts): code 69.5,
 * retry 90.3, vendorCode 90.8 (generic layer: code 70.0, retry 90.8, vendorCode 91.3), the others the same.
 */
const FLOOR = { code: 0.695, retry: 0.903, vendorCode: 0.908, requestId: 0.959, retryAfterMs: 1 } as const;
const GENERIC_FLOOR = { code: 0.7, retry: 0.908, vendorCode: 0.913, requestId: 0.959, retryAfterMs: 1 } as const;

holdoutSuite({
  name: 'the sixty-first holdout corpus',
  dir: HOLDOUT61_DIR,
  earlier: HOLDOUT_SETS.slice(0, 60),
  minCases: 197,
  minFamilies: 29,
  floor: FLOOR,
  genericFloor: GENERIC_FLOOR,
});
