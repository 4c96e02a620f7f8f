/**
 * Retry decided by the Fault: whether from its retry class (and the call's
 * idempotency), when from the server's `Retry-After` or the backoff, how
 * often from `maxRetries` and the vendor's `retryLimit`.
 */
import { RETRY_DEFAULTS } from '../core/defaults.js';
import { type Fault, type FaultError, isRetryable } from '../core/fault.js';
import { basicClassifier } from '../core/basic-classifier.js';
import type { Classifier } from '../core/classifier.js';
import { type FaultReader, faultErrorOf } from '../core/fault-error-of.js';
import { type Backoff, defaultBackoff } from './backoff.js';
import { type Clock, type RandomSource, cancelledError, systemClock, systemRandom } from './clock.js';
import { Emitter, type PolicyEvent } from './events.js';
import type { AttemptContext, ExecuteOptions, Policy, RetryBudget } from './policy.js';
import { callerSignal, neverSignal, raceAbort } from './signal.js';
import { STAGE, type Stage } from './stage.js';
import { checkBoolean, checkClassifier, checkClock, checkFunction, checkInteger, checkNumber, checkOptions, checkRandom, invalid } from './validate.js';

/**
 * What a custom `shouldRetry` is told besides the fault.
 *
 * @example
 * ```ts
 * retry({ shouldRetry: (fault, { attempt }) => fault.code === 'conflict' && attempt < 2 });
 * ```
 * @public
 */
export interface RetryDecisionContext {
  /** The policy's `idempotent` option. */
  readonly idempotent: boolean;
  /** The attempt that just failed: 1 for the first. */
  readonly attempt: number;
}

/**
 * Options of {@link retry}.
 *
 * @example
 * ```ts
 * const options: RetryOptions = { maxRetries: 5, idempotent: true, maxRetryAfterMs: 120_000 };
 * ```
 * @public
 */
export interface RetryOptions {
  /** Retries after the first attempt, at most; a fault's `retryLimit` can only lower it. @defaultValue 3 */
  readonly maxRetries?: number | undefined;
  /** Delay before each retry when the server gave none. @defaultValue `exponentialBackoff({ initialMs: 200, factor: 2, maxMs: 30_000, jitter: 'full' })` */
  readonly backoff?: Backoff | undefined;
  /** A server-directed delay longer than this gives up at once instead of sleeping. @defaultValue 60000 */
  readonly maxRetryAfterMs?: number | undefined;
  /** Whether the call is safe to repeat (GET, PUT, DELETE, an idempotency key); faults of class `idempotent` are retried only then. @defaultValue false */
  readonly idempotent?: boolean | undefined;
  /** Overrides the yes/no for a fault; limits and `maxRetryAfterMs` still apply. @defaultValue `isRetryable(fault, { idempotent })` from the catalog */
  readonly shouldRetry?: ((fault: Fault, context: RetryDecisionContext) => boolean) | undefined;
  /** A shared retry budget: told every attempt's outcome, asked before every retry. @defaultValue none */
  readonly budget?: RetryBudget | undefined;
  /** Turns what a call threw into a Fault. @defaultValue every built-in vendor profile (`faultline`); status, headers and network errors only (`faultline/mini`) */
  readonly classifier?: Classifier | undefined;
  /** Time source for sleeps. @defaultValue systemClock */
  readonly clock?: Clock | undefined;
  /** Random source for jitter, values in [0, 1). @defaultValue Math.random */
  readonly random?: RandomSource | undefined;
}

/**
 * Every option {@link retry} accepts; any other key is refused at construction.
 * @internal
 */
export const RETRY_OPTIONS = [
  'maxRetries', 'backoff', 'maxRetryAfterMs', 'idempotent', 'shouldRetry', 'budget', 'clock', 'random',
  'classifier',
] as const satisfies ReadonlyArray<keyof RetryOptions>;

/** cockatiel's name for a limit that counts differently (attempts, not retries): the error points to ours. */
const ALIASES = { maxAttempts: 'maxRetries' } as const;

/**
 * Emitted before each retry's sleep.
 *
 * @example
 * ```ts
 * policy.onRetry(({ attempt, delayMs, fault }) => console.warn(`attempt ${attempt}: ${fault.code}, retry in ${delayMs} ms`));
 * ```
 * @public
 */
export interface RetryEvent {
  /** The attempt that failed: 1 for the first, so the retry about to run is `attempt + 1`. */
  readonly attempt: number;
  /** How long the policy will wait: the server's hint or the backoff. */
  readonly delayMs: number;
  /** Why the attempt failed. */
  readonly fault: Fault;
}

/**
 * Emitted when the policy stops retrying and rejects (not on cancellation).
 *
 * @example
 * ```ts
 * policy.onGiveUp(({ attempts, fault }) => metrics.count('gave_up', { code: fault.code, attempts }));
 * ```
 * @public
 */
export interface GiveUpEvent {
  /** Attempts made, the first included. */
  readonly attempts: number;
  /** The last attempt's fault, which the call rejects with. */
  readonly fault: Fault;
}

/**
 * Emitted when a call succeeds.
 *
 * @example
 * ```ts
 * policy.onSuccess(({ attempts }) => metrics.histogram('attempts', attempts));
 * ```
 * @public
 */
export interface SuccessEvent {
  /** Attempts made, the first included. */
  readonly attempts: number;
}

/**
 * A retry policy with its events.
 *
 * @example
 * ```ts
 * const policy: RetryPolicy = retry();
 * const off = policy.onRetry((e) => console.warn(e.fault.code));
 * ```
 * @public
 */
export interface RetryPolicy extends Policy {
  /** Before each retry's sleep. */
  readonly onRetry: PolicyEvent<RetryEvent>;
  /** When the call rejects with its last fault. */
  readonly onGiveUp: PolicyEvent<GiveUpEvent>;
  /** When the call succeeds. */
  readonly onSuccess: PolicyEvent<SuccessEvent>;
  /** When the budget refused a retry (followed by `onGiveUp`). */
  readonly onBudgetExhausted: PolicyEvent<GiveUpEvent>;
}

const NAME = 'retry';

class Retry implements RetryPolicy {
  readonly #maxRetries: number;
  readonly #backoff: Backoff;
  readonly #maxRetryAfterMs: number;
  readonly #idempotent: boolean;
  readonly #decide: (fault: Fault, context: RetryDecisionContext) => boolean;
  readonly #budget: RetryBudget | undefined;
  readonly #clock: Clock;
  readonly #random: RandomSource;
  readonly #classifier: FaultReader;
  readonly #retried = new Emitter<RetryEvent>();
  readonly #gaveUp = new Emitter<GiveUpEvent>();
  readonly #succeeded = new Emitter<SuccessEvent>();
  readonly #exhausted = new Emitter<GiveUpEvent>();
  readonly onRetry = this.#retried.on;
  readonly onGiveUp = this.#gaveUp.on;
  readonly onSuccess = this.#succeeded.on;
  readonly onBudgetExhausted = this.#exhausted.on;
  #context: AttemptContext | undefined;
  /** Outermost in a pipeline: the first attempt's success recorded as `#first` does; a failure goes on retrying through `rest`. */
  readonly [STAGE]: Stage = {
    pass: () => this.#won(1),
    fail: (_token, error, rest) => this.#again(rest, undefined, error),
  };

  constructor(options: RetryOptions | undefined) {
    const o = checkOptions(NAME, options, RETRY_OPTIONS, ALIASES);
    this.#maxRetries = checkInteger(NAME, 'maxRetries', o.maxRetries, RETRY_DEFAULTS.maxRetries);
    this.#backoff = checkFunction(NAME, 'backoff', o.backoff) ?? defaultBackoff;
    this.#maxRetryAfterMs = checkNumber(NAME, 'maxRetryAfterMs', o.maxRetryAfterMs, RETRY_DEFAULTS.maxRetryAfterMs);
    this.#idempotent = checkBoolean(NAME, 'idempotent', o.idempotent, false);
    this.#decide = checkFunction(NAME, 'shouldRetry', o.shouldRetry) ?? isRetryable;
    const budget = o.budget;
    if (budget !== undefined && (typeof budget?.record !== 'function' || typeof budget.tryRetry !== 'function')) {
      invalid(NAME, 'budget', 'an object with record(outcome) and tryRetry()', budget);
    }
    this.#budget = budget;
    this.#clock = checkClock(NAME, o.clock, systemClock);
    this.#random = checkRandom(NAME, o.random, systemRandom);
    this.#classifier = checkClassifier(NAME, o.classifier, basicClassifier);
  }

  execute<T>(fn: (context: AttemptContext) => PromiseLike<T> | T, options?: ExecuteOptions): Promise<T> {
    const signal = callerSignal(options);
    return signal === undefined ? this.#first(fn, undefined) : raceAbort(signal, () => this.#first(fn, signal));
  }

  // The success path: one await, no closures, no context object without a signal, nothing emitted unless someone listens.
  async #first<T>(fn: (context: AttemptContext) => PromiseLike<T> | T, signal: AbortSignal | undefined): Promise<T> {
    let value: T;
    try {
      value = await fn(signal === undefined ? (this.#context ??= Object.freeze({ signal: neverSignal(), attempt: 1 })) : { signal, attempt: 1 });
    } catch (error) {
      return this.#again(fn, signal, error);
    }
    this.#won(1);
    return value;
  }

  #won(attempts: number): undefined {
    this.#budget?.record('success');
    if (this.#succeeded.size > 0) this.#succeeded.emit({ attempts });
    return undefined;
  }

  async #again<T>(fn: (context: AttemptContext) => PromiseLike<T> | T, signal: AbortSignal | undefined, error: unknown): Promise<T> {
    let previousMs = 0;
    // `attempt` counts the attempt that just failed.
    for (let attempt = 1; ; attempt++) {
      if (signal?.aborted) throw cancelledError(signal);
      const converted = faultErrorOf(error, this.#classifier);
      const failure = converted instanceof Promise ? await converted : converted;
      const fault = failure.fault;
      this.#budget?.record('failure');
      const hint = fault.retryAfterMs;
      if (
        attempt > this.#maxRetries ||
        (fault.retryLimit !== undefined && attempt > fault.retryLimit) ||
        (hint !== undefined && hint > this.#maxRetryAfterMs) ||
        !this.#decide(fault, { idempotent: this.#idempotent, attempt })
      ) {
        return this.#giveUp(attempt, failure);
      }
      if (this.#budget !== undefined && !this.#budget.tryRetry()) {
        if (this.#exhausted.size > 0) this.#exhausted.emit({ attempts: attempt, fault });
        return this.#giveUp(attempt, failure);
      }
      let delayMs: number;
      if (hint === undefined) {
        const next = this.#backoff(attempt, previousMs, this.#random);
        // A user backoff that returns NaN or a negative number means "no wait", not a broken timer.
        delayMs = previousMs = next > 0 ? next : 0;
      } else {
        delayMs = hint;
      }
      if (this.#retried.size > 0) this.#retried.emit({ attempt, delayMs, fault });
      if (delayMs > 0) await this.#clock.sleep(delayMs, signal);
      try {
        const value = await fn({ signal: signal ?? neverSignal(), attempt: attempt + 1 });
        if (signal?.aborted) throw cancelledError(signal);
        this.#won(attempt + 1);
        return value;
      } catch (next) {
        error = next;
      }
    }
  }

  #giveUp(attempts: number, failure: FaultError): never {
    if (this.#gaveUp.size > 0) this.#gaveUp.emit({ attempts, fault: failure.fault });
    throw failure;
  }
}

/**
 * A policy that retries a failed call when its Fault says so: `always`
 * faults, `idempotent` faults when `idempotent: true`, never `never` faults.
 * Waits the server's `Retry-After` when given (giving up at once when it is
 * longer than `maxRetryAfterMs`), else the backoff; never retries more than
 * `maxRetries` or the fault's `retryLimit` times. Rejects with the last
 * attempt's `FaultError`, whose `cause` is what `fn` threw.
 *
 * @example
 * ```ts
 * const policy = retry({ maxRetries: 3, idempotent: true });
 * const res = await policy.execute(({ signal }) => fetchOrThrow(url, { signal }));
 * ```
 * @public
 */
export function retry(options?: RetryOptions): RetryPolicy {
  return new Retry(options);
}
