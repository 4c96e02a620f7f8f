/**
 * The thirty-eighth holdout corpus: real responses from 36 vendor families in none of the public corpus and the first
 * thirty-seven holdouts (CI/CD and forges: Woodpecker, Drone, Concourse, Gogs, Forgejo, Argo CD, Tekton; media and
 * web monitoring: Emby, Kavita, Komga, Funkwhale, Tandoor, changedetection.io; identity and backend-as-a-service: Ory
 * Kratos, Ory Hydra, authentik, Logto, Parse Server; mail and publishing: mailcow, Stalwart, listmonk, Postal, Mailu,
 * WriteFreely; error tracking, tracing, key-value, web and object storage: GlitchTip, Grafana Tempo, SigNoz, Zipkin,
 * etcd, Caddy, Garage, SeaweedFS; databases, panels and gateways: QuestDB, Dgraph, Pterodactyl, Apprise), gathered
 * blind while the thirty-seventh holdout was being spent, labelled from their sources and the catalog before faultline
 * ran on them (each unsure label carries a `note`). 129 of the 268 bodies are what a server's own source emits (the
 * note names the file and lines), the rest copied from issue reports, forums and docs. A second reader checked two
 * cases of every family against its source: 70 of 72 matched, one more once its note named the right route, and one
 * whose issue could not be found was dropped. A second labeller, labelling blind from the responses alone, agreed on
 * the code for 91.4% of its cases (100% of the 136 where both were sure).
 *
 * The floors hold the score measured, rounded down to 0.1%. A change that loses a right answer here
 * fails; a rise means the floor may be raised.
 */
import { HOLDOUT38_DIR, HOLDOUT_SETS } from './corpus/corpus.js';
import { holdoutSuite } from './corpus/holdout-suite.js';

/**
 * Measured on the thirty-eighth holdout (scripts/corpus-score.ts, seventy-seventh section), blind: code 67.9, retry
 * 91.0, vendorCode 91.8, requestId 99.6, retryAfterMs 100 (generic layer: code 69.4, retry 91.4, vendorCode 91.8) after
 * the thirty-seventh's rules (697061e), and every answer the same before them (ecfd99a). The status alone gets the code
 * right for 50.4% and the retry class for 91.0%.
 * After its own rules: code 73.9, retry 92.5, vendorCode 95.9, requestId 99.6, retryAfterMs 100 (generic layer: code
 * 74.6, retry 92.9, vendorCode 95.5); spent in session 23 (generic-holdout38-shapes.test.ts). The thirty-ninth's rules
 * took the code to 74.6 (a parameter that is required: changedetection.io, Postal).
 */
const FLOOR = { code: 0.746, retry: 0.925, vendorCode: 0.958, requestId: 0.996, retryAfterMs: 1 } as const;
const GENERIC_FLOOR = { code: 0.753, retry: 0.929, vendorCode: 0.955, requestId: 0.996, retryAfterMs: 1 } as const;

holdoutSuite({
  name: 'the thirty-eighth holdout corpus',
  dir: HOLDOUT38_DIR,
  earlier: HOLDOUT_SETS.slice(0, 37),
  minCases: 268,
  minFamilies: 36,
  floor: FLOOR,
  genericFloor: GENERIC_FLOOR,
});
