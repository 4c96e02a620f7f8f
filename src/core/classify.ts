/**
 * The default classifier, carrying every built-in profile.
 */
import type { Fault } from './fault.js';
import { type ClassifyOptions, type ClassifyResponseOptions, createClassifier } from './classifier.js';
import { BUILTIN_PROFILES } from '../vendors/registry.js';

const builtin = /* @__PURE__ */ createClassifier({ profiles: BUILTIN_PROFILES });

/**
 * What went wrong, in the catalog's words, and whether and when to try again. Takes a response
 * snapshot `{ status, headers?, body? }` (or a fetch `Response`, whose body it does not read) or
 * any thrown value. Synchronous, and never throws for any input.
 *
 * @example
 * ```ts
 * const fault = classify({ status: 429, headers: { 'Retry-After': '34' }, body: text }, { vendor: 'impulse' });
 * fault.code; // 'rate_limited'
 * fault.retryAfterMs; // 34000
 * ```
 * @public
 */
export function classify(input: unknown, options?: ClassifyOptions): Fault {
  return builtin.classify(input, options);
}

/**
 * Reads a fetch `Response` body (at most `maxBodyBytes`, within `bodyTimeoutMs`) and classifies it.
 * Never rejects.
 *
 * @example
 * ```ts
 * const res = await fetch(url);
 * if (!res.ok) throw new FaultError(await classifyResponse(res));
 * ```
 * @public
 */
export function classifyResponse(response: Response, options?: ClassifyResponseOptions): Promise<Fault> {
  return builtin.classifyResponse(response, options);
}
