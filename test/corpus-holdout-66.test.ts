/**
 * The sixty-sixth holdout corpus: real responses from 24 vendor families in none of the public corpus and the first
 * sixty-five holdouts (smart locks: Nuki's web API and bridge, TTLock, August/Yale; subtitles: Gestdown, Jimaku, Subtis,
 * SubDL; clinical terminology: Snowstorm, Hermes, Snow Owl, NHS EPS; browser testing and web performance: Selenoid, ggr,
 * BrowserStack, WebPageTest, Lighthouse CI server; load testing and monitoring: Grafana k6 Cloud, Checkly, Locust;
 * railways: HAFAS, Korail, SRT, Digitraffic), gathered blind while the sixty-fifth holdout was spent, labelled from their
 * sources and the catalog before faultline ran on them (each unsure label carries a `note`). Gatherers were told to skip
 * every vendor faultline has a profile for. A second reader checked two cases of every family against its source: 47 of
 * 48 matched; the other is a fixture of hafas-client, an unofficial client, which was dropped with the family's three
 * other such fixtures. A second labeller, labelling blind from the responses alone under neutral ids, agreed on the code
 * for 88.2% of its cases (100% of the 76 where both were sure).
 *
 * The floors hold the score measured, rounded down to 0.1%, after the set was spent on its own misses. A change that
 * loses a right answer here fails; a rise means the floor may be raised.
 */
import { HOLDOUT66_DIR, HOLDOUT_SETS } from './corpus/corpus.js';
import { holdoutSuite } from './corpus/holdout-suite.js';

/**
 * Measured on the sixty-sixth holdout (scripts/corpus-score.ts, hundred-and-thirty-third section), blind: code 71.0,
 * retry 90.5, vendorCode 74.6, requestId 99.4, retryAfterMs 100 (generic layer: vendorCode 75.1) after the sixty-fifth's
 * rules (e029c9c); before them (7714e63) every answer the same. The status alone gets the code right for 55.0% and the
 * retry class for 89.3%. After its own rules (test/vendors/generic-holdout66-shapes.test.ts): code 75.1, retry 94.1,
 * vendorCode 76.3 (generic layer 76.9).
 */
const FLOOR = { code: 0.751, retry: 0.94, vendorCode: 0.763, requestId: 0.994, retryAfterMs: 1 } as const;
const GENERIC_FLOOR = { code: 0.751, retry: 0.94, vendorCode: 0.769, requestId: 0.994, retryAfterMs: 1 } as const;

holdoutSuite({
  name: 'the sixty-sixth holdout corpus',
  dir: HOLDOUT66_DIR,
  earlier: HOLDOUT_SETS.slice(0, 65),
  minCases: 169,
  minFamilies: 24,
  floor: FLOOR,
  genericFloor: GENERIC_FLOOR,
});
