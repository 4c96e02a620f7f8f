/**
 * The root entry's policies and fetch: the very ones `faultline/mini` exports, with the classifier
 * that carries every built-in vendor profile as their default. This is the composition root the
 * layers point up to: policy and fetch code never imports a vendor, so `faultline/mini` bundles
 * none, while `faultline` users get the same Fault from a policy as from `classify(error)`.
 */
import { bulkhead as bulkheadWith, type BulkheadOptions, type BulkheadPolicy } from '../policy/bulkhead.js';
import { circuitBreaker as circuitBreakerWith, type CircuitBreakerOptions, type CircuitBreakerPolicy } from '../policy/circuit-breaker.js';
import type { Fault } from '../core/fault.js';
import { fallback as fallbackWith, type FallbackOptions, type ValueFallbackPolicy } from '../policy/fallback.js';
import { hedge as hedgeWith, type HedgeOptions, type HedgePolicy } from '../policy/hedge.js';
import type { Policy } from '../policy/policy.js';
import { rateLimiter as rateLimiterWith, type RateLimiterOptions, type RateLimiterPolicy } from '../policy/rate-limiter.js';
import { retry as retryWith, type RetryOptions, type RetryPolicy } from '../policy/retry.js';
import { timeout as timeoutWith, type TimeoutOptions, type TimeoutPolicy } from '../policy/timeout.js';
import { type OpenStream, type RetryStreamOptions, retryStream as retryStreamWith } from '../policy/retry-stream.js';
import { type CreateFetchOptions, type FaultlineFetch, createFetch as createFetchWith } from '../fetch/create-fetch.js';
import { builtinClassifier } from './default-classifier.js';

// Options a caller left without a classifier get the built-in one; anything that is not an options
// object goes through untouched, so the policy's own check names what is wrong with it.
function withBuiltin<O>(options: O): O {
  if (options === undefined) return { classifier: builtinClassifier } as O;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) return options;
  return (options as { classifier?: unknown }).classifier === undefined ? { ...options, classifier: builtinClassifier } : options;
}

/**
 * Retries a call as its Fault allows: whether from the retry class and the call's idempotency,
 * when from the server's hint (Retry-After, rate-limit resets) or the backoff, how often from
 * `maxRetries` and the vendor's `retryLimit`. What the call throws (an SDK's error, a network
 * error, a `Response`) is classified as `classify(error)` would.
 *
 * @example
 * ```ts
 * declare const openai: { chat: { completions: { create(body: object): Promise<unknown> } } };
 * const policy = retry({ maxRetries: 2 });
 * const reply = await policy.execute(() => openai.chat.completions.create({ model: 'gpt-4o', messages: [] }));
 * ```
 * @public
 */
export function retry(options?: RetryOptions): RetryPolicy {
  return retryWith(withBuiltin(options));
}

/**
 * Gives each call `timeoutMs` milliseconds, then aborts its signal and rejects with `client_timeout`.
 *
 * @example
 * ```ts
 * await timeout({ timeoutMs: 5_000 }).execute(({ signal }) => fetch('https://api.example.com/v1/models', { signal }));
 * ```
 * @public
 */
export function timeout(options: TimeoutOptions): TimeoutPolicy {
  return timeoutWith(withBuiltin(options));
}

/**
 * Resolves with `value` (or what it returns for the fault) when the call fails with one of the
 * codes in `on` (default: anything but `cancelled`).
 *
 * @example
 * ```ts
 * const lastKnownPrices = { eur: 1.08 };
 * const cached = fallback(() => lastKnownPrices, { on: ['service_unavailable', 'circuit_open'] });
 * ```
 * @public
 */
export function fallback<F>(value: F | ((fault: Fault) => F | PromiseLike<F>), options?: FallbackOptions): ValueFallbackPolicy<F> {
  return fallbackWith(value, withBuiltin(options));
}

/**
 * Starts another attempt alongside a slow one and resolves with the first answer.
 *
 * @example
 * ```ts
 * const fast = hedge({ delayMs: 250, maxHedges: 1 });
 * ```
 * @public
 */
export function hedge(options: HedgeOptions): HedgePolicy {
  return hedgeWith(withBuiltin(options));
}

/**
 * Stops sending calls to an upstream that keeps failing, then lets probes through.
 *
 * @example
 * ```ts
 * const breaker = circuitBreaker({ strategy: consecutiveFailures(5), breakMs: 30_000 });
 * ```
 * @public
 */
export function circuitBreaker(options?: CircuitBreakerOptions): CircuitBreakerPolicy {
  return circuitBreakerWith(withBuiltin(options));
}

/**
 * At most `maxConcurrent` calls at once, `maxQueue` more waiting in line.
 *
 * @example
 * ```ts
 * const pool = bulkhead({ maxConcurrent: 4, maxQueue: 16 });
 * ```
 * @public
 */
export function bulkhead(options?: BulkheadOptions): BulkheadPolicy {
  return bulkheadWith(withBuiltin(options));
}

/**
 * Paces calls to a rate (GCRA), optionally learning the server's limit from its headers and 429s.
 *
 * @example
 * ```ts
 * const paced = rateLimiter({ limit: 10, windowMs: 1_000, burst: 5 });
 * ```
 * @public
 */
export function rateLimiter(options: RateLimiterOptions): RateLimiterPolicy {
  return rateLimiterWith(withBuiltin(options));
}

/**
 * Runs a streamed call (an SDK's stream, any async iterable) under `policy`: retried before its
 * first chunk exactly as the same fault on a plain call, never after it unless `resume` says how to
 * go on (the fault then has `stream.delivered: true`); an idle timeout between chunks. What the
 * stream throws is classified with every built-in profile.
 *
 * @example
 * ```ts
 * declare const client: { stream(body: object, options: { signal: AbortSignal }): Promise<AsyncIterable<string>> };
 * for await (const chunk of retryStream(retry({ maxRetries: 2 }), ({ signal }) => client.stream({ prompt: 'hi' }, { signal }))) {
 *   process.stdout.write(chunk);
 * }
 * ```
 * @public
 */
export function retryStream<T>(policy: Policy, open: OpenStream<T>, options?: RetryStreamOptions<T>): AsyncIterableIterator<T> {
  return retryStreamWith(policy, open, withBuiltin(options));
}

/**
 * Builds a `fetch`-compatible function that classifies every failure with every built-in profile
 * and runs each call under a policy.
 *
 * @example
 * ```ts
 * const api = createFetch({ baseUrl: 'https://api.example.com', idempotencyKey: true });
 * const res = await api('/v1/runs', { method: 'POST', body: JSON.stringify(job) });
 * ```
 * @public
 */
export function createFetch(options?: CreateFetchOptions): FaultlineFetch {
  return createFetchWith(withBuiltin(options));
}

/**
 * `fetch` with faultline's defaults: error responses and network errors become `FaultError`s,
 * retried (up to 3 times, full-jitter exponential backoff, honouring `Retry-After`) when the
 * fault and the call's idempotency allow.
 *
 * @example
 * ```ts
 * const res = await resilientFetch('https://api.example.com/v1/models');
 * ```
 * @public
 */
export const resilientFetch: FaultlineFetch = /* @__PURE__ */ createFetch();
