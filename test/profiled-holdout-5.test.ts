/**
 * The fifth profiled holdout: 203 real responses from the same 21 families (OpenAI, Azure OpenAI, Anthropic, OpenRouter,
 * the Gemini API, Vertex AI, Google Cloud, AWS, Azure, Stripe, Twilio, GitHub, Slack, Discord, Cloudflare, apps on FastAPI
 * and Spring Boot, and the servers of GraphQL, JSON-RPC 2.0, problem+json and JSON:API), in the state users meet them
 * (SDK printouts, Python reprs, log lines, stream errors, truncated bodies, pages in front of the API). Gathered blind by
 * three gatherers in session 37 while the fourth was spent: no gatherer ran faultline or read its source, each body was
 * copied from the page its `source` names, and about 40 candidates whose body a fixture or test here already held were
 * dropped before staging; the suite below found 2 more at staging (a PyGithub printout the fourth holds from the same pull
 * request, a Sheets quota body a fixture holds), dropped before the scores below.
 *
 * Spent in session 38, while a sixth was gathered blind: its misses, read with each vendor's docs and SDK source, gave the
 * rules test/vendors/profiled-holdout5-shapes.test.ts pins. The floors hold what it measures, rounded down to 0.1%.
 */
import { PROFILED5_DIR } from './corpus/corpus.js';
import { profiledSuite } from './corpus/profiled-suite.js';

/**
 * Measured blind (scripts/corpus-score.ts, the profiled section), code / retry / vendorCode / requestId / retryAfterMs:
 * - a1c4cdf, the start of session 37: 80.8 / 96.1 / 84.7 / 97.0 / 100;
 * - after the fourth holdout's rules (session 37): 80.8 / 96.1 / 85.2 / 97.5 / 100 (answers gained, none lost);
 * - after its own (session 38): 90.1 / 98.5 / 92.1 / 99.5 / 100.
 * The status alone: 38.9 / 85.2 on the code and the retry class.
 */
const FLOOR = { code: 0.901, retry: 0.985, vendorCode: 0.921, requestId: 0.995, retryAfterMs: 1 } as const;

profiledSuite({ name: 'the fifth profiled holdout', dir: PROFILED5_DIR, minCases: 203, minFamilies: 21, floor: FLOOR });
