/**
 * The thirty-sixth holdout corpus: real responses from 37 vendor families in none of the public corpus and the first
 * thirty-five holdouts (wiki and note-taking servers: DokuWiki, Joplin Server, Memos, Outline, SiYuan, Trilium,
 * Wiki.js; RSS readers and bookmark managers: Karakeep, linkding, Linkwarden, Miniflux, Shaarli, Tiny Tiny RSS,
 * wallabag; personal finance and household apps: Actual Budget, Firefly III, Grocy, Lunch Money, Snipe-IT, YNAB; IT
 * asset management, IPAM and network source of truth: GLPI, Infoblox, Nautobot, NetBox, phpIPAM; hypervisors and
 * network controllers: Cisco Meraki, LXD, Nutanix Prism, oVirt, TP-Link Omada, VMware vSphere, Xen Orchestra; ML-ops,
 * data catalogs and query engines: Apache Druid, Apache Gravitino, Camunda, MLflow, Trino), gathered blind while the
 * thirty-fifth holdout was being spent, labelled from their sources and the catalog before faultline ran on them (each
 * unsure label carries a `note`). A second reader checked two cases of every family against its source: all 74
 * matched. A second labeller, labelling blind from the responses alone, agreed on the code for 92.0% of its cases
 * (100% of the 134 where both were sure).
 *
 * The floors hold the score measured, rounded down to 0.1%. A change that loses a right answer here
 * fails; a rise means the floor may be raised.
 */
import { HOLDOUT36_DIR, HOLDOUT_SETS } from './corpus/corpus.js';
import { holdoutSuite } from './corpus/holdout-suite.js';

/**
 * Measured on the thirty-sixth holdout (scripts/corpus-score.ts, seventy-third section), blind: code 75.4, retry 93.8,
 * vendorCode 82.6, requestId 99.6, retryAfterMs 100 (generic layer: code 76.3, retry 94.6, vendorCode 83.5) on
 * e513a4b and after the thirty-fifth's rules (243a77a), every answer the same. The status alone gets the code right
 * for 54.9% and the retry class for 93.3%.
 * After its own rules: code 80.4, retry 95.5, vendorCode 90.2, requestId 99.6, retryAfterMs 100 (generic layer: code
 * 79.5, retry 95.5, vendorCode 90.6); spent in session 22 (generic-holdout36-shapes.test.ts).
 */
const FLOOR = { code: 0.803, retry: 0.955, vendorCode: 0.901, requestId: 0.995, retryAfterMs: 1 } as const;
const GENERIC_FLOOR = { code: 0.794, retry: 0.955, vendorCode: 0.906, requestId: 0.995, retryAfterMs: 1 } as const;

holdoutSuite({
  name: 'the thirty-sixth holdout corpus',
  dir: HOLDOUT36_DIR,
  earlier: HOLDOUT_SETS.slice(0, 35),
  minCases: 224,
  minFamilies: 37,
  floor: FLOOR,
  genericFloor: GENERIC_FLOOR,
});
