/**
 * The first profiled holdout: real responses from 17 families of vendors faultline has a profile for (OpenAI, Azure
 * OpenAI, Anthropic, OpenRouter, the Gemini API, Vertex AI, Google Cloud APIs, AWS, Azure, Stripe, Twilio, GitHub,
 * Slack, Discord, Cloudflare, and apps built on FastAPI and Spring Boot), in the state users meet them: SDK printouts,
 * Python reprs, tracebacks, stream errors, pages in front of the API, and the SDKs' own recorded responses. Gathered
 * blind by six gatherers who read no source or test of faultline's, from issue reports and official SDKs' fixtures
 * (docs pages last). 22 cases whose body a fixture or test here already held were left out, and two whose body a gatherer
 * had serialised from a parsed recording. Labels are the gatherers', with two corrections applied by rule after the first
 * blind score: Google's canonical `status` (`RESOURCE_EXHAUSTED`, …) is the vendorCode where the body names nothing more
 * specific, as in the public corpus (19 cases), and `insufficient_quota` is `quota_exhausted`, as the catalog says (1;
 * in session 32 a second case, that code's message printed without it).
 * A second reader checked four cases of every family against its source: 67 of 68 matched, one could not be opened. A
 * second labeller, labelling blind from the responses alone under neutral ids, agreed on the code for 96.0% of the
 * 201 cases (100% of the 105 where both were sure).
 *
 * The floors hold the score measured, rounded down to 0.1%. A change that loses a right answer here fails; a rise means
 * the floor may be raised.
 */
import { PROFILED1_DIR } from './corpus/corpus.js';
import { profiledSuite } from './corpus/profiled-suite.js';

/**
 * Measured blind on 369ce11 (scripts/corpus-score.ts, the profiled section): code 81.1, retry 93.0, vendorCode 84.6,
 * requestId 94.5, retryAfterMs 98.0. The status alone gets the code right for 44.8% and the retry class for 82.6%.
 * After its own rules (test/vendors/profiled-holdout1-shapes.test.ts): code 88.1, retry 93.0, vendorCode 87.1, requestId
 * 97.5, retryAfterMs 98.5.
 */
// Session 32, the second holdout's rules (test/vendors/profiled-holdout2-shapes.test.ts) and one label corrected by the
// insufficient_quota rule (openai-429-quota-continue-printout): code 88.6, retry 93.0, vendorCode 90.0, requestId 98.0,
// retryAfterMs 98.5.
const FLOOR = { code: 0.885, retry: 0.93, vendorCode: 0.9, requestId: 0.98, retryAfterMs: 0.985 } as const;

profiledSuite({ name: 'the first profiled holdout', dir: PROFILED1_DIR, minCases: 201, minFamilies: 17, floor: FLOOR });
