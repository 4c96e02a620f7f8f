/**
 * The fiftieth holdout corpus: real responses from 31 vendor families in none of the public corpus and the first
 * forty-nine holdouts (energy: evcc, OpenDTU, OpenEVSE, emoncms, Open e-Mobility, Huawei FusionSolar; robot vacuums and
 * irrigation: Valetudo, OpenSprinkler, Roborock, Ecovacs, Xiaomi miio devices; heating and air conditioning: Viessmann
 * ViCare, Vaillant, Midea's cloud, MELCloud, Honeywell Lyric; speakers and media: Snapcast, Volumio, OwnTone, Samsung's
 * Tizen TVs, Bose SoundTouch; comics and manga: Kapowarr, Mylar3, Stump, LANraragi, Mango, Suwayomi; vessels and
 * aviation: MarineTraffic, aisstream.io, Global Fishing Watch, AviationWeather.gov), gathered blind while the
 * forty-ninth holdout was spent, labelled from their sources and the catalog before faultline ran on them (each unsure
 * label carries a `note`). Gatherers were told to skip every vendor faultline has a profile for. A second reader checked
 * two cases of every family against its source: 62 of 62 matched (one label the reader showed wrong from the issue's
 * device log, a stream that failed upstream labelled a bad request: dropped). A second labeller, labelling blind from
 * the responses alone under neutral ids, agreed on the code for 85.5% of its cases (98.9% of the 94 where both were
 * sure). Many of its responses are device replies and log lines with no status: the status alone gets 40.4% here.
 *
 * The floors hold the score measured, rounded down to 0.1%, after the set was spent on its own misses. A change that
 * loses a right answer here fails; a rise means the floor may be raised.
 */
import { HOLDOUT50_DIR, HOLDOUT_SETS } from './corpus/corpus.js';
import { holdoutSuite } from './corpus/holdout-suite.js';

/**
 * Measured on the fiftieth holdout (scripts/corpus-score.ts, hundred-and-first section), blind: code 57.4, retry 88.1,
 * vendorCode 80.9, requestId 99.1, retryAfterMs 100 (generic layer: code 58.3, retry 88.5) after the forty-ninth's rules
 * (9ced1a6); before them (d07c3d4) every answer the same. The status alone gets the code right for 40.4% and the retry
 * class for 84.7%. After its own rules (test/vendors/generic-holdout50-shapes.test.ts): code 67.7, retry 91.9, vendorCode
 * 84.7, requestId 99.1, retryAfterMs 100 (generic layer: code 68.1, retry 91.9).
 */
const FLOOR = { code: 0.676, retry: 0.919, vendorCode: 0.846, requestId: 0.991, retryAfterMs: 1 } as const;
const GENERIC_FLOOR = { code: 0.68, retry: 0.919, vendorCode: 0.846, requestId: 0.991, retryAfterMs: 1 } as const;

holdoutSuite({
  name: 'the fiftieth holdout corpus',
  dir: HOLDOUT50_DIR,
  earlier: HOLDOUT_SETS.slice(0, 49),
  minCases: 235,
  minFamilies: 31,
  floor: FLOOR,
  genericFloor: GENERIC_FLOOR,
});
