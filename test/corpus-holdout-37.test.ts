/**
 * The thirty-seventh holdout corpus: real responses from 49 vendor families in none of the public corpus and the first
 * thirty-six holdouts (identity and SSO servers: Authelia, Casdoor, Dex, FusionAuth, Kanidm, SuperTokens; package
 * registries: Athens, ChartMuseum, devpi, Pulp, Sonatype Nexus Repository, Verdaccio; metrics, logs and tracing: Grafana
 * Loki, Grafana Mimir, Jaeger, OpenObserve, Prometheus, VictoriaMetrics; calendars, chat and webhooks: Google Calendar,
 * Google Chat, Microsoft Teams webhooks, Kick, Radicale, Xandikos, Easy!Appointments; photo libraries: PhotoPrism,
 * Lychee, Ente, Piwigo, LibrePhotos, Photoview, Chevereto; file sync: Syncthing, File Browser, SFTPGo, Seafile,
 * ownCloud; ERP and invoicing: Dolibarr, Invoice Ninja, iDempiere, Frappe, Akaunting; boards and notifications:
 * Vikunja, Wekan, Focalboard, Planka, Kanboard, ntfy, Uptime Kuma), gathered blind while the thirty-sixth holdout was
 * being spent, labelled from their sources and the catalog before faultline ran on them (each unsure label carries a
 * `note`). 198 of the 373 bodies are what a server's own source emits (the note names the file and lines), the rest
 * copied from issue reports and docs. A second reader checked two cases of every family against its source: 95 of 98
 * matched; of the 3 that did not, one was corrected (a redaction copied wrong) and two were dropped. A second
 * labeller, labelling blind from the responses alone, agreed on the code for 90.6% of its cases (100% of the 205 where
 * both were sure).
 *
 * The floors hold the score measured, rounded down to 0.1%. A change that loses a right answer here
 * fails; a rise means the floor may be raised.
 */
import { HOLDOUT37_DIR, HOLDOUT_SETS } from './corpus/corpus.js';
import { holdoutSuite } from './corpus/holdout-suite.js';

/**
 * Measured on the thirty-seventh holdout (scripts/corpus-score.ts, seventy-fifth section), blind: code 75.6, retry 95.2,
 * vendorCode 85.0, requestId 97.3, retryAfterMs 100 (generic layer: code 76.1, retry 95.2, vendorCode 85.3) after the
 * thirty-sixth's rules (67f5ffb). Before them (37f6dea) the code scored the same 75.6 and the vendor's code 83.4: the
 * thirty-sixth's rules gained 7 answers here and lost 1. The status alone gets the code right for 57.1% and the retry
 * class for 93.0%.
 * After its own rules: code 79.4, retry 95.7, vendorCode 91.7, requestId 98.9, retryAfterMs 100 (generic layer: code
 * 79.6, retry 95.7, vendorCode 92.0); spent in session 23 (generic-holdout37-shapes.test.ts). The thirty-eighth's rules
 * took the code to 79.6 and the retry class to 96.0 (a lockout that says when to try again: Casdoor).
 */
const FLOOR = { code: 0.796, retry: 0.959, vendorCode: 0.916, requestId: 0.989, retryAfterMs: 1 } as const;
const GENERIC_FLOOR = { code: 0.798, retry: 0.959, vendorCode: 0.919, requestId: 0.989, retryAfterMs: 1 } as const;

holdoutSuite({
  name: 'the thirty-seventh holdout corpus',
  dir: HOLDOUT37_DIR,
  earlier: HOLDOUT_SETS.slice(0, 36),
  minCases: 373,
  minFamilies: 49,
  floor: FLOOR,
  genericFloor: GENERIC_FLOOR,
});
