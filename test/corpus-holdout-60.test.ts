/**
 * The sixtieth holdout corpus: real responses from 31 vendor families in none of the public corpus and the first
 * fifty-nine holdouts (home lab: Nginx Proxy Manager, nginx-ui, Zoraxy, Homepage, No-IP, nsupdate.info; security:
 * Tenable, Greenbone's GMP, OWASP ZAP, PwnDoc, Clair, Trivy's server; signatures: DocuSeal, Documenso, SignWell,
 * SignatureAPI; statistics: the ONS dataset API, PxWeb API 1 and 2, Statistics Finland's PxApi, udata; music: AcousticBrainz,
 * CritiqueBrainz, LRCLIB, Better Lyrics' Unison, LrcApi; barcodes and labels: Karrio, BarcodeAPI, QuickChart, MyParcel,
 * Print My Barcode), gathered blind while the fifty-ninth holdout was spent, labelled from their sources and the catalog
 * before faultline ran on them (each unsure label carries a `note`). Gatherers were told to skip every vendor faultline
 * has a profile for. A second reader checked two cases of every family against its source: 60 of 62 matched; Karrio's
 * two did not (its tests mock the carrier hook, so their messages and codes are the test's own), and both were dropped.
 * A second labeller, labelling blind from the responses alone under neutral ids, agreed on the code for 89.1% of its
 * cases (100% of the 127 where both were sure).
 *
 * The floors hold the score measured, rounded down to 0.1%, after the set was spent on its own misses. A change that
 * loses a right answer here fails; a rise means the floor may be raised.
 */
import { HOLDOUT60_DIR, HOLDOUT_SETS } from './corpus/corpus.js';
import { holdoutSuite } from './corpus/holdout-suite.js';

/**
 * Measured on the sixtieth holdout (scripts/corpus-score.ts, hundred-and-twenty-first section), blind: code 71.5, retry
 * 93.8, vendorCode 82.0, requestId 97.3, retryAfterMs 100 (generic layer: vendorCode 84.0) after the fifty-ninth's rules
 * (db9c007); before them (9c85f67) every answer the same. The status alone gets the code right for 55.9% and the retry
 * class for 89.1%. After its own rules (test/vendors/generic-holdout60-shapes.test.ts): code 78.1, retry 95.3, vendorCode
 * 90.6 (generic layer: vendorCode 89.0), the others the same.
 */
const FLOOR = { code: 0.781, retry: 0.953, vendorCode: 0.906, requestId: 0.972, retryAfterMs: 1 } as const;
const GENERIC_FLOOR = { code: 0.781, retry: 0.953, vendorCode: 0.89, requestId: 0.972, retryAfterMs: 1 } as const;

holdoutSuite({
  name: 'the sixtieth holdout corpus',
  dir: HOLDOUT60_DIR,
  earlier: HOLDOUT_SETS.slice(0, 59),
  minCases: 256,
  minFamilies: 31,
  floor: FLOOR,
  genericFloor: GENERIC_FLOOR,
});
