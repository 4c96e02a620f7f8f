/**
 * The default classifier, carrying every built-in profile: composed here, above the vendors, so
 * core depends on none of them.
 */
import { DEFAULT_MAX_BODY_BYTES } from '../core/body.js';
import type { Fault } from '../core/fault.js';
import { type Classifier, type ClassifyResponseOptions, classifierOf } from '../core/classifier.js';
import { type ClassifyOptions, classifyEngine } from '../core/classify-engine.js';
import { firebaseBody } from '../core/firebase.js';
import { printedReading } from '../core/printed.js';
import { withStatusless } from '../core/thrown-body.js';
import { choosePrinted, printedResponse } from '../vendors/generic/printed-object.js';
import { BUILTIN_READERS, PRINTED_READERS } from '../vendors/registry.js';

// The built-in profiles are checked by the tests, not by createClassifier at load; and `classify`
// alone carries the engine without classifyResponse's body reading (issue 17, size).
// Firebase's errors are read back as Google's (src/core/firebase.ts), which only Google's profile and the generic layer
// read: a classifier built without them has no use for the table.
const builtinEngine = /* @__PURE__ */ classifyEngine(BUILTIN_READERS, DEFAULT_MAX_BODY_BYTES, /* @__PURE__ */ printedReading({ unwrap: printedResponse, profiles: PRINTED_READERS, choose: choosePrinted }), /* @__PURE__ */ withStatusless(firebaseBody));

/**
 * The classifier `classify` and the root entry's policies use: every built-in profile.
 * @internal
 */
export const builtinClassifier: Classifier = /* @__PURE__ */ classifierOf(builtinEngine, BUILTIN_READERS);

/**
 * What went wrong, in the catalog's words, and whether and when to try again. Takes anything: a
 * response snapshot `{ status, headers?, body? }`, a fetch `Response` (its body is not read: see
 * `classifyResponse`), or any thrown value — an SDK's or HTTP client's error (openai, anthropic,
 * stripe, octokit, the AWS SDK, axios, got, ofetch, undici, the AI SDK, genai, grpc-js, discord.js, Slack, Twilio, Azure,
 * and the clients the README's table lists), an error wrapping one as its `cause`, an error whose message names the
 * status it met (`HTTP 503: …`), a network error, an abort. Policies classify what a call throws the same way.
 * Synchronous, and never throws for any input.
 *
 * @example
 * ```ts
 * const fault = classify({ status: 429, headers: { 'Retry-After': '34' }, body: text });
 * fault.code; // 'rate_limited'
 * fault.retryAfterMs; // 34000
 * ```
 * @public
 */
export function classify(input: unknown, options?: ClassifyOptions): Fault {
  return builtinEngine.classify(input, options);
}

/**
 * The async twin of {@link classify}: for a fetch `Response`, or an error holding one whose body
 * nobody has read (ky's `HTTPError`), it reads the body first (at most `maxBodyBytes`, within
 * `bodyTimeoutMs`); anything else classifies as `classify` would. Never rejects.
 *
 * @example
 * ```ts
 * const res = await fetch(url);
 * if (!res.ok) throw new FaultError(await classifyResponse(res));
 * ```
 * @public
 */
export function classifyResponse(input: unknown, options?: ClassifyResponseOptions): Promise<Fault> {
  return builtinClassifier.classifyResponse(input, options);
}
