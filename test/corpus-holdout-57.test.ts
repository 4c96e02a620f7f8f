/**
 * The fifty-seventh holdout corpus: real responses from 30 vendor families in none of the public corpus and the first
 * fifty-six holdouts (labs: Part-DB, SampleDB, Chemotion ELN, Spoolman; vehicles and gardens: LubeLogger, Hammond,
 * Tracktor, HortusFox, OpenOlitor; CRM and helpdesks: Libredesk, Corteza, Peppermint, Helpy, Faveo; video surveillance:
 * Viseron, Moonfire NVR, Shinobi, Scrypted, the Kerberos.io agent; judges and sandboxes: Judge0, Piston, Jobe, DOMjudge,
 * DMOJ, Sphere Engine; remote desktops and virtual machines: Sunshine, Apache Guacamole, Firecracker, Ganeti's RAPI,
 * OpenNebula's OneFlow), gathered blind while the fifty-sixth holdout was spent, labelled from their sources and the
 * catalog before faultline ran on them (each unsure label carries a `note`). Gatherers were told to skip every vendor
 * faultline has a profile for. A second reader checked two cases of every family against its source: 60 of 60 matched
 * (one whose code path the checker found unreachable was dropped all the same). A second labeller, labelling blind from
 * the responses alone under neutral ids, agreed on the code for 91.1% of its cases (100% of the 135 where both were sure).
 *
 * The floors hold the score measured, rounded down to 0.1%, after the set was spent on its own misses. A change that
 * loses a right answer here fails; a rise means the floor may be raised.
 */
import { HOLDOUT57_DIR, HOLDOUT_SETS } from './corpus/corpus.js';
import { holdoutSuite } from './corpus/holdout-suite.js';

/**
 * Measured on the fifty-seventh holdout (scripts/corpus-score.ts, hundred-and-fifteenth section), blind: code 69.5, retry
 * 95.8, vendorCode 96.5, requestId 100, retryAfterMs 100 (the generic layer the same) after the fifty-sixth's rules
 * (5b7675a); before them (d41d5c5) code 69.1 and retryAfterMs 99.6, the two answers they gained the only ones that
 * differ. The status alone gets the code right for 61.0% and the retry class for 96.1%. After its own rules
 * (test/vendors/generic-holdout57-shapes.test.ts): code 73.4, retry 96.1, vendorCode 96.9, the others the same.
 */
const FLOOR = { code: 0.733, retry: 0.961, vendorCode: 0.969, requestId: 1, retryAfterMs: 1 } as const;
const GENERIC_FLOOR = { code: 0.733, retry: 0.961, vendorCode: 0.969, requestId: 1, retryAfterMs: 1 } as const;

holdoutSuite({
  name: 'the fifty-seventh holdout corpus',
  dir: HOLDOUT57_DIR,
  earlier: HOLDOUT_SETS.slice(0, 56),
  minCases: 259,
  minFamilies: 30,
  floor: FLOOR,
  genericFloor: GENERIC_FLOOR,
});
