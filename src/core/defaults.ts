/**
 * Every default of the policies and fetch in one place (as Polly's RetryConstants), so a reader finds
 * them together and the TSDoc `@defaultValue`s have one source to agree with.
 */

/**
 * createFetch's defaults.
 * @internal
 */
export const FETCH_DEFAULTS = /* @__PURE__ */ Object.freeze({
  /** Retries of the default policy. */
  maxRetries: 3,
  /** The default policy's backoff when the server gives no hint. */
  backoff: Object.freeze({ initialMs: 200, factor: 2, maxMs: 30_000, jitter: 'full' as const }),
  /** Per attempt, until the headers: a non-streamed LLM completion may take minutes (their SDKs allow 10). */
  timeoutMs: 600_000,
  /** An error response's body. */
  bodyTimeoutMs: 5_000,
  /** Between two chunks of a streamed answer. */
  idleTimeoutMs: 60_000,
});

/** retry's defaults. @internal */
export const RETRY_DEFAULTS = /* @__PURE__ */ Object.freeze({ maxRetries: 3, maxRetryAfterMs: 60_000 });

/** exponentialBackoff's defaults (the rest of the default backoff is in backoff.ts's defaultBackoff). @internal */
export const BACKOFF_DEFAULTS = /* @__PURE__ */ Object.freeze({ initialMs: 200, factor: 2 });

/** circuitBreaker's defaults. @internal */
export const BREAKER_DEFAULTS = /* @__PURE__ */ Object.freeze({ breakMs: 5_000, breakFactor: 2, halfOpenMaxCalls: 1, halfOpenSuccesses: 1 });

/** bulkhead's defaults. @internal */
export const BULKHEAD_DEFAULTS = /* @__PURE__ */ Object.freeze({ maxConcurrent: 10, maxQueue: 0 });

/** hedge's defaults. @internal */
export const HEDGE_DEFAULTS = /* @__PURE__ */ Object.freeze({ maxHedges: 1 });

/** rateLimiter's defaults. @internal */
export const RATE_LIMITER_DEFAULTS = /* @__PURE__ */ Object.freeze({ windowMs: 1_000 });

/** retryBudget's defaults, for either design. @internal */
export const BUDGET_DEFAULTS = /* @__PURE__ */ Object.freeze({ maxTokens: 10, tokenRatio: 0.1, ratio: 0.2, minPerSecond: 10, windowMs: 10_000 });

/** How long a shared store may take before a policy uses its local state. @internal */
export const STORE_TIMEOUT_MS = 100;
