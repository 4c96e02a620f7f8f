/**
 * The fifty-first holdout corpus: real responses from 31 vendor families in none of the public corpus and the first fifty
 * holdouts (printers and CNC: CNCjs, Duet's RepRapFirmware, ESP3D, FluidNC, FDM Monster; finance: Maybe, IHateMoney,
 * rotki, Fava, Splitwise; collaboration and meetings: Jicofo, Galène, CryptPad, MiroTalk, Y-Sweet; repositories and
 * annotation: Hypothesis, Archivematica, PKP's OJS, Hyrax, Islandora's Crayfish; VPN and DNS: NetBird, Headscale, Blocky,
 * Firezone, Netmaker; identity: lldap, Hanko, Pocket ID, Stack Auth, privacyIDEA, FreeIPA), gathered blind while the
 * fiftieth holdout was spent, labelled from their sources and the catalog before faultline ran on them (each unsure label
 * carries a `note`). Gatherers were told to skip every vendor faultline has a profile for. A second reader checked two
 * cases of every family against its source: 62 of 62 matched. A second labeller, labelling blind from the responses alone
 * under neutral ids, agreed on the code for 88.5% of its cases (99.3% of the 140 where both were sure).
 *
 * The floors hold the score measured, rounded down to 0.1%, after the set was spent on its own misses. A change that
 * loses a right answer here fails; a rise means the floor may be raised.
 */
import { HOLDOUT51_DIR, HOLDOUT_SETS } from './corpus/corpus.js';
import { holdoutSuite } from './corpus/holdout-suite.js';

/**
 * Measured on the fifty-first holdout (scripts/corpus-score.ts, hundred-and-third section), blind: code 78.1, retry 93.0,
 * vendorCode 95.9, requestId 100, retryAfterMs 100 (generic layer: code 77.4) after the fiftieth's rules (403e6db); before
 * them (02961b3) every answer the same. The status alone gets the code right for 65.2% and the retry class for 91.5%.
 * After its own rules (test/vendors/generic-holdout51-shapes.test.ts): code 79.6, retry 93.7, vendorCode 96.7, requestId
 * 100, retryAfterMs 100 (generic layer: code 78.9).
 */
const FLOOR = { code: 0.796, retry: 0.937, vendorCode: 0.966, requestId: 1, retryAfterMs: 1 } as const;
const GENERIC_FLOOR = { code: 0.788, retry: 0.937, vendorCode: 0.966, requestId: 1, retryAfterMs: 1 } as const;

holdoutSuite({
  name: 'the fifty-first holdout corpus',
  dir: HOLDOUT51_DIR,
  earlier: HOLDOUT_SETS.slice(0, 50),
  minCases: 270,
  minFamilies: 31,
  floor: FLOOR,
  genericFloor: GENERIC_FLOOR,
});
