/**
 * The circuit breaker: stops sending calls to an upstream that keeps failing,
 * then lets a few probes through to find out when it is back. What counts as
 * a failure comes from the Fault (a 404 says the server is fine), and a
 * refusal says exactly when the next probe may go.
 */
import { BREAKER_DEFAULTS, STORE_TIMEOUT_MS } from '../core/defaults.js';
import type { Fault, FaultError } from '../core/fault.js';
import { basicClassifier } from '../core/basic-classifier.js';
import type { Classifier } from '../core/classifier.js';
import { type FaultReader, faultErrorOf } from '../core/fault-error-of.js';
import { BreakerState, CLOSED, ISOLATED, RELEASE } from './breaker-state.js';
import { type BreakerStrategy, consecutiveFailures } from './breaker-strategy.js';
import { FAILED, SLOW } from './breaker-window.js';
import { type Clock, cancelledError, systemClock } from './clock.js';
import { Emitter, type PolicyEvent } from './events.js';
import { policyError } from './policy-error.js';
import type { AttemptContext, ExecuteOptions, Policy } from './policy.js';
import { NEUTRAL, SharedBreaker } from './shared-breaker.js';
import { callerSignal, neverSignal, raceAbort } from './signal.js';
import { type BreakerStateName, STATE_NAMES, type StateStore } from './state-store.js';
import type { StoreErrorEvent } from './store-guard.js';
import { checkClassifier, checkClock, checkFunction, checkInteger, checkNumber, checkOptions, invalid } from './validate.js';

/**
 * Options of {@link circuitBreaker}.
 *
 * @example
 * ```ts
 * const options: CircuitBreakerOptions = { strategy: consecutiveFailures(5), breakMs: 10_000, breakFactor: 2, maxBreakMs: 120_000 };
 * ```
 * @public
 */
export interface CircuitBreakerOptions {
  /** When the closed breaker opens. @defaultValue `consecutiveFailures(5)` */
  readonly strategy?: BreakerStrategy | undefined;
  /** How long the breaker stays open before letting a probe through. @defaultValue 5000 */
  readonly breakMs?: number | undefined;
  /** The longest break, however many probes fail. @defaultValue `max(60000, breakMs)` */
  readonly maxBreakMs?: number | undefined;
  /** Each failed probe multiplies the break by this (>= 1); closing resets it. @defaultValue 2 */
  readonly breakFactor?: number | undefined;
  /** Probes let through at once while half-open. @defaultValue 1 */
  readonly halfOpenMaxCalls?: number | undefined;
  /** Successful probes that close the breaker. @defaultValue 1 */
  readonly halfOpenSuccesses?: number | undefined;
  /** Whether a fault counts against the upstream. @defaultValue `fault.retry !== 'never'`: 5xx, 408, 429, timeouts and network errors count; other 4xx and `cancelled` do not */
  readonly isFailure?: ((fault: Fault) => boolean) | undefined;
  /** Turns what a call threw into a Fault. @defaultValue every built-in vendor profile (`faultline`); status, headers and network errors only (`faultline/mini`) */
  readonly classifier?: Classifier | undefined;
  /** Time source for breaks, time windows and slow calls. @defaultValue systemClock */
  readonly clock?: Clock | undefined;
  /**
   * Where the breaker's state lives. With a shared store (`redisStore`) every process using the same `name`
   * shares one breaker: it opens for all, and lets `halfOpenMaxCalls` probes through fleet-wide
   * (slow calls count as failures and towards `slowCallRatio` there too). @defaultValue this process's memory
   */
  readonly store?: StateStore | undefined;
  /** The breaker's key in `store`; required with `store`. @defaultValue none */
  readonly name?: string | undefined;
  /** A store operation slower than this falls back to local state (and emits `onStoreError`). @defaultValue 100 */
  readonly storeTimeoutMs?: number | undefined;
}

/**
 * Every option {@link circuitBreaker} accepts; any other key is refused at construction.
 * @internal
 */
export const CIRCUIT_BREAKER_OPTIONS = [
  'strategy', 'breakMs', 'maxBreakMs', 'breakFactor', 'halfOpenMaxCalls', 'halfOpenSuccesses', 'isFailure', 'clock', 'store', 'name', 'storeTimeoutMs',
  'classifier',
] as const satisfies ReadonlyArray<keyof CircuitBreakerOptions>;

/**
 * Emitted on every change of breaker state.
 *
 * @example
 * ```ts
 * breaker.onStateChange(({ from, to, breakMs }) => log.warn(`breaker ${from} → ${to}`, { breakMs }));
 * ```
 * @public
 */
export interface BreakerStateChangeEvent {
  /** The state left. */
  readonly from: BreakerStateName;
  /** The state entered. */
  readonly to: BreakerStateName;
  /** The current break length (the one just started, when `to` is `open`). */
  readonly breakMs: number;
}

/**
 * Emitted when the breaker refuses a call with `circuit_open` (open, isolated, or half-open with
 * every probe in flight).
 *
 * @example
 * ```ts
 * breaker.onRefused(({ fault }) => console.warn(`refused; next probe in ${fault.retryAfterMs} ms`));
 * ```
 * @public
 */
export interface BreakerRefusedEvent {
  /** The `circuit_open` fault the call rejects with. */
  readonly fault: Fault;
}

/**
 * A circuit breaker policy with its state and controls.
 *
 * @example
 * ```ts
 * const breaker: CircuitBreakerPolicy = circuitBreaker();
 * if (breaker.state === 'open') showBanner();
 * ```
 * @public
 */
export interface CircuitBreakerPolicy extends Policy {
  /** `closed`, `open`, `half-open` or `isolated`. An open breaker turns half-open on the first call after its break. */
  readonly state: BreakerStateName;
  /** Every change of state. */
  readonly onStateChange: PolicyEvent<BreakerStateChangeEvent>;
  /** Every call refused with `circuit_open`. */
  readonly onRefused: PolicyEvent<BreakerRefusedEvent>;
  /** Holds the breaker open (refusing every call) until `reset()`. */
  isolate(): void;
  /** Closes the breaker from any state and forgets its history and escalated break. */
  reset(): void;
  /** The shared store failed or was slow and the breaker used local state (only with `store`). */
  readonly onStoreError: PolicyEvent<StoreErrorEvent>;
}

const NAME = 'circuitBreaker';

const defaultIsFailure = (fault: Fault): boolean => fault.retry !== 'never';

class CircuitBreaker implements CircuitBreakerPolicy {
  readonly #core: BreakerState;
  readonly #clock: Clock;
  readonly #classifier: FaultReader;
  readonly #slowMs: number;
  readonly #isFailure: (fault: Fault) => boolean;
  readonly #changed = new Emitter<BreakerStateChangeEvent>();
  readonly onStateChange = this.#changed.on;
  readonly #refused = new Emitter<BreakerRefusedEvent>();
  readonly onRefused = this.#refused.on;
  readonly onStoreError: PolicyEvent<StoreErrorEvent>;
  /** Set when the state lives in a store. */
  readonly #shared: SharedBreaker | undefined;
  #context: AttemptContext | undefined;

  constructor(options: CircuitBreakerOptions | undefined) {
    const o = checkOptions(NAME, options, CIRCUIT_BREAKER_OPTIONS);
    const strategy = o.strategy === undefined ? consecutiveFailures(5) : o.strategy;
    if (typeof strategy !== 'object' || strategy === null || !['consecutive', 'calls', 'time'].includes(strategy.kind)) {
      invalid(NAME, 'strategy', 'consecutiveFailures(n) or failureRatio(options)', strategy);
    }
    const breakMs = checkNumber(NAME, 'breakMs', o.breakMs, BREAKER_DEFAULTS.breakMs);
    const maxBreakMs = checkNumber(NAME, 'maxBreakMs', o.maxBreakMs, Math.max(60_000, breakMs));
    if (maxBreakMs < breakMs) invalid(NAME, 'maxBreakMs', `a finite number >= breakMs (${breakMs})`, maxBreakMs);
    this.#clock = checkClock(NAME, o.clock, systemClock);
    this.#classifier = checkClassifier(NAME, o.classifier, basicClassifier);
    this.#isFailure = checkFunction(NAME, 'isFailure', o.isFailure) ?? defaultIsFailure;
    this.#slowMs = strategy.slowCallMs;
    const config = {
      strategy,
      breakMs,
      maxBreakMs,
      breakFactor: checkNumber(NAME, 'breakFactor', o.breakFactor, BREAKER_DEFAULTS.breakFactor, 1),
      halfOpenMaxCalls: checkInteger(NAME, 'halfOpenMaxCalls', o.halfOpenMaxCalls, BREAKER_DEFAULTS.halfOpenMaxCalls, 1),
      halfOpenSuccesses: checkInteger(NAME, 'halfOpenSuccesses', o.halfOpenSuccesses, BREAKER_DEFAULTS.halfOpenSuccesses, 1),
    };
    const changed = (from: BreakerStateName, to: BreakerStateName, ms: number): void => {
      if (this.#changed.size > 0) this.#changed.emit({ from, to, breakMs: ms });
    };
    this.#core = new BreakerState(config, this.#clock, changed);
    if (o.store !== undefined) {
      const store = o.store;
      if (typeof store !== 'object' || store === null || typeof store.record !== 'function') invalid(NAME, 'store', 'a StateStore', store);
      if (typeof o.name !== 'string' || o.name.length === 0) invalid(NAME, 'name', 'a non-empty string when store is set', o.name);
      this.#shared = new SharedBreaker({
        store,
        name: o.name,
        rule: { ...config, threshold: strategy.threshold, minimumCalls: strategy.minimumCalls, windowMs: strategy.windowMs, windowCalls: strategy.windowCalls, buckets: strategy.buckets, slowCallRatio: strategy.slowCallRatio },
        storeTimeoutMs: checkNumber(NAME, 'storeTimeoutMs', o.storeTimeoutMs, STORE_TIMEOUT_MS, 0, true),
        clock: this.#clock,
        classifier: this.#classifier,
        isFailure: this.#isFailure,
        slowCallMs: this.#slowMs,
        onChange: changed,
        onRefuse: (refusal) => this.#tellRefused(refusal),
      });
    }
    this.onStoreError = this.#shared?.onStoreError ?? new Emitter<StoreErrorEvent>().on;
  }

  get state(): BreakerStateName {
    return this.#shared?.state ?? STATE_NAMES[this.#core.state] ?? 'closed';
  }

  isolate(): void {
    if (this.#shared !== undefined) void this.#shared.isolate();
    else this.#core.isolate();
  }

  reset(): void {
    if (this.#shared !== undefined) void this.#shared.reset();
    else this.#core.reset();
  }

  execute<T>(fn: (context: AttemptContext) => PromiseLike<T> | T, options?: ExecuteOptions): Promise<T> {
    if (this.#shared !== undefined) return this.#shared.execute(fn, options);
    const signal = callerSignal(options);
    if (signal?.aborted) return Promise.reject(cancelledError(signal));
    const core = this.#core;
    const version = core.state === CLOSED ? core.version : core.admit();
    if (version < 0) return Promise.reject(this.#refusal());
    const start = this.#slowMs > 0 ? this.#clock.now() : 0;
    if (signal === undefined) {
      return this.#run(fn, (this.#context ??= Object.freeze({ signal: neverSignal(), attempt: 1 })), version, start, undefined);
    }
    return raceAbort(signal, () => this.#run(fn, { signal, attempt: 1 }, version, start, signal));
  }

  async #run<T>(
    fn: (context: AttemptContext) => PromiseLike<T> | T,
    context: AttemptContext,
    version: number,
    start: number,
    signal: AbortSignal | undefined,
  ): Promise<T> {
    let value: T;
    try {
      value = await fn(context);
    } catch (thrown) {
      const converted = faultErrorOf(thrown, this.#classifier);
      const error = converted instanceof Promise ? await converted : converted;
      const fault = error.fault;
      let bits: number;
      if (signal?.aborted) bits = RELEASE;
      else if (this.#counts(fault)) bits = FAILED | this.#slow(start);
      else bits = NEUTRAL.has(fault.code) ? RELEASE : 0;
      this.#core.record(bits, version);
      throw error;
    }
    // A slow success counts as a failure (and as slow, for slowCallRatio).
    this.#core.record(this.#slowMs > 0 && this.#slow(start) !== 0 ? FAILED | SLOW : 0, version);
    return value;
  }

  /** The user's `isFailure`; one that throws counts the fault as a failure rather than leaking a probe. */
  #counts(fault: Fault): boolean {
    try {
      return this.#isFailure(fault);
    } catch {
      return true;
    }
  }

  /** `SLOW` when the call took at least `slowCallMs`, else 0. */
  #slow(start: number): number {
    return this.#slowMs > 0 && this.#clock.now() - start >= this.#slowMs ? SLOW : 0;
  }

  #refusal(): FaultError {
    const core = this.#core;
    const remainingMs = core.remainingMs();
    const message =
      remainingMs !== undefined
        ? `Circuit open; the next probe may go in ${remainingMs} ms`
        : core.state === ISOLATED
          ? 'Circuit isolated; refusing every call until reset'
          : 'Circuit half-open; waiting for the probes in flight';
    return this.#tellRefused(policyError('circuit_open', message, remainingMs));
  }

  #tellRefused(refusal: FaultError): FaultError {
    if (this.#refused.size > 0) this.#refused.emit({ fault: refusal.fault });
    return refusal;
  }
}

/**
 * A policy that stops calling an upstream that keeps failing. Closed, it
 * counts outcomes with its `strategy`; when the strategy trips it opens and
 * refuses every call for `breakMs` with a `circuit_open` FaultError whose
 * `retryAfterMs` is the time left; then it lets `halfOpenMaxCalls` probes
 * through at once and closes after `halfOpenSuccesses` of them succeed. A
 * failed probe re-opens it for `breakMs × breakFactor` (up to `maxBreakMs`).
 * Client errors (4xx other than 408/429) and cancellations never count, nor
 * does a failure after the caller aborted (the abort may be why); a slow
 * success counts as a failure, a half-open probe included.
 *
 * @example
 * ```ts
 * const breaker = circuitBreaker({ strategy: failureRatio({ threshold: 0.5, minimumCalls: 20, windowMs: 30_000 }), breakMs: 10_000 });
 * breaker.onStateChange(({ to }) => console.warn(`payments breaker ${to}`));
 * await pipeline(retry({ maxRetries: 2 }), breaker).execute(({ signal }) => callPayments(signal));
 * ```
 * @public
 */
export function circuitBreaker(options?: CircuitBreakerOptions): CircuitBreakerPolicy {
  return new CircuitBreaker(options);
}
