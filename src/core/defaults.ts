/**
 * Every default of the policies and fetch in one place (as Polly's RetryConstants), so a reader finds
 * them together and the TSDoc `@defaultValue`s have one source to agree with.
 */

/**
 * createFetch's defaults.
 * @internal
 */
export const FETCH_DEFAULTS = Object.freeze({
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
