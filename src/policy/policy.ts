/**
 * What every policy is: something that runs a function for you.
 */

/**
 * What a policy passes to the function it runs.
 * @public
 */
export interface AttemptContext {
  /** Aborts when the caller aborts, the attempt times out, or a hedge wins. Pass it to `fetch`. */
  readonly signal: AbortSignal;
  /** 1 for the first attempt, 2 for the first retry, … */
  readonly attempt: number;
}

/**
 * Per-call options of `execute`.
 * @public
 */
export interface ExecuteOptions {
  /** Aborts the call, any sleep and any queue wait; the call then rejects with a `cancelled` FaultError. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * A resilience policy. Every policy rejects with a `FaultError` whose `cause`
 * is the original error.
 *
 * @example
 * ```ts
 * const value = await policy.execute(({ signal }) => fetch(url, { signal }), { signal });
 * ```
 * @public
 */
export interface Policy {
  /** Runs `fn` under this policy. */
  execute<T>(fn: (context: AttemptContext) => PromiseLike<T> | T, options?: ExecuteOptions): Promise<T>;
}

/**
 * A retry budget: shared by any number of retry policies, it caps how many
 * retries a fleet of calls may make. `retry({ budget })` records every
 * attempt's outcome and asks before each retry.
 * @public
 */
export interface RetryBudget {
  /** Records the outcome of one attempt (first try or retry). */
  record(outcome: 'success' | 'failure'): void;
  /** Asks permission for one retry; when granted the retry is spent. */
  tryRetry(): boolean;
}
